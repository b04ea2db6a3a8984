import { generateSpeech } from 'ai';
import type { Example } from '../example-context';

export const speech: Example = {
  description: 'generateSpeech with an OpenAI voice and qwen3-tts-flash (JSON audio_url answer)',
  async run({ provider, line, saveFile }) {
    for (const id of ['gpt-4o-mini-tts', 'qwen3-tts-flash']) {
      const { audio } = await generateSpeech({
        model: provider.speech(id),
        text: 'Hello from MixRouter.',
        voice: 'alloy',
      });
      line(
        `${id} → ${await saveFile(`${id}.${audio.format}`, audio.uint8Array)} (${audio.mediaType}, ${audio.uint8Array.length} bytes)`,
      );
    }
  },
};
