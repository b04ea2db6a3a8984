import { InvalidArgumentError, InvalidResponseDataError } from '@ai-sdk/provider';
import { createTestServer } from '@ai-sdk/test-server/with-vitest';
import { rerank } from 'ai';
import { describe, expect, it } from 'vitest';
import type { MixRouterConfig } from '../mixrouter-config';
import { isMixRouterError } from '../mixrouter-error';
import jinaFixture from './__fixtures__/rerank-jina.json';
import unsortedFixture from './__fixtures__/rerank-unsorted-no-usage.json';
import { mapMixRouterRanking, toMixRouterRerankDocuments } from './map-mixrouter-reranking';
import { MixRouterRerankingModel } from './mixrouter-reranking-model';

const URL = 'https://api.mixrouter.test/v1/rerank';
const server = createTestServer({ [URL]: {} });

const config: MixRouterConfig = {
  provider: 'mixrouter.reranking',
  baseURL: 'https://api.mixrouter.test/v1',
  url: (path) => `https://api.mixrouter.test/v1${path}`,
  headers: () => ({ Authorization: 'Bearer sk-test' }),
};
const model = new MixRouterRerankingModel('bge-reranker-v2-m3', config);
const DOCS = [
  'Berlin is the capital of Germany.',
  'Paris is the capital of France.',
  'France borders Spain.',
];
const text = (values: string[]) => ({ type: 'text' as const, values });

describe('toMixRouterRerankDocuments', () => {
  it('sends text as strings and objects as their JSON text', () => {
    expect(toMixRouterRerankDocuments(text(['a', 'b']))).toEqual(['a', 'b']);
    expect(
      toMixRouterRerankDocuments({
        type: 'object',
        values: [{ title: 'Paris', body: 'Capital of France', tags: ['fr'] }],
      }),
    ).toEqual(['{"title":"Paris","body":"Capital of France","tags":["fr"]}']);
  });
});

describe('mapMixRouterRanking', () => {
  const map = (results: Array<{ index: unknown; relevance_score: unknown }>, documentCount = 3) =>
    mapMixRouterRanking({ results, documentCount, modelId: 'm' });

  it('orders by descending score and keeps the gateway order for ties', () => {
    expect(map(unsortedFixture.results)).toEqual({
      ranking: [
        { index: 2, relevanceScore: 0.87 },
        { index: 1, relevanceScore: 0.87 },
        { index: 0, relevanceScore: 0.12 },
      ],
    });
  });

  it.each([
    [[{ index: 3, relevance_score: 0.5 }], 'index 3, outside the 3 documents sent'],
    [[{ index: -1, relevance_score: 0.5 }], 'index -1, outside'],
    [[{ index: 1.5, relevance_score: 0.5 }], 'no integer index (got 1.5)'],
    [[{ index: '1', relevance_score: 0.5 }], 'no integer index (got "1")'],
    [
      [
        { index: 1, relevance_score: 0.5 },
        { index: 1, relevance_score: 0.4 },
      ],
      'result 1 (model m) repeats document index 1',
    ],
    [[{ index: 0, relevance_score: null }], 'no numeric relevance_score (got null)'],
  ])('rejects %j', (results, message) => {
    const mapped = map(results);
    expect('error' in mapped && mapped.error).toContain(message);
  });
});

describe('MixRouterRerankingModel', () => {
  it('exposes the V4 metadata', () => {
    expect(model).toMatchObject({
      specificationVersion: 'v4',
      provider: 'mixrouter.reranking',
      modelId: 'bge-reranker-v2-m3',
    });
  });

  it('posts model, query, documents, top_n and return_documents:false; maps ranking and usage', async () => {
    server.urls[URL].response = {
      type: 'json-value',
      body: jinaFixture,
      headers: { 'x-oneapi-request-id': 'req-7' },
    };
    const result = await model.doRerank({
      documents: text(DOCS),
      query: 'capital of France',
      topN: 3,
    });
    expect(await server.calls[0].requestBodyJson).toEqual({
      model: 'bge-reranker-v2-m3',
      query: 'capital of France',
      documents: DOCS,
      top_n: 3,
      return_documents: false,
    });
    expect(server.calls[0].requestHeaders.authorization).toBe('Bearer sk-test');
    expect(server.calls[0].requestUserAgent).toContain('ai-sdk-mixrouter/');
    expect(result.ranking).toEqual([
      { index: 1, relevanceScore: 0.9812 },
      { index: 2, relevanceScore: 0.2034 },
      { index: 0, relevanceScore: 0.0417 },
    ]);
    expect(result.providerMetadata).toEqual({
      mixrouter: { usage: { promptTokens: 28, totalTokens: 28 } },
    });
    expect(result.response?.headers?.['x-oneapi-request-id']).toBe('req-7');
    expect(result.response?.body).toEqual(jinaFixture);
  });

  it('sends the provider options and omits provider metadata without usage', async () => {
    server.urls[URL].response = { type: 'json-value', body: unsortedFixture };
    const result = await model.doRerank({
      documents: text(DOCS),
      query: 'q',
      providerOptions: {
        mixrouter: {
          returnDocuments: true,
          maxChunkPerDoc: 4,
          overlapTokens: 16,
          extraBody: { instruction: 'rank' },
        },
      },
    });
    expect(await server.calls[0].requestBodyJson).toEqual({
      model: 'bge-reranker-v2-m3',
      query: 'q',
      documents: DOCS,
      return_documents: true,
      max_chunk_per_doc: 4,
      overlap_tokens: 16,
      instruction: 'rank',
    });
    expect(result.providerMetadata).toBeUndefined();
  });

  it('rejects unknown provider options', async () => {
    await expect(
      model.doRerank({
        documents: text(DOCS),
        query: 'q',
        providerOptions: { mixrouter: { topK: 2 } },
      }),
    ).rejects.toSatisfy(InvalidArgumentError.isInstance);
  });

  it('throws InvalidResponseDataError naming the model for an out-of-range index', async () => {
    server.urls[URL].response = {
      type: 'json-value',
      body: { results: [{ index: 7, relevance_score: 0.9 }] },
    };
    const error = await model.doRerank({ documents: text(DOCS), query: 'q' }).catch((e) => e);
    expect(InvalidResponseDataError.isInstance(error)).toBe(true);
    expect(error.message).toContain('model bge-reranker-v2-m3');
  });

  it('raises the typed gateway error, e.g. model_not_found', async () => {
    server.urls[URL].response = {
      type: 'error',
      status: 503,
      body: JSON.stringify({
        error: {
          message:
            '分组 default 下模型 bge-reranker-v2-m3 无可用渠道（distributor） (request id: 20260101)',
          type: 'new_api_error',
          param: '',
          code: 'model_not_found',
        },
      }),
    };
    const error = await model.doRerank({ documents: text(DOCS), query: 'q' }).catch((e) => e);
    expect(isMixRouterError(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'model-not-found', statusCode: 503 });
  });

  it('works through rerank() from ai, object documents included', async () => {
    server.urls[URL].response = { type: 'json-value', body: unsortedFixture };
    const documents = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const { ranking, rerankedDocuments, providerMetadata } = await rerank({
      model,
      documents,
      query: 'which id?',
    });
    expect((await server.calls[0].requestBodyJson).documents).toEqual([
      '{"id":"a"}',
      '{"id":"b"}',
      '{"id":"c"}',
    ]);
    expect(rerankedDocuments).toEqual([{ id: 'c' }, { id: 'b' }, { id: 'a' }]);
    expect(ranking.map((r) => r.originalIndex)).toEqual([2, 1, 0]);
    expect(providerMetadata).toBeUndefined();
  });
});
