import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import {
  convertArrayToReadableStream,
  convertReadableStreamToArray,
  mockId,
} from '@ai-sdk/provider-utils/test';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getMixRouterModelInfo } from '../mixrouter-model-catalogue';
import { joinAdjacentDeltas } from '../test-utils/join-deltas';
import { readChunkLines, toSseEvents } from '../test-utils/sse';
import { createMixRouterChatEventStream } from './mixrouter-chat-event-stream';

const encoder = new TextEncoder();

function run(
  pieces: Array<string | Uint8Array>,
  { modelId = 'gpt-4o', includeRawChunks = false } = {},
): Promise<LanguageModelV4StreamPart[]> {
  const body = convertArrayToReadableStream(
    pieces.map((piece) => (typeof piece === 'string' ? encoder.encode(piece) : piece)),
  );
  return convertReadableStreamToArray(
    createMixRouterChatEventStream({
      body,
      warnings: [],
      includeRawChunks,
      builderOptions: {
        info: getMixRouterModelInfo(modelId),
        extractReasoningTags: true,
        generateId: mockId(),
        url: 'https://api.mixrouter.test/v1/chat/completions',
        requestBodyValues: {},
      },
    }),
  );
}

/** Splits bytes at the given (sorted, deduplicated) offsets. */
function splitAt(bytes: Uint8Array, offsets: number[]): Uint8Array[] {
  const cuts = [...new Set(offsets.map((o) => o % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let start = 0;
  for (const cut of cuts) {
    out.push(bytes.slice(start, cut));
    start = cut;
  }
  out.push(bytes.slice(start));
  return out;
}

function assertWellFormed(parts: LanguageModelV4StreamPart[]) {
  expect(parts[0]?.type).toBe('stream-start');
  expect(parts.at(-1)?.type).toBe('finish');
  expect(parts.filter((p) => p.type === 'finish')).toHaveLength(1);
  const open = new Set<string>();
  const toolInputs = new Set<string>();
  for (const part of parts) {
    if (part.type === 'text-start' || part.type === 'reasoning-start') open.add(part.id);
    if (part.type === 'text-end' || part.type === 'reasoning-end')
      expect(open.delete(part.id)).toBe(true);
    if (part.type === 'text-delta' || part.type === 'reasoning-delta')
      expect(open.has(part.id)).toBe(true);
    if (part.type === 'tool-input-start') toolInputs.add(part.id);
    if (part.type === 'tool-call') expect(toolInputs.delete(part.toolCallId)).toBe(true);
  }
  expect(open.size).toBe(0);
  // A call cut off mid-arguments is withheld and listed in the finish metadata instead.
  const finish = parts.at(-1);
  const withheld =
    finish?.type === 'finish'
      ? ((finish.providerMetadata?.mixrouter?.incompleteToolCalls ?? []) as Array<{
          toolCallId: string;
        }>)
      : [];
  expect([...toolInputs].sort()).toEqual(withheld.map((c) => c.toolCallId).sort());
}

const FIXTURES = [
  ['gpt-4o-text', 'gpt-4o'],
  ['qwen-plus-thinking', 'qwen-plus'],
  ['minimax-m2-think', 'minimax-m2'],
  ['claude-sonnet-4-5-tool-calls', 'claude-sonnet-4-5-20250929'],
  ['gemini-2.5-flash-tool-calls', 'gemini-2.5-flash'],
] as const;

describe('SSE framing', () => {
  it('accepts "data:" with and without the space, and CRLF', async () => {
    const chunk = '{"id":"a","choices":[{"delta":{"content":"x"},"finish_reason":"stop"}]}';
    const spaced = await run([`data: ${chunk}\n\ndata: [DONE]\n\n`]);
    expect(await run([`data:${chunk}\r\n\r\ndata:[DONE]\r\n\r\n`])).toEqual(spaced);
    expect(spaced.map((p) => p.type)).toEqual([
      'stream-start',
      'response-metadata',
      'text-start',
      'text-delta',
      'text-end',
      'finish',
    ]);
  });

  it('parses a last line without a trailing newline', async () => {
    const parts = await run([
      'data: {"id":"a","choices":[{"delta":{"content":"x"},"finish_reason":"stop"}]}',
    ]);
    expect(parts.at(-1)).toMatchObject({ type: 'finish', finishReason: { unified: 'stop' } });
  });

  it('ignores comment, event, id and retry lines and blank lines', async () => {
    const chunk =
      'data: {"id":"a","choices":[{"delta":{"content":"x"},"finish_reason":"stop"}]}\n\n';
    const plain = await run([chunk, 'data: [DONE]\n\n']);
    expect(
      await run([
        ': PING\n\n',
        'event: delta\nid: 7\nretry: 3000\n',
        '\n\n\n',
        chunk,
        ': PING\n\n',
        'data: [DONE]\n\n',
      ]),
    ).toEqual(plain);
  });

  it('emits raw parts only for data and bare JSON lines', async () => {
    const parts = await run(
      [
        ': PING\n\n',
        'data: {"id":"a","choices":[]}\n\n',
        '{"error":{"message":"boom"}}\n',
        'data: [DONE]\n\n',
      ],
      { includeRawChunks: true },
    );
    expect(parts.filter((p) => p.type === 'raw')).toEqual([
      { type: 'raw', rawValue: { id: 'a', choices: [] } },
      { type: 'raw', rawValue: { error: { message: 'boom' } } },
    ]);
  });
});

describe('SSE as specified (WHATWG event-stream parsing)', () => {
  const chunk = (content: string, finish: string | null = null) =>
    JSON.stringify({ id: 'a', choices: [{ delta: { content }, finish_reason: finish }] });
  const text = (parts: LanguageModelV4StreamPart[]) =>
    parts.flatMap((p) => (p.type === 'text-delta' ? [p.delta] : [])).join('');
  const finishOf = (parts: LanguageModelV4StreamPart[]) => {
    const last = parts.at(-1);
    if (last?.type !== 'finish') throw new Error('no finish');
    return last;
  };
  const lf = [`data: ${chunk('Hel')}\n\n`, `data: ${chunk('lo', 'stop')}\n\n`, 'data: [DONE]\n\n'];

  it('CR-only, CRLF and LF line endings give the same parts', async () => {
    const expected = await run(lf);
    expect(text(expected)).toBe('Hello');
    const cr = lf.map((e) => e.replaceAll('\n', '\r'));
    const crlf = lf.map((e) => e.replaceAll('\n', '\r\n'));
    expect(await run(cr)).toEqual(expected);
    expect(await run(crlf)).toEqual(expected);
    // One read: both deltas arrive together and come as one part, same text.
    expect(joinAdjacentDeltas(await run([cr.join('')]))).toEqual(joinAdjacentDeltas(expected));
    // every byte on its own: a CRLF split across reads is one line ending, not two
    const bytes = encoder.encode(crlf.join(''));
    expect(await run([...bytes].map((b) => Uint8Array.of(b)))).toEqual(expected);
    const crBytes = encoder.encode(cr.join(''));
    expect(await run([...crBytes].map((b) => Uint8Array.of(b)))).toEqual(expected);
  });

  it('joins several data lines of one event with \n (a JSON chunk spread over lines)', async () => {
    const pretty = JSON.stringify(
      { id: 'a', choices: [{ delta: { content: 'multi' }, finish_reason: 'stop' }] },
      null,
      2,
    );
    const event = `${pretty
      .split('\n')
      .map((line) => `data: ${line}`)
      .join('\n')}\n\n`;
    const parts = await run([event, 'data: [DONE]\n\n']);
    expect(text(parts)).toBe('multi');
    expect(parts.filter((p) => p.type === 'error')).toEqual([]);
    expect(finishOf(parts).finishReason.unified).toBe('stop');
  });

  it('a bare "data" field (no colon) is an empty data line; "data:x" and "data: x" are the same', async () => {
    // `data` alone appends an empty line: the joined data has a blank line between two
    // JSON tokens, which JSON allows.
    const json = chunk('x', 'stop');
    const comma = json.indexOf(',');
    const parts = await run([
      `data:${json.slice(0, comma + 1)}\ndata\ndata: ${json.slice(comma + 1)}\n\n`,
      'data: [DONE]\n\n',
    ]);
    expect(text(parts)).toBe('x');
    expect(finishOf(parts).finishReason.unified).toBe('stop');
  });

  it('"[DONE]" with surrounding whitespace ends the answer; what follows is ignored', async () => {
    for (const done of ['data: [DONE] \n\n', 'data: [DONE]\t\r\n\r\n', 'data:  [DONE]\n\n']) {
      const parts = await run([
        `data: ${chunk('one', 'stop')}\n\n`,
        done,
        `data: ${chunk('SECOND ATTEMPT', 'stop')}\n\n`,
      ]);
      expect(text(parts)).toBe('one');
    }
  });

  it('events written without blank lines between them are still read one by one', async () => {
    const parts = await run([
      `data: ${chunk('a')}\ndata: ${chunk('b', 'stop')}\ndata: [DONE]\ndata: ${chunk('IGNORED')}\n`,
    ]);
    expect(text(parts)).toBe('ab');
    expect(finishOf(parts).finishReason.unified).toBe('stop');
  });

  it('comments, event/id/retry fields and unknown fields carry nothing', async () => {
    const expected = await run(lf);
    expect(
      await run([
        ': PING\n',
        ':\n\n',
        `event: message\nid: 1\nretry: 10\nid\n${lf[0]}`,
        lf[1]!,
        ': keep-alive\r\n\r\n',
        lf[2]!,
      ]),
    ).toEqual(expected);
  });

  it('an HTML page sent with status 200 ends with a clear error, not an empty success', async () => {
    const html =
      '<!DOCTYPE html>\r\n<html><head><title>Just a moment...</title><style>body{}</style></head>\r\n<body><h1>Checking your browser</h1><script>var a = "<b>";</script></body></html>\r\n';
    const parts = await run([html]);
    const errors = parts.filter((p) => p.type === 'error');
    expect(errors).toHaveLength(1);
    const message = (errors[0] as { error: Error }).error.message;
    expect(message).toContain('not an event stream');
    expect(message).toContain('Just a moment... Checking your browser');
    expect(message).not.toContain('var a');
    expect(finishOf(parts).finishReason.unified).toBe('error');
  });

  it('a huge non-stream body is abandoned after a bounded amount, with the error', async () => {
    const line = `<p>${'x'.repeat(1000)}</p>\n`;
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        controller.enqueue(encoder.encode(line.repeat(10)));
      },
    });
    const parts = await convertReadableStreamToArray(
      createMixRouterChatEventStream({
        body,
        warnings: [],
        includeRawChunks: false,
        builderOptions: {
          info: getMixRouterModelInfo('gpt-4o'),
          extractReasoningTags: undefined,
          generateId: mockId(),
          url: 'https://api.mixrouter.test/v1/chat/completions',
          requestBodyValues: {},
        },
      }),
    );
    expect(pulls).toBeLessThan(20);
    expect(parts.filter((p) => p.type === 'error')).toHaveLength(1);
    expect(finishOf(parts).finishReason.unified).toBe('error');
  });

  it('an empty body or one with only comments is an interrupted answer, not an error', async () => {
    for (const body of [[], [': PING\n\n'], ['\n\n\r\n']]) {
      const parts = await run(body);
      expect(parts.filter((p) => p.type === 'error')).toEqual([]);
      expect(finishOf(parts).finishReason.unified).toBe('interrupted');
    }
  });
});

describe('property: byte splitting', () => {
  it.each(FIXTURES)(
    '%s: any split of the bytes (even inside UTF-8 characters) gives the same parts',
    async (fixture, modelId) => {
      const whole = encoder.encode(toSseEvents(readChunkLines(fixture)).join(''));
      const expected = await run([whole], { modelId });
      assertWellFormed(expected);
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.nat({ max: whole.length }), { maxLength: 12 }),
          async (offsets) => {
            expect(joinAdjacentDeltas(await run(splitAt(whole, offsets), { modelId }))).toEqual(
              joinAdjacentDeltas(expected),
            );
          },
        ),
        { numRuns: 40 },
      );
    },
  );

  it('splits inside a multi-byte character are handled (explicit)', async () => {
    const whole = encoder.encode(toSseEvents(readChunkLines('qwen-plus-thinking')).join(''));
    const firstMultiByte = whole.findIndex((b) => b >= 0x80);
    const expected = await run([whole], { modelId: 'qwen-plus' });
    expect(
      await run(splitAt(whole, [firstMultiByte + 1, firstMultiByte + 2]), { modelId: 'qwen-plus' }),
    ).toEqual(expected);
  });
});

describe('property: hostile input', () => {
  const line = fc.oneof(
    fc.string(),
    fc.string().map((s) => `data: ${s}`),
    fc.json().map((json) => `data: ${json}`),
    fc.json(),
    fc.constantFrom(
      'data: [DONE]',
      ': PING',
      '{"error":{"message":"stray error","code":"bad_response_body"}}',
      'data: {"error":{"message":"upstream","type":"upstream_error"}}',
      'data: {"choices":[{"delta":{"content":"<think>half"}}]}',
      'data: {"choices":[{"delta":{"reasoning_content":"r"}}]}',
      'data: {"choices":[{"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{"}}]}}]}',
      'data: {"choices":[{"delta":{"tool_calls":[{"index":0,"id":"c","function":{"name":"f","arguments":"{\\"a\\":"}}]}}]}',
      'data: {"choices":[{"delta":{"content":[{"type":"image_url","image_url":{"url":"https://x.test/a.png"}}]}}]}',
      'data: {"choices":[],"usage":{"prompt_tokens":"x"}}',
      'data: {"choices":[{"delta":null,"finish_reason":7}]}',
      'data: {"choices":[null]}',
    ),
  );
  const fixtureLines = FIXTURES.flatMap(([fixture]) =>
    readChunkLines(fixture).map((l) => `data: ${l}`),
  );

  it('always ends with exactly one finish, closes every block and never throws', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(line, fc.constantFrom(...fixtureLines)), { maxLength: 25 }),
        fc.array(fc.nat({ max: 2000 }), { maxLength: 8 }),
        async (lines, offsets) => {
          const bytes = encoder.encode(lines.map((l) => `${l}\n\n`).join(''));
          const parts = await run(splitAt(bytes, offsets), { modelId: 'minimax-m2' });
          assertWellFormed(parts);
          for (const part of parts)
            if (part.type === 'error') expect(part.error).toBeInstanceOf(Error);
        },
      ),
      { numRuns: 150 },
    );
  });
});

const sseEvent = (delta: Record<string, unknown>) =>
  `data: ${JSON.stringify({ id: 'c1', model: 'gpt-4o', choices: [{ index: 0, delta }] })}\n\n`;
const textDeltas = (parts: LanguageModelV4StreamPart[]) =>
  parts.filter((p) => p.type === 'text-delta').map((p) => p.delta);

describe('deltas per read', () => {
  const events = [
    sseEvent({ role: 'assistant', content: 'Hel' }),
    sseEvent({ content: 'lo, ' }),
    sseEvent({ content: 'world' }),
    'data: [DONE]\n\n',
  ];

  it('events that arrive in one read come as one delta', async () => {
    expect(textDeltas(await run([events.join('')]))).toEqual(['Hello, world']);
  });

  it('events that arrive in separate reads are handed on as they come', async () => {
    expect(textDeltas(await run(events))).toEqual(['Hel', 'lo, ', 'world']);
    expect(textDeltas(await run([events[0]! + events[1]!, events[2]! + events[3]!]))).toEqual([
      'Hello, ',
      'world',
    ]);
  });
});
