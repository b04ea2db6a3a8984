import { describe, expect, it } from 'vitest';
import type { Family } from '../model-family.ts';
import { chatContractViolation } from './chat-contract.ts';

const call = (id: string) => ({
  id,
  type: 'function',
  function: { name: 'weather', arguments: '{"city":"Paris"}' },
});
const tools = [{ type: 'function', function: { name: 'weather', parameters: { type: 'object' } } }];
const check = (messages: unknown[], model = 'gpt-4o', family: Family = 'openai') =>
  chatContractViolation({ messages, tools }, model, family);

describe('message schema', () => {
  it('accepts a well-formed tool loop', () => {
    expect(
      check([
        { role: 'system', content: 'Be brief' },
        { role: 'user', content: 'Weather?' },
        { role: 'assistant', content: null, tool_calls: [call('a'), call('b')] },
        { role: 'tool', tool_call_id: 'a', content: 'sunny' },
        { role: 'tool', tool_call_id: 'b', content: 'rain' },
        { role: 'user', content: 'Thanks' },
      ]),
    ).toBeUndefined();
  });

  it('rejects an unknown role and a missing content', () => {
    expect(check([{ role: 'bot', content: 'x' }])).toMatchObject({
      param: 'messages[0].role',
      code: 'invalid_value',
    });
    expect(check([{ role: 'user' }])).toMatchObject({
      message: "Missing required parameter: 'messages[0].content'.",
      code: 'missing_required_parameter',
    });
    expect(check([{ role: 'assistant', content: null }])?.param).toBe('messages[0].content');
  });

  it('rejects a tool message that answers no call (OpenAI text)', () => {
    const v = check([
      { role: 'user', content: 'Hi' },
      { role: 'tool', tool_call_id: 'x', content: 'r' },
    ]);
    expect(v).toMatchObject({
      status: 400,
      message:
        "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.",
      param: 'messages.[1].role',
    });
  });

  it('rejects a call without reply and a reply with the wrong id', () => {
    const unanswered = check([
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: null, tool_calls: [call('a'), call('b')] },
      { role: 'tool', tool_call_id: 'a', content: 'r' },
    ]);
    expect(unanswered?.message).toContain(
      'The following tool_call_ids did not have response messages: b',
    );
    const wrongId = check([
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: null, tool_calls: [call('a')] },
      { role: 'tool', tool_call_id: 'a', content: 'r' },
      { role: 'tool', tool_call_id: 'a', content: 'again' },
    ]);
    expect(wrongId?.param).toBe('messages.[3].role');
  });

  it("uses each upstream's own text", () => {
    const orphan = [
      { role: 'user', content: 'Hi' },
      { role: 'tool', tool_call_id: 'x', content: 'r' },
    ];
    expect(check(orphan, 'deepseek-chat', 'deepseek')?.message).toBe(
      "Messages with role 'tool' must be a response to a preceding message with 'tool_calls'",
    );
    expect(check(orphan, 'qwen-max', 'qwen')).toMatchObject({
      code: 'invalid_parameter_error',
      message:
        '<400> InternalError.Algo.InvalidParameter: Messages with role "tool" must be a response to a preceding message with "tool_calls"',
    });
  });

  it('refuses tool_choice without tools', () => {
    expect(
      chatContractViolation(
        { messages: [{ role: 'user', content: 'Hi' }], tool_choice: 'required' },
        'gpt-4o',
        'openai',
      )?.param,
    ).toBe('tool_choice');
  });
});
