import { InvalidArgumentError } from '@ai-sdk/provider';
import { createTestServer } from '@ai-sdk/test-server/with-vitest';
import { describe, expect, it } from 'vitest';
import {
  CHAT_URL,
  callOptions,
  createTestProvider,
  jsonResponse,
  messageResponse,
} from '../test-utils/chat';

const server = createTestServer({ [CHAT_URL]: {} });

const withImage = (mixrouter: unknown) =>
  callOptions({
    prompt: [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is in this picture?' },
          {
            type: 'file',
            mediaType: 'image/png',
            data: { type: 'url', url: new URL('https://example.com/cat.png') },
            providerOptions: { mixrouter } as never,
          },
        ],
      },
    ],
  });

describe('file part providerOptions.mixrouter', () => {
  it('sends a valid imageDetail as image_url.detail', async () => {
    server.urls[CHAT_URL].response = jsonResponse(messageResponse({ content: 'A cat.' }));
    await createTestProvider()
      .chat('gpt-4o')
      .doGenerate(withImage({ imageDetail: 'low' }));
    const body = (await server.calls[0]!.requestBodyJson) as {
      messages: Array<{ content: Array<{ image_url?: { detail?: string } }> }>;
    };
    expect(body.messages[0]!.content[1]!.image_url!.detail).toBe('low');
  });

  it.each([
    [
      'a misspelt key',
      { imageDetial: 'low' },
      /providerOptions\.mixrouter: Unrecognized key.*imageDetial/,
    ],
    [
      'a value the gateway does not know',
      { imageDetail: 'ultra' },
      /providerOptions\.mixrouter\.imageDetail: Invalid option/,
    ],
  ])('rejects %s before sending', async (_, options, message) => {
    const attempt = createTestProvider().chat('gpt-4o').doGenerate(withImage(options));
    await expect(attempt).rejects.toThrow(InvalidArgumentError);
    await expect(
      createTestProvider().chat('gpt-4o').doGenerate(withImage(options)),
    ).rejects.toThrow(message);
    expect(server.calls).toHaveLength(0);
  });
});
