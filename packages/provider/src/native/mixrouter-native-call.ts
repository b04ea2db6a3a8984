import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4GenerateResult,
  LanguageModelV4StreamPart,
  LanguageModelV4StreamResult,
} from '@ai-sdk/provider';
import type { MixRouterModelInfo } from '../mixrouter-model-catalogue';
import { splitMixRouterBaseURL } from '../mixrouter-url';
import { mapMixRouterNativeOptions } from './map-mixrouter-native-options';
import { createMixRouterNativeFetch } from './mixrouter-native-fetch';
import type { MixRouterNativeModelConfig } from './mixrouter-native-language-model';
import type { MixRouterNativeRoute } from './mixrouter-native-providers';

// The official providers check that a key is set; the real MixRouter key is applied by
// the native fetch, which also removes this placeholder.
const PLACEHOLDER_KEY = 'mixrouter-key-set-by-fetch';

/** `https://host/v1` → `https://host/v1beta` (Gemini-native routes live under /v1beta). */
export function geminiBaseURL(baseURL: string): string {
  return /\/v1$/.test(baseURL) ? baseURL.replace(/\/v1$/, '/v1beta') : `${baseURL}/v1beta`;
}

/** The request side of MixRouterNativeLanguageModel, loaded on its first call. */
export class MixRouterNativeCalls {
  constructor(
    readonly modelId: string,
    readonly route: MixRouterNativeRoute,
    readonly info: MixRouterModelInfo,
    private readonly config: MixRouterNativeModelConfig,
  ) {}

  supportedUrls(): Promise<Record<string, RegExp[]>> {
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
