import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import {
  convertArrayToReadableStream,
  convertReadableStreamToArray,
  mockId,
} from '@ai-sdk/provider-utils/test';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getMixRouterModelInfo } from '../mixrouter-model-catalogue';
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
  expect(toolInputs.size).toBe(0);
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
            expect(await run(splitAt(whole, offsets), { modelId })).toEqual(expected);
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
