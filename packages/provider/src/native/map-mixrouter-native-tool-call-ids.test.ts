import type { LanguageModelV4Prompt } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { mapMixRouterNativeToolCallIds } from './map-mixrouter-native-tool-call-ids';

const KIMI_ID = 'functions.weather:0';

const prompt: LanguageModelV4Prompt = [
  { role: 'user', content: [{ type: 'text', text: 'Weather in Paris?' }] },
  {
    role: 'assistant',
    content: [
      { type: 'text', text: 'Checking.' },
      { type: 'tool-call', toolCallId: KIMI_ID, toolName: 'weather', input: { city: 'Paris' } },
      {
        type: 'tool-call',
        toolCallId: 'toolu_01ABC',
        toolName: 'weather',
        input: { city: 'Rome' },
      },
    ],
  },
  {
    role: 'tool',
    content: [
      {
        type: 'tool-result',
        toolCallId: KIMI_ID,
        toolName: 'weather',
        output: { type: 'json', value: { temperature: 21 } },
      },
      {
        type: 'tool-result',
        toolCallId: 'toolu_01ABC',
        toolName: 'weather',
        output: { type: 'json', value: { temperature: 25 } },
      },
    ],
  },
];

describe('mapMixRouterNativeToolCallIds', () => {
  it('messages route: a foreign id fits Anthropic’s pattern, and call and result still match', () => {
    const mapped = mapMixRouterNativeToolCallIds('messages', prompt);
    const assistant = mapped[1]!;
    const tool = mapped[2]!;
    if (assistant.role !== 'assistant' || tool.role !== 'tool') throw new Error('roles changed');
    const [, call, accepted] = assistant.content;
    const [result, acceptedResult] = tool.content;
    if (call?.type !== 'tool-call' || result?.type !== 'tool-result') throw new Error('parts');
    expect(call.toolCallId).toMatch(/^[a-zA-Z0-9_-]+$/);
    expect(call.toolCallId).not.toBe(KIMI_ID);
    expect(result.toolCallId).toBe(call.toolCallId);
    // Accepted ids and everything else are untouched.
    expect(accepted).toBe((prompt[1] as { content: unknown[] }).content[2]);
    expect(acceptedResult).toBe((prompt[2] as { content: unknown[] }).content[1]);
    expect(mapped[0]).toBe(prompt[0]);
  });

  it('routes without a documented id rule pass the prompt through', () => {
    expect(mapMixRouterNativeToolCallIds('responses', prompt)).toBe(prompt);
    expect(mapMixRouterNativeToolCallIds('gemini', prompt)).toBe(prompt);
  });

  it('a prompt whose ids are all accepted is returned as it is', () => {
    const ok = mapMixRouterNativeToolCallIds('messages', [prompt[0]!]);
    expect(ok[0]).toBe(prompt[0]);
  });
});
