import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamPart,
  LanguageModelV4StreamResult,
} from '@ai-sdk/provider';
import { WORKFLOW_DESERIALIZE, WORKFLOW_SERIALIZE } from '@ai-sdk/provider-utils';
import type { MixRouterConfig } from '../mixrouter-config';
import { getMixRouterModelInfo, type MixRouterModelInfo } from '../mixrouter-model-catalogue';
import { splitMixRouterBaseURL } from '../mixrouter-url';
import {
  type MixRouterModelState,
  rebuildMixRouterModel,
  serializeMixRouterModel,
} from '../mixrouter-workflow-serde';
import {
  type MixRouterNativeRoute,
  mapMixRouterNativeOptions,
  NATIVE_NAMESPACE,
} from './map-mixrouter-native-options';
import { createMixRouterNativeFetch } from './mixrouter-native-fetch';
import {
  type MixRouterNativeProviderLoaders,
  missingMixRouterNativeProviderError,
  RUN_TIME_NATIVE_PROVIDERS,
} from './mixrouter-native-providers';

export type MixRouterNativeModelConfig = MixRouterConfig & {
  /** Where the official provider factories come from (see `MixRouterNativeProviders`). */
  native: MixRouterNativeProviderLoaders;
};

// The official providers check that a key is set; the real MixRouter key is applied by
// the native fetch, which also removes this placeholder.
const PLACEHOLDER_KEY = 'mixrouter-key-set-by-fetch';

const ROUTE_NAME: Record<MixRouterNativeRoute, string> = {
  responses: '/responses',
  messages: '/messages',
  gemini: 'Gemini-native (/v1beta)',
};

/** `https://host/v1` → `https://host/v1beta` (Gemini-native routes live under /v1beta). */
export function geminiBaseURL(baseURL: string): string {
  return /\/v1$/.test(baseURL) ? baseURL.replace(/\/v1$/, '/v1beta') : `${baseURL}/v1beta`;
}

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

  get supportedUrls(): PromiseLike<Record<string, RegExp[]>> {
    return this.createInner(undefined).then((inner) => inner.supportedUrls);
  }

  private async createInner(
    extraBody: Record<string, unknown> | undefined,
    onStreamError?: (error: Error) => void,
  ): Promise<LanguageModelV4> {
    const fetch = createMixRouterNativeFetch({ config: this.config, extraBody, onStreamError });
    const { native } = this.config;
    // Without the query: the native fetch appends it after the path the providers add.
    const baseURL = splitMixRouterBaseURL(this.config.baseURL).base;
    switch (this.route) {
      case 'responses': {
        const createOpenAI = await (native.openai as NonNullable<typeof native.openai>)();
        return createOpenAI({
          apiKey: PLACEHOLDER_KEY,
          baseURL,
          fetch,
        }).responses(this.modelId);
      }
      case 'messages': {
        const createAnthropic = await (native.anthropic as NonNullable<typeof native.anthropic>)();
        return createAnthropic({
          apiKey: PLACEHOLDER_KEY,
          baseURL,
          fetch,
        }).messages(this.modelId);
      }
      case 'gemini': {
        const createGoogle = await (native.google as NonNullable<typeof native.google>)();
        return createGoogle({
          apiKey: PLACEHOLDER_KEY,
          baseURL: geminiBaseURL(baseURL),
          fetch,
        }).languageModel(this.modelId);
      }
    }
  }

  async doGenerate(options: LanguageModelV4CallOptions): Promise<LanguageModelV4GenerateResult> {
    const { callOptions, extraBody, warnings } = await mapMixRouterNativeOptions({
      route: this.route,
      info: this.info,
      options,
    });
    const inner = await this.createInner(extraBody);
    const result = await inner.doGenerate(callOptions);
    return { ...result, warnings: [...warnings, ...result.warnings] };
  }

  async doStream(options: LanguageModelV4CallOptions): Promise<LanguageModelV4StreamResult> {
    const { callOptions, extraBody, warnings } = await mapMixRouterNativeOptions({
      route: this.route,
      info: this.info,
      options,
    });
    // A gateway error event later in the stream ends the byte stream (the provider
    // then finishes with what it had); it is reported here as an error part before the
    // finish part, as on the chat route, so no partial output is lost.
    let streamError: Error | undefined;
    let reported = false;
    const inner = await this.createInner(extraBody, (error) => {
      streamError ??= error;
    });
    const result = await inner.doStream(callOptions);
    const report = (controller: TransformStreamDefaultController<LanguageModelV4StreamPart>) => {
      if (streamError === undefined || reported) return;
      reported = true;
      controller.enqueue({ type: 'error', error: streamError });
    };
    return {
      ...result,
      stream: result.stream.pipeThrough(
        new TransformStream<LanguageModelV4StreamPart, LanguageModelV4StreamPart>({
          transform(part, controller) {
            if (part.type === 'finish') report(controller);
            controller.enqueue(
              part.type === 'stream-start' && warnings.length > 0
                ? { ...part, warnings: [...warnings, ...part.warnings] }
                : part,
            );
          },
          flush: report,
        }),
      ),
    };
  }
}
