import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSONParseError, type LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { createTestServer } from '@ai-sdk/test-server/with-vitest';
import { describe, expect, it } from 'vitest';
import { isMixRouterError } from '../mixrouter-error';
import { CHAT_URL, callOptions, errorResponse, streamParts, testModel } from '../test-utils/chat';
import { toSseEvents } from '../test-utils/sse';

/**
 * Replays streams recorded from real vendor APIs (`__fixtures__/recorded/`, each with a
 * `.provenance.md`) through `doStream`, and checks the parts against values computed
 * from the recording itself — not against a snapshot of our own output.
 */

const RECORDED = fileURLToPath(new URL('./__fixtures__/recorded/', import.meta.url));
const server = createTestServer({ [CHAT_URL]: {} });

// biome-ignore lint/suspicious/noExplicitAny: recorded JSON of many vendors, read loosely on purpose
type Chunk = Record<string, any>;

function recordedLines(name: string): string[] {
  return readFileSync(`${RECORDED}${name}.chunks.txt`, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0);
}

function parseable(lines: string[]): Chunk[] {
  return lines.flatMap((line) => {
    try {
      return [JSON.parse(line) as Chunk];
    } catch {
      return [];
    }
  });
}

const FINISH: Record<string, string> = { stop: 'stop', tool_calls: 'tool-calls', length: 'length' };

/** What the recording says the answer is, derived directly from its chunks. */
function expectedFrom(chunks: Chunk[]) {
  let text = '';
  let reasoning = '';
  let finishRaw: string | undefined;
  let usage: Chunk | undefined;
  let id: string | undefined;
  let model: string | undefined;
  let created: number | undefined;
  const calls: Array<{ toolCallId: string; toolName: string; input: string }> = [];
  for (const chunk of chunks) {
    if (id === undefined && chunk.id) id = chunk.id;
    if (model === undefined && chunk.model) model = chunk.model;
    if (created === undefined && chunk.created > 0) created = chunk.created;
    if (chunk.usage) usage = chunk.usage;
    const choice = chunk.choices?.[0];
    if (choice === undefined) continue;
    const delta = choice.delta ?? {};
    if (typeof delta.content === 'string') text += delta.content;
    const r = delta.reasoning_content ?? delta.reasoning;
    if (typeof r === 'string') reasoning += r;
    for (const call of delta.tool_calls ?? []) {
      // In these recordings a fragment naming the tool starts a call; the rest continue it.
      if (call.function?.name) {
        calls.push({ toolCallId: call.id, toolName: call.function.name, input: '' });
      }
      calls.at(-1)!.input += call.function?.arguments ?? '';
    }
    if (choice.finish_reason) finishRaw = choice.finish_reason;
  }
  const prompt = usage?.prompt_tokens;
  const completion = usage?.completion_tokens;
  const reasoningTokens = usage?.completion_tokens_details?.reasoning_tokens;
  // The documented rule: completion excludes reasoning when the totals say so (xAI).
  const excludes =
    reasoningTokens > 0 &&
    (prompt + completion + reasoningTokens === usage?.total_tokens || reasoningTokens > completion);
  return {
    text,
    reasoning,
    calls,
    finish: { unified: finishRaw ? (FINISH[finishRaw] ?? 'other') : 'interrupted', raw: finishRaw },
    usage: {
      inputTotal: prompt,
      cacheRead: usage?.prompt_tokens_details?.cached_tokens ?? usage?.prompt_cache_hit_tokens,
      outputTotal:
        completion === undefined ? undefined : excludes ? completion + reasoningTokens : completion,
      reasoning: reasoningTokens,
    },
    metadata: {
      id,
      model,
      timestamp: created === undefined ? undefined : new Date(created * 1000),
    },
  };
}

function joined(parts: LanguageModelV4StreamPart[], type: 'text-delta' | 'reasoning-delta') {
  return parts.flatMap((p) => (p.type === type ? [p.delta] : [])).join('');
}

function finishOf(parts: LanguageModelV4StreamPart[]) {
  const last = parts.at(-1);
  if (last?.type !== 'finish') throw new Error('stream did not end with finish');
  return last;
}

async function replay(name: string, modelId: string) {
  const lines = recordedLines(name);
  server.urls[CHAT_URL].response = { type: 'stream-chunks', chunks: toSseEvents(lines) };
  const parts = await streamParts(modelId);
  return { parts, expected: expectedFrom(parseable(lines)) };
}

describe('replaying real recordings', () => {
  it.each([
    ['deepseek-v4-flash-reasoning-tool-call', 'deepseek-v4-pro'],
    ['deepseek-reasoner-reasoning', 'deepseek-reasoner'],
    ['qwen3-max-reasoning', 'qwen3-max'],
    ['qwen3-max-tool-call', 'qwen3-max'],
    ['grok-3-mini-text', 'grok-3-mini'],
    ['grok-3-mini-tool-call', 'grok-3-mini'],
    ['glm-4.6-text', 'glm-4.6'],
    ['groq-qwen3-32b-reasoning', 'qwen/qwen3-32b'],
    ['groq-llama-3.3-70b-tool-call', 'llama-3.3-70b-versatile'],
    ['gpt-4.1-nano-text', 'gpt-4.1'],
    ['azure-gpt-5-nano-text', 'gpt-5-nano'],
    ['claude-same-index-tool-calls', 'claude-sonnet-4-5-20250929'],
  ])(
    '%s (as %s): text, reasoning, tool calls, finish, usage and metadata',
    async (name, modelId) => {
      const { parts, expected } = await replay(name, modelId);
      expect(parts.filter((p) => p.type === 'error')).toEqual([]);
      expect(joined(parts, 'text-delta')).toBe(expected.text);
      expect(joined(parts, 'reasoning-delta')).toBe(expected.reasoning);
      expect(
        parts.flatMap((p) =>
          p.type === 'tool-call'
            ? [{ toolCallId: p.toolCallId, toolName: p.toolName, input: p.input }]
            : [],
        ),
      ).toEqual(expected.calls);
      const finish = finishOf(parts);
      expect(finish.finishReason).toEqual(expected.finish);
      expect(finish.usage.inputTokens.total).toBe(expected.usage.inputTotal);
      expect(finish.usage.inputTokens.cacheRead).toBe(expected.usage.cacheRead);
      expect(finish.usage.outputTokens.total).toBe(expected.usage.outputTotal);
      expect(finish.usage.outputTokens.reasoning).toBe(expected.usage.reasoning);
      const metadata = parts.filter((p) => p.type === 'response-metadata').at(-1);
      if (expected.metadata.id === undefined) expect(metadata).toBeUndefined();
      else
        expect(metadata).toEqual({
          type: 'response-metadata',
          id: expected.metadata.id,
          modelId: expected.metadata.model,
          timestamp: expected.metadata.timestamp,
        });
    },
  );

  it('xAI: output tokens include the reasoning that completion_tokens leaves out', async () => {
    const { parts } = await replay('grok-3-mini-text', 'grok-3-mini');
    const usage = finishOf(parts).usage;
    // recorded: prompt 12, completion 1, reasoning 290, total 303
    expect(usage.outputTokens).toEqual({ total: 291, text: 1, reasoning: 290 });
  });

  it('Azure: the empty first chunk does not become the response metadata', async () => {
    const { parts } = await replay('azure-gpt-5-nano-text', 'gpt-5-nano');
    const first = JSON.parse(recordedLines('azure-gpt-5-nano-text')[0]!);
    expect([first.id, first.model, first.created]).toEqual(['', '', 0]);
    for (const part of parts.filter((p) => p.type === 'response-metadata')) {
      expect(part.id).not.toBe('');
      expect(part.modelId).not.toBe('');
    }
  });

  it('GLM-4.5 with one unparsable chunk in the recording: reported, the rest of the answer kept', async () => {
    const { parts, expected } = await replay('glm-4.5-reasoning', 'glm-4.5');
    const errors = parts.flatMap((p) => (p.type === 'error' ? [p.error] : []));
    expect(errors).toHaveLength(1);
    expect(JSONParseError.isInstance(errors[0])).toBe(true);
    expect(joined(parts, 'text-delta')).toBe(expected.text);
    expect(joined(parts, 'reasoning-delta')).toBe(expected.reasoning);
    expect(finishOf(parts).finishReason).toEqual({ unified: 'error', raw: expected.finish.raw });
    expect(finishOf(parts).usage.inputTokens.total).toBe(expected.usage.inputTotal);
  });
});

describe('replaying real error bodies', () => {
  it.each([
    ['openai-unsupported-parameter-error', 'o3-mini'],
    ['openai-unknown-parameter-error', 'gpt-4o'],
  ])('%s: the vendor error fields reach the error unchanged', async (name, modelId) => {
    const body = readFileSync(`${RECORDED}${name}.json`, 'utf8');
    const recorded = JSON.parse(body).error;
    server.urls[CHAT_URL].response = errorResponse(400, body);
    const error = await testModel(modelId)
      .doGenerate(callOptions())
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(isMixRouterError(error)).toBe(true);
    if (!isMixRouterError(error)) return;
    expect(error.statusCode).toBe(400);
    expect(error.message).toContain(recorded.message);
    expect(error.code).toBe(recorded.code);
    expect(error.type).toBe(recorded.type);
    expect(error.kind).toBe('invalid-request');
    expect(error.isRetryable).toBe(false);
    expect(error.responseBody).toBe(body);
  });
});
