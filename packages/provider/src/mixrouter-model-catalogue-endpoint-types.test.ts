import { describe, expect, it } from 'vitest';
import {
  getMixRouterModelInfo,
  getMixRouterModelInfoForEndpointTypes,
} from './mixrouter-model-catalogue';

describe('getMixRouterModelInfoForEndpointTypes', () => {
  it('recognises rerank models from the live endpoint types, whatever their name', () => {
    expect(getMixRouterModelInfoForEndpointTypes('acme-ranker-1', ['jina-rerank'])).toMatchObject({
      kind: 'reranking',
      endpoint: 'rerank',
      endpointTypes: ['jina-rerank'],
      listed: false,
      tools: false,
    });
    expect(getMixRouterModelInfoForEndpointTypes('acme-ranker-1', ['rerank']).kind).toBe(
      'reranking',
    );
  });

  it('infers rerankers by name and leaves other models as the catalogue has them', () => {
    expect(getMixRouterModelInfo('bge-reranker-v2-m3')).toMatchObject({
      kind: 'reranking',
      endpoint: 'rerank',
    });
    expect(getMixRouterModelInfoForEndpointTypes('gpt-4o', ['openai'])).toBe(
      getMixRouterModelInfo('gpt-4o'),
    );
    expect(getMixRouterModelInfo('gpt-4o-realtime-preview')).toMatchObject({
      kind: 'realtime',
      endpoint: 'realtime',
      listed: true,
    });
  });
});
