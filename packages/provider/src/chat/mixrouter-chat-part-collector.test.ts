import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import {
  convertArrayToReadableStream,
  convertReadableStreamToArray,
  mockId,
} from '@ai-sdk/provider-utils/test';
import { describe, expect, it } from 'vitest';
import { getMixRouterModelInfo } from '../mixrouter-model-catalogue';
import { createMixRouterChatEventStream } from './mixrouter-chat-event-stream';
import { MixRouterChatPartCollector } from './mixrouter-chat-part-builder';

const encoder = new TextEncoder();
const event = (delta: Record<string, unknown>) =>
  `data: ${JSON.stringify({ id: 'c1', model: 'gpt-4o', choices: [{ index: 0, delta }] })}\n\n`;

function stream(reads: string[]): Promise<LanguageModelV4StreamPart[]> {
  return convertReadableStreamToArray(
    createMixRouterChatEventStream({
      body: convertArrayToReadableStream(reads.map((r) => encoder.encode(r))),
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
}

const deltas = (parts: LanguageModelV4StreamPart[]) =>
  parts.filter((p) => p.type === 'text-delta').map((p) => p.delta);

describe('MixRouterChatPartCollector', () => {
  it('joins consecutive deltas of one block, keeps the rest as they are', () => {
    const collector = new MixRouterChatPartCollector();
    const parts: LanguageModelV4StreamPart[] = [
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: 'Hel' },
      { type: 'text-delta', id: 't', delta: 'lo' },
      { type: 'reasoning-delta', id: 'r', delta: 'a' },
      { type: 'text-delta', id: 't', delta: '!' },
      { type: 'tool-input-delta', id: 'call_1', delta: '{"a"' },
      { type: 'tool-input-delta', id: 'call_1', delta: ':1}' },
      { type: 'tool-input-delta', id: 'call_2', delta: '{}' },
      { type: 'text-delta', id: 't', delta: 'x', providerMetadata: { mixrouter: { k: 1 } } },
      { type: 'text-delta', id: 't', delta: 'y' },
    ];
    for (const part of parts) collector.enqueue(part);
    expect(collector.parts).toEqual([
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: 'Hello' },
      { type: 'reasoning-delta', id: 'r', delta: 'a' },
      { type: 'text-delta', id: 't', delta: '!' },
      { type: 'tool-input-delta', id: 'call_1', delta: '{"a":1}' },
      { type: 'tool-input-delta', id: 'call_2', delta: '{}' },
      { type: 'text-delta', id: 't', delta: 'x', providerMetadata: { mixrouter: { k: 1 } } },
      { type: 'text-delta', id: 't', delta: 'y' },
    ]);
  });
});

describe('deltas per read', () => {
  const events = [
    event({ role: 'assistant', content: 'Hel' }),
    event({ content: 'lo, ' }),
    event({ content: 'world' }),
    'data: [DONE]\n\n',
  ];

  it('events that arrive in one read come as one delta', async () => {
    expect(deltas(await stream([events.join('')]))).toEqual(['Hello, world']);
  });

  it('events that arrive in separate reads are handed on as they come', async () => {
    expect(deltas(await stream(events))).toEqual(['Hel', 'lo, ', 'world']);
    expect(deltas(await stream([events[0]! + events[1]!, events[2]! + events[3]!]))).toEqual([
      'Hello, ',
      'world',
    ]);
  });
});
