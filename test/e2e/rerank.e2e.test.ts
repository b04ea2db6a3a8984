import { isMixRouterError } from '@mixrouter/ai-sdk-provider';
import { createProviderRegistry, rerank } from 'ai';
import { describe, expect, it } from 'vitest';
import { useEmulator } from './use-emulator';

const env = useEmulator();
const documents = [
  'Berlin is the capital of Germany.',
  'Paris is the capital of France.',
  'France is famous for wine and cheese.',
];
const rerankCalls = () => env.emulator.requests.filter((r) => r.path === '/v1/rerank');

describe('rerank() through ai@7', () => {
  it('ranks text documents with topN and reports usage in provider metadata', async () => {
    const result = await rerank({
      model: env.mixrouter.reranking('bge-reranker-v2-m3'),
      documents,
      query: 'What is the capital of France?',
      topN: 2,
    });
    expect(result.rerankedDocuments[0]).toBe(documents[1]);
    expect(result.ranking).toHaveLength(2);
    expect(result.ranking[0]!.score).toBeGreaterThanOrEqual(result.ranking[1]!.score);
    expect(result.providerMetadata?.mixrouter).toMatchObject({
      usage: { promptTokens: expect.any(Number), totalTokens: expect.any(Number) },
    });
    expect(rerankCalls()[0]!.body).toEqual({
      model: 'bge-reranker-v2-m3',
      query: 'What is the capital of France?',
      documents,
      top_n: 2,
      return_documents: false,
    });
  });

  it('sends object documents as JSON text and maps back to the objects', async () => {
    const products = [
      { name: 'Red wine', country: 'France' },
      { name: 'Beer', country: 'Germany' },
    ];
    const { rerankedDocuments } = await rerank({
      model: env.mixrouter.rerankingModel('jina-reranker-v2-base-multilingual'),
      documents: products,
      query: 'wine',
    });
    expect(rerankedDocuments[0]).toEqual(products[0]);
    expect(rerankCalls()[0]!.body).toMatchObject({
      documents: products.map((p) => JSON.stringify(p)),
    });
  });

  it('works from a provider registry', async () => {
    const registry = createProviderRegistry({ mixrouter: env.mixrouter });
    const { ranking } = await rerank({
      model: registry.rerankingModel('mixrouter:bge-reranker-v2-m3'),
      documents,
      query: 'wine',
    });
    expect(ranking[0]!.originalIndex).toBe(2);
  });

  it('surfaces model_not_found as a typed error', async () => {
    const error = await rerank({
      model: env.mixrouter.reranking('no-such-reranker'),
      documents,
      query: 'q',
      maxRetries: 0,
    }).catch((e: unknown) => e);
    expect(isMixRouterError(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'model-not-found', statusCode: 503 });
  });

  it('the model list teaches the catalogue which ids are rerankers', async () => {
    const models = await env.mixrouter.listModels();
    const bge = models.find((m) => m.id === 'bge-reranker-v2-m3');
    expect(bge?.supportedEndpointTypes).toEqual(['jina-rerank']);
    expect(bge?.info).toMatchObject({ kind: 'reranking', endpoint: 'rerank' });
  });
});
