import { describe, expect, it } from 'vitest';
import { claudeRequestViolation, toolPairingError } from './anthropic-contract.ts';
import { chatContractViolation } from './chat-contract.ts';
import { claudeMessagesFromChat } from './claude-conversion.ts';

const model = 'claude-sonnet-4-5-20250929';
const user = [{ role: 'user', content: 'Hi' }];
const viaChat = (body: Record<string, unknown>) =>
  chatContractViolation({ messages: user, ...body }, model, 'anthropic');

describe('Anthropic contract', () => {
  it('thinking budget rules on the chat route (incl. stock reasoning_effort budgets)', () => {
    expect(viaChat({ thinking: { type: 'enabled', budget_tokens: 512 } })?.message).toBe(
      'thinking.enabled.budget_tokens: Input should be greater than or equal to 1024',
    );
    expect(
      viaChat({ thinking: { type: 'enabled', budget_tokens: 2048 }, max_tokens: 2048 })?.message,
    ).toContain('`max_tokens` must be greater than `thinking.budget_tokens`');
    // reasoning_effort high → budget 4096 without raising max_tokens (stock converter).
    expect(viaChat({ reasoning_effort: 'high', max_tokens: 1000 })?.message).toContain(
      '`max_tokens` must be greater than `thinking.budget_tokens`',
    );
    expect(viaChat({ thinking: { type: 'enabled' } })).toBeUndefined();
  });

  it('thinking forbids temperature ≠ 1, top_k, top_p < 0.95 and forced tools', () => {
    const thinking = { type: 'enabled', budget_tokens: 2048 };
    expect(viaChat({ thinking, temperature: 0.5 })?.message).toContain(
      '`temperature` may only be set to 1',
    );
    expect(viaChat({ thinking, temperature: 1 })).toBeUndefined();
    expect(viaChat({ thinking, top_k: 5 })?.message).toContain('`top_k`');
    expect(viaChat({ thinking, top_p: 0.5 })?.message).toContain('`top_p`');
    const tools = [{ type: 'function', function: { name: 'w', parameters: { type: 'object' } } }];
    expect(viaChat({ thinking, tools, tool_choice: 'required' })?.message).toBe(
      'Thinking may not be enabled when tool_choice forces tool use.',
    );
    expect(viaChat({ temperature: 0.5, top_k: 5, tool_choice: 'required', tools })).toBeUndefined();
  });

  it('adaptive thinking is refused by models before Claude 4.6', () => {
    expect(viaChat({ thinking: { type: 'adaptive' } })?.message).toContain(
      "Input tag 'adaptive' found using 'type' does not match any of the expected tags",
    );
    expect(
      chatContractViolation(
        { messages: user, thinking: { type: 'adaptive' } },
        'claude-opus-4-6',
        'anthropic',
      ),
    ).toBeUndefined();
  });

  it('a Kimi tool call id replayed to Claude does not match the id pattern', () => {
    const messages = [
      { role: 'user', content: 'Weather?' },
      {
        role: 'assistant',
        content: '',
        tool_calls: [
          { id: 'functions.w:0', type: 'function', function: { name: 'w', arguments: '{}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'functions.w:0', content: 'sunny' },
    ];
    expect(chatContractViolation({ messages }, model, 'anthropic')?.message).toBe(
      "messages.1.content.1.tool_use.id: String should match pattern '^[a-zA-Z0-9_-]+$'",
    );
    const tools = [
      { type: 'function', function: { name: 'get weather', parameters: { type: 'object' } } },
    ];
    expect(viaChat({ tools })?.message).toBe(
      "tools.0.custom.name: String should match pattern '^[a-zA-Z0-9_-]{1,128}$'",
    );
  });

  it('temperature above 1 and non-Claude roles are refused', () => {
    expect(viaChat({ temperature: 1.5 })?.message).toBe(
      'temperature: Input should be less than or equal to 1',
    );
    expect(
      claudeRequestViolation(
        { max_tokens: 100, messages: [{ role: 'system', content: 'Be brief' }] },
        model,
      )?.message,
    ).toBe("messages.0.role: Input should be 'user' or 'assistant'");
  });

  it('max_tokens above the model limit', () => {
    expect(
      chatContractViolation(
        { messages: user, max_tokens: 40_000 },
        'claude-opus-4-20250514',
        'anthropic',
      )?.message,
    ).toBe(
      'max_tokens: 40000 > 32000, which is the maximum allowed number of output tokens for claude-opus-4-20250514',
    );
  });

  it('a thinking tool loop replayed through chat loses its thinking block: 400', () => {
    const messages = [
      { role: 'user', content: 'Weather?' },
      {
        role: 'assistant',
        content: '',
        reasoning_content: 'I will call the tool',
        tool_calls: [{ id: 'toolu_1', type: 'function', function: { name: 'w', arguments: '{}' } }],
      },
      { role: 'tool', tool_call_id: 'toolu_1', content: 'sunny' },
    ];
    const v = chatContractViolation(
      { messages, thinking: { type: 'enabled', budget_tokens: 2048 } },
      model,
      'anthropic',
    );
    expect(v?.message).toMatch(
      /^messages\.1\.content\.0\.type: Expected `thinking` or `redacted_thinking`, but found `text`/,
    );
    expect(chatContractViolation({ messages }, model, 'anthropic')).toBeUndefined();
  });

  it('the converter drops a call whose arguments are not an object, orphaning its result', () => {
    const messages = [
      { role: 'user', content: 'Weather?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'toolu_1', type: 'function', function: { name: 'w', arguments: '[1]' } },
        ],
      },
      { role: 'tool', tool_call_id: 'toolu_1', content: 'sunny' },
    ];
    expect(claudeMessagesFromChat({ messages })[1]).toEqual({
      role: 'assistant',
      content: [{ type: 'text', text: '...' }],
    });
    expect(chatContractViolation({ messages }, model, 'anthropic')?.message).toBe(
      'messages.2.content.0: unexpected `tool_use_id` found in `tool_result` blocks: toolu_1. Each `tool_result` block must have a corresponding `tool_use` block in the previous message.',
    );
  });

  it('native messages: unanswered tool_use and bad signatures', () => {
    expect(
      toolPairingError([
        { role: 'user', content: 'x' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'w', input: {} }] },
        { role: 'user', content: 'no result' },
      ]),
    ).toContain('`tool_use` ids were found without `tool_result` blocks immediately after: t1');
    const signed = {
      max_tokens: 4096,
      thinking: { type: 'enabled', budget_tokens: 2048 },
      messages: [
        { role: 'user', content: 'x' },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: 'plan', signature: 'forged' },
            { type: 'tool_use', id: 't1', name: 'w', input: {} },
          ],
        },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: 'ok' }] },
      ],
    };
    expect(
      claudeRequestViolation(signed, model, { verifySignature: (b) => b.signature === 'good' })
        ?.message,
    ).toBe('messages.1.content.0: Invalid `signature` in `thinking` block');
    expect(claudeRequestViolation(signed, model, { verifySignature: () => true })).toBeUndefined();
  });
});
