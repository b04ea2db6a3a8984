import {
  type LanguageModelV4Content,
  type LanguageModelV4GenerateResult,
  NoContentGeneratedError,
  UnsupportedFunctionalityError,
} from '@ai-sdk/provider';
import { createTestServer } from '@ai-sdk/test-server/with-vitest';
import { generateImage } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { MixRouterImageModel, type MixRouterImageModelConfig } from './mixrouter-image-model';

const BASE = 'https://api.mixrouter.test/v1';
const S3_IMAGE = 'https://toiotech.s3.cn-north-1.amazonaws.com.cn/gemini/out.png';
const server = createTestServer({ [S3_IMAGE]: {} });

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

function chatResult(content: LanguageModelV4Content[]): LanguageModelV4GenerateResult {
  return {
    content,
    finishReason: { unified: 'stop', raw: 'stop' },
    usage: {
      inputTokens: { total: 12, noCache: 12, cacheRead: undefined, cacheWrite: undefined },
      outputTokens: { total: 1290, text: 10, reasoning: undefined },
    },
    warnings: [],
    response: { modelId: 'gemini-2.5-flash-image', headers: { 'x-oneapi-request-id': 'req-g' } },
  };
}

function setup(modelId: string, content: LanguageModelV4Content[]) {
  const chat = new MockLanguageModelV4({ modelId, doGenerate: chatResult(content) });
  const requested: string[] = [];
  const config: MixRouterImageModelConfig = {
    provider: 'mixrouter.image',
    baseURL: BASE,
    url: (path) => `${BASE}${path}`,
    headers: () => ({ Authorization: 'Bearer sk-test' }),
    createChatModel: (id) => {
      requested.push(id);
      return chat;
    },
  };
  return { model: new MixRouterImageModel(modelId, config), chat, requested };
}

const OPTIONS = {
  prompt: 'A banana wearing sunglasses',
  n: 1,
  size: undefined,
  aspectRatio: undefined,
  seed: undefined,
  files: undefined,
  mask: undefined,
  providerOptions: {},
} as const;

describe('Gemini image models through chat completions', () => {
  it('calls the chat model with the prompt, input images and image_config', async () => {
    const { model, chat, requested } = setup('gemini-3-pro-image-preview', [
      { type: 'text', text: 'Here you go' },
      { type: 'file', mediaType: 'image/png', data: { type: 'data', data: 'iVBORw0KGgo=' } },
    ]);
    const result = await model.doGenerate({
      ...OPTIONS,
      aspectRatio: '16:9',
      size: '2048x1152',
      seed: 5,
      files: [
        { type: 'file', mediaType: 'image/jpeg', data: new Uint8Array([0xff, 0xd8, 0xff]) },
        { type: 'url', url: 'https://user-assets.example.com/cat.png' },
      ],
      headers: { 'x-call': '1' },
    });

    expect(requested).toEqual(['gemini-3-pro-image-preview']);
    const call = chat.doGenerateCalls[0];
    expect(call.seed).toBe(5);
    expect(call.headers).toEqual({ 'x-call': '1' });
    expect(call.providerOptions).toEqual({
      mixrouter: {
        extraBody: {
          extra_body: { google: { image_config: { aspect_ratio: '16:9', image_size: '2K' } } },
        },
      },
    });
    expect(call.prompt).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'A banana wearing sunglasses' },
          {
            type: 'file',
            mediaType: 'image/jpeg',
            data: { type: 'data', data: new Uint8Array([0xff, 0xd8, 0xff]) },
          },
          {
            type: 'file',
            mediaType: 'image',
            data: { type: 'url', url: new URL('https://user-assets.example.com/cat.png') },
          },
        ],
      },
    ]);

    expect(result.images).toEqual(['iVBORw0KGgo=']);
    expect(result.usage).toEqual({ inputTokens: 12, outputTokens: 1290, totalTokens: 1302 });
    expect(result.providerMetadata).toEqual({
      mixrouter: { images: [{}], text: 'Here you go' },
    });
    expect(result.response.modelId).toBe('gemini-2.5-flash-image');
    expect(result.response.headers).toEqual({ 'x-oneapi-request-id': 'req-g' });
    expect(result.warnings).toEqual([
      {
        type: 'compatibility',
        feature: 'size',
        details:
          'gemini-3-pro-image-preview does not take a pixel size; size 2048x1152 was mapped to image_size 2K.',
      },
    ]);
  });

  it('downloads a content-array URL image safely (no Authorization to S3)', async () => {
    server.urls[S3_IMAGE].response = {
      type: 'binary',
      body: PNG,
      headers: { 'content-type': 'image/png' },
    };
    const { model } = setup('gemini-2.5-flash-image', [
      { type: 'file', mediaType: 'image/png', data: { type: 'url', url: new URL(S3_IMAGE) } },
      { type: 'file', mediaType: 'image/png', data: { type: 'data', data: 'iVBORw0KGgo=' } },
    ]);
    const result = await model.doGenerate(OPTIONS);
    expect(server.calls[0].requestUrl).toBe(S3_IMAGE);
    expect(server.calls[0].requestHeaders.authorization).toBeUndefined();
    // bytes and base64 are not mixed: all become bytes
    expect(result.images).toHaveLength(2);
    expect(Buffer.from(result.images[0] as Uint8Array)).toEqual(PNG);
    expect(Buffer.from(result.images[1] as Uint8Array)).toEqual(
      Buffer.from('iVBORw0KGgo=', 'base64'),
    );
  });

  it('keeps non-image files out and merges the caller extraBody', async () => {
    const { model, chat } = setup('gemini-2.5-flash-image-preview', [
      { type: 'file', mediaType: 'audio/wav', data: { type: 'data', data: 'UklGRg==' } },
      { type: 'file', mediaType: 'image', data: { type: 'data', data: new Uint8Array(PNG) } },
    ]);
    const result = await model.doGenerate({
      ...OPTIONS,
      aspectRatio: '1:1',
      providerOptions: {
        mixrouter: {
          user: 'u-2',
          extraBody: { extra_body: { google: { thinking_config: { include_thoughts: false } } } },
        },
      },
    });
    expect(chat.doGenerateCalls[0].providerOptions).toEqual({
      mixrouter: {
        extraBody: {
          user: 'u-2',
          extra_body: {
            google: {
              thinking_config: { include_thoughts: false },
              image_config: { aspect_ratio: '1:1' },
            },
          },
        },
      },
    });
    expect(result.images).toEqual([new Uint8Array(PNG)]);
  });

  it('throws a clear error quoting the text when no image comes back', async () => {
    const { model } = setup('gemini-2.5-flash-image', [
      { type: 'text', text: 'I cannot draw that.' },
    ]);
    const error = await model.doGenerate(OPTIONS).catch((e) => e);
    expect(NoContentGeneratedError.isInstance(error)).toBe(true);
    expect(error.message).toBe(
      'Gemini image model gemini-2.5-flash-image returned no image. It answered: "I cannot draw that."',
    );
  });

  it('warns about a mask and image-API-only options', async () => {
    const { model } = setup('gemini-2.5-flash-image', [
      { type: 'file', mediaType: 'image/png', data: { type: 'data', data: 'iVBORw0KGgo=' } },
    ]);
    const result = await model.doGenerate({
      ...OPTIONS,
      files: [{ type: 'file', mediaType: 'image/png', data: 'iVBORw0KGgo=' }],
      mask: { type: 'file', mediaType: 'image/png', data: 'iVBORw0KGgo=' },
      providerOptions: { mixrouter: { quality: 'high' } },
    });
    expect(result.warnings.map((w) => ('feature' in w ? w.feature : w.type))).toEqual([
      'mask',
      'providerOptions.mixrouter.quality',
    ]);
  });

  it('needs createChatModel', async () => {
    const model = new MixRouterImageModel('gemini-2.5-flash-image', {
      provider: 'mixrouter.image',
      baseURL: BASE,
      url: (path) => `${BASE}${path}`,
      headers: () => ({}),
    });
    await expect(model.doGenerate(OPTIONS)).rejects.toSatisfy(
      UnsupportedFunctionalityError.isInstance,
    );
  });

  it('works through generateImage', async () => {
    const { model } = setup('gemini-2.5-flash-image', [
      { type: 'file', mediaType: 'image/png', data: { type: 'data', data: 'iVBORw0KGgo=' } },
    ]);
    const result = await generateImage({
      model,
      prompt: { text: 'Make it blue', images: [new Uint8Array(PNG)] },
      aspectRatio: '9:16',
      maxRetries: 0,
    });
    expect(result.image.mediaType).toBe('image/png');
    expect(result.image.base64).toBe('iVBORw0KGgo=');
    expect(result.usage.totalTokens).toBe(1302);
  });
});
