import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamResult,
} from '@ai-sdk/provider';
import { WORKFLOW_DESERIALIZE, WORKFLOW_SERIALIZE } from '@ai-sdk/provider-utils';
import type { MixRouterConfig } from '../mixrouter-config';
import { lazyLoad } from '../mixrouter-lazy-load';
import { getMixRouterModelInfo, type MixRouterModelInfo } from '../mixrouter-model-catalogue';
import type { MixRouterChatModelId } from '../mixrouter-model-ids';
import {
  type MixRouterModelState,
  rebuildMixRouterModel,
  serializeMixRouterModel,
} from '../mixrouter-workflow-serde';
import { getMixRouterSupportedUrls } from './mixrouter-media-url-support';

const loadChatCalls = /* @__PURE__ */ lazyLoad(() => import('./mixrouter-chat-call'));

/**
 * Chat language model on `POST {baseURL}/chat/completions`. Model facts (family,
 * reasoning knob, quirks) come from the catalogue; request building and response
 * mapping are shared by generate and stream.
 */
export class MixRouterChatLanguageModel implements LanguageModelV4 {
  readonly specificationVersion = 'v4';
  readonly modelId: MixRouterChatModelId;
  readonly info: MixRouterModelInfo;
  private readonly config: MixRouterConfig;

  /** Workflow step boundary: plain JSON, never the key (mixrouter-workflow-serde.ts). */
  static [WORKFLOW_SERIALIZE](model: MixRouterChatLanguageModel): MixRouterModelState {
    return serializeMixRouterModel(model, model.config);
  }

  static [WORKFLOW_DESERIALIZE](state: MixRouterModelState): MixRouterChatLanguageModel {
    const { modelId, config, guard } = rebuildMixRouterModel(state, ['chat']);
    return guard(new MixRouterChatLanguageModel(modelId, config('chat')));
  }

  constructor(modelId: MixRouterChatModelId, config: MixRouterConfig) {
    this.modelId = modelId;
    this.config = config;
    this.info = getMixRouterModelInfo(modelId);
  }

  get provider(): string {
    return this.config.provider;
  }

  get supportedUrls(): Record<string, RegExp[]> {
    return getMixRouterSupportedUrls(this.info);
  }

  // Request building and response mapping load with the first call: importing the
  // package compiles only what creating models needs.
  private async calls() {
    const { MixRouterChatCalls } = await loadChatCalls();
    return new MixRouterChatCalls(this.modelId, this.info, this.config);
  }

  async doGenerate(options: LanguageModelV4CallOptions): Promise<LanguageModelV4GenerateResult> {
    return (await this.calls()).doGenerate(options);
  }

  async doStream(options: LanguageModelV4CallOptions): Promise<LanguageModelV4StreamResult> {
    return (await this.calls()).doStream(options);
  }
}
