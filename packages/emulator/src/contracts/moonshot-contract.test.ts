import { describe, expect, it } from 'vitest';
import { chatContractViolation } from './chat-contract.ts';

const call = { id: 'call_0', type: 'function', function: { name: 'w', arguments: '{}' } };
const tools = [{ type: 'function', function: { name: 'w', parameters: { type: 'object' } } }];
const loop = (toolTurn: Record<string, unknown>) => [
  { role: 'user', content: 'Weather?' },
  { role: 'assistant', content: '', tool_calls: [call], ...toolTurn },
  { role: 'tool', tool_call_id: 'call_0', content: 'sunny' },
];
const check = (model: string, body: Record<string, unknown>) =>
  chatContractViolation({ tools, ...body }, model, 'moonshot');

describe('Moonshot (Kimi) contract', () => {
  it('thinking models need reasoning_content on every assistant tool-call turn', () => {
    expect(check('kimi-k2-thinking', { messages: loop({}) })).toMatchObject({
      status: 400,
      message:
        'thinking is enabled but reasoning_content is missing in assistant tool call message at index 1',
      type: 'invalid_request_error',
    });
    expect(
      check('kimi-k2-thinking', { messages: loop({ reasoning_content: '' }) }),
    ).toBeUndefined();
    expect(check('kimi-k2', { messages: loop({}) })).toBeUndefined();
    // K2.5+ thinks unless switched off.
    expect(check('kimi-k2.5', { messages: loop({}) })?.status).toBe(400);
    expect(
      check('kimi-k2.5', { messages: loop({}), thinking: { type: 'disabled' } }),
    ).toBeUndefined();
  });

  it('forced tool_choice is refused while thinking', () => {
    const messages = [{ role: 'user', content: 'Weather?' }];
    expect(check('kimi-k2-thinking', { messages, tool_choice: 'required' })?.message).toBe(
      "tool_choice 'required' is incompatible with thinking enabled",
    );
    expect(
      check('kimi-k2-thinking', {
        messages,
        tool_choice: { type: 'function', function: { name: 'w' } },
      })?.message,
    ).toBe("tool_choice 'specified' is incompatible with thinking enabled");
    expect(check('kimi-k2', { messages, tool_choice: 'required' })).toBeUndefined();
  });

  it('sampling: [0, 1] temperature, n ≤ 5, fixed on K2.5+', () => {
    const messages = [{ role: 'user', content: 'Hi' }];
    expect(check('moonshot-v1-8k', { messages, temperature: 1.5 })?.status).toBe(400);
    expect(check('moonshot-v1-8k', { messages, temperature: 0.3, n: 2 })).toBeUndefined();
    expect(check('kimi-k2', { messages, n: 6 })?.status).toBe(400);
    expect(check('kimi-k2.5', { messages, temperature: 0.7 })?.message).toBe(
      'invalid temperature: only 1 is allowed for this model',
    );
  });
});
