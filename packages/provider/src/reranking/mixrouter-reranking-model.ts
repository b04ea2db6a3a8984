import {
  InvalidResponseDataError,
  type RerankingModelV4,
  type RerankingModelV4CallOptions,
  type RerankingModelV4Result,
} from '@ai-sdk/provider';
import { postJsonToApi, WORKFLOW_DESERIALIZE, WORKFLOW_SERIALIZE } from '@ai-sdk/provider-utils';
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
import type { MixRouterRerankingModelId } from '../mixrouter-model-ids';
import {
  type MixRouterModelState,
  rebuildMixRouterModel,
  serializeMixRouterModel,
} from '../mixrouter-workflow-serde';
import { mapMixRouterRanking, toMixRouterRerankDocuments } from './map-mixrouter-reranking';
import { mixrouterRerankingResponseSchema } from './mixrouter-reranking-api';
import { mixrouterRerankingOptionsSchema } from './mixrouter-reranking-options';

/** `POST /rerank` (protocol §13; new-api: dto/rerank.go, relay/common_handler/rerank.go). */
export class MixRouterRerankingModel implements RerankingModelV4 {
  readonly specificationVersion = 'v4';
  readonly modelId: MixRouterRerankingModelId;

  private readonly config: MixRouterConfig;

  /** Workflow step boundary: plain JSON, never the key (mixrouter-workflow-serde.ts). */
  static [WORKFLOW_SERIALIZE](model: MixRouterRerankingModel): MixRouterModelState {
    return serializeMixRouterModel(model, model.config);
  }

  static [WORKFLOW_DESERIALIZE](state: MixRouterModelState): MixRouterRerankingModel {
    const { modelId, config, guard } = rebuildMixRouterModel(state, ['reranking']);
    return guard(new MixRouterRerankingModel(modelId, config('reranking')));
  }

  constructor(modelId: MixRouterRerankingModelId, config: MixRouterConfig) {
    this.modelId = modelId;
    this.config = config;
  }

  get provider(): string {
    return this.config.provider;
  }

  async doRerank({
    documents,
    query,
    topN,
    abortSignal,
    providerOptions,
    headers,
  }: RerankingModelV4CallOptions): Promise<RerankingModelV4Result> {
    const options = await parseMixRouterProviderOptions({
      providerOptions,
      schema: mixrouterRerankingOptionsSchema,
    });

    let body: Record<string, unknown> = {
      model: this.modelId,
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
      url: this.config.url('/rerank'),
      headers: buildRequestHeaders(this.config, headers),
      body,
      failedResponseHandler: mixrouterFailedResponseHandler,
      successfulResponseHandler: createMixRouterJsonResponseHandler(
        mixrouterRerankingResponseSchema,
      ),
      abortSignal,
      fetch: this.config.fetch,
    });

    const mapped = mapMixRouterRanking({
      results: response.results,
      documentCount: documents.values.length,
      modelId: this.modelId,
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
}
