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
import {
  type MixRouterModelState,
  rebuildMixRouterModel,
  serializeMixRouterModel,
} from '../mixrouter-workflow-serde';
import {
  type MixRouterNativeProviderLoaders,
  type MixRouterNativeRoute,
  missingMixRouterNativeProviderError,
  NATIVE_NAMESPACE,
  RUN_TIME_NATIVE_PROVIDERS,
} from './mixrouter-native-providers';

const loadNativeCalls = /* @__PURE__ */ lazyLoad(() => import('./mixrouter-native-call'));

export type MixRouterNativeModelConfig = MixRouterConfig & {
  /** Where the official provider factories come from (see `MixRouterNativeProviders`). */
  native: MixRouterNativeProviderLoaders;
};

const ROUTE_NAME: Record<MixRouterNativeRoute, string> = {
  responses: '/responses',
  messages: '/messages',
  gemini: 'Gemini-native (/v1beta)',
};

/**
 * A model on one of MixRouter's native routes — `/v1/responses`, `/v1/messages`,
 * `/v1beta/models/{id}:generateContent` — implemented by composing the official,
 * well-kept protocol implementations (`@ai-sdk/openai`, `@ai-sdk/anthropic`,
 * `@ai-sdk/google`) with MixRouter's base URL, key, fetch and error handling. The
 * factories come from `config.native`: lazy imports in the main entry (the package
 * starts fast when only chat completions are used), or what the app passed in on the
 * `/core` entry. A missing one fails here, when the model is created, not mid-call.
 */
export class MixRouterNativeLanguageModel implements LanguageModelV4 {
  readonly specificationVersion = 'v4';
  readonly modelId: string;
  readonly route: MixRouterNativeRoute;
  readonly info: MixRouterModelInfo;
  private readonly config: MixRouterNativeModelConfig;

  /** Workflow step boundary: plain JSON, never the key (mixrouter-workflow-serde.ts). */
  static [WORKFLOW_SERIALIZE](model: MixRouterNativeLanguageModel): MixRouterModelState {
    return serializeMixRouterModel(model, model.config);
  }

  static [WORKFLOW_DESERIALIZE](state: MixRouterModelState): MixRouterNativeLanguageModel {
    const routes = ['responses', 'messages', 'gemini'] as const;
    const { modelId, kind, config, guard } = rebuildMixRouterModel(state, routes);
    return guard(
      new MixRouterNativeLanguageModel(modelId, kind, {
        ...config(kind),
        native: RUN_TIME_NATIVE_PROVIDERS,
      }),
    );
  }

  constructor(modelId: string, route: MixRouterNativeRoute, config: MixRouterNativeModelConfig) {
    const provider = NATIVE_NAMESPACE[route];
    if (config.native[provider] == null) {
      throw missingMixRouterNativeProviderError({ modelId, route: ROUTE_NAME[route], provider });
    }
    this.modelId = modelId;
    this.route = route;
    this.config = config;
    this.info = getMixRouterModelInfo(modelId);
  }

  get provider(): string {
    return this.config.provider;
  }

  // The option mapping, the route fetch and the official provider load on first use:
  // importing the package does not pay for routes an app may never call.
  private async calls() {
    const { MixRouterNativeCalls } = await loadNativeCalls();
    return new MixRouterNativeCalls(this.modelId, this.route, this.info, this.config);
  }

  get supportedUrls(): PromiseLike<Record<string, RegExp[]>> {
    return this.calls().then((calls) => calls.supportedUrls());
  }

  async doGenerate(options: LanguageModelV4CallOptions): Promise<LanguageModelV4GenerateResult> {
    return (await this.calls()).doGenerate(options);
  }

  async doStream(options: LanguageModelV4CallOptions): Promise<LanguageModelV4StreamResult> {
    return (await this.calls()).doStream(options);
  }
}
