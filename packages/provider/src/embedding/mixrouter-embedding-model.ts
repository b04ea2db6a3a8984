import type {
  EmbeddingModelV4,
  EmbeddingModelV4CallOptions,
  EmbeddingModelV4Result,
} from '@ai-sdk/provider';
import { WORKFLOW_DESERIALIZE, WORKFLOW_SERIALIZE } from '@ai-sdk/provider-utils';
import type { MixRouterConfig } from '../mixrouter-config';
import { lazyLoad } from '../mixrouter-lazy-load';
import { getMixRouterModelInfo } from '../mixrouter-model-catalogue';
import type { MixRouterEmbeddingModelId } from '../mixrouter-model-ids';
import {
  type MixRouterModelState,
  rebuildMixRouterModel,
  serializeMixRouterModel,
} from '../mixrouter-workflow-serde';

const loadEmbeddingCall = /* @__PURE__ */ lazyLoad(() => import('./mixrouter-embedding-call'));

/** OpenAI's per-request input limit: the default where the catalogue knows no other. */
export const MIXROUTER_MAX_EMBEDDINGS_PER_CALL = 2048;

/** `POST /embeddings` (protocol §7). */
export class MixRouterEmbeddingModel implements EmbeddingModelV4 {
  readonly specificationVersion = 'v4';
  readonly modelId: MixRouterEmbeddingModelId;
  /** The upstream's batch limit from the catalogue (e.g. DashScope text-embedding-v1: 25). */
  readonly maxEmbeddingsPerCall: number;
  readonly supportsParallelCalls = true;

  private readonly config: MixRouterConfig;

  /** Workflow step boundary: plain JSON, never the key (mixrouter-workflow-serde.ts). */
  static [WORKFLOW_SERIALIZE](model: MixRouterEmbeddingModel): MixRouterModelState {
    return serializeMixRouterModel(model, model.config);
  }

  static [WORKFLOW_DESERIALIZE](state: MixRouterModelState): MixRouterEmbeddingModel {
    const { modelId, config, guard } = rebuildMixRouterModel(state, ['embedding']);
    return guard(new MixRouterEmbeddingModel(modelId, config('embedding')));
  }

  constructor(modelId: MixRouterEmbeddingModelId, config: MixRouterConfig) {
    this.modelId = modelId;
    this.config = config;
    this.maxEmbeddingsPerCall =
      getMixRouterModelInfo(modelId).quirks.maxEmbeddingsPerCall ??
      MIXROUTER_MAX_EMBEDDINGS_PER_CALL;
  }

  get provider(): string {
    return this.config.provider;
  }

  async doEmbed(options: EmbeddingModelV4CallOptions): Promise<EmbeddingModelV4Result> {
    // The request and response handling load on first use, so importing the package
    // does not pay for model types an app may never call.
    const { doMixRouterEmbed } = await loadEmbeddingCall();
    return doMixRouterEmbed(this, this.config, options);
  }
}
