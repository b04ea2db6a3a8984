import { APICallError, InvalidArgumentError } from '@ai-sdk/provider';
import type { FetchFunction } from '@ai-sdk/provider-utils';
import { createTestServer, TestResponseController } from '@ai-sdk/test-server/with-vitest';
import { generateImage } from 'ai';
import { describe, expect, it } from 'vitest';
import { isMixRouterError } from '../mixrouter-error';
import dallE3UrlFixture from './__fixtures__/dall-e-3-url.json';
import mixedFixture from './__fixtures__/gateway-built-mixed.json';
import gptImageFixture from './__fixtures__/gpt-image-b64.json';
import { MixRouterImageModel, type MixRouterImageModelConfig } from './mixrouter-image-model';

const BASE = 'https://api.mixrouter.test/v1';
const GENERATIONS = `${BASE}/images/generations`;
const EDITS = `${BASE}/images/edits`;
const CDN_IMAGE = 'https://toiotech.s3.cn-north-1.amazonaws.com.cn/images/fox.png';
const GATEWAY_IMAGE = `${BASE}/files/second.png`;
const USER_IMAGE = 'https://user-assets.example.com/input.jpg';
const SLOW_IMAGE = 'https://toiotech.s3.cn-north-1.amazonaws.com.cn/images/slow.png';

const server = createTestServer({
  [GENERATIONS]: {},
  [EDITS]: {},
  [CDN_IMAGE]: {},
  [GATEWAY_IMAGE]: {},
  [USER_IMAGE]: {},
  [SLOW_IMAGE]: {},
});

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]);
const WEBP = Buffer.from('RIFF\x00\x00\x00\x00WEBPVP8 ', 'binary');
const TIMESTAMP = new Date('2026-01-01T00:00:00Z');

function createConfig(
  overrides: Partial<MixRouterImageModelConfig> = {},
): MixRouterImageModelConfig {
  return {
    provider: 'mixrouter.image',
    baseURL: BASE,
    url: (path) => `${BASE}${path}`,
    headers: () => ({ Authorization: 'Bearer sk-test' }),
    _internal: { currentDate: () => TIMESTAMP },
    ...overrides,
  };
}

function model(modelId: string, overrides?: Partial<MixRouterImageModelConfig>) {
  return new MixRouterImageModel(modelId, createConfig(overrides));
}

const BASE_OPTIONS = {
  prompt: 'A red fox in snow',
  n: 1,
  size: undefined,
  aspectRatio: undefined,
  seed: undefined,
  files: undefined,
  mask: undefined,
  providerOptions: {},
} as const;

/** A fetch that records multipart bodies (the test server collapses repeated keys). */
function capturingFetch() {
  const forms: FormData[] = [];
  const fetch: FetchFunction = async (input, init) => {
    if (init?.body instanceof FormData) forms.push(init.body);
    return globalThis.fetch(input, init);
  };
  return { forms, fetch };
}

async function describeForm(form: FormData) {
  const entries: Array<[string, string]> = [];
  for (const [key, value] of form.entries()) {
    entries.push([
      key,
      typeof value === 'string' ? value : `<file ${value.name} ${value.type} ${value.size}B>`,
    ]);
  }
  return entries;
}

describe('MixRouterImageModel', () => {
  it('exposes V4 metadata per family', () => {
    const gpt = model('gpt-image-1');
    expect(gpt.specificationVersion).toBe('v4');
    expect(gpt.provider).toBe('mixrouter.image');
    expect(gpt.maxImagesPerCall).toBe(10);
    expect(gpt.supportsFileInputs).toBe(true);
    expect(gpt.supportsMaskInputs).toBe(true);
    expect(model('dall-e-3').maxImagesPerCall).toBe(1);
    expect(model('dall-e-3').supportsFileInputs).toBe(false);
    expect(model('imagineart-1.5-preview').maxImagesPerCall).toBe(1);
  });

  describe('generation', () => {
    it('posts the generation body and returns base64 images, usage and metadata', async () => {
      server.urls[GENERATIONS].response = {
        type: 'json-value',
        body: gptImageFixture,
        headers: { 'x-oneapi-request-id': 'req-9' },
      };
      const result = await model('gpt-image-1').doGenerate({
        ...BASE_OPTIONS,
        n: 2,
        aspectRatio: '3:2',
        providerOptions: {
          mixrouter: {
            quality: 'high',
            background: 'transparent',
            outputFormat: 'webp',
            outputCompression: 80,
            moderation: 'low',
            user: 'u-1',
            extraBody: { partial_images: 0, quality: 'medium' },
          },
        },
      });

      expect(await server.calls[0].requestBodyJson).toMatchInlineSnapshot(`
        {
          "background": "transparent",
          "model": "gpt-image-1",
          "moderation": "low",
          "n": 2,
          "output_compression": 80,
          "output_format": "webp",
          "partial_images": 0,
          "prompt": "A red fox in snow",
          "quality": "medium",
          "size": "1536x1024",
          "user": "u-1",
        }
      `);
      expect(server.calls[0].requestHeaders.authorization).toBe('Bearer sk-test');
      expect(result.images).toEqual(['iVBORw0KGgoAAAANSUhEUg==', 'iVBORw0KGgoAAAANSUhEUgAB']);
      expect(result.warnings).toEqual([]);
      expect(result.usage).toEqual({ inputTokens: 20, outputTokens: 4280, totalTokens: 4300 });
      expect(result.providerMetadata).toMatchInlineSnapshot(`
        {
          "mixrouter": {
            "created": 1767268800,
            "images": [
              {},
              {},
            ],
            "usage": {
              "input_tokens": 20,
              "input_tokens_details": {
                "image_tokens": 0,
                "text_tokens": 20,
              },
              "output_tokens": 4280,
              "total_tokens": 4300,
            },
          },
        }
      `);
      expect(result.response).toEqual({
        timestamp: TIMESTAMP,
        modelId: 'gpt-image-1',
        headers: expect.objectContaining({ 'x-oneapi-request-id': 'req-9' }),
      });
    });

    it('maps dall-e-3 aspect ratios, asks for b64_json, and warns about seed', async () => {
      server.urls[GENERATIONS].response = { type: 'json-value', body: gptImageFixture };
      const result = await model('dall-e-3').doGenerate({
        ...BASE_OPTIONS,
        aspectRatio: '16:9',
        seed: 42,
        providerOptions: { mixrouter: { style: 'vivid', quality: 'hd' } },
      });
      expect(await server.calls[0].requestBodyJson).toMatchInlineSnapshot(`
        {
          "model": "dall-e-3",
          "n": 1,
          "prompt": "A red fox in snow",
          "quality": "hd",
          "response_format": "b64_json",
          "size": "1792x1024",
          "style": "vivid",
        }
      `);
      expect(result.warnings).toEqual([
        {
          type: 'unsupported',
          feature: 'seed',
          details: 'dall-e-3 does not take a seed on MixRouter.',
        },
      ]);
    });

    it('sends seed and aspect_ratio to flux', async () => {
      server.urls[GENERATIONS].response = { type: 'json-value', body: gptImageFixture };
      const result = await model('flux-1-kontext-pro').doGenerate({
        ...BASE_OPTIONS,
        aspectRatio: '21:9',
        seed: 7,
      });
      const body = await server.calls[0].requestBodyJson;
      expect(body).toMatchObject({ seed: 7, aspect_ratio: '21:9' });
      expect(body.size).toBeUndefined();
      expect(result.warnings).toEqual([]);
    });

    it('downloads a URL result from another origin WITHOUT Authorization', async () => {
      server.urls[GENERATIONS].response = { type: 'json-value', body: dallE3UrlFixture };
      server.urls[CDN_IMAGE].response = {
        type: 'binary',
        body: PNG,
        headers: { 'content-type': 'image/png' },
      };
      const result = await model('dall-e-3').doGenerate({
        ...BASE_OPTIONS,
        providerOptions: { mixrouter: { responseFormat: 'url' } },
      });
      expect((await server.calls[0].requestBodyJson).response_format).toBe('url');
      expect(server.calls[1].requestUrl).toBe(CDN_IMAGE);
      expect(server.calls[1].requestHeaders.authorization).toBeUndefined();
      expect(result.images).toHaveLength(1);
      expect(result.images[0]).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(result.images[0] as Uint8Array)).toEqual(PNG);
      expect(result.providerMetadata?.mixrouter.images).toEqual([
        { revisedPrompt: 'A red fox standing in fresh snow, photorealistic' },
      ]);
    });

    it('downloads a same-origin URL WITH Authorization and never mixes base64 and bytes', async () => {
      server.urls[GENERATIONS].response = { type: 'json-value', body: mixedFixture };
      server.urls[GATEWAY_IMAGE].response = { type: 'binary', body: JPEG };
      const result = await model('imagen-4.0-generate-001').doGenerate(BASE_OPTIONS);
      expect(server.calls[1].requestUrl).toBe(GATEWAY_IMAGE);
      expect(server.calls[1].requestHeaders.authorization).toBe('Bearer sk-test');
      // the third entry has neither b64_json nor url and is skipped
      expect(result.images).toHaveLength(2);
      expect(result.images.every((image) => image instanceof Uint8Array)).toBe(true);
      expect(Buffer.from(result.images[0] as Uint8Array)).toEqual(
        Buffer.from('iVBORw0KGgoAAAANSUhEUg==', 'base64'),
      );
      expect(Buffer.from(result.images[1] as Uint8Array)).toEqual(JPEG);
      expect(result.providerMetadata?.mixrouter.images).toEqual([{}, { revisedPrompt: 'second' }]);
      expect(result.usage).toBeUndefined();
    });

    it('decodes data-URL results without a request', async () => {
      server.urls[GENERATIONS].response = {
        type: 'json-value',
        body: {
          data: [
            { url: 'data:image/png;base64,iVBORw0KGgo=' },
            { b64_json: 'data:image/png;base64,AAAA' },
          ],
        },
      };
      const result = await model('qwen-image-plus').doGenerate(BASE_OPTIONS);
      expect(result.images).toEqual(['iVBORw0KGgo=', 'AAAA']);
      expect(server.calls).toHaveLength(1);
    });

    it('returns no images (and ai retries) when data is empty', async () => {
      server.urls[GENERATIONS].response = { type: 'json-value', body: { data: [] } };
      const result = await model('gpt-image-1').doGenerate(BASE_OPTIONS);
      expect(result.images).toEqual([]);
    });

    it('maps HTTP and HTTP-200 gateway errors', async () => {
      server.urls[GENERATIONS].response = {
        type: 'error',
        status: 400,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          error: { message: 'bad size', type: 'invalid_request_error', code: 'invalid_size' },
        }),
      };
      const httpError = await model('dall-e-3')
        .doGenerate(BASE_OPTIONS)
        .catch((e) => e);
      expect(isMixRouterError(httpError)).toBe(true);
      expect(httpError.statusCode).toBe(400);
      expect(httpError.message).toContain('bad size');

      server.urls[GENERATIONS].response = {
        type: 'json-value',
        body: { error: { message: 'content policy', code: 'content_policy_violation' } },
      };
      const okError = await model('dall-e-3')
        .doGenerate(BASE_OPTIONS)
        .catch((e) => e);
      expect(APICallError.isInstance(okError)).toBe(true);
      expect(okError.message).toContain('content policy');
    });

    it('rejects invalid provider options before any request', async () => {
      await expect(
        model('gpt-image-1').doGenerate({
          ...BASE_OPTIONS,
          providerOptions: { mixrouter: { responseFormat: 'png' } },
        }),
      ).rejects.toSatisfy(InvalidArgumentError.isInstance);
      expect(server.calls).toHaveLength(0);
    });

    it('aborts promptly, also during a URL download', async () => {
      server.urls[GENERATIONS].response = {
        type: 'json-value',
        body: { data: [{ url: SLOW_IMAGE }] },
      };
      const controller = new TestResponseController();
      server.urls[SLOW_IMAGE].response = { type: 'controlled-stream', controller };
      const abort = new AbortController();
      const promise = model('dall-e-3').doGenerate({ ...BASE_OPTIONS, abortSignal: abort.signal });
      await controller.write('partial');
      setTimeout(() => abort.abort(), 10);
      await expect(promise).rejects.toThrow(/abort/i);
      expect(server.calls.map((call) => call.requestUrl)).toEqual([GENERATIONS, SLOW_IMAGE]);
    });
  });

  describe('editing', () => {
    it('uploads several images as image[] and a mask, with real extensions', async () => {
      server.urls[EDITS].response = { type: 'json-value', body: gptImageFixture };
      server.urls[USER_IMAGE].response = {
        type: 'binary',
        body: JPEG,
        headers: { 'content-type': 'image/jpeg' },
      };
      const { forms, fetch } = capturingFetch();
      const result = await model('gpt-image-1', { fetch }).doGenerate({
        ...BASE_OPTIONS,
        prompt: 'Put the fox on the sofa',
        size: '1024x1024',
        files: [
          { type: 'file', mediaType: 'image/png', data: new Uint8Array(PNG) },
          { type: 'file', mediaType: 'image/webp', data: WEBP.toString('base64') },
          { type: 'url', url: USER_IMAGE },
        ],
        mask: { type: 'file', mediaType: 'image/png', data: new Uint8Array(PNG) },
        providerOptions: {
          mixrouter: { inputFidelity: 'high', quality: 'high', extraBody: { stream: false } },
        },
      });

      expect(server.calls.map((call) => call.requestUrl)).toEqual([USER_IMAGE, EDITS]);
      // the user's own URL is fetched without our credentials
      expect(server.calls[0].requestHeaders.authorization).toBeUndefined();
      expect(server.calls[1].requestHeaders.authorization).toBe('Bearer sk-test');
      expect(server.calls[1].requestHeaders['content-type']).toMatch(/^multipart\/form-data/);
      expect(await describeForm(forms[0])).toMatchInlineSnapshot(`
        [
          [
            "model",
            "gpt-image-1",
          ],
          [
            "prompt",
            "Put the fox on the sofa",
          ],
          [
            "n",
            "1",
          ],
          [
            "size",
            "1024x1024",
          ],
          [
            "quality",
            "high",
          ],
          [
            "input_fidelity",
            "high",
          ],
          [
            "stream",
            "false",
          ],
          [
            "image[]",
            "<file image-1.png image/png 12B>",
          ],
          [
            "image[]",
            "<file image-2.webp image/webp 16B>",
          ],
          [
            "image[]",
            "<file image-3.jpg image/jpeg 8B>",
          ],
          [
            "mask",
            "<file mask.png image/png 12B>",
          ],
        ]
      `);
      expect(result.images).toHaveLength(2);
    });

    it('uploads one image as `image` and sniffs a missing media type', async () => {
      server.urls[EDITS].response = { type: 'json-value', body: gptImageFixture };
      const { forms, fetch } = capturingFetch();
      await model('gpt-image-1', { fetch }).doGenerate({
        ...BASE_OPTIONS,
        files: [
          { type: 'file', mediaType: 'application/octet-stream', data: new Uint8Array(JPEG) },
        ],
      });
      const image = forms[0].get('image') as File;
      expect(image.name).toBe('image.jpg');
      expect(image.type).toBe('image/jpeg');
      expect(forms[0].getAll('image[]')).toEqual([]);
    });

    it('sends JSON image URLs / data URIs to seedream', async () => {
      server.urls[EDITS].response = { type: 'json-value', body: gptImageFixture };
      await model('doubao-seedream-4-0-250828').doGenerate({
        ...BASE_OPTIONS,
        seed: 3,
        files: [
          { type: 'url', url: USER_IMAGE },
          { type: 'file', mediaType: 'image/png', data: 'iVBORw0KGgo=' },
        ],
        providerOptions: { mixrouter: { watermark: false } },
      });
      expect(server.calls).toHaveLength(1);
      expect(await server.calls[0].requestBodyJson).toMatchInlineSnapshot(`
        {
          "images": [
            "https://user-assets.example.com/input.jpg",
            "data:image/png;base64,iVBORw0KGgo=",
          ],
          "model": "doubao-seedream-4-0-250828",
          "n": 1,
          "prompt": "A red fox in snow",
          "seed": 3,
          "watermark": false,
        }
      `);
    });

    it('lets editFormat force multipart', async () => {
      server.urls[EDITS].response = { type: 'json-value', body: gptImageFixture };
      const { forms, fetch } = capturingFetch();
      await model('qwen-image-edit', { fetch }).doGenerate({
        ...BASE_OPTIONS,
        files: [{ type: 'file', mediaType: 'image/png', data: new Uint8Array(PNG) }],
        providerOptions: { mixrouter: { editFormat: 'multipart' } },
      });
      expect((forms[0].get('image') as File).name).toBe('image.png');
    });
  });

  describe('through ai', () => {
    it('generateImage (splits n by maxImagesPerCall and sums usage)', async () => {
      server.urls[GENERATIONS].response = { type: 'json-value', body: gptImageFixture };
      const result = await generateImage({
        model: model('dall-e-3'),
        prompt: 'A red fox in snow',
        n: 2,
        aspectRatio: '9:16',
        maxRetries: 0,
      });
      // dall-e-3: one image per call, two images per fixture → 2 calls, 4 images
      expect(server.calls).toHaveLength(2);
      expect(result.images).toHaveLength(4);
      expect(result.image.mediaType).toBe('image/png');
      expect(result.usage.totalTokens).toBe(8600);
      expect((await server.calls[0].requestBodyJson).size).toBe('1024x1792');
      expect(server.calls[0].requestUserAgent).toMatch(/ai\/7.* ai-sdk-mixrouter\//);
    });

    it('generateImage with an edit prompt', async () => {
      server.urls[EDITS].response = { type: 'json-value', body: dallE3UrlFixture };
      server.urls[CDN_IMAGE].response = { type: 'binary', body: PNG };
      const { forms, fetch } = capturingFetch();
      const result = await generateImage({
        model: model('gpt-image-1', { fetch }),
        prompt: {
          text: 'Add a hat',
          images: [new Uint8Array(PNG), new Uint8Array(JPEG)],
          mask: new Uint8Array(PNG),
        },
        maxRetries: 0,
      });
      expect(forms[0].getAll('image[]').map((file) => (file as File).name)).toEqual([
        'image-1.png',
        'image-2.jpg',
      ]);
      expect((forms[0].get('mask') as File).name).toBe('mask.png');
      expect(result.image.mediaType).toBe('image/png');
      expect(result.providerMetadata.mixrouter.images).toEqual([
        { revisedPrompt: 'A red fox standing in fresh snow, photorealistic' },
      ]);
    });
  });
});
