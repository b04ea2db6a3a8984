import { createTestServer } from '@ai-sdk/test-server/with-vitest';
import { describe, expect, it } from 'vitest';
import {
  CHAT_URL,
  deltaChunk,
  finishPart as finishOf,
  partsOfType as ofType,
  sseFixtureResponse,
  sseResponse,
  streamParts,
} from '../test-utils/chat';

const server = createTestServer({ [CHAT_URL]: {} });

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

  it('accumulates fragments by id when the upstream sends no index', async () => {
    server.urls[CHAT_URL].response = sseResponse([
      deltaChunk({ tool_calls: [{ id: 'call_a', function: { name: 'f', arguments: '' } }] }),
      deltaChunk({ tool_calls: [{ id: 'call_b', function: { name: 'g', arguments: '{"y":' } }] }),
      deltaChunk({ tool_calls: [{ id: 'call_a', function: { arguments: '{"x":1}' } }] }),
      deltaChunk({ tool_calls: [{ id: 'call_b', function: { arguments: '2}' } }] }),
      deltaChunk({}, 'tool_calls'),
    ]);
    const parts = await streamParts('gpt-4o');
    expect(ofType(parts, 'tool-call')).toEqual([
      { type: 'tool-call', toolCallId: 'call_a', toolName: 'f', input: '{"x":1}' },
      { type: 'tool-call', toolCallId: 'call_b', toolName: 'g', input: '{"y":2}' },
    ]);
  });

  it('continues the open call with a fragment that has neither id nor index (Gemini split first chunk without index)', async () => {
    server.urls[CHAT_URL].response = sseResponse([
      deltaChunk({
        role: 'assistant',
        tool_calls: [
          {
            id: 'call_8c2f4e1a9b7d4c3e',
            type: 'function',
            function: { name: 'get_weather', arguments: '' },
          },
        ],
      }),
      deltaChunk({
        tool_calls: [{ type: 'function', function: { arguments: '{"city":"Paris"}' } }],
      }),
      deltaChunk({}, 'tool_calls'),
    ]);
    const parts = await streamParts('gemini-2.5-flash');
    expect(ofType(parts, 'error')).toEqual([]);
    expect(ofType(parts, 'tool-call')).toEqual([
      {
        type: 'tool-call',
        toolCallId: 'call_8c2f4e1a9b7d4c3e',
        toolName: 'get_weather',
        input: '{"city":"Paris"}',
      },
    ]);
    expect(finishOf(parts).finishReason.unified).toBe('tool-calls');
  });

  it('merges nameless fragments held by id once the named fragment (with id and index) arrives', async () => {
    server.urls[CHAT_URL].response = sseResponse([
      deltaChunk({ tool_calls: [{ id: 'call_x', function: { arguments: '{"city":' } }] }),
      deltaChunk({ tool_calls: [{ index: 0, id: 'call_x', function: { name: 'get_weather' } }] }),
      deltaChunk({ tool_calls: [{ index: 0, function: { arguments: '"Rome"}' } }] }),
      deltaChunk({}, 'tool_calls'),
    ]);
    const parts = await streamParts('gpt-4o');
    expect(ofType(parts, 'error')).toEqual([]);
    expect(ofType(parts, 'tool-call')).toEqual([
      {
        type: 'tool-call',
        toolCallId: 'call_x',
        toolName: 'get_weather',
        input: '{"city":"Rome"}',
      },
    ]);
  });

  it('keeps arguments that arrive before the tool name', async () => {
    server.urls[CHAT_URL].response = sseResponse([
      deltaChunk({ tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] }),
      deltaChunk({
        tool_calls: [{ index: 0, id: 'call_late', function: { name: 'get_weather' } }],
      }),
      deltaChunk({ tool_calls: [{ index: 0, function: { arguments: '"Oslo"}' } }] }),
      deltaChunk({}, 'tool_calls'),
    ]);
    const parts = await streamParts('gpt-4o');
    expect(ofType(parts, 'tool-call')).toEqual([
      {
        type: 'tool-call',
        toolCallId: 'call_late',
        toolName: 'get_weather',
        input: '{"city":"Oslo"}',
      },
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
      deltaChunk({
        tool_calls: [{ index: 1, id: 'dup', function: { name: 'b', arguments: '{}' } }],
      }),
      deltaChunk({
        tool_calls: [{ index: 2, id: 'dup', function: { name: 'c', arguments: '{}' } }],
      }),
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
      deltaChunk({
        tool_calls: [{ index: 0, id: 'c1', function: { name: 'a', arguments: '{}' } }],
      }),
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

  describe('correlating fragments (every id/index combination)', () => {
    const call = (c: Record<string, unknown>) => deltaChunk({ tool_calls: [c] });

    it('Claude parallel calls at one index (older gateway builds), first tool without arguments', async () => {
      server.urls[CHAT_URL].response = sseResponse([
        call({
          index: 0,
          id: 'toolu_1',
          type: 'function',
          function: { name: 'get_time', arguments: '' },
        }),
        call({
          index: 0,
          id: 'toolu_2',
          type: 'function',
          function: { name: 'get_weather', arguments: '' },
        }),
        call({ index: 0, function: { arguments: '{"city":' } }),
        call({ index: 0, function: { arguments: '"Paris"}' } }),
        deltaChunk({}, 'tool_calls'),
      ]);
      const parts = await streamParts('claude-sonnet-4-5-20250929');
      expect(ofType(parts, 'error')).toEqual([]);
      expect(ofType(parts, 'tool-call')).toEqual([
        { type: 'tool-call', toolCallId: 'toolu_1', toolName: 'get_time', input: '' },
        {
          type: 'tool-call',
          toolCallId: 'toolu_2',
          toolName: 'get_weather',
          input: '{"city":"Paris"}',
        },
      ]);
    });

    it('two calls of the same tool at one index, told apart by their new ids', async () => {
      server.urls[CHAT_URL].response = sseResponse([
        call({ index: 0, id: 'toolu_1', function: { name: 'get_weather', arguments: '' } }),
        call({ index: 0, function: { arguments: '{"city":"Rome"}' } }),
        call({ index: 0, id: 'toolu_2', function: { name: 'get_weather', arguments: '' } }),
        call({ index: 0, function: { arguments: '{"city":"Oslo"}' } }),
        deltaChunk({}, 'tool_calls'),
      ]);
      const parts = await streamParts('claude-sonnet-4-5-20250929');
      expect(ofType(parts, 'tool-call').map((p) => [p.toolCallId, p.input])).toEqual([
        ['toolu_1', '{"city":"Rome"}'],
        ['toolu_2', '{"city":"Oslo"}'],
      ]);
    });

    it('the name repeated on every fragment (no id after the first) continues the call', async () => {
      server.urls[CHAT_URL].response = sseResponse([
        call({ index: 0, id: 'c1', function: { name: 'f', arguments: '' } }),
        call({ index: 0, function: { name: 'f', arguments: '{"a":' } }),
        call({ index: 0, function: { name: 'f', arguments: '1}' } }),
        deltaChunk({}, 'tool_calls'),
      ]);
      const parts = await streamParts('qwen-plus');
      expect(ofType(parts, 'tool-call').map((p) => [p.toolCallId, p.input])).toEqual([
        ['c1', '{"a":1}'],
      ]);
    });

    it('a named fragment with a new value after complete arguments, same index and no id, is a new call', async () => {
      server.urls[CHAT_URL].response = sseResponse([
        call({ index: 0, function: { name: 'f', arguments: '{"a":1}' } }),
        call({ index: 0, function: { name: 'f', arguments: '{"a":2}' } }),
        deltaChunk({}, 'tool_calls'),
      ]);
      const parts = await streamParts('gpt-4o');
      expect(ofType(parts, 'tool-call').map((p) => [p.toolName, p.input])).toEqual([
        ['f', '{"a":1}'],
        ['f', '{"a":2}'],
      ]);
    });

    it('an id that first arrives on a later fragment joins the call at its index', async () => {
      server.urls[CHAT_URL].response = sseResponse([
        call({ index: 0, function: { name: 'f', arguments: '{"a":' } }),
        call({ index: 0, id: 'late', function: { arguments: '1}' } }),
        call({ id: 'late', function: { arguments: '' } }),
        deltaChunk({}, 'tool_calls'),
      ]);
      const parts = await streamParts('gpt-4o');
      expect(ofType(parts, 'error')).toEqual([]);
      expect(ofType(parts, 'tool-call').map((p) => [p.toolName, p.input])).toEqual([
        ['f', '{"a":1}'],
      ]);
    });

    it('interleaved parallel calls by index (OpenAI) and by id only (no index)', async () => {
      server.urls[CHAT_URL].response = sseResponse([
        call({ index: 0, id: 'a', function: { name: 'f', arguments: '{"x":' } }),
        call({ index: 1, id: 'b', function: { name: 'g', arguments: '{"y":' } }),
        call({ index: 0, function: { arguments: '1}' } }),
        call({ index: 1, function: { arguments: '2}' } }),
        deltaChunk({}, 'tool_calls'),
      ]);
      const parts = await streamParts('gpt-4o');
      expect(ofType(parts, 'tool-call').map((p) => [p.toolCallId, p.input])).toEqual([
        ['a', '{"x":1}'],
        ['b', '{"y":2}'],
      ]);
    });
  });

  describe('answers cut off in the middle of a tool call', () => {
    it('finish_reason "length": reports length and withholds the cut-off call, keeping it in metadata', async () => {
      server.urls[CHAT_URL].response = sseResponse([
        deltaChunk({
          tool_calls: [{ index: 0, id: 'c1', function: { name: 'get_time', arguments: '{}' } }],
        }),
        deltaChunk({
          tool_calls: [{ index: 1, id: 'c2', function: { name: 'write_file', arguments: '' } }],
        }),
        deltaChunk({
          tool_calls: [{ index: 1, function: { arguments: '{"path":"/tmp/a","body":"hel' } }],
        }),
        deltaChunk({}, 'length'),
      ]);
      const parts = await streamParts('gpt-4o');
      expect(ofType(parts, 'tool-call')).toEqual([
        { type: 'tool-call', toolCallId: 'c1', toolName: 'get_time', input: '{}' },
      ]);
      // the streamed input of the cut-off call is closed, never turned into a call
      expect(ofType(parts, 'tool-input-end').map((p) => p.id)).toEqual(['c1', 'c2']);
      const finish = finishOf(parts);
      expect(finish.finishReason).toEqual({ unified: 'length', raw: 'length' });
      expect(finish.providerMetadata?.mixrouter?.incompleteToolCalls).toEqual([
        { toolCallId: 'c2', toolName: 'write_file', input: '{"path":"/tmp/a","body":"hel' },
      ]);
    });

    it('a stream broken mid-arguments: interrupted, the partial call withheld', async () => {
      server.urls[CHAT_URL].response = sseResponse(
        [
          deltaChunk({
            tool_calls: [{ index: 0, id: 'c1', function: { name: 'f', arguments: '{"a":' } }],
          }),
        ],
        { done: false },
      );
      const parts = await streamParts('gpt-4o');
      expect(ofType(parts, 'tool-call')).toEqual([]);
      const finish = finishOf(parts);
      expect(finish.finishReason.unified).toBe('interrupted');
      expect(finish.providerMetadata?.mixrouter?.incompleteToolCalls).toEqual([
        { toolCallId: 'c1', toolName: 'f', input: '{"a":' },
      ]);
    });

    it('finish_reason "tool_calls" keeps a call with invalid arguments (ai reports it to the model)', async () => {
      server.urls[CHAT_URL].response = sseResponse([
        deltaChunk({
          tool_calls: [{ index: 0, id: 'c1', function: { name: 'f', arguments: '{"a":' } }],
        }),
        deltaChunk({}, 'tool_calls'),
      ]);
      const parts = await streamParts('gpt-4o');
      expect(ofType(parts, 'tool-call')).toEqual([
        { type: 'tool-call', toolCallId: 'c1', toolName: 'f', input: '{"a":' },
      ]);
      expect(finishOf(parts).providerMetadata?.mixrouter?.incompleteToolCalls).toBeUndefined();
    });
  });
});
