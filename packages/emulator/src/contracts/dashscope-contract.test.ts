import { describe, expect, it } from 'vitest';
import { chatContractViolation } from './chat-contract.ts';

const messages = [{ role: 'user', content: 'Hello' }];
const check = (model: string, body: Record<string, unknown>) =>
  chatContractViolation({ messages, ...body }, model, 'qwen');

describe('DashScope (Qwen) contract', () => {
  it.each(['qwen3-8b', 'qwen3-235b-a22b'])(
    '%s: non-streaming with thinking on (the default) is refused',
    (model) => {
      expect(check(model, {})).toEqual({
        status: 400,
        message:
          '<400> InternalError.Algo.InvalidParameter: parameter.enable_thinking must be set to false for non-streaming calls',
        type: 'invalid_request_error',
        code: 'invalid_parameter_error',
        param: '',
      });
      expect(check(model, { stream: true })).toBeUndefined();
      expect(check(model, { enable_thinking: false })).toBeUndefined();
    },
  );

  it.each(['qwen3-235b-a22b-thinking-2507', 'qwen3-next-80b-a3b-thinking'])(
    '%s: thinking-only, streams only, cannot be switched off',
    (model) => {
      expect(check(model, {})?.message).toContain(
        'parameter.enable_thinking only support stream call',
      );
      expect(check(model, { stream: true, enable_thinking: false })?.message).toContain(
        'The value of the enable_thinking parameter is restricted to True.',
      );
      expect(check(model, { stream: true })).toBeUndefined();
    },
  );

  it('commercial hybrid models think only when asked and answer non-streaming', () => {
    expect(check('qwen-plus', {})).toBeUndefined();
    expect(check('qwen-plus', { enable_thinking: true })).toBeUndefined();
  });

  it('JSON mode: refused while thinking, and json_object needs the word json', () => {
    expect(
      check('qwen-plus', { enable_thinking: true, response_format: { type: 'json_object' } })
        ?.message,
    ).toContain('Json mode response is not supported when enable_thinking is true');
    expect(check('qwen-max', { response_format: { type: 'json_object' } })?.message).toContain(
      "'messages' must contain the word 'json'",
    );
    expect(
      chatContractViolation(
        {
          messages: [{ role: 'user', content: 'Reply in JSON' }],
          response_format: { type: 'json_object' },
        },
        'qwen-max',
        'qwen',
      ),
    ).toBeUndefined();
  });

  it('Omni streams only; tool_choice required and sampling ranges are refused', () => {
    expect(check('qwen3-omni-flash-2025-12-01', {})?.message).toBe(
      'This model only support stream mode, please enable the stream parameter to access the model. ',
    );
    const tools = [{ type: 'function', function: { name: 'w', parameters: {} } }];
    expect(check('qwen-max', { tools, tool_choice: 'required' })?.message).toContain(
      'tool_choice is one of the strings that should be ["none", "auto"]',
    );
    expect(
      check('qwen-max', { tools, tool_choice: { type: 'function', function: { name: 'w' } } }),
    ).toBeUndefined();
    expect(check('qwen-max', { temperature: 2 })?.message).toContain(
      'Temperature should be in [0.0, 2.0)',
    );
    // top_p 0 is not forwarded by the gateway (omitempty), so it never reaches DashScope.
    expect(check('qwen-max', { top_p: 0 })).toBeUndefined();
  });
});
