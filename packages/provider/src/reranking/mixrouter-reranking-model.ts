import type {
  RerankingModelV4,
  RerankingModelV4CallOptions,
  RerankingModelV4Result,
} from '@ai-sdk/provider';
import { WORKFLOW_DESERIALIZE, WORKFLOW_SERIALIZE } from '@ai-sdk/provider-utils';
import type { MixRouterConfig } from '../mixrouter-config';
import { lazyLoad } from '../mixrouter-lazy-load';
import type { MixRouterRerankingModelId } from '../mixrouter-model-ids';
import {
  type MixRouterModelState,
  rebuildMixRouterModel,
  serializeMixRouterModel,
} from '../mixrouter-workflow-serde';

const loadRerankingCall = /* @__PURE__ */ lazyLoad(() => import('./mixrouter-reranking-call'));

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

  async doRerank(options: RerankingModelV4CallOptions): Promise<RerankingModelV4Result> {
    // Loaded on first use: importing the package does not pay for unused model types.
    const { doMixRouterRerank } = await loadRerankingCall();
    return doMixRouterRerank(this.modelId, this.config, options);
  }
}
