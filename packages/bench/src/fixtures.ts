/**
 * Everything the benchmark streams or sends, built deterministically from a few sizes:
 * MixRouter-shaped SSE bodies (protocol §3.3–3.8), the canned non-stream reply, the V4
 * parts the `ai`-core-only mock emits, and the large request of the request-building
 * scenario. The server child and the measuring process both build from here, so they
 * always agree on what a scenario contains.
 */
import type { LanguageModelV4Prompt, LanguageModelV4StreamPart } from '@ai-sdk/provider';

export const CHUNK_ID = 'chatcmpl-BENCH4f2a9c7e1d3b5a8c0e6f2d4b';
export const CREATED = 1767268800;
export const TEXT_MODEL = 'gpt-4o';
export const MIXED_MODEL = 'claude-sonnet-4-5-20250929';
export const TOOL_NAME = 'lookup';

/** A streaming scenario: plain text deltas, or reasoning deltas followed by parallel tool calls. */
export type StreamScenario =
  | { kind: 'text'; deltas: number }
  | { kind: 'mixed'; reasoningDeltas: number; toolCalls: number; fragmentsPerCall: number };

export function scenarioKey(s: StreamScenario): string {
  return s.kind === 'text'
    ? `text-${s.deltas}`
    : `mixed-${s.reasoningDeltas}-${s.toolCalls}x${s.fragmentsPerCall}`;
}

export function parseScenarioKey(key: string): StreamScenario | undefined {
  const text = /^text-(\d+)$/.exec(key);
  if (text) return { kind: 'text', deltas: Number(text[1]) };
  const mixed = /^mixed-(\d+)-(\d+)x(\d+)$/.exec(key);
  if (mixed) {
    return {
      kind: 'mixed',
      reasoningDeltas: Number(mixed[1]),
      toolCalls: Number(mixed[2]),
      fragmentsPerCall: Number(mixed[3]),
    };
  }
  return undefined;
}

/** Number of content-bearing deltas (text, reasoning, tool-argument fragments) in a scenario. */
export function deltaCount(s: StreamScenario): number {
  return s.kind === 'text' ? s.deltas : s.reasoningDeltas + s.toolCalls * s.fragmentsPerCall;
}

export function modelFor(s: StreamScenario): string {
  return s.kind === 'text' ? TEXT_MODEL : MIXED_MODEL;
}

const WORDS = [
  'The ',
  'gateway ',
  'streams ',
  'tokens ',
  'as ',
  'fast ',
  'as ',
  'the ',
  'socket ',
  'allows',
  ', ',
  'and ',
  'every ',
  'chunk ',
  'carries ',
  'one ',
  'short ',
  'delta',
  '. ',
  'Numbers ',
  'like ',
  '42 ',
  'and ',
  'quotes "x" ',
  'appear ',
  'too',
  '.\n',
];

/** The i-th text delta of a text scenario. */
export function textToken(i: number): string {
  return WORDS[i % WORDS.length]!;
}

export function reasoningToken(i: number): string {
  return `step ${i % 100} `;
}

/** The complete arguments string of tool call `k` in a mixed scenario (valid JSON). */
export function toolArguments(k: number, fragments: number): string {
  const notes = 'abcdefghij'.repeat(Math.ceil((fragments * 6) / 10)).slice(0, fragments * 6);
  return JSON.stringify({ city: `city-${k}`, days: k + 1, notes });
}

/** Splits `text` into exactly `n` non-empty pieces (n ≤ text.length). */
export function splitInto(text: string, n: number): string[] {
  const out: string[] = [];
  const size = text.length / n;
  for (let i = 0; i < n; i++)
    out.push(text.slice(Math.round(i * size), Math.round((i + 1) * size)));
  return out;
}

/** new-api's full usage object (protocol §3.4, §3.8), as the last chunk carries it. */
export function usageObject(completionTokens: number, reasoningTokens: number) {
  return {
    prompt_tokens: 120,
    completion_tokens: completionTokens,
    total_tokens: 120 + completionTokens,
    prompt_tokens_details: { cached_tokens: 0, text_tokens: 120, audio_tokens: 0, image_tokens: 0 },
    completion_tokens_details: {
      text_tokens: completionTokens - reasoningTokens,
      audio_tokens: 0,
      image_tokens: 0,
      reasoning_tokens: reasoningTokens,
    },
    input_tokens: 0,
    output_tokens: 0,
    input_tokens_details: null,
    claude_cache_creation_5_m_tokens: 0,
    claude_cache_creation_1_h_tokens: 0,
  };
}

function chunk(model: string, choices: unknown[], extra?: Record<string, unknown>): string {
  return `data: ${JSON.stringify({
    id: CHUNK_ID,
    object: 'chat.completion.chunk',
    created: CREATED,
    model,
    choices,
    ...extra,
  })}\n\n`;
}

function deltaChunk(
  model: string,
  delta: Record<string, unknown>,
  finishReason: string | null = null,
): string {
  return chunk(model, [{ index: 0, delta, finish_reason: finishReason }]);
}

/** The whole SSE body of a scenario, as the gateway would send it. */
export function buildSseBody(s: StreamScenario): Buffer {
  const model = modelFor(s);
  const parts: string[] = [deltaChunk(model, { role: 'assistant', content: '' })];
  let usage: ReturnType<typeof usageObject>;
  if (s.kind === 'text') {
    for (let i = 0; i < s.deltas; i++) parts.push(deltaChunk(model, { content: textToken(i) }));
    parts.push(deltaChunk(model, {}, 'stop'));
    usage = usageObject(s.deltas, 0);
  } else {
    for (let i = 0; i < s.reasoningDeltas; i++)
      parts.push(deltaChunk(model, { reasoning_content: reasoningToken(i) }));
    // Parallel tool calls stream one after another (OpenAI order): a header fragment with
    // id + name, then argument-only fragments.
    for (let k = 0; k < s.toolCalls; k++) {
      const fragments = splitInto(toolArguments(k, s.fragmentsPerCall), s.fragmentsPerCall);
      parts.push(
        deltaChunk(model, {
          tool_calls: [
            {
              index: k,
              id: `call_${k}`,
              type: 'function',
              function: { name: TOOL_NAME, arguments: '' },
            },
          ],
        }),
      );
      for (const fragment of fragments) {
        parts.push(
          deltaChunk(model, { tool_calls: [{ index: k, function: { arguments: fragment } }] }),
        );
      }
    }
    parts.push(deltaChunk(model, {}, 'tool_calls'));
    usage = usageObject(s.reasoningDeltas + s.toolCalls * s.fragmentsPerCall, s.reasoningDeltas);
  }
  parts.push(chunk(model, [], { usage, system_fingerprint: null }));
  parts.push('data: [DONE]\n\n');
  return Buffer.from(parts.join(''), 'utf8');
}

/** What a consumer should end up with after reading a scenario completely. */
export type Expected = { text: number; reasoning: number; toolCalls: number; toolArgs: number };

export function expectedOutput(s: StreamScenario): Expected {
  if (s.kind === 'text') {
    let text = 0;
    for (let i = 0; i < s.deltas; i++) text += textToken(i).length;
    return { text, reasoning: 0, toolCalls: 0, toolArgs: 0 };
  }
  let reasoning = 0;
  for (let i = 0; i < s.reasoningDeltas; i++) reasoning += reasoningToken(i).length;
  let toolArgs = 0;
  for (let k = 0; k < s.toolCalls; k++) toolArgs += toolArguments(k, s.fragmentsPerCall).length;
  return { text: 0, reasoning, toolCalls: s.toolCalls, toolArgs };
}

const V4_USAGE = (output: number, reasoning: number) => ({
  inputTokens: { total: 120, noCache: 120, cacheRead: 0, cacheWrite: undefined },
  outputTokens: { total: output, text: output - reasoning, reasoning },
});

/**
 * The V4 parts a provider emits for a scenario (what the `ai`-core-only mock replays, so
 * the core sees the same work without any HTTP or provider code).
 */
export function buildV4Parts(s: StreamScenario): LanguageModelV4StreamPart[] {
  const parts: LanguageModelV4StreamPart[] = [
    { type: 'stream-start', warnings: [] },
    {
      type: 'response-metadata',
      id: CHUNK_ID,
      modelId: modelFor(s),
      timestamp: new Date(CREATED * 1000),
    },
  ];
  if (s.kind === 'text') {
    parts.push({ type: 'text-start', id: 'txt-0' });
    for (let i = 0; i < s.deltas; i++)
      parts.push({ type: 'text-delta', id: 'txt-0', delta: textToken(i) });
    parts.push({ type: 'text-end', id: 'txt-0' });
    parts.push({
      type: 'finish',
      finishReason: { unified: 'stop', raw: 'stop' },
      usage: V4_USAGE(s.deltas, 0),
    });
    return parts;
  }
  parts.push({ type: 'reasoning-start', id: 'reasoning-0' });
  for (let i = 0; i < s.reasoningDeltas; i++) {
    parts.push({ type: 'reasoning-delta', id: 'reasoning-0', delta: reasoningToken(i) });
  }
  parts.push({ type: 'reasoning-end', id: 'reasoning-0' });
  for (let k = 0; k < s.toolCalls; k++) {
    const id = `call_${k}`;
    const args = toolArguments(k, s.fragmentsPerCall);
    parts.push({ type: 'tool-input-start', id, toolName: TOOL_NAME });
    for (const fragment of splitInto(args, s.fragmentsPerCall))
      parts.push({ type: 'tool-input-delta', id, delta: fragment });
    parts.push({ type: 'tool-input-end', id });
    parts.push({ type: 'tool-call', toolCallId: id, toolName: TOOL_NAME, input: args });
  }
  const output = s.reasoningDeltas + s.toolCalls * s.fragmentsPerCall;
  parts.push({
    type: 'finish',
    finishReason: { unified: 'tool-calls', raw: 'tool_calls' },
    usage: V4_USAGE(output, s.reasoningDeltas),
  });
  return parts;
}

/** The JSON schema of the streamed tool (as a V4 function tool and as the wire shape). */
export const LOOKUP_JSON_SCHEMA = {
  type: 'object',
  properties: {
    city: { type: 'string' },
    days: { type: 'number' },
    notes: { type: 'string' },
  },
  required: ['city', 'days', 'notes'],
  additionalProperties: false,
} as const;

export const STREAM_PROMPT: LanguageModelV4Prompt = [
  { role: 'user', content: [{ type: 'text', text: 'Write a long answer.' }] },
];

// ---------------------------------------------------------------------------------------
// Request building: a large prompt against a canned JSON reply.

/** The canned non-stream reply (a converted-upstream shape, protocol §3.1). */
export function buildJsonReply(): Buffer {
  return Buffer.from(
    JSON.stringify({
      id: CHUNK_ID,
      object: 'chat.completion',
      created: CREATED,
      model: TEXT_MODEL,
      choices: [
        { index: 0, message: { role: 'assistant', content: 'Done.' }, finish_reason: 'stop' },
      ],
      usage: usageObject(2, 0),
    }),
    'utf8',
  );
}

export type RequestScenario = {
  messages: number;
  tools: number;
  images: number;
  imageBytes: number;
};

/** Deterministic pseudo-random image bytes with a PNG signature (no real decoding happens). */
export function imageBytes(seed: number, size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let x = (seed + 1) * 2654435761;
  for (let i = 8; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

export function userText(i: number): string {
  return `Question ${i}: ${'please summarise the previous answer and add one more detail about the topic. '.repeat(3)}`;
}

export function assistantText(i: number): string {
  return `Answer ${i}: ${'here is a reasonably detailed reply that covers the question with several sentences. '.repeat(4)}`;
}

/** Which user messages carry an image (spread over the conversation). */
export function imageSlots(r: RequestScenario): Set<number> {
  const slots = new Set<number>();
  const users = Math.ceil(r.messages / 2);
  for (let k = 0; k < r.images; k++) slots.add(2 * Math.floor(((k + 0.5) * users) / r.images));
  return slots;
}

export function toolSchema(t: number) {
  return {
    type: 'object',
    properties: {
      query: { type: 'string', description: `What tool ${t} should look up.` },
      limit: { type: 'integer', minimum: 1, maximum: 50 },
      filters: {
        type: 'object',
        properties: {
          region: { type: 'string', enum: ['eu', 'us', 'apac'] },
          since: { type: 'string' },
        },
        additionalProperties: false,
      },
    },
    required: ['query'],
    additionalProperties: false,
  } as const;
}

export function toolDescription(t: number): string {
  return `Tool number ${t}: searches an internal index and returns matching records with their metadata.`;
}
