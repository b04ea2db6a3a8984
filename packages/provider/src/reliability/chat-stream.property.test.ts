import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMixRouter } from '../mixrouter-main';
import { readChunkLines, toSseEvents } from '../test-utils/sse';
import {
  cutsArb,
  garbageTranscriptArb,
  interestingCuts,
  splitBytes,
  validTranscriptArb,
} from './helpers/sse-transcripts';
import {
  answerOf,
  bodyFromPieces,
  chatEventStream,
  comparable,
  counterIds,
  readAll,
  streamContractViolations,
} from './helpers/stream-checks';

const encoder = new TextEncoder();

async function partsOf(
  pieces: Uint8Array[],
  options: { extractReasoningTags?: boolean; failWith?: unknown } = {},
): Promise<LanguageModelV4StreamPart[]> {
  return readAll(chatEventStream(bodyFromPieces(pieces, options), options));
}

/** The same bytes through the whole model: provider → fetch → Response → doStream. */
async function modelPartsOf(pieces: Uint8Array[]): Promise<LanguageModelV4StreamPart[]> {
  const provider = createMixRouter({
    apiKey: 'sk-property',
    baseURL: 'http://gateway.test/v1',
    generateId: counterIds(),
    fetch: async () =>
      new Response(bodyFromPieces(pieces), {
        status: 200,
        headers: { 'content-type': 'text/event-stream', 'x-oneapi-request-id': 'req-1' },
      }),
  });
  const { stream } = await provider.chat('gpt-4o').doStream({
    prompt: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
    providerOptions: { mixrouter: { extractReasoningTags: false } },
  });
  return readAll(stream);
}

const FIXTURES = [
  'gpt-4o-text',
  'claude-sonnet-4-5-interleaved-thinking',
  'claude-sonnet-4-5-tool-calls',
  'claude-sonnet-4-5-tool-calls-dec25',
  'deepseek-reasoner',
  'gemini-2.5-flash-tool-calls',
  'gemini-3-pro-preview-tool-call',
  'gemini-2.5-flash-image',
  'gemini-2.5-flash-image-markdown',
  'gpt-4o-audio-preview',
  'minimax-m2-think',
  'qwen-plus-thinking',
  'upstream-error-mid-stream',
];

describe('stream path: byte splits never change the parts', () => {
  it('valid transcripts: any split gives the parts of the unsplit stream, and the encoded answer', async () => {
    await fc.assert(
      fc.asyncProperty(
        validTranscriptArb.chain((transcript) => {
          const bytes = encoder.encode(transcript.sse);
          return fc.tuple(fc.constant(transcript), fc.constant(bytes), cutsArb(bytes));
        }),
        async ([transcript, bytes, cuts]) => {
          const whole = await partsOf([bytes]);
          const split = await partsOf(splitBytes(bytes, cuts));
          expect(comparable(split)).toEqual(comparable(whole));

          expect(streamContractViolations(whole)).toEqual([]);
          expect(whole.filter((p) => p.type === 'error')).toEqual([]);
          const answer = answerOf(whole);
          expect(answer.text).toBe(transcript.expected.text);
          expect(answer.reasoning).toBe(transcript.expected.reasoning);
          expect(answer.toolCalls).toEqual(transcript.expected.toolCalls);
          const finish = whole.at(-1);
          expect(finish?.type === 'finish' && finish.finishReason.raw).toBe(
            transcript.expected.finishReason,
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('splits inside every multi-byte character and every `data:` at once', async () => {
    await fc.assert(
      fc.asyncProperty(validTranscriptArb, async (transcript) => {
        const bytes = encoder.encode(transcript.sse);
        const whole = await partsOf([bytes]);
        expect(comparable(await partsOf(splitBytes(bytes, interestingCuts(bytes))))).toEqual(
          comparable(whole),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('with <think> extraction on, splits still do not matter', async () => {
    const withTags = validTranscriptArb.map((t) => ({
      ...t,
      sse: t.sse.replace(/"content":"([^"\\]{2})/g, '"content":"<think>$1</think>'),
    }));
    await fc.assert(
      fc.asyncProperty(
        withTags.chain((t) => {
          const bytes = encoder.encode(t.sse);
          return fc.tuple(fc.constant(bytes), cutsArb(bytes));
        }),
        async ([bytes, cuts]) => {
          const whole = await partsOf([bytes], { extractReasoningTags: true });
          const split = await partsOf(splitBytes(bytes, cuts), { extractReasoningTags: true });
          expect(comparable(split)).toEqual(comparable(whole));
          expect(streamContractViolations(whole)).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('through the model (custom fetch → Response → doStream), splits do not matter', async () => {
    await fc.assert(
      fc.asyncProperty(
        validTranscriptArb.chain((t) => {
          const bytes = encoder.encode(t.sse);
          return fc.tuple(fc.constant(t), fc.constant(bytes), cutsArb(bytes));
        }),
        async ([transcript, bytes, cuts]) => {
          const whole = await modelPartsOf([bytes]);
          const split = await modelPartsOf(splitBytes(bytes, cuts));
          expect(comparable(split)).toEqual(comparable(whole));
          expect(streamContractViolations(split)).toEqual([]);
          expect(answerOf(split).text).toBe(transcript.expected.text);
          const finish = split.at(-1);
          expect(finish?.type === 'finish' && finish.usage.inputTokens.total).toBe(
            transcript.chunks.some((c) => Array.isArray(c.choices) && c.choices.length === 0)
              ? transcript.expected.usage.prompt_tokens
              : undefined,
          );
          expect(finish?.type === 'finish' && finish.providerMetadata?.mixrouter?.requestId).toBe(
            'req-1',
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('recorded gateway fixtures: any split (CRLF, pings, every byte) gives the same parts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .record({
            name: fc.constantFrom(...FIXTURES),
            crlf: fc.boolean(),
            pingBefore: fc.array(fc.nat({ max: 20 }), { maxLength: 3 }),
          })
          .chain(({ name, crlf, pingBefore }) => {
            const bytes = encoder.encode(
              toSseEvents(readChunkLines(name), { crlf, pingBefore }).join(''),
            );
            return fc.tuple(fc.constant(bytes), cutsArb(bytes));
          }),
        async ([bytes, cuts]) => {
          for (const extractReasoningTags of [false, true]) {
            const whole = await partsOf([bytes], { extractReasoningTags });
            const split = await partsOf(splitBytes(bytes, cuts), { extractReasoningTags });
            expect(comparable(split)).toEqual(comparable(whole));
            expect(streamContractViolations(whole)).toEqual([]);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('stream path: garbage never breaks the stream contract', () => {
  it('arbitrary garbage, truncated JSON, non-data lines and stray errors: finish (maybe after error), blocks closed, no throw, no hang', async () => {
    await fc.assert(
      fc.asyncProperty(
        garbageTranscriptArb.chain((g) => fc.tuple(fc.constant(g), cutsArb(g.bytes), fc.boolean())),
        async ([garbage, cuts, extractReasoningTags]) => {
          const failWith = garbage.transportError
            ? new TypeError('terminated: other side closed')
            : undefined;
          const whole = await partsOf([garbage.bytes], { extractReasoningTags, failWith });
          expect(streamContractViolations(whole)).toEqual([]);
          for (const part of whole) {
            if (part.type === 'error') {
              expect(part.error).toBeInstanceOf(Error);
              expect((part.error as Error).message.length).toBeGreaterThan(0);
            }
          }
          // Garbage is also split-independent.
          const split = await partsOf(splitBytes(garbage.bytes, cuts), {
            extractReasoningTags,
            failWith,
          });
          expect(comparable(split)).toEqual(comparable(whole));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('raw chunks on: the contract still holds', async () => {
    await fc.assert(
      fc.asyncProperty(garbageTranscriptArb, async (garbage) => {
        const parts = await readAll(
          chatEventStream(bodyFromPieces([garbage.bytes]), { includeRawChunks: true }),
        );
        expect(streamContractViolations(parts)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('a broken socket mid-answer: the partial text is kept, then error + finish', async () => {
    const bytes = encoder.encode(
      'data: {"id":"x","choices":[{"index":0,"delta":{"content":"部分"}}]}\n\ndata: {"id":"x","choices":[{"index":0,"delta":{"content":"答案"}}]}\n\n',
    );
    const parts = await partsOf(splitBytes(bytes, interestingCuts(bytes)), {
      failWith: new TypeError('terminated: other side closed'),
    });
    expect(streamContractViolations(parts)).toEqual([]);
    expect(answerOf(parts).text).toBe('部分答案');
    expect(parts.filter((p) => p.type === 'error')).toHaveLength(1);
    const finish = parts.at(-1);
    expect(finish?.type === 'finish' && finish.finishReason.unified).toBe('error');
  });

  it('an empty body, a body of only pings, and [DONE] alone all finish as interrupted', async () => {
    for (const text of ['', ': PING\n\n: PING\n\n', 'data: [DONE]\n\n', '\r\n\r\n']) {
      const parts = await partsOf([encoder.encode(text)]);
      expect(streamContractViolations(parts)).toEqual([]);
      const finish = parts.at(-1);
      expect(finish?.type === 'finish' && finish.finishReason.unified).toBe('interrupted');
    }
  });
});
