import { describe, expect, it } from 'vitest';
import { chatContractViolation } from './chat-contract.ts';
import { deepSeekThinks } from './deepseek-contract.ts';

const call = { id: 'call_0', type: 'function', function: { name: 'w', arguments: '{}' } };
const tools = [{ type: 'function', function: { name: 'w', parameters: { type: 'object' } } }];
/** A finished tool turn, then a follow-up question. */
const history = (toolTurn: Record<string, unknown>) => [
  { role: 'user', content: 'Weather?' },
  { role: 'assistant', content: '', tool_calls: [call], ...toolTurn },
  { role: 'tool', tool_call_id: 'call_0', content: 'sunny' },
  { role: 'assistant', content: 'It is sunny.' },
  { role: 'user', content: 'And tomorrow?' },
];
const check = (model: string, body: Record<string, unknown>) =>
  chatContractViolation({ tools, ...body }, model, 'deepseek');

describe('DeepSeek contract', () => {
  it.each(['deepseek-chat', 'deepseek-reasoner', 'deepseek-v4-pro'])(
    "%s refuses response_format json_schema with DeepSeek's text",
    (model) => {
      expect(
        check(model, {
          messages: [{ role: 'user', content: 'json please' }],
          response_format: { type: 'json_schema', json_schema: { name: 'x', schema: {} } },
        }),
      ).toEqual({
        status: 400,
        message: 'This response_format type is unavailable now',
        type: 'invalid_request_error',
        code: 'invalid_request_error',
        param: '',
      });
      expect(
        check(model, {
          messages: [{ role: 'user', content: 'json please' }],
          response_format: { type: 'json_object' },
        }),
      ).toBeUndefined();
    },
  );

  it('thinking mode: V4 thinks by default, deepseek-chat only when asked, reasoner always', () => {
    expect(deepSeekThinks({}, 'deepseek-v4-pro')).toBe(true);
    expect(deepSeekThinks({ thinking: { type: 'disabled' } }, 'deepseek-v4-pro')).toBe(false);
    expect(deepSeekThinks({}, 'deepseek-chat')).toBe(false);
    expect(deepSeekThinks({ thinking: { type: 'enabled' } }, 'deepseek-chat')).toBe(true);
    expect(deepSeekThinks({ thinking: { type: 'disabled' } }, 'deepseek-reasoner')).toBe(true);
  });

  it('V4: every earlier tool-call turn must carry reasoning_content, also after a follow-up', () => {
    expect(check('deepseek-v4-pro', { messages: history({}) })?.message).toBe(
      'The `reasoning_content` in the thinking mode must be passed back to the API.',
    );
    expect(
      check('deepseek-v4-pro', { messages: history({ reasoning_content: 'I should call w' }) }),
    ).toBeUndefined();
    // An empty string is accepted (the field must be present).
    expect(
      check('deepseek-v4-pro', { messages: history({ reasoning_content: '' }) }),
    ).toBeUndefined();
    expect(
      check('deepseek-v4-pro', { messages: history({}), thinking: { type: 'disabled' } }),
    ).toBeUndefined();
    expect(check('deepseek-reasoner', { messages: history({}) })?.status).toBe(400);
    expect(check('deepseek-chat', { messages: history({}) })).toBeUndefined();
  });

  it('sampling settings are accepted (ignored in thinking mode, not refused)', () => {
    expect(
      check('deepseek-reasoner', {
        messages: [{ role: 'user', content: 'Hi' }],
        temperature: 0.2,
        presence_penalty: 1,
      }),
    ).toBeUndefined();
  });
});
