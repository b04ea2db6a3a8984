import { experimental_generateVideo as generateVideo } from 'ai';
import type { Example } from '../example-context';

export const video: Example = {
  description: 'experimental_generateVideo: submit a task, poll until done, save the file',
  async run({ provider, line, saveFile, live }) {
    const result = await generateVideo({
      model: provider.video('doubao-seedance-1-0-lite-i2v-250428'),
      prompt: 'Waves rolling onto a beach at sunset',
      duration: 5,
      aspectRatio: '16:9',
      poll: { intervalMs: live ? 5_000 : 50 },
    });
    line(
      `video → ${await saveFile('waves.mp4', result.video.uint8Array)} (${result.video.mediaType})`,
    );
  },
};
