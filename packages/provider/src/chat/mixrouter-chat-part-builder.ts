import { InvalidResponseDataError, type LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { convertBase64ToUint8Array, convertUint8ArrayToBase64 } from '@ai-sdk/provider-utils';
import {
  createMixRouterAPIError,
  extractMixRouterErrorFields,
  getRequestId,
} from '../mixrouter-error';
import type { MixRouterModelInfo } from '../mixrouter-model-catalogue';
import { convertMixRouterUsage } from './convert-mixrouter-usage';
import { MixRouterToolCallCorrelator } from './correlate-mixrouter-tool-calls';
import { mapMixRouterFinishReason } from './map-mixrouter-finish-reason';
import { MixRouterToolCallParts } from './mixrouter-tool-call-parts';
import {
  asRecord,
  asString,
  audioFormatToMediaType,
  nonBlank,
  type Rec,
  readAudio,
  readContent,
  readReasoning,
  readToolCalls,
  readUrlCitations,
} from './read-mixrouter-message';
import { ReasoningTagSplitter, reasoningTagsFor } from './reasoning-tag-splitter';
import { MarkdownImageStreamHold } from './scan-markdown-data-uri-images';

/**
 * Where the builder's parts go (a {@link MixRouterChatPartCollector}). An object with a
 * method rather than a callback: V8 inlines a per-stream closure into the shared builder
 * methods and deoptimizes them at every major GC once that closure is gone; a method
 * shared by every stream does not.
 */
export type MixRouterChatPartSink = { enqueue(part: LanguageModelV4StreamPart): void };

type DeltaPart = Extract<
  LanguageModelV4StreamPart,
  { type: 'text-delta' | 'reasoning-delta' | 'tool-input-delta' }
>;

function isDelta(part: LanguageModelV4StreamPart): part is DeltaPart {
  return (
    part.type === 'text-delta' ||
    part.type === 'reasoning-delta' ||
    part.type === 'tool-input-delta'
  );
}

/**
 * Collects parts: those of a whole (non-stream) response, or those built from one read of
 * a stream. Consecutive deltas of the same block that arrived together are joined into
 * one part — the text is the same, only fewer pieces (a gateway that sends faster than
 * the app reads packs many events into one read; each part costs the stream and `ai` a
 * step). Parts are never held back to wait for more: what one read brought is handed on
 * as soon as it is processed. Deltas with provider metadata stay as they are.
 */
export class MixRouterChatPartCollector implements MixRouterChatPartSink {
  readonly parts: LanguageModelV4StreamPart[] = [];

  enqueue(part: LanguageModelV4StreamPart): void {
    const parts = this.parts;
    const last = parts[parts.length - 1];
    if (
      last !== undefined &&
      last.type === part.type &&
      isDelta(part) &&
      isDelta(last) &&
      last.id === part.id &&
      last.providerMetadata === undefined &&
      part.providerMetadata === undefined
    ) {
      // `last` was built by this package and not handed out yet.
      (last as { delta: string }).delta += part.delta;
      return;
    }
    parts.push(part);
  }
}

export type MixRouterChatPartBuilderOptions = {
  info: MixRouterModelInfo;
  /** `stream`: a missing finish reason means the stream was cut (`interrupted`). */
  mode: 'generate' | 'stream';
  /** The user's `extractReasoningTags`; undefined: what the catalogue says the family writes. */
  extractReasoningTags: boolean | undefined;
  audioFormat?: string;
  generateId: () => string;
  /** For errors reported inside a 200 response. */
  url: string;
  requestBodyValues: unknown;
  responseHeaders?: Record<string, string>;
};

/**
 * Turns gateway chat chunks (stream) or a whole response (generate, where `message`
 * stands in for `delta`) into V4 stream parts. Generate collects the parts into content,
 * so both paths share one mapping: text and reasoning blocks, inline `<think>` tags,
 * content-array images, audio, citations, tool calls (correlated, then turned into
 * tool parts), usage and the finish reason.
 */
export class MixRouterChatPartBuilder {
  private readonly sink: MixRouterChatPartSink;
  private readonly options: MixRouterChatPartBuilderOptions;
  private readonly toolParts: MixRouterToolCallParts;
  private readonly splitter: ReasoningTagSplitter | undefined;
  /** Image-output models only: markdown data-URI images become file parts. */
  private readonly markdownImages: boolean;
  private readonly markdownHold: MarkdownImageStreamHold | undefined;
  private textId: string | undefined;
  private reasoningId: string | undefined;
  private blockCounter = 0;
  private responseId: string | undefined;
  private modelId: string | undefined;
  private timestamp: Date | undefined;
  private finishReason: string | undefined;
  private usage: unknown;
  private errored = false;
  private readonly toolCalls: MixRouterToolCallCorrelator;
  private readonly audioChunks: Uint8Array[] = [];
  private readonly seenSources = new Set<string>();
  private finished = false;

  constructor(sink: MixRouterChatPartSink, options: MixRouterChatPartBuilderOptions) {
    this.options = options;
    this.sink = sink;
    const tags = reasoningTagsFor(options.info.quirks, options.extractReasoningTags);
    this.splitter = tags.length > 0 ? new ReasoningTagSplitter(tags) : undefined;
    this.markdownImages = options.info.output.includes('image');
    this.markdownHold =
      this.markdownImages && options.mode === 'stream' ? new MarkdownImageStreamHold() : undefined;
    this.toolParts = new MixRouterToolCallParts(sink, options.generateId);
    this.toolCalls = new MixRouterToolCallCorrelator(this.toolParts);
  }

  private emit(part: LanguageModelV4StreamPart): void {
    this.sink.enqueue(part);
  }

  /** One parsed chunk (or a whole non-stream response). */
  processChunk(chunk: unknown): void {
    const c = asRecord(chunk);
    if (c === undefined) {
      this.reportError(
        new InvalidResponseDataError({
          data: chunk,
          message: 'MixRouter sent a chunk that is not a JSON object.',
        }),
      );
      return;
    }
    const errorFields = extractMixRouterErrorFields(c);
    if (errorFields !== undefined) {
      this.reportError(
        createMixRouterAPIError({
          fields: errorFields,
          statusCode: undefined,
          url: this.options.url,
          requestBodyValues: this.options.requestBodyValues,
          responseHeaders: this.options.responseHeaders,
        }),
      );
      return;
    }
    if (this.timestamp === undefined || this.responseId === undefined || this.modelId === undefined)
      this.readResponseMetadata(c);
    if (c.usage != null) this.usage = c.usage;

    const choices = c.choices;
    if (!Array.isArray(choices) || choices.length === 0) return; // usage-only final chunk
    const choice = asRecord(choices[0]);
    if (choice === undefined) return;
    const message = asRecord(choice.delta) ?? asRecord(choice.message);
    if (message !== undefined) this.processMessage(message);
    // Gemini conversions can repeat finish_reason: keep the last non-null value.
    const finishReason = asString(choice.finish_reason);
    if (finishReason) this.finishReason = finishReason;
  }

  /**
   * Response metadata takes the first non-empty value of each field: Azure OpenAI
   * channels open with a chunk whose `id` and `model` are empty and `created` is 0
   * (prompt filter results). Emitted again when a later chunk fills a gap; `ai` merges.
   */
  private readResponseMetadata(c: Rec): void {
    let changed = false;
    if (this.responseId === undefined) {
      const id = nonBlank(asString(c.id));
      if (id !== undefined) {
        this.responseId = id;
        changed = true;
      }
    }
    if (this.modelId === undefined) {
      const model = nonBlank(asString(c.model));
      if (model !== undefined) {
        this.modelId = model;
        changed = true;
      }
    }
    if (this.timestamp === undefined && typeof c.created === 'number' && c.created > 0) {
      // A `created` beyond the Date range would give an Invalid Date (toISOString throws).
      const date = new Date(c.created * 1000);
      if (Number.isFinite(date.getTime())) {
        this.timestamp = date;
        changed = true;
      }
    }
    if (changed)
      this.emit({
        type: 'response-metadata',
        id: this.responseId,
        modelId: this.modelId,
        timestamp: this.timestamp,
      });
  }

  emitRaw(rawValue: unknown): void {
    this.emit({ type: 'raw', rawValue });
  }

  /** A transport or parse failure: an `error` part, and the finish reason becomes `error`. */
  reportError(error: unknown): void {
    this.errored = true;
    this.emit({ type: 'error', error });
  }

  private processMessage(message: Rec, holdMarkdown = true): void {
    const content = message.content;
    if (
      (typeof content === 'string' || content == null) &&
      !this.markdownImages &&
      message.audio == null &&
      message.annotations == null &&
      message.refusal == null
    ) {
      // Fast path, the common deltas (`content`, `reasoning_content`, `tool_calls`): the
      // same order as below, without the general readers' allocations.
      const reasoning = readReasoning(message);
      if (reasoning !== undefined) this.reasoningDelta(reasoning);
      if (typeof content === 'string' && content.length > 0) this.text(content);
      if (message.tool_calls != null)
        for (const delta of readToolCalls(message)) this.toolCalls.push(delta);
      return;
    }
    const reasoning = readReasoning(message);
    if (reasoning !== undefined) this.reasoningDelta(reasoning);

    const items = readContent(
      holdMarkdown && this.markdownHold !== undefined && typeof message.content === 'string'
        ? { content: this.markdownHold.push(message.content) }
        : message,
      { markdownImages: this.markdownImages },
    );
    for (const item of items) {
      if (item.type === 'text') this.text(item.text);
      else {
        this.closeText();
        this.closeReasoning();
        this.emit({ type: 'file', mediaType: item.mediaType, data: item.data });
      }
    }

    const audio = readAudio(message);
    if (audio !== undefined) {
      if (audio.transcript) this.textDelta(audio.transcript);
      if (audio.data) {
        try {
          this.audioChunks.push(convertBase64ToUint8Array(audio.data));
        } catch (cause) {
          this.reportError(
            new InvalidResponseDataError({
              data: audio,
              message: `MixRouter sent audio that is not base64: ${String(cause)}`,
            }),
          );
        }
      }
    }

    for (const source of readUrlCitations(message)) {
      if (this.seenSources.has(source.url)) continue;
      this.seenSources.add(source.url);
      this.emit({
        type: 'source',
        sourceType: 'url',
        id: this.options.generateId(),
        url: source.url,
        ...(source.title !== undefined ? { title: source.title } : {}),
      });
    }

    const refusal = asString(message.refusal);
    if (refusal) this.textDelta(refusal);

    for (const delta of readToolCalls(message)) this.toolCalls.push(delta);
  }

  /** Answer text, through the inline reasoning-tag splitter when the model needs one. */
  private text(text: string): void {
    if (this.splitter === undefined) this.textDelta(text);
    else for (const segment of this.splitter.push(text)) this.segment(segment.kind, segment.text);
  }

  private segment(kind: 'text' | 'reasoning', text: string): void {
    if (kind === 'text') this.textDelta(text);
    else this.reasoningDelta(text);
  }

  private reasoningDelta(delta: string): void {
    this.closeText(); // reasoning after text (interleaved thinking) opens a new block
    if (this.reasoningId === undefined) {
      this.reasoningId = `reasoning-${this.blockCounter++}`;
      this.emit({ type: 'reasoning-start', id: this.reasoningId });
    }
    this.emit({ type: 'reasoning-delta', id: this.reasoningId, delta });
  }

  private textDelta(delta: string): void {
    if (delta.length === 0) return;
    this.closeReasoning();
    if (this.textId === undefined) {
      this.textId = `txt-${this.blockCounter++}`;
      this.emit({ type: 'text-start', id: this.textId });
    }
    this.emit({ type: 'text-delta', id: this.textId, delta });
  }

  private closeText(): void {
    if (this.textId !== undefined) {
      this.emit({ type: 'text-end', id: this.textId });
      this.textId = undefined;
    }
  }

  private closeReasoning(): void {
    if (this.reasoningId !== undefined) {
      this.emit({ type: 'reasoning-end', id: this.reasoningId });
      this.reasoningId = undefined;
    }
  }

  /** Closes every open block, emits pending tool calls and audio, then `finish`. Idempotent. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    const held = this.markdownHold?.flush();
    if (held) this.processMessage({ content: held }, false); // never completed: text after all
    if (this.splitter !== undefined)
      for (const s of this.splitter.flush()) this.segment(s.kind, s.text);
    this.closeReasoning();
    this.closeText();
    const interrupted = this.finishReason === undefined && this.options.mode === 'stream';
    const mapped = mapMixRouterFinishReason(this.finishReason, { hasToolCalls: false });
    // Cut off (length, content filter, an upstream failure, a broken stream): a call whose
    // arguments are incomplete must not reach the tool loop as executable.
    const toolCalls = this.toolParts.finish(
      this.toolCalls.calls(),
      this.errored ||
        interrupted ||
        mapped.unified === 'length' ||
        mapped.unified === 'content-filter' ||
        mapped.unified === 'error',
    );
    for (const [key, fragments] of this.toolCalls.unnamedFragments()) {
      this.reportError(
        new InvalidResponseDataError({
          data: fragments,
          message: `MixRouter streamed tool-call arguments (${key}) without ever naming the tool; the call was dropped.`,
        }),
      );
    }
    if (this.audioChunks.length > 0) {
      const total = this.audioChunks.reduce((n, chunk) => n + chunk.length, 0);
      const bytes = new Uint8Array(total);
      let offset = 0;
      for (const chunk of this.audioChunks) {
        bytes.set(chunk, offset);
        offset += chunk.length;
      }
      this.emit({
        type: 'file',
        mediaType: audioFormatToMediaType(this.options.audioFormat),
        data: { type: 'data', data: convertUint8ArrayToBase64(bytes) },
      });
    }

    const hasToolCalls = toolCalls.emitted > 0;
    const finishReason = this.errored
      ? { unified: 'error' as const, raw: this.finishReason }
      : interrupted
        ? { unified: 'interrupted' as const, raw: undefined }
        : mapMixRouterFinishReason(this.finishReason, { hasToolCalls });

    const usage = convertMixRouterUsage(this.usage, {
      anthropicSemantics: this.options.info.family === 'anthropic',
    });
    const requestId = getRequestId(this.options.responseHeaders);
    const cost = asRecord(this.usage)?.cost;
    this.emit({
      type: 'finish',
      finishReason,
      usage,
      providerMetadata: {
        mixrouter: {
          ...(requestId !== undefined ? { requestId } : {}),
          ...(this.modelId !== undefined ? { upstreamModel: this.modelId } : {}),
          ...(typeof cost === 'number' && Number.isFinite(cost) ? { cost } : {}),
          ...(toolCalls.incomplete.length > 0 ? { incompleteToolCalls: toolCalls.incomplete } : {}),
        },
      },
    });
  }
}
