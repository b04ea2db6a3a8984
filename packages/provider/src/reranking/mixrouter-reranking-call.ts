import {
  InvalidResponseDataError,
  type RerankingModelV4CallOptions,
  type RerankingModelV4Result,
} from '@ai-sdk/provider';
import { postJsonToApi } from '@ai-sdk/provider-utils';
import { deepMerge } from '../chat/build-mixrouter-chat-request';
import {
  buildRequestHeaders,
  type MixRouterConfig,
  parseMixRouterProviderOptions,
} from '../mixrouter-config';
import {
  createMixRouterJsonResponseHandler,
  mixrouterFailedResponseHandler,
} from '../mixrouter-error';
import { mapMixRouterRanking, toMixRouterRerankDocuments } from './map-mixrouter-reranking';
import { mixrouterRerankingResponseSchema } from './mixrouter-reranking-api';
import { mixrouterRerankingOptionsSchema } from './mixrouter-reranking-options';

/** `POST /rerank` for MixRouterRerankingModel (loaded on its first call). */
export async function doMixRouterRerank(
  modelId: string,
  config: MixRouterConfig,
  { documents, query, topN, abortSignal, providerOptions, headers }: RerankingModelV4CallOptions,
): Promise<RerankingModelV4Result> {
  const options = await parseMixRouterProviderOptions({
    providerOptions,
    schema: mixrouterRerankingOptionsSchema,
  });

  let body: Record<string, unknown> = {
    model: modelId,
    query,
    documents: toMixRouterRerankDocuments(documents),
    top_n: topN,
    // Sent explicitly: new-api's DashScope adaptor turns a missing value into `true`.
    return_documents: options?.returnDocuments ?? false,
    max_chunk_per_doc: options?.maxChunkPerDoc,
    overlap_tokens: options?.overlapTokens,
  };
  if (options?.extraBody !== undefined) body = deepMerge(body, options.extraBody);

  const {
    value: response,
    rawValue,
    responseHeaders,
  } = await postJsonToApi({
    url: config.url('/rerank'),
    headers: buildRequestHeaders(config, headers),
    body,
    failedResponseHandler: mixrouterFailedResponseHandler,
    successfulResponseHandler: createMixRouterJsonResponseHandler(mixrouterRerankingResponseSchema),
    abortSignal,
    fetch: config.fetch,
  });

  const mapped = mapMixRouterRanking({
    results: response.results,
    documentCount: documents.values.length,
    modelId: modelId,
  });
  if ('error' in mapped) {
    throw new InvalidResponseDataError({ data: rawValue, message: mapped.error });
  }

  const usage = response.usage;
  const totalTokens = usage?.total_tokens ?? undefined;
  const promptTokens = usage?.prompt_tokens ?? undefined;
  return {
    ranking: mapped.ranking,
    providerMetadata:
      totalTokens === undefined && promptTokens === undefined
        ? undefined
        : {
            mixrouter: {
              usage: {
                ...(promptTokens !== undefined ? { promptTokens } : {}),
                ...(totalTokens !== undefined ? { totalTokens } : {}),
              },
            },
          },
    response: {
      id: response.id ?? undefined,
      modelId: response.model ?? undefined,
      headers: responseHeaders,
      body: rawValue,
    },
  };
}
