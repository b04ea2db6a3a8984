import fc from 'fast-check';

/**
 * fast-check generators for MixRouter chat SSE transcripts (protocol §3.3–3.7): realistic
 * valid ones with the answer they encode, and garbage ones built from everything a broken
 * gateway, proxy or upstream could put on the wire.
 */

/** Text as upstreams stream it: ASCII, CJK, emoji (incl. ZWJ sequences), escapes. */
export const textPieceArb: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }) },
    { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '中文',
        '你好，世界。',
        '😀',
        '👍🏽',
        '👨‍👩‍👧',
        'é',
        'naïve café',
        '\n',
        ' ',
        '"quoted"',
        '\\',
        'data: not an event',
        '\r\n',
        ': PING',
        '[DONE]',
        '{"error":"text, not an error"}',
        '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
      ),
    },
  )
  // Stock new-api turns markdown data-URI images into files (§4.2); not text.
  .filter((text) => !text.includes('](data:'));

export type ExpectedToolCall = { toolCallId: string; toolName: string; input: string };

export type ValidTranscript = {
  /** The chunk objects in wire order (the `[DONE]` marker excluded). */
  chunks: Record<string, unknown>[];
  /** SSE text, exactly as the gateway would write it. */
  sse: string;
  expected: {
    text: string;
    reasoning: string;
    toolCalls: ExpectedToolCall[];
    finishReason: string;
    usage: { prompt_tokens: number; completion_tokens: number; reasoning_tokens: number };
  };
};

type ToolStyle = 'openai' | 'claude' | 'claude-collide' | 'gemini';

type ToolCallSpec = { name: string; args: string; cuts: number[] };

const toolNameArb = fc.constantFrom('get_weather', 'get_time', 'search_web', 'lookup', 'calc');

const argsValueArb = fc.dictionary(
  fc.constantFrom('city', 'zone', 'query', 'n', 'units', 'tags', '名字'),
  fc.oneof(textPieceArb, fc.integer(), fc.boolean(), fc.array(textPieceArb, { maxLength: 3 })),
  { maxKeys: 3 },
);

const toolCallSpecArb: fc.Arbitrary<ToolCallSpec> = fc
  .record({ name: toolNameArb, value: argsValueArb, cuts: fc.array(fc.nat(), { maxLength: 5 }) })
  .map(({ name, value, cuts }) => ({ name, args: JSON.stringify(value), cuts }));

/** Splits a string at the given positions (modulo its length), keeping every character. */
export function splitString(text: string, cuts: number[]): string[] {
  if (text.length <= 1) return [text];
  const points = [...new Set(cuts.map((cut) => 1 + (cut % (text.length - 1))))].sort(
    (a, b) => a - b,
  );
  const pieces: string[] = [];
  let last = 0;
  for (const point of points) {
    pieces.push(text.slice(last, point));
    last = point;
  }
  pieces.push(text.slice(last));
  return pieces;
}

type Segment = {
  kind: 'text' | 'reasoning';
  text: string;
  field: 'reasoning_content' | 'reasoning';
};

const segmentArb: fc.Arbitrary<Segment> = fc.record({
  kind: fc.constantFrom('text' as const, 'reasoning' as const),
  text: textPieceArb,
  field: fc.constantFrom('reasoning_content' as const, 'reasoning' as const),
});

const validSpecArb = fc.record({
  id: fc.constantFrom(
    'chatcmpl-toio20260101120000123456789AbCdEfGh',
    'msg_01XFDUDYJgAACzvnptvVoYEL',
    'chatcmpl-Cqa9',
  ),
  model: fc.constantFrom('gpt-4o', 'claude-sonnet-4-5-20250929', 'gemini-2.5-pro', 'deepseek-chat'),
  withRoleChunk: fc.boolean(),
  segments: fc.array(segmentArb, { maxLength: 12 }),
  toolStyle: fc.constantFrom<ToolStyle>('openai', 'claude', 'claude-collide', 'gemini'),
  toolCalls: fc.array(toolCallSpecArb, { maxLength: 3 }),
  toolIdSeeds: fc.array(
    fc.string({ unit: fc.constantFrom(...'abcdefXYZ0123456789'), minLength: 4, maxLength: 8 }),
    {
      minLength: 3,
      maxLength: 3,
    },
  ),
  finishReason: fc.constantFrom('stop', 'length', 'content_filter', 'pause_turn'),
  geminiDoubleFinish: fc.boolean(),
  usage: fc.record({
    prompt_tokens: fc.nat({ max: 100_000 }),
    completion_tokens: fc.nat({ max: 100_000 }),
    reasoning_tokens: fc.nat({ max: 1000 }),
  }),
  usageChunk: fc.boolean(),
  crlf: fc.boolean(),
  noSpaceAfterData: fc.boolean(),
  pings: fc.array(fc.nat(), { maxLength: 4 }),
});

/** A realistic, valid transcript and the answer it encodes. */
export const validTranscriptArb: fc.Arbitrary<ValidTranscript> = validSpecArb.map((spec) => {
  const base = {
    id: spec.id,
    object: 'chat.completion.chunk',
    created: 1767268800,
    model: spec.model,
    system_fingerprint: null,
  };
  const choice = (delta: Record<string, unknown>, finishReason: string | null = null) => ({
    ...base,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  });

  const chunks: Record<string, unknown>[] = [];
  if (spec.withRoleChunk)
    chunks.push({ ...choice({ role: 'assistant', content: '' }), usage: null });
  let text = '';
  let reasoning = '';
  for (const segment of spec.segments) {
    if (segment.kind === 'text') {
      text += segment.text;
      chunks.push(choice({ content: segment.text }));
    } else {
      reasoning += segment.text;
      chunks.push(choice({ [segment.field]: segment.text }));
    }
  }

  const toolCalls: ExpectedToolCall[] = [];
  const idPrefix =
    spec.toolStyle === 'openai'
      ? 'call_'
      : spec.toolStyle === 'gemini'
        ? 'function-call-'
        : 'toolu_01';
  spec.toolCalls.forEach((call, i) => {
    const id = `${idPrefix}${spec.toolIdSeeds[i]}${i}`;
    toolCalls.push({ toolCallId: id, toolName: call.name, input: call.args });
    if (spec.toolStyle === 'gemini') {
      // Gemini conversion: one complete call per chunk, possibly already carrying the finish reason.
      chunks.push(
        choice(
          {
            tool_calls: [
              {
                index: i,
                id,
                type: 'function',
                function: { name: call.name, arguments: call.args },
              },
            ],
          },
          spec.geminiDoubleFinish ? 'tool_calls' : null,
        ),
      );
      return;
    }
    // Claude's block index: starts at 1 (a text block before), has gaps, or collides at 0 ([dec25]).
    const index = spec.toolStyle === 'openai' ? i : spec.toolStyle === 'claude' ? 1 + i * 2 : 0;
    chunks.push(
      choice({
        tool_calls: [{ index, id, type: 'function', function: { name: call.name, arguments: '' } }],
      }),
    );
    for (const piece of splitString(call.args, call.cuts)) {
      chunks.push(
        choice({ tool_calls: [{ index, type: 'function', function: { arguments: piece } }] }),
      );
    }
  });

  const finishReason = toolCalls.length > 0 ? 'tool_calls' : spec.finishReason;
  chunks.push(choice({}, finishReason));
  const usage = {
    prompt_tokens: spec.usage.prompt_tokens,
    completion_tokens: spec.usage.completion_tokens + spec.usage.reasoning_tokens,
    total_tokens:
      spec.usage.prompt_tokens + spec.usage.completion_tokens + spec.usage.reasoning_tokens,
    prompt_tokens_details: { cached_tokens: 0, text_tokens: 0, audio_tokens: 0, image_tokens: 0 },
    completion_tokens_details: {
      text_tokens: 0,
      audio_tokens: 0,
      reasoning_tokens: spec.usage.reasoning_tokens,
    },
    input_tokens: 0,
    output_tokens: 0,
    input_tokens_details: null,
    claude_cache_creation_5_m_tokens: 0,
    claude_cache_creation_1_h_tokens: 0,
  };
  if (spec.usageChunk) chunks.push({ ...base, choices: [], usage });

  const eol = spec.crlf ? '\r\n' : '\n';
  const prefix = spec.noSpaceAfterData ? 'data:' : 'data: ';
  const events = chunks.map((chunk) => `${prefix}${JSON.stringify(chunk)}${eol}${eol}`);
  events.push(`${prefix}[DONE]${eol}${eol}`);
  for (const ping of spec.pings) events.splice(ping % events.length, 0, `: PING${eol}${eol}`);

  return {
    chunks,
    sse: events.join(''),
    expected: {
      text,
      reasoning,
      toolCalls,
      finishReason,
      usage: {
        prompt_tokens: usage.prompt_tokens,
        completion_tokens: usage.completion_tokens,
        reasoning_tokens: spec.usage.reasoning_tokens,
      },
    },
  };
});

/**
 * Byte offsets where a split is most likely to break a naive reader: inside every
 * multi-byte UTF-8 character, inside every `data:` prefix, between `\r` and `\n`, and
 * right before/after each line break.
 */
export function interestingCuts(bytes: Uint8Array): number[] {
  const cuts: number[] = [];
  for (let i = 1; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if ((byte & 0xc0) === 0x80) cuts.push(i); // continuation byte: inside a character
    if (bytes[i - 1] === 0x0d && byte === 0x0a) cuts.push(i);
    if (byte === 0x0a) cuts.push(i, i + 1);
    // "data:" = 64 61 74 61 3a
    if (bytes[i - 1] === 0x64 && byte === 0x61 && bytes[i + 1] === 0x74)
      cuts.push(i, i + 1, i + 2, i + 3);
  }
  return cuts.filter((cut) => cut > 0 && cut < bytes.length);
}

/** Splits bytes at the given offsets (deduplicated, sorted, out-of-range ones dropped). */
export function splitBytes(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts)]
    .filter((cut) => cut > 0 && cut < bytes.length)
    .sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let last = 0;
  for (const point of points) {
    pieces.push(bytes.slice(last, point));
    last = point;
  }
  pieces.push(bytes.slice(last));
  return pieces;
}

/**
 * Cut offsets for `bytes`: some arbitrary ones plus a sample of the interesting ones
 * (always at least one inside a multi-byte character when the text has one).
 */
export function cutsArb(bytes: Uint8Array): fc.Arbitrary<number[]> {
  const interesting = interestingCuts(bytes);
  const max = Math.max(1, bytes.length - 1);
  return fc
    .tuple(
      fc.array(fc.integer({ min: 1, max }), { maxLength: 40 }),
      interesting.length > 0
        ? fc.subarray(interesting, { minLength: 1, maxLength: Math.min(40, interesting.length) })
        : fc.constant([] as number[]),
      fc.boolean(),
    )
    .map(([random, chosen, everyByte]) =>
      everyByte && bytes.length < 3000
        ? Array.from({ length: bytes.length }, (_, i) => i)
        : [...random, ...chosen],
    );
}

// ---------------------------------------------------------------------------
// Garbage

const upstreamErrorLines = [
  '{"error":{"message":"上游返回错误 (request id: 20260101120000123456789AbCdEfGh)","type":"upstream_error","param":"","code":"bad_response_body"}}',
  '{"error":{"message":"Overloaded","type":"overloaded_error","code":529}}',
  '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
  '{"code":"fail_to_fetch_task","message":"当前分组上游负载已饱和，请稍后再试","data":null}',
  '{"error":"upstream idle timeout"}',
  '{"error":{}}',
  '{"error":null}',
  '{"not":"an error"}',
];

/** Chunk-shaped JSON with wrong types in every place a reader looks. */
const weirdChunkArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    0,
    'chunk',
    [],
    [{}],
    {},
    { choices: null },
    { choices: 'x' },
    { choices: [null] },
    { choices: [[]] },
    { choices: [{ delta: null }] },
    { choices: [{ delta: [] }] },
    { choices: [{ delta: 'text' }] },
    { choices: [{ delta: { content: 5 } }] },
    { choices: [{ delta: { content: ['a', { type: 'text', text: 7 }, null] } }] },
    {
      choices: [
        { delta: { content: [{ type: 'image_url', image_url: { url: 'javascript:alert(1)' } }] } },
      ],
    },
    { choices: [{ delta: { content: [{ type: 'image_url', image_url: 'file:///etc/passwd' }] } }] },
    { choices: [{ delta: { reasoning_content: { text: 'x' } } }] },
    { choices: [{ delta: { tool_calls: {} } }] },
    { choices: [{ delta: { tool_calls: [null, 1, 'x'] } }] },
    { choices: [{ delta: { tool_calls: [{ function: 'get_weather' }] } }] },
    { choices: [{ delta: { tool_calls: [{ index: 0, function: { arguments: '{"a":' } }] } }] },
    {
      choices: [
        { delta: { tool_calls: [{ index: 0, id: 'x', function: { name: '', arguments: '{}' } }] } },
      ],
    },
    {
      choices: [
        {
          delta: {
            tool_calls: [{ index: 'a', id: 5, function: { name: 'f', arguments: { a: 1 } } }],
          },
        },
      ],
    },
    {
      choices: [
        { delta: { tool_calls: [{ index: 2, function: { name: 'late', arguments: '}' } }] } },
      ],
    },
    {
      choices: [
        {
          delta: {
            tool_calls: [{ index: -1, id: 'neg', function: { name: 'f', arguments: null } }],
          },
        },
      ],
    },
    { choices: [{ delta: { audio: { data: '%%%not base64%%%' } } }] },
    { choices: [{ delta: { audio: { data: 'AAAA', transcript: 'hi' } } }] },
    {
      choices: [
        { delta: { annotations: [{ type: 'url_citation', url_citation: { url: 5 } }, null] } },
      ],
    },
    { choices: [{ delta: { refusal: ['no'] } }] },
    { choices: [{ delta: {}, finish_reason: 7 }] },
    { choices: [{ delta: {}, finish_reason: 'weird_reason' }] },
    { choices: [], usage: 'lots' },
    {
      choices: [],
      usage: { prompt_tokens: 'x', completion_tokens: null, prompt_tokens_details: [] },
    },
    { choices: [], usage: { prompt_tokens: -5, completion_tokens: 1e308 } },
    { id: {}, model: [], created: 'yesterday' },
    { id: 'x', created: 1e300 },
    { choices: [{ delta: { content: '<think>unclosed' } }] },
    { choices: [{ delta: { content: '</think>stray' } }] },
    { choices: [{ delta: { content: '![img](data:image/png;base64,iVBORw0KGgo=)' } }] },
  ),
  fc.jsonValue({ maxDepth: 3 }),
);

type GarbageLine = { kind: 'text'; text: string } | { kind: 'bytes'; bytes: Uint8Array };

const garbageLineArb: fc.Arbitrary<GarbageLine> = fc.oneof(
  // valid chunks from a realistic transcript
  {
    weight: 4,
    arbitrary: validTranscriptArb.chain((t) =>
      fc.constantFrom(
        ...t.chunks.map((c) => ({ kind: 'text' as const, text: `data: ${JSON.stringify(c)}` })),
        { kind: 'text' as const, text: 'data: [DONE]' },
      ),
    ),
  },
  // truncated JSON
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        validTranscriptArb.chain((t) => fc.constantFrom(...t.chunks)),
        fc.nat(),
      )
      .map(([chunk, cut]) => {
        const json = JSON.stringify(chunk);
        return { kind: 'text' as const, text: `data: ${json.slice(0, cut % json.length)}` };
      }),
  },
  {
    weight: 3,
    arbitrary: weirdChunkArb.map((value) => ({
      kind: 'text' as const,
      text: `data: ${JSON.stringify(value)}`,
    })),
  },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(...upstreamErrorLines)
      .map((text) => ({ kind: 'text' as const, text })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(...upstreamErrorLines)
      .map((text) => ({ kind: 'text' as const, text: `data: ${text}` })),
  },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(
        'event: error',
        'event: message',
        'id: 42',
        'retry: 100',
        ': PING',
        ':',
        '',
        'data:',
        'data: ',
        'DATA: {}',
        ' data: {}',
        'data: [DONE] ',
        '<html><body>502 Bad Gateway</body></html>',
        '{',
        '{"error":',
      )
      .map((text) => ({ kind: 'text' as const, text })),
  },
  {
    weight: 2,
    arbitrary: fc.string({ maxLength: 40 }).map((text) => ({ kind: 'text' as const, text })),
  },
  {
    weight: 1,
    arbitrary: fc
      .string({ maxLength: 40 })
      .map((text) => ({ kind: 'text' as const, text: `data: ${text}` })),
  },
  {
    weight: 1,
    arbitrary: fc.uint8Array({ maxLength: 24 }).map((bytes) => ({ kind: 'bytes' as const, bytes })),
  },
);

export type GarbageTranscript = {
  bytes: Uint8Array;
  /** Make the body stream fail (a broken socket) after all bytes were delivered. */
  transportError: boolean;
};

const encoder = new TextEncoder();

export const garbageTranscriptArb: fc.Arbitrary<GarbageTranscript> = fc
  .record({
    lines: fc.array(
      fc.tuple(garbageLineArb, fc.constantFrom('\n', '\n\n', '\r\n', '\r\n\r\n', '', '\r')),
      { maxLength: 25 },
    ),
    transportError: fc.boolean(),
  })
  .map(({ lines, transportError }) => {
    const parts: Uint8Array[] = [];
    for (const [line, eol] of lines) {
      parts.push(line.kind === 'text' ? encoder.encode(line.text) : line.bytes);
      parts.push(encoder.encode(eol));
    }
    const total = parts.reduce((n, part) => n + part.length, 0);
    const bytes = new Uint8Array(total);
    let offset = 0;
    for (const part of parts) {
      bytes.set(part, offset);
      offset += part.length;
    }
    return { bytes, transportError };
  });
