import { generateText } from 'ai';
import type { Example } from '../example-context';

// A 1×1 PDF would be larger than this example: a tiny valid one, built inline.
const PDF = new TextEncoder().encode(
  '%PDF-1.1\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

export const multimodalInput: Example = {
  description: 'Image, audio and video URLs plus a PDF to Gemini in one message',
  async run({ provider, line }) {
    const result = await generateText({
      model: provider('gemini-2.5-flash'),
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Describe each attachment.' },
            {
              type: 'file',
              data: new URL('https://s2.loli.net/2024/02/01/QSWVdw9bX56gj7O.jpg'),
              mediaType: 'image/jpeg',
            },
            {
              type: 'file',
              data: new URL('https://cdn.openai.com/API/docs/audio/alloy.wav'),
              mediaType: 'audio/wav',
            },
            {
              type: 'file',
              data: new URL('https://cdn.bigmodel.cn/agent-demos/lark/113123.mov'),
              mediaType: 'video/mp4',
            },
            { type: 'file', data: PDF, mediaType: 'application/pdf', filename: 'tiny.pdf' },
          ],
        },
      ],
    });
    line(result.text);
  },
};
