import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { convertReadableStreamToArray } from '@ai-sdk/provider-utils/test';
import { createTestServer } from '@ai-sdk/test-server/with-vitest';
import { describe, expect, it } from 'vitest';
import {
  CHAT_URL,
  deltaChunk,
  jsonResponse,
  partTypes,
  sseFixtureResponse,
  sseResponse,
  streamParts,
  testModel,
  callOptions,
} from '../test-utils/chat';
import { readChunkLines, readJsonFixture, toSseEvents } from '../test-utils/sse';

const server = createTestServer({ [CHAT_URL]: {} });

type Part<T extends LanguageModelV4StreamPart['type']> = Extract<LanguageModelV4StreamPart, { type: T }>;

function ofType<T extends LanguageModelV4StreamPart['type']>(parts: LanguageModelV4StreamPart[], type: T) {
  return parts.filter((part): part is Part<T> => part.type === type);
}

function finishOf(parts: LanguageModelV4StreamPart[]) {
  const finish = parts.at(-1);
  expect(finish?.type).toBe('finish');
  return finish as Part<'finish'>;
}

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
        { type: 'unsupported', feature: 'topK', details: 'gpt-4o does not accept topK; it was not sent.' },
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
        "delta": "ets me.
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

describe('doStream: tool calls', () => {
  it('streams Claude tool calls whose indexes start at 1', async () => {
    server.urls[CHAT_URL].response = sseFixtureResponse('claude-sonnet-4-5-tool-calls');
    const parts = await streamParts('claude-sonnet-4-5-20250929');
    expect(parts.slice(1, -1)).toMatchInlineSnapshot(`
      [
        {
          "id": "msg_01Rj8yVZqoYyVhGQ7bVh5Wd2",
          "modelId": "claude-sonnet-4-5-20250929",
          "timestamp": 2026-01-01T12:00:00.000Z,
          "type": "response-metadata",
        },
        {
          "id": "txt-0",
          "type": "text-start",
        },
        {
          "delta": "I'll check both.",
          "id": "txt-0",
          "type": "text-delta",
        },
        {
          "id": "toolu_01A09q90qw90lq917835lq9",
          "toolName": "get_weather",
          "type": "tool-input-start",
        },
        {
          "delta": "{"city":",
          "id": "toolu_01A09q90qw90lq917835lq9",
          "type": "tool-input-delta",
        },
        {
          "delta": ""Paris"}",
          "id": "toolu_01A09q90qw90lq917835lq9",
          "type": "tool-input-delta",
        },
        {
          "id": "toolu_01B7hSZxR1mKyQ8vWc3nGp2",
          "toolName": "get_time",
          "type": "tool-input-start",
        },
        {
          "delta": "{"zone":"Europe/Paris"}",
          "id": "toolu_01B7hSZxR1mKyQ8vWc3nGp2",
          "type": "tool-input-delta",
        },
        {
          "id": "txt-0",
          "type": "text-end",
        },
        {
          "id": "toolu_01A09q90qw90lq917835lq9",
          "type": "tool-input-end",
        },
        {
          "input": "{"city":"Paris"}",
          "toolCallId": "toolu_01A09q90qw90lq917835lq9",
          "toolName": "get_weather",
          "type": "tool-call",
        },
        {
          "id": "toolu_01B7hSZxR1mKyQ8vWc3nGp2",
          "type": "tool-input-end",
        },
        {
          "input": "{"zone":"Europe/Paris"}",
          "toolCallId": "toolu_01B7hSZxR1mKyQ8vWc3nGp2",
          "toolName": "get_time",
          "type": "tool-call",
        },
      ]
    `);
    expect(finishOf(parts).finishReason).toEqual({ unified: 'tool-calls', raw: 'tool_calls' });
  });

  it('separates two Claude tool calls colliding at index 0 ([dec25]) by id', async () => {
    server.urls[CHAT_URL].response = sseFixtureResponse('claude-sonnet-4-5-tool-calls-dec25');
    const parts = await streamParts('claude-sonnet-4-5-20250929');
    expect(ofType(parts, 'tool-call')).toEqual([
      {
        type: 'tool-call',
        toolCallId: 'toolu_01A09q90qw90lq917835lq9',
        toolName: 'get_weather',
        input: '{"city":"Paris"}',
      },
      {
        type: 'tool-call',
        toolCallId: 'toolu_01B7hSZxR1mKyQ8vWc3nGp2',
        toolName: 'get_weather',
        input: '{"city":"Tokyo"}',
      },
    ]);
  });

  it('reads Gemini whole calls in one chunk, the split first chunk and a repeated finish_reason', async () => {
    server.urls[CHAT_URL].response = sseFixtureResponse('gemini-2.5-flash-tool-calls');
    const parts = await streamParts('gemini-2.5-flash');
    expect(parts.slice(1)).toMatchInlineSnapshot(`
      [
        {
          "id": "chatcmpl-toio20251226090112345678901QwErTy12",
          "modelId": "gemini-2.5-flash",
          "timestamp": 2025-12-26T09:01:12.000Z,
          "type": "response-metadata",
        },
        {
          "id": "call_8c2f4e1a9b7d4c3e",
          "toolName": "get_weather",
          "type": "tool-input-start",
        },
        {
          "delta": "{"city":"Paris"}",
          "id": "call_8c2f4e1a9b7d4c3e",
          "type": "tool-input-delta",
        },
        {
          "id": "call_1d5e7f3a2c4b6d8e",
          "toolName": "get_weather",
          "type": "tool-input-start",
        },
        {
          "delta": "{"city":"Tokyo"}",
          "id": "call_1d5e7f3a2c4b6d8e",
          "type": "tool-input-delta",
        },
        {
          "id": "call_8c2f4e1a9b7d4c3e",
          "type": "tool-input-end",
        },
        {
          "input": "{"city":"Paris"}",
          "toolCallId": "call_8c2f4e1a9b7d4c3e",
          "toolName": "get_weather",
          "type": "tool-call",
        },
        {
          "id": "call_1d5e7f3a2c4b6d8e",
          "type": "tool-input-end",
        },
        {
          "input": "{"city":"Tokyo"}",
          "toolCallId": "call_1d5e7f3a2c4b6d8e",
          "toolName": "get_weather",
          "type": "tool-call",
        },
        {
          "finishReason": {
            "raw": "tool_calls",
            "unified": "tool-calls",
          },
          "providerMetadata": {
            "mixrouter": {
              "upstreamModel": "gemini-2.5-flash",
            },
          },
          "type": "finish",
          "usage": {
            "inputTokens": {
              "cacheRead": 0,
              "cacheWrite": undefined,
              "noCache": 52,
              "total": 52,
            },
            "outputTokens": {
              "reasoning": 12,
              "text": 19,
              "total": 31,
            },
            "raw": {
              "claude_cache_creation_1_h_tokens": 0,
              "claude_cache_creation_5_m_tokens": 0,
              "completion_tokens": 31,
              "completion_tokens_details": {
                "audio_tokens": 0,
                "reasoning_tokens": 12,
                "text_tokens": 0,
              },
              "input_tokens": 0,
              "input_tokens_details": null,
              "output_tokens": 0,
              "output_tokens_details": {
                "audio_tokens": 0,
                "reasoning_tokens": 12,
                "text_tokens": 0,
              },
              "prompt_tokens": 52,
              "prompt_tokens_details": {
                "audio_tokens": 0,
                "cached_tokens": 0,
                "image_tokens": 0,
                "text_tokens": 52,
              },
              "total_tokens": 83,
            },
          },
        },
      ]
    `);
  });

  it('every tool-input-start is followed by tool-input-end and a tool-call', async () => {
    for (const fixture of [
      'claude-sonnet-4-5-tool-calls',
      'claude-sonnet-4-5-tool-calls-dec25',
      'gemini-2.5-flash-tool-calls',
    ]) {
      server.urls[CHAT_URL].response = sseFixtureResponse(fixture);
      const parts = await streamParts('claude-sonnet-4-5-20250929');
      const started = ofType(parts, 'tool-input-start').map((p) => p.id);
      expect(ofType(parts, 'tool-input-end').map((p) => p.id)).toEqual(started);
      expect(ofType(parts, 'tool-call').map((p) => p.toolCallId)).toEqual(started);
      const finishIndex = parts.findIndex((p) => p.type === 'finish');
      expect(finishIndex).toBe(parts.length - 1);
    }
  });

  it('keeps arguments that arrive before the tool name', async () => {
    server.urls[CHAT_URL].response = sseResponse([
      deltaChunk({ tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] }),
      deltaChunk({ tool_calls: [{ index: 0, id: 'call_late', function: { name: 'get_weather' } }] }),
      deltaChunk({ tool_calls: [{ index: 0, function: { arguments: '"Oslo"}' } }] }),
      deltaChunk({}, 'tool_calls'),
    ]);
    const parts = await streamParts('gpt-4o');
    expect(ofType(parts, 'tool-call')).toEqual([
      { type: 'tool-call', toolCallId: 'call_late', toolName: 'get_weather', input: '{"city":"Oslo"}' },
    ]);
  });

  it('reports fragments that never get a name as an error, and still finishes', async () => {
    server.urls[CHAT_URL].response = sseResponse([
      deltaChunk({ tool_calls: [{ index: 0, function: { arguments: '{"a":1}' } }] }),
      deltaChunk({}, 'tool_calls'),
    ]);
    const parts = await streamParts('gpt-4o');
    expect(ofType(parts, 'error')).toHaveLength(1);
    expect(String((ofType(parts, 'error')[0]!.error as Error).message)).toContain(
      'without ever naming the tool',
    );
    expect(finishOf(parts).finishReason.unified).toBe('error');
  });

  it('regenerates empty and duplicate tool-call ids', async () => {
    server.urls[CHAT_URL].response = sseResponse([
      deltaChunk({ tool_calls: [{ index: 0, id: '', function: { name: 'a', arguments: '{}' } }] }),
      deltaChunk({ tool_calls: [{ index: 1, id: 'dup', function: { name: 'b', arguments: '{}' } }] }),
      deltaChunk({ tool_calls: [{ index: 2, id: 'dup', function: { name: 'c', arguments: '{}' } }] }),
      deltaChunk({}, 'stop'),
    ]);
    const parts = await streamParts('gpt-4o');
    expect(ofType(parts, 'tool-call').map((p) => [p.toolCallId, p.toolName])).toEqual([
      ['id-0', 'a'],
      ['dup', 'b'],
      ['id-1', 'c'],
    ]);
    expect(finishOf(parts).finishReason).toEqual({ unified: 'tool-calls', raw: 'stop' });
  });

  it('keeps a complete tool call but reports interrupted when no finish_reason ever came', async () => {
    server.urls[CHAT_URL].response = sseResponse([
      deltaChunk({ tool_calls: [{ index: 0, id: 'c1', function: { name: 'a', arguments: '{}' } }] }),
    ]);
    const parts = await streamParts('kimi-k2');
    expect(ofType(parts, 'tool-call')).toEqual([
      { type: 'tool-call', toolCallId: 'c1', toolName: 'a', input: '{}' },
    ]);
    expect(finishOf(parts).finishReason).toEqual({ unified: 'interrupted', raw: undefined });
  });

  it('keeps Gemini thought signatures in the tool-call provider metadata', async () => {
    server.urls[CHAT_URL].response = sseFixtureResponse('gemini-3-pro-preview-tool-call');
    const parts = await streamParts('gemini-3-pro-preview');
    expect(ofType(parts, 'tool-call')).toEqual([
      {
        type: 'tool-call',
        toolCallId: 'call_3f1c2b9e8d7a4c6b',
        toolName: 'get_weather',
        input: '{"city":"Paris"}',
        providerMetadata: {
          mixrouter: { extraContent: { google: { thought_signature: 'CiQB0e2Kb7Zq9sig==' } } },
        },
      },
    ]);
    // MixRouter's output_tokens_details carries the reasoning count when completion details say 0.
    expect(finishOf(parts).usage.outputTokens).toEqual({ total: 96, text: 16, reasoning: 80 });
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
      expect(await streamParts('claude-sonnet-4-5-20250929')).toEqual(expected);
    }
  });
});
