import {
  InvalidResponseDataError,
  type LanguageModelV4StreamPart,
  type SharedV4ProviderMetadata,
} from '@ai-sdk/provider';
import {
  convertBase64ToUint8Array,
  convertUint8ArrayToBase64,
  StreamingToolCallTracker,
} from '@ai-sdk/provider-utils';
import { createMixRouterAPIError, extractMixRouterErrorFields } from '../mixrouter-error';
import type { MixRouterModelInfo } from '../mixrouter-model-catalogue';
import { convertMixRouterUsage } from './convert-mixrouter-usage';
import { mapMixRouterFinishReason } from './map-mixrouter-finish-reason';
import {
  asRecord,
  asString,
  audioFormatToMediaType,
  type MixRouterToolCallDelta,
  type Rec,
  readAudio,
  readContent,
  readReasoning,
  readToolCalls,
  readUrlCitations,
} from './read-mixrouter-message';
import { ReasoningTagSplitter } from './reasoning-tag-splitter';

/** The unfinished start of `![alt](data:…)` at the end of a text. */
const PARTIAL_MARKDOWN_IMAGE = /!\[[^\]\n]*(?:\](?:\((?:d(?:a(?:t(?:a(?::[^)]*)?)?)?)?)?)?)?$/;
/** The same, also holding a lone trailing `!` (image-output models only). */
const PARTIAL_MARKDOWN_IMAGE_OR_BANG =
  /!(?:\[[^\]\n]*(?:\](?:\((?:d(?:a(?:t(?:a(?::[^)]*)?)?)?)?)?)?)?)?$/;

export type MixRouterChatPartBuilderOptions = {
  info: MixRouterModelInfo;
  /** `stream`: a missing finish reason means the stream was cut (`interrupted`). */
  mode: 'generate' | 'stream';
  extractReasoningTags: boolean;
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
 * content-array images, audio, citations, tool calls (via provider-utils'
 * `StreamingToolCallTracker`), usage and the finish reason.
 */
export class MixRouterChatPartBuilder {
  private readonly emit: (part: LanguageModelV4StreamPart) => void;
  private readonly options: MixRouterChatPartBuilderOptions;
  private readonly tracker: StreamingToolCallTracker<MixRouterToolCallDelta>;
  private readonly splitter: ReasoningTagSplitter | undefined;
  private textId: string | undefined;
  private reasoningId: string | undefined;
  private blockCounter = 0;
  private metadataSent = false;
  private finishReason: string | undefined;
  private usage: unknown;
  private errored = false;
  private toolCallCount = 0;
  /** Tool-call fragments that arrived before their name (buffered per index, not dropped). */
  private readonly namelessFragments = new Map<string, MixRouterToolCallDelta[]>();
  private readonly knownToolKeys = new Set<string>();
  private namedToolDeltas = 0;
  private readonly audioChunks: Uint8Array[] = [];
  private readonly seenSources = new Set<string>();
  private modelId: string | undefined;
  private finished = false;
  private markdownHold = '';

  constructor(
    emit: (part: LanguageModelV4StreamPart) => void,
    options: MixRouterChatPartBuilderOptions,
  ) {
    this.options = options;
    this.emit = (part) => {
      if (part.type === 'tool-call') this.toolCallCount++;
      emit(part);
    };
    this.splitter = options.extractReasoningTags ? new ReasoningTagSplitter() : undefined;
    this.tracker = new StreamingToolCallTracker<MixRouterToolCallDelta>(
      { enqueue: (part) => part !== undefined && this.emit(part) },
      {
        generateId: options.generateId,
        extractMetadata: (delta) =>
          delta.extra_content
            ? ({ mixrouter: { extraContent: delta.extra_content } } as SharedV4ProviderMetadata)
            : undefined,
        buildToolCallProviderMetadata: (metadata) => metadata,
      },
    );
  }

  get hasError(): boolean {
    return this.errored;
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
    if (!this.metadataSent && (c.id != null || c.model != null || c.created != null)) {
      this.metadataSent = true;
      this.modelId = asString(c.model);
      // A `created` beyond the Date range would give an Invalid Date (toISOString throws).
      const date =
        typeof c.created === 'number' && c.created > 0 ? new Date(c.created * 1000) : undefined;
      const created = date !== undefined && Number.isFinite(date.getTime()) ? date : undefined;
      this.emit({
        type: 'response-metadata',
        id: asString(c.id),
        modelId: this.modelId,
        timestamp: created,
      });
    }
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

  emitRaw(rawValue: unknown): void {
    this.emit({ type: 'raw', rawValue });
  }

  /** A transport or parse failure: an `error` part, and the finish reason becomes `error`. */
  reportError(error: unknown): void {
    this.errored = true;
    this.emit({ type: 'error', error });
  }

  private processMessage(message: Rec, holdMarkdown = true): void {
    const reasoning = readReasoning(message);
    if (reasoning !== undefined) this.reasoningDelta(reasoning);

    const items = readContent(
      holdMarkdown && this.options.mode === 'stream' && typeof message.content === 'string'
        ? { content: this.holdPartialMarkdownImage(message.content) }
        : message,
    );
    for (const item of items) {
      if (item.type === 'text') {
        if (this.splitter === undefined) this.textDelta(item.text);
        else
          for (const segment of this.splitter.push(item.text))
            this.segment(segment.kind, segment.text);
      } else {
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

    for (const delta of readToolCalls(message)) this.toolCallDelta(delta);
  }

  /**
   * Stream mode: a markdown data-URI image (`![image](data:…;base64,…)`, stock gateways'
   * Gemini image output) may be cut across deltas. Holds back a tail that could still
   * become one, so it is emitted as a file part, not as characters of text.
   */
  private holdPartialMarkdownImage(text: string): string {
    const outputsImages = this.options.info.output.includes('image');
    if (this.markdownHold === '' && !text.includes(outputsImages ? '!' : '![')) return text;
    const combined = this.markdownHold + text;
    const tail = (outputsImages ? PARTIAL_MARKDOWN_IMAGE_OR_BANG : PARTIAL_MARKDOWN_IMAGE).exec(
      combined,
    );
    this.markdownHold = tail === null ? '' : combined.slice(tail.index);
    return tail === null ? combined : combined.slice(0, tail.index);
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

  private toolCallDelta(delta: MixRouterToolCallDelta): void {
    const indexKey = delta.index !== undefined ? `i:${delta.index}` : undefined;
    const idKey = delta.id ? `id:${delta.id}` : undefined;
    // A fragment with neither id nor index continues the open call (the tracker picks the
    // sole unfinished one), e.g. the arguments half of Gemini's split first chunk.
    const continuesOpenCall =
      indexKey === undefined && idKey === undefined && this.namedToolDeltas > 0;
    const known =
      (idKey && this.knownToolKeys.has(idKey)) ||
      (indexKey && this.knownToolKeys.has(indexKey)) ||
      continuesOpenCall;
    if (!delta.function.name && !known) {
      // A name can arrive after the first fragments: hold them until it does.
      const key = indexKey ?? idKey ?? 'unkeyed';
      const list = this.namelessFragments.get(key) ?? [];
      list.push(delta);
      this.namelessFragments.set(key, list);
      return;
    }
    if (delta.function.name) {
      const held =
        (indexKey && this.namelessFragments.get(indexKey)) ||
        (idKey && this.namelessFragments.get(idKey));
      if (held) {
        if (indexKey) this.namelessFragments.delete(indexKey);
        if (idKey) this.namelessFragments.delete(idKey);
        const heldArgs = held.map((d) => d.function.arguments ?? '').join('');
        delta = {
          ...delta,
          id: delta.id ?? held.find((d) => d.id)?.id,
          function: {
            name: delta.function.name,
            arguments: heldArgs + (delta.function.arguments ?? ''),
          },
        };
      }
    }
    if (indexKey) this.knownToolKeys.add(indexKey);
    if (delta.id) this.knownToolKeys.add(`id:${delta.id}`);
    if (delta.function.name) this.namedToolDeltas++;
    try {
      this.tracker.processDelta(delta);
    } catch (error) {
      this.reportError(error);
    }
  }

  /** Closes every open block, emits pending tool calls and audio, then `finish`. Idempotent. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    if (this.markdownHold !== '') {
      // Never completed: it was text after all.
      const held = this.markdownHold;
      this.markdownHold = '';
      this.processMessage({ content: held }, false);
    }
    if (this.splitter !== undefined)
      for (const s of this.splitter.flush()) this.segment(s.kind, s.text);
    this.closeReasoning();
    this.closeText();
    try {
      this.tracker.flush();
    } catch (error) {
      this.reportError(error);
    }
    for (const [key, fragments] of this.namelessFragments) {
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

    const hasToolCalls = this.toolCallCount > 0;
    const finishReason = this.errored
      ? { unified: 'error' as const, raw: this.finishReason }
      : this.finishReason === undefined && this.options.mode === 'stream'
        ? { unified: 'interrupted' as const, raw: undefined }
        : mapMixRouterFinishReason(this.finishReason, { hasToolCalls });

    const usage = convertMixRouterUsage(this.usage, {
      anthropicSemantics: this.options.info.family === 'anthropic',
    });
    const requestId = this.options.responseHeaders?.['x-oneapi-request-id'];
    this.emit({
      type: 'finish',
      finishReason,
      usage,
      providerMetadata: {
        mixrouter: {
          ...(requestId !== undefined ? { requestId } : {}),
          ...(this.modelId !== undefined ? { upstreamModel: this.modelId } : {}),
          ...(typeof asRecord(this.usage)?.cost === 'number'
            ? { cost: asRecord(this.usage)!.cost as number }
            : {}),
        },
      },
    });
  }
}
