import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { MixRouterChatPartCollector } from './mixrouter-chat-part-builder';

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
