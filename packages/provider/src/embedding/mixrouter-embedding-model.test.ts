import {
  APICallError,
  InvalidArgumentError,
  InvalidResponseDataError,
  TooManyEmbeddingValuesForCallError,
} from '@ai-sdk/provider';
import { createTestServer, TestResponseController } from '@ai-sdk/test-server/with-vitest';
import { embed, embedMany } from 'ai';
import { describe, expect, it } from 'vitest';
import type { MixRouterConfig } from '../mixrouter-config';
import { isMixRouterError } from '../mixrouter-error';
import base64Fixture from './__fixtures__/embeddings-base64.json';
import floatFixture from './__fixtures__/embeddings-float.json';
import { decodeBase64Embedding } from './decode-base64-embedding';
import { MixRouterEmbeddingModel } from './mixrouter-embedding-model';

const URL = 'https://api.mixrouter.test/v1/embeddings';
const server = createTestServer({ [URL]: {} });

const config: MixRouterConfig = {
  provider: 'mixrouter.embedding',
  baseURL: 'https://api.mixrouter.test/v1',
  url: (path) => `https://api.mixrouter.test/v1${path}`,
  headers: () => ({ Authorization: 'Bearer sk-test' }),
};

const model = new MixRouterEmbeddingModel('text-embedding-3-small', config);

describe('MixRouterEmbeddingModel', () => {
  it('exposes the V4 metadata', () => {
    expect(model.specificationVersion).toBe('v4');
    expect(model.provider).toBe('mixrouter.embedding');
    expect(model.modelId).toBe('text-embedding-3-small');
    expect(model.maxEmbeddingsPerCall).toBe(2048);
    expect(model.supportsParallelCalls).toBe(true);
  });

  it('posts the values and maps embeddings, usage, headers and body', async () => {
    server.urls[URL].response = {
      type: 'json-value',
      body: floatFixture,
      headers: { 'x-oneapi-request-id': 'req-1' },
    };
    const result = await model.doEmbed({ values: ['alpha', 'beta'] });

    expect(await server.calls[0].requestBodyJson).toMatchInlineSnapshot(`
      {
        "input": [
          "alpha",
          "beta",
        ],
        "model": "text-embedding-3-small",
      }
    `);
    expect(server.calls[0].requestHeaders.authorization).toBe('Bearer sk-test');
    expect(server.calls[0].requestUserAgent).toContain('ai-sdk-mixrouter/');
    expect(result.embeddings).toEqual([
      [0.012, -0.004, 0.5],
      [0.1, 0.2, 0.3],
    ]);
    expect(result.usage).toEqual({ tokens: 4 });
    expect(result.warnings).toEqual([]);
    expect(result.response?.headers?.['x-oneapi-request-id']).toBe('req-1');
    expect(result.response?.body).toEqual(floatFixture);
  });

  it('sends dimensions, encoding_format and user from the options', async () => {
    server.urls[URL].response = { type: 'json-value', body: floatFixture };
    await model.doEmbed({
      values: ['alpha', 'beta'],
      dimensions: 256,
      providerOptions: { mixrouter: { encodingFormat: 'float', user: 'u-1' } },
    });
    expect(await server.calls[0].requestBodyJson).toMatchInlineSnapshot(`
      {
        "dimensions": 256,
        "encoding_format": "float",
        "input": [
          "alpha",
          "beta",
        ],
        "model": "text-embedding-3-small",
        "user": "u-1",
      }
    `);
  });

  it('lets providerOptions.mixrouter.dimensions win, with a warning', async () => {
    server.urls[URL].response = { type: 'json-value', body: floatFixture };
    const result = await model.doEmbed({
      values: ['alpha', 'beta'],
      dimensions: 256,
      providerOptions: { mixrouter: { dimensions: 512 } },
    });
    expect((await server.calls[0].requestBodyJson).dimensions).toBe(512);
    expect(result.warnings).toEqual([
      {
        type: 'other',
        message: 'providerOptions.mixrouter.dimensions (512) overrides dimensions (256).',
      },
    ]);
  });

  it('decodes base64 embeddings (little-endian float32) and orders them by index', async () => {
    server.urls[URL].response = { type: 'json-value', body: base64Fixture };
    const result = await model.doEmbed({
      values: ['a', 'b'],
      providerOptions: { mixrouter: { encodingFormat: 'base64' } },
    });
    expect(result.embeddings).toEqual([
      [0.5, -0.25, 1],
      [1.5, -2, 0.25],
    ]);
    // usage.prompt_tokens is absent: total_tokens is used
    expect(result.usage).toEqual({ tokens: 7 });
  });

  it('rejects a base64 embedding that is not whole float32 values', () => {
    expect(() => decodeBase64Embedding('AACAPw==')).not.toThrow();
    expect(() => decodeBase64Embedding('AAA=')).toThrow(InvalidResponseDataError);
  });

  it('omits usage when the gateway sends none', async () => {
    server.urls[URL].response = {
      type: 'json-value',
      body: { data: [{ embedding: [1, 2] }] },
    };
    const result = await model.doEmbed({ values: ['x'] });
    expect(result.embeddings).toEqual([[1, 2]]);
    expect(result.usage).toBeUndefined();
  });

  it('throws InvalidResponseDataError when the count does not match', async () => {
    server.urls[URL].response = {
      type: 'json-value',
      body: { data: [{ index: 0, embedding: [1] }] },
    };
    await expect(model.doEmbed({ values: ['a', 'b'] })).rejects.toSatisfy(
      InvalidResponseDataError.isInstance,
    );
  });

  it('throws TooManyEmbeddingValuesForCallError above 2048 values, before any request', async () => {
    const values = Array.from({ length: 2049 }, (_, i) => `v${i}`);
    await expect(model.doEmbed({ values })).rejects.toSatisfy(
      TooManyEmbeddingValuesForCallError.isInstance,
    );
    expect(server.calls).toHaveLength(0);
  });

  // issue 12 #9: DashScope's text-embedding-v1 caps a batch at 25 texts.
  it('takes its batch limit from the catalogue, per model', async () => {
    const dashscope = new MixRouterEmbeddingModel('text-embedding-v1', config);
    expect(dashscope.maxEmbeddingsPerCall).toBe(25);
    expect(new MixRouterEmbeddingModel('text-embedding-v4', config).maxEmbeddingsPerCall).toBe(10);
    const values = Array.from({ length: 26 }, (_, i) => `v${i}`);
    await expect(dashscope.doEmbed({ values })).rejects.toSatisfy(
      TooManyEmbeddingValuesForCallError.isInstance,
    );
    expect(server.calls).toHaveLength(0);
  });

  it('rejects invalid provider options with InvalidArgumentError, before any request', async () => {
    await expect(
      model.doEmbed({
        values: ['a'],
        providerOptions: { mixrouter: { encodingFormat: 'int8' } },
      }),
    ).rejects.toSatisfy(InvalidArgumentError.isInstance);
    expect(server.calls).toHaveLength(0);
  });

  it('maps gateway errors (HTTP and HTTP-200 error bodies)', async () => {
    server.urls[URL].response = {
      type: 'error',
      status: 503,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        error: { message: 'no channel', type: 'new_api_error', code: 'model_not_found' },
      }),
    };
    const httpError = await model.doEmbed({ values: ['a'] }).catch((e) => e);
    expect(isMixRouterError(httpError)).toBe(true);
    expect(httpError.statusCode).toBe(503);
    expect(httpError.kind).toBe('model-not-found');

    server.urls[URL].response = {
      type: 'json-value',
      body: { error: { message: 'quota exhausted', code: 'insufficient_user_quota' } },
    };
    const okError = await model.doEmbed({ values: ['a'] }).catch((e) => e);
    expect(APICallError.isInstance(okError)).toBe(true);
    expect(okError.message).toContain('quota exhausted');
  });

  it('aborts promptly', async () => {
    const controller = new TestResponseController();
    server.urls[URL].response = { type: 'controlled-stream', controller };
    const abort = new AbortController();
    const promise = model.doEmbed({ values: ['a'], abortSignal: abort.signal });
    setTimeout(() => abort.abort(), 5);
    await expect(promise).rejects.toThrow(/abort/i);
  });

  describe('through ai', () => {
    it('embedMany', async () => {
      server.urls[URL].response = { type: 'json-value', body: floatFixture };
      const { embeddings, usage } = await embedMany({
        model,
        values: ['alpha', 'beta'],
        maxRetries: 0,
      });
      expect(embeddings).toEqual([
        [0.012, -0.004, 0.5],
        [0.1, 0.2, 0.3],
      ]);
      expect(usage.tokens).toBe(4);
      expect(server.calls[0].requestUserAgent).toMatch(/ai\/7.* ai-sdk-mixrouter\//);
    });

    it('embed with dimensions', async () => {
      server.urls[URL].response = {
        type: 'json-value',
        body: { data: [{ index: 0, embedding: [3, 4] }], usage: { prompt_tokens: 1 } },
      };
      const { embedding } = await embed({ model, value: 'x', dimensions: 2, maxRetries: 0 });
      expect(embedding).toEqual([3, 4]);
      expect((await server.calls[0].requestBodyJson).dimensions).toBe(2);
    });
  });
});
