import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { createMixRouterChatEventStream } from '../../chat/mixrouter-chat-event-stream';
import { getMixRouterModelInfo } from '../../mixrouter-model-catalogue';
import { joinAdjacentDeltas } from '../../test-utils/join-deltas';

/** A body stream that delivers `pieces` one per pull, optionally failing at the end. */
export function bodyFromPieces(
  pieces: Uint8Array[],
  { failWith }: { failWith?: unknown } = {},
): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < pieces.length) {
        controller.enqueue(pieces[i++]!);
        return;
      }
      if (failWith !== undefined) controller.error(failWith);
      else controller.close();
    },
  });
}

/** A fresh deterministic id generator (`gen-0`, `gen-1`, …). */
export function counterIds(prefix = 'gen'): () => string {
  let n = 0;
  return () => `${prefix}-${n++}`;
}

/** Runs the SSE reader of the chat model on a body, with the gpt-4o catalogue entry. */
export function chatEventStream(
  body: ReadableStream<Uint8Array>,
  { extractReasoningTags = false, includeRawChunks = false, modelId = 'gpt-4o' } = {},
): ReadableStream<LanguageModelV4StreamPart> {
  return createMixRouterChatEventStream({
    body,
    warnings: [],
    includeRawChunks,
    builderOptions: {
      info: getMixRouterModelInfo(modelId),
      extractReasoningTags,
      generateId: counterIds(),
      url: 'http://gateway.test/v1/chat/completions',
      requestBodyValues: { model: modelId },
    },
  });
}

/**
 * Reads a stream to its end. Rejects with a clear message if the stream throws or has
 * not ended after `timeoutMs` (a hang).
 */
export async function readAll<T>(stream: ReadableStream<T>, timeoutMs = 2000): Promise<T[]> {
  const reader = stream.getReader();
  const parts: T[] = [];
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`stream did not end within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), timeout]);
      if (done) return parts;
      parts.push(value);
    }
  } finally {
    clearTimeout(timer);
    reader.releaseLock();
  }
}

/**
 * Parts with errors reduced to name + message and adjacent deltas joined (how bytes were
 * split decides how many delta parts there are, not their text), so two runs compare by
 * value.
 */
export function comparable(parts: LanguageModelV4StreamPart[]): unknown[] {
  return joinAdjacentDeltas(parts).map((part) =>
    part.type === 'error'
      ? {
          type: 'error',
          name: (part.error as Error)?.name,
          message: (part.error as Error)?.message ?? String(part.error),
        }
      : part,
  );
}

/**
 * The V4 stream contract (ai-sdk-v7 §8) as a list of violations (empty = fine):
 * `stream-start` first; exactly one `finish`, last; an `error` implies finish reason
 * `error`; every text/reasoning/tool-input block is started once, gets deltas only while
 * open, and is ended before `finish`; every `tool-input-end` is followed by its
 * `tool-call`, whose `input` is a string — or, for an answer cut off mid-arguments, the
 * call is listed in the finish metadata's `incompleteToolCalls` instead.
 */
export function streamContractViolations(parts: LanguageModelV4StreamPart[]): string[] {
  const violations: string[] = [];
  if (parts[0]?.type !== 'stream-start')
    violations.push(`first part is ${parts[0]?.type}, not stream-start`);
  const finishes = parts.filter((p) => p.type === 'finish');
  if (finishes.length !== 1) violations.push(`${finishes.length} finish parts`);
  if (parts.at(-1)?.type !== 'finish')
    violations.push(`last part is ${parts.at(-1)?.type}, not finish`);
  const finish = finishes[0];
  if (
    finish?.type === 'finish' &&
    parts.some((p) => p.type === 'error') &&
    finish.finishReason.unified !== 'error'
  ) {
    violations.push(`error parts but finish reason ${finish.finishReason.unified}`);
  }

  const open = new Map<string, string>(); // key -> kind
  const everOpened = new Set<string>();
  const awaitingCall = new Set<string>();
  for (const [i, part] of parts.entries()) {
    const kind = part.type.startsWith('text-')
      ? 'text'
      : part.type.startsWith('reasoning-')
        ? 'reasoning'
        : part.type.startsWith('tool-input-')
          ? 'tool-input'
          : undefined;
    if (kind !== undefined && 'id' in part) {
      const key = `${kind}:${part.id}`;
      if (part.type.endsWith('-start')) {
        if (everOpened.has(key)) violations.push(`#${i} ${part.type} reopens ${part.id}`);
        open.set(key, kind);
        everOpened.add(key);
      } else if (part.type.endsWith('-delta')) {
        if (!open.has(key))
          violations.push(`#${i} ${part.type} for closed/unknown block ${part.id}`);
        if (typeof (part as { delta?: unknown }).delta !== 'string')
          violations.push(`#${i} ${part.type} delta is not a string`);
      } else if (part.type.endsWith('-end')) {
        if (!open.has(key))
          violations.push(`#${i} ${part.type} for closed/unknown block ${part.id}`);
        open.delete(key);
        if (kind === 'tool-input') awaitingCall.add(String(part.id));
      }
    }
    if (part.type === 'tool-call') {
      if (typeof part.input !== 'string') violations.push(`#${i} tool-call input is not a string`);
      awaitingCall.delete(part.toolCallId);
    }
    if (part.type === 'finish' && open.size > 0)
      violations.push(`blocks still open at finish: ${[...open.keys()].join(', ')}`);
    if (part.type === 'finish') {
      // A call cut off mid-arguments is withheld on purpose and listed in the metadata.
      const withheld = (part.providerMetadata?.mixrouter?.incompleteToolCalls ?? []) as Array<{
        toolCallId: string;
      }>;
      for (const call of withheld) {
        if (!awaitingCall.delete(call.toolCallId))
          violations.push(`withheld call ${call.toolCallId} was never streamed or was emitted`);
        else if (
          !['error', 'interrupted', 'length', 'content-filter'].includes(part.finishReason.unified)
        )
          violations.push(
            `call ${call.toolCallId} withheld with finish ${part.finishReason.unified}`,
          );
      }
    }
    if (part.type === 'finish' && awaitingCall.size > 0) {
      violations.push(`tool-input-end without tool-call: ${[...awaitingCall].join(', ')}`);
    }
  }
  return violations;
}

/** The answer a stream carries: joined text, joined reasoning, tool calls. */
export function answerOf(parts: LanguageModelV4StreamPart[]) {
  let text = '';
  let reasoning = '';
  const toolCalls: Array<{ toolCallId: string; toolName: string; input: string }> = [];
  for (const part of parts) {
    if (part.type === 'text-delta') text += part.delta;
    if (part.type === 'reasoning-delta') reasoning += part.delta;
    if (part.type === 'tool-call') {
      toolCalls.push({ toolCallId: part.toolCallId, toolName: part.toolName, input: part.input });
    }
  }
  return { text, reasoning, toolCalls };
}
