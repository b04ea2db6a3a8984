import type {
  ImageModelV4,
  ImageModelV4CallOptions,
  ImageModelV4Result,
  LanguageModelV4,
} from '@ai-sdk/provider';
import { WORKFLOW_DESERIALIZE, WORKFLOW_SERIALIZE } from '@ai-sdk/provider-utils';
import { MixRouterChatLanguageModel } from '../chat/mixrouter-chat-language-model';
import type { MixRouterConfig } from '../mixrouter-config';
import { lazyLoad } from '../mixrouter-lazy-load';
import type { MixRouterImageModelId } from '../mixrouter-model-ids';
import {
  type MixRouterModelState,
  rebuildMixRouterModel,
  serializeMixRouterModel,
} from '../mixrouter-workflow-serde';
import {
  getMixRouterImageCapabilities,
  getMixRouterImageFamily,
  type MixRouterImageFamily,
} from './mixrouter-image-family';

const loadImageCalls = /* @__PURE__ */ lazyLoad(() => import('./mixrouter-image-call'));

export type MixRouterImageModelConfig = MixRouterConfig & {
  /**
   * Builds the MixRouter chat model for an id. Gemini image models
   * (`gemini-2.5-flash-image`, `gemini-3-pro-image-preview`, any `/^gemini-.*image/`) are
   * served through chat completions, so the image model delegates to it. Required for
   * those models only.
   */
  createChatModel?: (modelId: string) => LanguageModelV4;
  _internal?: { currentDate?: () => Date };
};

/**
 * `POST /images/generations` (JSON), `POST /images/edits` (multipart, or JSON with image
 * URLs for seedream/qwen-image), and Gemini image models through chat completions
 * (protocol §6).
 */
export class MixRouterImageModel implements ImageModelV4 {
  readonly specificationVersion = 'v4';
  readonly modelId: MixRouterImageModelId;
  readonly maxImagesPerCall: number;
  readonly supportsFileInputs: boolean | undefined;
  readonly supportsMaskInputs: boolean | undefined;

  private readonly config: MixRouterImageModelConfig;
  private readonly family: MixRouterImageFamily;

  /** Workflow step boundary: plain JSON, never the key (mixrouter-workflow-serde.ts). */
  static [WORKFLOW_SERIALIZE](model: MixRouterImageModel): MixRouterModelState {
    return serializeMixRouterModel(model, model.config);
  }

  static [WORKFLOW_DESERIALIZE](state: MixRouterModelState): MixRouterImageModel {
    const { modelId, config, guard } = rebuildMixRouterModel(state, ['image']);
    // As the factory does: Gemini image models delegate to the chat model.
    const createChatModel = (id: string) =>
      guard(new MixRouterChatLanguageModel(id, config('chat')));
    return guard(new MixRouterImageModel(modelId, { ...config('image'), createChatModel }));
  }

  constructor(modelId: MixRouterImageModelId, config: MixRouterImageModelConfig) {
    this.modelId = modelId;
    this.config = config;
    this.family = getMixRouterImageFamily(modelId);
    const capabilities = getMixRouterImageCapabilities(this.family);
    this.maxImagesPerCall = capabilities.maxImagesPerCall;
    this.supportsFileInputs = capabilities.supportsFileInputs;
    this.supportsMaskInputs = capabilities.supportsMaskInputs;
  }

  get provider(): string {
    return this.config.provider;
  }

  async doGenerate(options: ImageModelV4CallOptions): Promise<ImageModelV4Result> {
    // Loaded on first use: importing the package does not pay for unused model types.
    const { MixRouterImageCalls } = await loadImageCalls();
    return new MixRouterImageCalls(this.modelId, this.config, this.family).doGenerate(options);
  }
}
