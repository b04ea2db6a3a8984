import { type LanguageModelV4StreamPart, UnsupportedFunctionalityError } from '@ai-sdk/provider';
import { createTestServer } from '@ai-sdk/test-server/with-vitest';
import { describe, expect, it } from 'vitest';
import {
  CHAT_URL,
  callOptions,
  deltaChunk,
  jsonResponse,
  messageResponse,
  sseFixtureResponse,
  sseResponse,
  streamParts,
  testModel,
} from '../test-utils/chat';
import { readJsonFixture } from '../test-utils/sse';

const server = createTestServer({ [CHAT_URL]: {} });

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const WAV = new Uint8Array([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0]);
const S3_URL = 'https://toiotech.s3.cn-northwest-1.amazonaws.com.cn/images/1766736902-8f3kq2.png';

function withoutMetadata(parts: LanguageModelV4StreamPart[]) {
  return parts.filter((p) => !['stream-start', 'response-metadata', 'finish'].includes(p.type));
}

describe('multimodal input on the wire', () => {
  it('gemini-2.0-flash: the seed request (image URL + audio URL) and a video URL', async () => {
    server.urls[CHAT_URL].response = jsonResponse(readJsonFixture('gemini-2.0-flash'));
    await testModel('gemini-2.0-flash').doGenerate(
      callOptions({
        maxOutputTokens: 2000,
        temperature: 0.8,
        topP: 0.1,
        prompt: [
          {
            role: 'user',
            content: [
              { type: 'text', text: '请分析下面附件的内容' },
              {
                type: 'file',
                mediaType: 'image/jpeg',
                data: {
                  type: 'url',
                  url: new URL('https://s2.loli.net/2024/02/01/QSWVdw9bX56gj7O.jpg'),
                },
              },
              {
                type: 'file',
                mediaType: 'audio/wav',
                data: {
                  type: 'url',
                  url: new URL('https://cdn.openai.com/API/docs/audio/alloy.wav'),
                },
              },
              {
                type: 'file',
                mediaType: 'video/mp4',
                data: { type: 'url', url: new URL('https://example.com/c.mp4') },
              },
            ],
          },
        ],
      }),
    );
    expect(await server.calls[0].requestBodyJson).toMatchInlineSnapshot(`
      {
        "max_tokens": 2000,
        "messages": [
          {
            "content": [
              {
                "text": "请分析下面附件的内容",
                "type": "text",
              },
              {
                "image_url": {
                  "url": "https://s2.loli.net/2024/02/01/QSWVdw9bX56gj7O.jpg",
                },
                "type": "image_url",
              },
              {
                "audio_url": {
                  "url": "https://cdn.openai.com/API/docs/audio/alloy.wav",
                },
                "type": "audio_url",
              },
              {
                "type": "video_url",
                "video_url": {
                  "url": "https://example.com/c.mp4",
                },
              },
            ],
            "role": "user",
          },
        ],
        "model": "gemini-2.0-flash",
        "temperature": 0.8,
        "top_p": 0.1,
      }
    `);
  });

  it('qwen2.5-vl-72b-instruct: the seed request (video URL + thinking enabled)', async () => {
    server.urls[CHAT_URL].response = jsonResponse(readJsonFixture('qwen3-max'));
    await testModel('qwen2.5-vl-72b-instruct').doGenerate(
      callOptions({
        reasoning: 'medium',
        prompt: [
          {
            role: 'user',
            content: [
              {
                type: 'file',
                mediaType: 'video/mp4',
                data: {
                  type: 'url',
                  url: new URL('https://cdn.bigmodel.cn/agent-demos/lark/113123.mov'),
                },
              },
              { type: 'text', text: 'What are the video show about?' },
            ],
          },
        ],
      }),
    );
    expect(await server.calls[0].requestBodyJson).toEqual({
      model: 'qwen2.5-vl-72b-instruct',
      messages: [
        {
          role: 'user',
          content: [
            {
              type: 'video_url',
              video_url: { url: 'https://cdn.bigmodel.cn/agent-demos/lark/113123.mov' },
            },
            { type: 'text', text: 'What are the video show about?' },
          ],
        },
      ],
      thinking: { type: 'enabled' },
    });
  });

  it('gpt-4o-audio-preview: wav bytes as input_audio', async () => {
    server.urls[CHAT_URL].response = jsonResponse(readJsonFixture('gpt-4o-audio-preview'));
    await testModel('gpt-4o-audio-preview').doGenerate(
      callOptions({
        prompt: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'Transcribe' },
              { type: 'file', mediaType: 'audio/wav', data: { type: 'data', data: WAV } },
            ],
          },
        ],
      }),
    );
    expect((await server.calls[0].requestBodyJson).messages[0].content[1]).toEqual({
      type: 'input_audio',
      input_audio: { data: 'UklGRgAAAAA=', format: 'wav' },
    });
  });

  it('passes imageDetail from the part provider options', async () => {
    server.urls[CHAT_URL].response = jsonResponse(messageResponse({ content: 'A cat.' }));
    await testModel('gpt-4o').doGenerate(
      callOptions({
        prompt: [
          {
            role: 'user',
            content: [
              {
                type: 'file',
                mediaType: 'image/png',
                data: { type: 'data', data: PNG },
                providerOptions: { mixrouter: { imageDetail: 'high' } },
              },
            ],
          },
        ],
      }),
    );
    expect((await server.calls[0].requestBodyJson).messages[0].content).toEqual([
      {
        type: 'image_url',
        image_url: { url: 'data:image/png;base64,iVBORw0KGgo=', detail: 'high' },
      },
    ]);
  });

  it('sends tool-result images in a user message after the tool messages', async () => {
    server.urls[CHAT_URL].response = jsonResponse(messageResponse({ content: 'Nice map.' }));
    await testModel('gpt-4o').doGenerate(
      callOptions({
        prompt: [
          { role: 'user', content: [{ type: 'text', text: 'Show me Paris' }] },
          {
            role: 'assistant',
            content: [
              { type: 'tool-call', toolCallId: 'c1', toolName: 'map', input: { city: 'Paris' } },
            ],
          },
          {
            role: 'tool',
            content: [
              {
                type: 'tool-result',
                toolCallId: 'c1',
                toolName: 'map',
                output: {
                  type: 'content',
                  value: [
                    { type: 'file', mediaType: 'image/png', data: { type: 'data', data: PNG } },
                  ],
                },
              },
            ],
          },
        ],
      }),
    );
    expect((await server.calls[0].requestBodyJson).messages.slice(2)).toEqual([
      { role: 'tool', tool_call_id: 'c1', content: '[image/png attached in the next message]' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Files returned by the tool calls above:' },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
        ],
      },
    ]);
  });

  it('rejects an image for a text-only model before any request (generate and stream)', async () => {
    const prompt = [
      {
        role: 'user' as const,
        content: [
          {
            type: 'file' as const,
            mediaType: 'image/png',
            data: { type: 'data' as const, data: PNG },
          },
        ],
      },
    ];
    const model = testModel('deepseek-chat');
    await expect(model.doGenerate(callOptions({ prompt }))).rejects.toSatisfy(
      UnsupportedFunctionalityError.isInstance,
    );
    await expect(model.doStream(callOptions({ prompt }))).rejects.toSatisfy(
      UnsupportedFunctionalityError.isInstance,
    );
    expect(server.calls).toHaveLength(0);
  });

  it('exposes supportedUrls on the model', () => {
    expect(Object.keys(testModel('gemini-2.5-flash').supportedUrls)).toEqual([
      'image/*',
      'audio/*',
      'video/*',
      'application/pdf',
    ]);
    expect(testModel('deepseek-chat').supportedUrls).toEqual({});
  });
});

describe('image output (Gemini image models)', () => {
  it('generate: MixRouter content array → text and a URL file part (MimeType)', async () => {
    server.urls[CHAT_URL].response = jsonResponse(readJsonFixture('gemini-2.5-flash-image'));
    const result = await testModel('gemini-2.5-flash-image').doGenerate(callOptions());
    expect(result.content).toEqual([
      { type: 'text', text: 'Here is a cat wearing a hat.' },
      { type: 'file', mediaType: 'image/png', data: { type: 'url', url: new URL(S3_URL) } },
    ]);
    expect(result.usage.outputTokens).toEqual({ total: 1299, text: 1299, reasoning: 0 });
  });

  it('generate: stock markdown data URI → base64 file part, surrounding text kept', async () => {
    server.urls[CHAT_URL].response = jsonResponse(
      readJsonFixture('gemini-2.5-flash-image-markdown'),
    );
    const result = await testModel('gemini-2.5-flash-image').doGenerate(callOptions());
    expect(result.content).toEqual([
      { type: 'text', text: 'Here is a cat wearing a hat.\n' },
      { type: 'file', mediaType: 'image/png', data: { type: 'data', data: 'iVBORw0KGgo=' } },
      { type: 'text', text: '\nEnjoy!' },
    ]);
  });

  it('stream: content arrays in delta.content', async () => {
    server.urls[CHAT_URL].response = sseFixtureResponse('gemini-2.5-flash-image');
    expect(withoutMetadata(await streamParts('gemini-2.5-flash-image'))).toMatchInlineSnapshot(`
      [
        {
          "id": "txt-0",
          "type": "text-start",
        },
        {
          "delta": "Here is a cat wearing a hat.",
          "id": "txt-0",
          "type": "text-delta",
        },
        {
          "id": "txt-0",
          "type": "text-end",
        },
        {
          "data": {
            "type": "url",
            "url": "https://toiotech.s3.cn-northwest-1.amazonaws.com.cn/images/1766736902-8f3kq2.png",
          },
          "mediaType": "image/png",
          "type": "file",
        },
        {
          "id": "txt-1",
          "type": "text-start",
        },
        {
          "delta": "Enjoy",
          "id": "txt-1",
          "type": "text-delta",
        },
        {
          "delta": "!",
          "id": "txt-1",
          "type": "text-delta",
        },
        {
          "id": "txt-1",
          "type": "text-end",
        },
      ]
    `);
  });

  it('stream: markdown data URI in delta text', async () => {
    server.urls[CHAT_URL].response = sseFixtureResponse('gemini-2.5-flash-image-markdown');
    const parts = withoutMetadata(await streamParts('gemini-2.5-flash-image'));
    expect(parts.filter((p) => p.type === 'file')).toEqual([
      { type: 'file', mediaType: 'image/png', data: { type: 'data', data: 'iVBORw0KGgo=' } },
    ]);
    expect(
      parts
        .filter(
          (p): p is Extract<LanguageModelV4StreamPart, { type: 'text-delta' }> =>
            p.type === 'text-delta',
        )
        .map((p) => p.delta),
      // A trailing "!" is held until the next delta: it could start `![image](data:…)`.
    ).toEqual(['Here is a cat wearing a hat.\n', '\nEnjoy', '!']);
  });
});

describe('audio output', () => {
  it('generate: message.audio → audio/wav file part and the transcript as text', async () => {
    server.urls[CHAT_URL].response = jsonResponse(readJsonFixture('gpt-4o-audio-preview'));
    const result = await testModel('gpt-4o-audio-preview').doGenerate(
      callOptions({ providerOptions: { mixrouter: { audio: { voice: 'alloy', format: 'wav' } } } }),
    );
    expect(result.content).toEqual([
      { type: 'text', text: 'Hello there!' },
      { type: 'file', mediaType: 'audio/wav', data: { type: 'data', data: 'UklGRgAAAAA=' } },
    ]);
    expect(result.response?.modelId).toBe('gpt-4o-audio-preview-2025-06-03');
  });

  it('generate: the requested format decides the media type', async () => {
    server.urls[CHAT_URL].response = jsonResponse(readJsonFixture('gpt-4o-audio-preview'));
    const result = await testModel('gpt-audio').doGenerate(
      callOptions({ providerOptions: { mixrouter: { audio: { voice: 'alloy', format: 'mp3' } } } }),
    );
    expect(result.content.find((p) => p.type === 'file')).toMatchObject({
      mediaType: 'audio/mpeg',
    });
  });

  it('stream: audio deltas are concatenated into one file part, transcript streamed as text', async () => {
    server.urls[CHAT_URL].response = sseFixtureResponse('gpt-4o-audio-preview');
    const parts = withoutMetadata(
      await streamParts('gpt-4o-audio-preview', {
        providerOptions: { mixrouter: { audio: { voice: 'alloy', format: 'wav' } } },
      }),
    );
    expect(parts).toMatchInlineSnapshot(`
      [
        {
          "id": "txt-0",
          "type": "text-start",
        },
        {
          "delta": "Hello",
          "id": "txt-0",
          "type": "text-delta",
        },
        {
          "delta": " there!",
          "id": "txt-0",
          "type": "text-delta",
        },
        {
          "id": "txt-0",
          "type": "text-end",
        },
        {
          "data": {
            "data": "UklGRgAAAAA=",
            "type": "data",
          },
          "mediaType": "audio/wav",
          "type": "file",
        },
      ]
    `);
  });

  it('stream: invalid base64 audio is an error part, not a crash', async () => {
    server.urls[CHAT_URL].response = sseResponse([
      deltaChunk({ audio: { data: '%%%not-base64%%%' } }),
      deltaChunk({}, 'stop'),
    ]);
    const parts = await streamParts('gpt-4o-audio-preview');
    expect(parts.some((p) => p.type === 'error')).toBe(true);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'error' } });
  });
});

describe('citations', () => {
  it('stream: url_citation annotations → source parts, once per URL', async () => {
    const annotation = {
      type: 'url_citation',
      url_citation: {
        url: 'https://vercel.com/blog/ai-sdk-7',
        title: 'AI SDK 7',
        start_index: 0,
        end_index: 5,
      },
    };
    server.urls[CHAT_URL].response = sseResponse([
      deltaChunk({ content: 'Read it.' }),
      deltaChunk({ annotations: [annotation] }),
      deltaChunk({ annotations: [annotation] }, 'stop'),
    ]);
    const parts = await streamParts('gpt-4o');
    expect(parts.filter((p) => p.type === 'source')).toEqual([
      {
        type: 'source',
        sourceType: 'url',
        id: 'id-0',
        url: 'https://vercel.com/blog/ai-sdk-7',
        title: 'AI SDK 7',
      },
    ]);
  });
});

describe('markdown data-URI images cut across stream deltas', () => {
  const textOf = (parts: LanguageModelV4StreamPart[]) =>
    parts.map((p) => (p.type === 'text-delta' ? p.delta : '')).join('');
  const PNG_BASE64 =
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
  const text = `Here it is: ![image](data:image/png;base64,${PNG_BASE64}) Enjoy!`;

  it.each([4, 7, 13, 20, 40])(
    'yields one file part and the surrounding text (delta size %i)',
    async (size) => {
      const deltas: string[] = [];
      for (let i = 0; i < text.length; i += size) deltas.push(text.slice(i, i + size));
      server.urls[CHAT_URL].response = {
        type: 'stream-chunks',
        chunks: [
          ...deltas.map((content) => `data: ${JSON.stringify(deltaChunk({ content }))}\n\n`),
          `data: ${JSON.stringify(deltaChunk({}, 'stop'))}\n\n`,
          'data: [DONE]\n\n',
        ],
      };
      const parts = await streamParts('gemini-2.5-flash-image');
      const files = parts.filter((p) => p.type === 'file');
      expect(files).toEqual([
        { type: 'file', mediaType: 'image/png', data: { type: 'data', data: PNG_BASE64 } },
      ]);
      expect(textOf(parts)).toBe('Here it is:  Enjoy!');
    },
  );

  it('releases a "![" that never became an image', async () => {
    server.urls[CHAT_URL].response = {
      type: 'stream-chunks',
      chunks: [
        `data: ${JSON.stringify(deltaChunk({ content: 'Wow!' }))}\n\n`,
        `data: ${JSON.stringify(deltaChunk({ content: ' ![not' }, 'stop'))}\n\n`,
        'data: [DONE]\n\n',
      ],
    };
    expect(textOf(await streamParts('gpt-4o'))).toBe('Wow! ![not');
  });
});
