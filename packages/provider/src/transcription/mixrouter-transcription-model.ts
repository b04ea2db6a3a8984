import type {
  TranscriptionModelV4,
  TranscriptionModelV4CallOptions,
  TranscriptionModelV4Result,
} from '@ai-sdk/provider';
import { WORKFLOW_DESERIALIZE, WORKFLOW_SERIALIZE } from '@ai-sdk/provider-utils';
import type { MixRouterConfig } from '../mixrouter-config';
import { lazyLoad } from '../mixrouter-lazy-load';
import type { MixRouterTranscriptionModelId } from '../mixrouter-model-ids';
import {
  type MixRouterModelState,
  rebuildMixRouterModel,
  serializeMixRouterModel,
} from '../mixrouter-workflow-serde';

const loadTranscriptionCalls = /* @__PURE__ */ lazyLoad(
  () => import('./mixrouter-transcription-call'),
);

export type MixRouterTranscriptionModelConfig = MixRouterConfig & {
  _internal?: { currentDate?: () => Date };
};

/** `POST /audio/transcriptions` (multipart, protocol §8.2). */
export class MixRouterTranscriptionModel implements TranscriptionModelV4 {
  readonly specificationVersion = 'v4';
  readonly modelId: MixRouterTranscriptionModelId;

  private readonly config: MixRouterTranscriptionModelConfig;

  /** Workflow step boundary: plain JSON, never the key (mixrouter-workflow-serde.ts). */
  static [WORKFLOW_SERIALIZE](model: MixRouterTranscriptionModel): MixRouterModelState {
    return serializeMixRouterModel(model, model.config);
  }

  static [WORKFLOW_DESERIALIZE](state: MixRouterModelState): MixRouterTranscriptionModel {
    const { modelId, config, guard } = rebuildMixRouterModel(state, ['transcription']);
    return guard(new MixRouterTranscriptionModel(modelId, config('transcription')));
  }

  constructor(modelId: MixRouterTranscriptionModelId, config: MixRouterTranscriptionModelConfig) {
    this.modelId = modelId;
    this.config = config;
  }

  get provider(): string {
    return this.config.provider;
  }

  async doGenerate(options: TranscriptionModelV4CallOptions): Promise<TranscriptionModelV4Result> {
    // Loaded on first use: importing the package does not pay for unused model types.
    const { MixRouterTranscriptionCalls } = await loadTranscriptionCalls();
    return new MixRouterTranscriptionCalls(this.modelId, this.config).doGenerate(options);
  }
}
