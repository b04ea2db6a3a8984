import { generateImage } from 'ai';
import type { Example } from '../example-context';

export const imageGeneration: Example = {
  description: 'generateImage with gpt-image-1, an edit, and a Gemini image model',
  async run({ provider, line, saveFile }) {
    const generated = await generateImage({
      model: provider.image('gpt-image-1'),
      prompt: 'A red fox in snow',
      size: '1024x1024',
    });
    line(`gpt-image-1 → ${await saveFile('fox.png', generated.image.uint8Array)}`);

    const edited = await generateImage({
      model: provider.image('gpt-image-1'),
      prompt: { text: 'Add a small blue hat', images: [generated.image.uint8Array] },
    });
    line(`edit → ${await saveFile('fox-hat.png', edited.image.uint8Array)}`);

    const gemini = await generateImage({
      model: provider.image('gemini-2.5-flash-image'),
      prompt: 'A watercolor lighthouse',
      aspectRatio: '16:9',
    });
    line(`gemini-2.5-flash-image → ${await saveFile('lighthouse.png', gemini.image.uint8Array)}`);
  },
};
