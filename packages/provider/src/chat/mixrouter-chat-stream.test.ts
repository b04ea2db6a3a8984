import { convertReadableStreamToArray } from '@ai-sdk/provider-utils/test';
import { createTestServer } from '@ai-sdk/test-server/with-vitest';
import { describe, expect, it } from 'vitest';
import {
  CHAT_URL,
  callOptions,
  deltaChunk,
  finishPart as finishOf,
  jsonResponse,
  partsOfType as ofType,
  partTypes,
  sseFixtureResponse,
  sseResponse,
  streamParts,
  testModel,
} from '../test-utils/chat';
import { joinAdjacentDeltas } from '../test-utils/join-deltas';
import { readChunkLines, readJsonFixture, toSseEvents } from '../test-utils/sse';

const server = createTestServer({ [CHAT_URL]: {} });

describe('doStream: text', () => {
  it('streams the OpenAI passthrough shape with stream_options.include_usage', async () => {
    server.urls[CHAT_URL].response = sseFixtureResponse('gpt-4o-text', undefined, {
      'x-oneapi-request-id': 'req-stream-1',
    });
    const { stream, request, response } = await testModel('gpt-4o').doStream(callOptions());
    const body = await server.calls[0].requestBodyJson;
    expect(body).toEqual({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Hello' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(request?.body).toEqual(body);
    expect(response?.headers).toMatchObject({ 'x-oneapi-request-id': 'req-stream-1' });

    expect(await convertReadableStreamToArray(stream)).toMatchInlineSnapshot(`
      [
        {
          "type": "stream-start",
          "warnings": [],
        },
        {
          "id": "chatcmpl-CqcT1xYz",
          "modelId": "gpt-4o-2024-08-06",
          "timestamp": 2026-01-01T12:00:00.000Z,
          "type": "response-metadata",
        },
        {
          "id": "txt-0",
          "type": "text-start",
        },
        {
          "delta": "Hello",
          "id": "txt-0",
          "type": "text-delta",
        },
        {
          "delta": ", world!",
          "id": "txt-0",
          "type": "text-delta",
        },
        {
          "id": "txt-0",
          "type": "text-end",
        },
        {
          "finishReason": {
            "raw": "stop",
            "unified": "stop",
          },
          "providerMetadata": {
            "mixrouter": {
              "requestId": "req-stream-1",
              "upstreamModel": "gpt-4o-2024-08-06",
            },
          },
          "type": "finish",
          "usage": {
            "inputTokens": {
              "cacheRead": 0,
              "cacheWrite": undefined,
              "noCache": 9,
              "total": 9,
            },
            "outputTokens": {
              "reasoning": 0,
              "text": 4,
              "total": 4,
            },
            "raw": {
              "completion_tokens": 4,
              "completion_tokens_details": {
                "accepted_prediction_tokens": 0,
                "audio_tokens": 0,
                "reasoning_tokens": 0,
                "rejected_prediction_tokens": 0,
              },
              "prompt_tokens": 9,
              "prompt_tokens_details": {
                "audio_tokens": 0,
                "cached_tokens": 0,
              },
              "total_tokens": 13,
            },
          },
        },
      ]
    `);
  });

  it('gives the same parts with : PING comments and CRLF line endings', async () => {
    server.urls[CHAT_URL].response = sseFixtureResponse('gpt-4o-text');
    const plain = await streamParts('gpt-4o');
    server.urls[CHAT_URL].response = sseFixtureResponse('gpt-4o-text', {
      pingBefore: [0, 2, 4],
      crlf: true,
    });
    expect(await streamParts('gpt-4o')).toEqual(plain);
  });

  it('ignores event:, id: and retry: lines', async () => {
    server.urls[CHAT_URL].response = {
      type: 'stream-chunks',
      chunks: [
        'event: message\nid: 1\nretry: 100\n',
        `data: ${JSON.stringify(deltaChunk({ content: 'Hi' }, 'stop'))}\n\n`,
        'data: [DONE]\n\n',
      ],
    };
    const parts = await streamParts('gpt-4o');
    expect(partTypes(parts)).toEqual([
      'stream-start',
      'response-metadata',
      'text-start',
      'text-delta',
      'text-end',
      'finish',
    ]);
  });

  it('emits raw parts for every chunk with includeRawChunks', async () => {
    server.urls[CHAT_URL].response = sseFixtureResponse('gpt-4o-text');
    const parts = await streamParts('gpt-4o', { includeRawChunks: true });
    const raw = ofType(parts, 'raw');
    expect(raw).toHaveLength(5);
    expect(raw[4]!.rawValue).toMatchObject({ choices: [], usage: { total_tokens: 13 } });
    expect(parts.indexOf(raw[0]!)).toBe(1); // right after stream-start, before metadata
  });

  it('emits no raw parts by default', async () => {
    server.urls[CHAT_URL].response = sseFixtureResponse('gpt-4o-text');
    expect(partTypes(await streamParts('gpt-4o'))).not.toContain('raw');
  });

  it('puts warnings into stream-start', async () => {
    server.urls[CHAT_URL].response = sseFixtureResponse('gpt-4o-text');
    const parts = await streamParts('gpt-4o', { topK: 3 });
    expect(parts[0]).toEqual({
      type: 'stream-start',
      warnings: [
        {
          type: 'unsupported',
          feature: 'topK',
          details: 'gpt-4o does not accept topK; it was not sent.',
        },
      ],
    });
  });

  it('handles a usage-only final chunk with choices: [] and keeps the raw usage', async () => {
    server.urls[CHAT_URL].response = sseFixtureResponse('gpt-4o-text');
    const finish = finishOf(await streamParts('gpt-4o'));
    expect(finish.usage.inputTokens.total).toBe(9);
    expect(finish.usage.outputTokens.total).toBe(4);
    expect(finish.usage.raw).toMatchObject({ total_tokens: 13 });
  });

  it('streams a JSON answer to a stream request as parts', async () => {
    server.urls[CHAT_URL].response = jsonResponse(readJsonFixture('gemini-2.0-flash'));
    const parts = await streamParts('gemini-2.0-flash', { includeRawChunks: true });
    expect(partTypes(parts)).toEqual([
      'stream-start',
      'raw',
      'response-metadata',
      'text-start',
      'text-delta',
      'text-end',
      'finish',
    ]);
    expect(finishOf(parts).finishReason).toEqual({ unified: 'stop', raw: 'stop' });
  });
});

describe('doStream: response metadata', () => {
  it('takes the first non-empty id, model and created (Azure opens with an empty chunk)', async () => {
    server.urls[CHAT_URL].response = sseResponse([
      {
        choices: [],
        created: 0,
        id: '',
        model: '',
        object: '',
        prompt_filter_results: [{ prompt_index: 0, content_filter_results: {} }],
      },
      { ...deltaChunk({ content: 'Hi' }), created: 0, model: '' },
      deltaChunk({}, 'stop', { id: 'chatcmpl-later', model: 'gpt-4o-2024-08-06' }),
    ]);
    const parts = await streamParts('gpt-4o');
    const metadata = ofType(parts, 'response-metadata');
    // each part carries everything known so far; `ai` merges them
    expect(metadata.at(-1)).toEqual({
      type: 'response-metadata',
      id: 'chatcmpl-test',
      modelId: 'gpt-4o-2024-08-06',
      timestamp: new Date(1767268800 * 1000),
    });
    expect(metadata.every((m) => m.id !== '' && m.modelId !== '')).toBe(true);
    expect(finishOf(parts).providerMetadata?.mixrouter?.upstreamModel).toBe('gpt-4o-2024-08-06');
  });

  it('generate: the same rule for a non-stream answer', async () => {
    server.urls[CHAT_URL].response = jsonResponse({
      id: '',
      model: '',
      created: 0,
      choices: [{ message: { content: 'x' }, finish_reason: 'stop' }],
    });
    const result = await testModel('gpt-4o').doGenerate(callOptions());
    expect([result.response?.id, result.response?.modelId, result.response?.timestamp]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('doStream: reasoning', () => {
  it('closes reasoning before text (DeepSeek reasoning_content)', async () => {
    server.urls[CHAT_URL].response = sseFixtureResponse('deepseek-reasoner');
    const parts = await streamParts('deepseek-reasoner');
    expect(parts).toMatchInlineSnapshot(`
      [
        {
          "type": "stream-start",
          "warnings": [],
        },
        {
          "id": "0d8c5f1e-3b7a-4f2c-9e6d-1a2b3c4d5e6f",
          "modelId": "deepseek-reasoner",
          "timestamp": 2026-01-01T12:00:00.000Z,
          "type": "response-metadata",
        },
        {
          "id": "reasoning-0",
          "type": "reasoning-start",
        },
        {
          "delta": "Pair 1 with 100",
          "id": "reasoning-0",
          "type": "reasoning-delta",
        },
        {
          "delta": ", 50 pairs of 101.",
          "id": "reasoning-0",
          "type": "reasoning-delta",
        },
        {
          "id": "reasoning-0",
          "type": "reasoning-end",
        },
        {
          "id": "txt-1",
          "type": "text-start",
        },
        {
          "delta": "The sum",
          "id": "txt-1",
          "type": "text-delta",
        },
        {
          "delta": " is 5050.",
          "id": "txt-1",
          "type": "text-delta",
        },
        {
          "id": "txt-1",
          "type": "text-end",
        },
        {
          "finishReason": {
            "raw": "stop",
            "unified": "stop",
          },
          "providerMetadata": {
            "mixrouter": {
              "upstreamModel": "deepseek-reasoner",
            },
          },
          "type": "finish",
          "usage": {
            "inputTokens": {
              "cacheRead": 16,
              "cacheWrite": undefined,
              "noCache": 4,
              "total": 20,
            },
            "outputTokens": {
              "reasoning": 100,
              "text": 20,
              "total": 120,
            },
            "raw": {
              "completion_tokens": 120,
              "completion_tokens_details": {
                "reasoning_tokens": 100,
              },
              "prompt_cache_hit_tokens": 16,
              "prompt_cache_miss_tokens": 4,
              "prompt_tokens": 20,
              "prompt_tokens_details": {
                "cached_tokens": 16,
              },
              "total_tokens": 140,
            },
          },
        },
      ]
    `);
  });

  it('opens a new reasoning block for reasoning after text (Claude interleaved thinking)', async () => {
    server.urls[CHAT_URL].response = sseFixtureResponse('claude-sonnet-4-5-interleaved-thinking');
    const parts = await streamParts('claude-sonnet-4-5-20250929');
    expect(parts.filter((p) => p.type !== 'finish')).toMatchInlineSnapshot(`
      [
        {
          "type": "stream-start",
          "warnings": [],
        },
        {
          "id": "msg_01Th1nk1ngInt3rl3av3d0",
          "modelId": "claude-sonnet-4-5-20250929",
          "timestamp": 2026-01-01T12:00:00.000Z,
          "type": "response-metadata",
        },
        {
          "id": "reasoning-0",
          "type": "reasoning-start",
        },
        {
          "delta": "Let me think",
          "id": "reasoning-0",
          "type": "reasoning-delta",
        },
        {
          "delta": " about it.",
          "id": "reasoning-0",
          "type": "reasoning-delta",
        },
        {
          "delta": "
      ",
          "id": "reasoning-0",
          "type": "reasoning-delta",
        },
        {
          "id": "reasoning-0",
          "type": "reasoning-end",
        },
        {
          "id": "txt-1",
          "type": "text-start",
        },
        {
          "delta": "First part.",
          "id": "txt-1",
          "type": "text-delta",
        },
        {
          "id": "txt-1",
          "type": "text-end",
        },
        {
          "id": "reasoning-2",
          "type": "reasoning-start",
        },
        {
          "delta": "Now the second half.",
          "id": "reasoning-2",
          "type": "reasoning-delta",
        },
        {
          "id": "reasoning-2",
          "type": "reasoning-end",
        },
        {
          "id": "txt-3",
          "type": "text-start",
        },
        {
          "delta": " Second part.",
          "id": "txt-3",
          "type": "text-delta",
        },
        {
          "id": "txt-3",
          "type": "text-end",
        },
      ]
    `);
    // Claude usage without usage_semantic: prompt_tokens excludes cache reads/writes.
    expect(finishOf(parts).usage).toMatchObject({
      inputTokens: { total: 1780, noCache: 30, cacheRead: 1000, cacheWrite: 750 },
      outputTokens: { total: 40, text: 40, reasoning: 0 },
    });
  });

  it('splits <think> tags split across chunks out of the text (MiniMax)', async () => {
    server.urls[CHAT_URL].response = sseFixtureResponse('minimax-m2-think');
    const parts = await streamParts('minimax-m2');
    expect(parts).toMatchInlineSnapshot(`
      [
        {
          "type": "stream-start",
          "warnings": [],
        },
        {
          "id": "05b9f4ae7f1d3b9c6a5e2d1c0b9a8f7f",
          "modelId": "MiniMax-M2",
          "timestamp": 2026-01-01T12:00:00.000Z,
          "type": "response-metadata",
        },
        {
          "id": "reasoning-0",
          "type": "reasoning-start",
        },
        {
          "delta": "The user gre",
          "id": "reasoning-0",
          "type": "reasoning-delta",
        },
        {
          "delta": "ets me.",
          "id": "reasoning-0",
          "type": "reasoning-delta",
        },
        {
          "id": "reasoning-0",
          "type": "reasoning-end",
        },
        {
          "id": "txt-1",
          "type": "text-start",
        },
        {
          "delta": "Hello",
          "id": "txt-1",
          "type": "text-delta",
        },
        {
          "delta": "! How can I help?",
          "id": "txt-1",
          "type": "text-delta",
        },
        {
          "id": "txt-1",
          "type": "text-end",
        },
        {
          "finishReason": {
            "raw": "stop",
            "unified": "stop",
          },
          "providerMetadata": {
            "mixrouter": {
              "upstreamModel": "MiniMax-M2",
            },
          },
          "type": "finish",
          "usage": {
            "inputTokens": {
              "cacheRead": undefined,
              "cacheWrite": undefined,
              "noCache": 40,
              "total": 40,
            },
            "outputTokens": {
              "reasoning": 14,
              "text": 11,
              "total": 25,
            },
            "raw": {
              "completion_tokens": 25,
              "completion_tokens_details": {
                "reasoning_tokens": 14,
              },
              "prompt_tokens": 40,
              "total_tokens": 65,
            },
          },
        },
      ]
    `);
  });

  it('splits a streamed <budget:thinking> prefix (Claude Opus 4.5) into reasoning', async () => {
    const claude = (content: string, finish: string | null = null) =>
      deltaChunk({ content }, finish, {
        id: 'msg_01Q8Faay6S7QPTvEUUQARt7h',
        model: 'claude-opus-4-5-20251101',
      });
    server.urls[CHAT_URL].response = {
      type: 'stream-chunks',
      chunks: toSseEvents(
        [
          claude('<budget:thin'),
          claude('king>Gauss pairing.</budget:'),
          claude('thinking>\n\nThe sum is 5050.', 'stop'),
        ].map((chunk) => JSON.stringify(chunk)),
      ),
    };
    const parts = await streamParts('claude-opus-4-5-20251101');
    expect(ofType(parts, 'reasoning-delta').map((p) => p.delta)).toEqual(['Gauss pairing.']);
    expect(ofType(parts, 'text-delta').map((p) => p.delta)).toEqual(['The sum is 5050.']);
  });

  it('keeps <think> as text when extractReasoningTags is false', async () => {
    server.urls[CHAT_URL].response = sseFixtureResponse('minimax-m2-think');
    const parts = await streamParts('minimax-m2', {
      providerOptions: { mixrouter: { extractReasoningTags: false } },
    });
    const text = ofType(parts, 'text-delta')
      .map((p) => p.delta)
      .join('');
    expect(text).toBe('<think>\nThe user greets me.\n</think>\n\nHello! How can I help?');
    expect(partTypes(parts)).not.toContain('reasoning-start');
  });

  it('reads qwen reasoning_content and its reasoning token count', async () => {
    server.urls[CHAT_URL].response = sseFixtureResponse('qwen-plus-thinking');
    const parts = await streamParts('qwen-plus');
    expect(ofType(parts, 'reasoning-delta').map((p) => p.delta)).toEqual(['用高斯配对法']);
    expect(ofType(parts, 'text-delta').map((p) => p.delta)).toEqual(['5050']);
    expect(finishOf(parts).usage.outputTokens).toEqual({ total: 30, text: 10, reasoning: 20 });
  });
});

describe('doStream: byte splitting', () => {
  it('gives the same parts however the bytes are split', async () => {
    const whole = toSseEvents(readChunkLines('claude-sonnet-4-5-interleaved-thinking')).join('');
    server.urls[CHAT_URL].response = { type: 'stream-chunks', chunks: [whole] };
    const expected = await streamParts('claude-sonnet-4-5-20250929');
    for (const size of [1, 3, 7, 64]) {
      const chunks: string[] = [];
      for (let i = 0; i < whole.length; i += size) chunks.push(whole.slice(i, i + size));
      server.urls[CHAT_URL].response = { type: 'stream-chunks', chunks };
      expect(joinAdjacentDeltas(await streamParts('claude-sonnet-4-5-20250929'))).toEqual(
        joinAdjacentDeltas(expected),
      );
    }
  });
});
