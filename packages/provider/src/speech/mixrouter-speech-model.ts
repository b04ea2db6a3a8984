import type {
  SpeechModelV4,
  SpeechModelV4CallOptions,
  SpeechModelV4Result,
} from '@ai-sdk/provider';
import { WORKFLOW_DESERIALIZE, WORKFLOW_SERIALIZE } from '@ai-sdk/provider-utils';
import type { MixRouterConfig } from '../mixrouter-config';
import { lazyLoad } from '../mixrouter-lazy-load';
import type { MixRouterSpeechModelId } from '../mixrouter-model-ids';
import {
  type MixRouterModelState,
  rebuildMixRouterModel,
  serializeMixRouterModel,
} from '../mixrouter-workflow-serde';

const loadSpeechCall = /* @__PURE__ */ lazyLoad(() => import('./mixrouter-speech-call'));

export type MixRouterSpeechModelConfig = MixRouterConfig & {
  _internal?: { currentDate?: () => Date };
};

/** `POST /audio/speech` (protocol §8.1): audio bytes, or JSON with an `audio_url`. */
export class MixRouterSpeechModel implements SpeechModelV4 {
  readonly specificationVersion = 'v4';
  readonly modelId: MixRouterSpeechModelId;

  private readonly config: MixRouterSpeechModelConfig;

  /** Workflow step boundary: plain JSON, never the key (mixrouter-workflow-serde.ts). */
  static [WORKFLOW_SERIALIZE](model: MixRouterSpeechModel): MixRouterModelState {
    return serializeMixRouterModel(model, model.config);
  }

  static [WORKFLOW_DESERIALIZE](state: MixRouterModelState): MixRouterSpeechModel {
    const { modelId, config, guard } = rebuildMixRouterModel(state, ['speech']);
    return guard(new MixRouterSpeechModel(modelId, config('speech')));
  }

  constructor(modelId: MixRouterSpeechModelId, config: MixRouterSpeechModelConfig) {
    this.modelId = modelId;
    this.config = config;
  }

  get provider(): string {
    return this.config.provider;
  }

  async doGenerate(options: SpeechModelV4CallOptions): Promise<SpeechModelV4Result> {
    // Loaded on first use: importing the package does not pay for unused model types.
    const { doMixRouterSpeech } = await loadSpeechCall();
    return doMixRouterSpeech(this.modelId, this.config, options);
  }
}
