import {
  EmptyResponseBodyError,
  type LanguageModelV4CallOptions,
  type LanguageModelV4GenerateResult,
  type LanguageModelV4StreamPart,
  type LanguageModelV4StreamResult,
} from '@ai-sdk/provider';
import {
  extractResponseHeaders,
  generateId,
  postToApi,
  type ResponseHandler,
  secureJsonParse,
} from '@ai-sdk/provider-utils';
import { buildRequestHeaders, type MixRouterConfig } from '../mixrouter-config';
import {
  createMixRouterAPIError,
  createMixRouterJsonResponseHandler,
  extractMixRouterErrorFields,
  mixrouterFailedResponseHandler,
} from '../mixrouter-error';
import type { MixRouterModelInfo } from '../mixrouter-model-catalogue';
import { buildMixRouterChatRequest } from './build-mixrouter-chat-request';
import { toMixRouterGenerateResult } from './collect-mixrouter-content';
import { mixrouterChatResponseSchema } from './mixrouter-chat-api';
import { createMixRouterChatEventStream } from './mixrouter-chat-event-stream';
import {
  MixRouterChatPartBuilder,
  MixRouterChatPartCollector,
} from './mixrouter-chat-part-builder';
import { serializeMixRouterJsonBody } from './serialize-mixrouter-json-body';

/** `postJsonToApi`'s headers; the body is serialised by `serializeMixRouterJsonBody`. */
function jsonHeaders(
  config: MixRouterConfig,
  callHeaders: Record<string, string | undefined> | undefined,
): Record<string, string | undefined> {
  return { 'Content-Type': 'application/json', ...buildRequestHeaders(config, callHeaders) };
}

type StreamBody =
  | { kind: 'sse'; body: ReadableStream<Uint8Array> }
  | { kind: 'json'; json: unknown };

/**
 * The request side of MixRouterChatLanguageModel (loaded on its first call): request
 * building and response mapping, shared by generate and stream.
 */
export class MixRouterChatCalls {
  constructor(
    readonly modelId: string,
    readonly info: MixRouterModelInfo,
    private readonly config: MixRouterConfig,
  ) {}

  private get url(): string {
    return this.config.url('/chat/completions');
  }

  private builderOptions(
    body: Record<string, unknown>,
    extractReasoningTags: boolean | undefined,
    audioFormat: string | undefined,
    responseHeaders?: Record<string, string>,
  ) {
    return {
      info: this.info,
      extractReasoningTags,
      audioFormat,
      generateId: this.config.generateId ?? generateId,
      url: this.url,
      requestBodyValues: body,
      responseHeaders,
    };
  }

  async doGenerate(options: LanguageModelV4CallOptions): Promise<LanguageModelV4GenerateResult> {
    const {
      body,
      warnings,
      options: mixrouter,
      thinking,
    } = await buildMixRouterChatRequest({ options, info: this.info, stream: false });
    const { streaming } = this.info.request;
    if (streaming === 'stream-only' || (streaming === 'stream-when-thinking' && thinking))
      return this.generateByStreaming(options);
    const { value, rawValue, responseHeaders } = await postToApi({
      url: this.url,
      headers: jsonHeaders(this.config, options.headers),
      body: { content: serializeMixRouterJsonBody(body), values: body },
      failedResponseHandler: mixrouterFailedResponseHandler,
      successfulResponseHandler: createMixRouterJsonResponseHandler(mixrouterChatResponseSchema),
      abortSignal: options.abortSignal,
      fetch: this.config.fetch,
    });
    const collector = new MixRouterChatPartCollector();
    const builder = new MixRouterChatPartBuilder(collector, {
      ...this.builderOptions(
        body,
        mixrouter.extractReasoningTags,
        mixrouter.audio?.format,
        responseHeaders,
      ),
      mode: 'generate',
    });
    builder.processChunk(value);
    builder.finish();
    return toMixRouterGenerateResult(collector.parts, {
      request: { body },
      response: { headers: responseHeaders, body: rawValue },
      warnings,
    });
  }

  /**
   * For upstreams that answer this request only when streamed (Qwen Omni; DashScope with
   * thinking on): stream, then fold the parts into a result.
   */
  private async generateByStreaming(
    options: LanguageModelV4CallOptions,
  ): Promise<LanguageModelV4GenerateResult> {
    const { stream, request, response } = await this.doStream({
      ...options,
      includeRawChunks: false,
    });
    const parts: LanguageModelV4StreamPart[] = [];
    const reader = stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
    }
    const start = parts.find((p) => p.type === 'stream-start');
    return toMixRouterGenerateResult(parts, {
      request,
      response: { headers: response?.headers },
      warnings: start?.type === 'stream-start' ? start.warnings : [],
    });
  }

  async doStream(options: LanguageModelV4CallOptions): Promise<LanguageModelV4StreamResult> {
    const {
      body,
      warnings,
      options: mixrouter,
    } = await buildMixRouterChatRequest({ options, info: this.info, stream: true });
    const { value, responseHeaders } = await postToApi({
      url: this.url,
      headers: jsonHeaders(this.config, options.headers),
      body: { content: serializeMixRouterJsonBody(body), values: body },
      failedResponseHandler: mixrouterFailedResponseHandler,
      successfulResponseHandler: streamBodyHandler,
      abortSignal: options.abortSignal,
      fetch: this.config.fetch,
    });
    const builderOptions = this.builderOptions(
      body,
      mixrouter.extractReasoningTags,
      mixrouter.audio?.format,
      responseHeaders,
    );

    let stream: ReadableStream<LanguageModelV4StreamPart>;
    if (value.kind === 'sse') {
      stream = createMixRouterChatEventStream({
        body: value.body,
        warnings,
        includeRawChunks: options.includeRawChunks === true,
        builderOptions,
      });
    } else {
      // The gateway answered a stream request with a complete JSON response.
      const collector = new MixRouterChatPartCollector();
      collector.enqueue({ type: 'stream-start', warnings });
      const builder = new MixRouterChatPartBuilder(collector, {
        ...builderOptions,
        mode: 'generate',
      });
      const { parts } = collector;
      if (options.includeRawChunks) builder.emitRaw(value.json);
      builder.processChunk(value.json);
      builder.finish();
      stream = new ReadableStream({
        start(controller) {
          for (const part of parts) controller.enqueue(part);
          controller.close();
        },
      });
    }
    return { stream, request: { body }, response: { headers: responseHeaders } };
  }
}

/** Accepts SSE, and also a JSON body (a gateway error inside a 200, or a non-stream answer). */
const streamBodyHandler: ResponseHandler<StreamBody> = async ({
  response,
  url,
  requestBodyValues,
}) => {
  const responseHeaders = extractResponseHeaders(response);
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType.includes('application/json')) {
    const text = await response.text();
    let json: unknown;
    try {
      json = secureJsonParse(text);
    } catch {
      // Not JSON after all: hand it to the SSE reader, which ignores what it cannot use.
      return { responseHeaders, value: { kind: 'sse', body: new Blob([text]).stream() } };
    }
    const fields = extractMixRouterErrorFields(json);
    if (fields !== undefined) {
      throw createMixRouterAPIError({
        fields,
        statusCode: response.status,
        url,
        requestBodyValues,
        responseHeaders,
        responseBody: text,
      });
    }
    return { responseHeaders, value: { kind: 'json', json } };
  }
  if (response.body == null)
    throw new EmptyResponseBodyError({ message: 'MixRouter sent an empty stream body.' });
  return { responseHeaders, value: { kind: 'sse', body: response.body } };
};
