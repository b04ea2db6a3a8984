import { describe, expect, it } from 'vitest';
import { chatContractViolation } from './chat-contract.ts';

const thinking = (config: Record<string, unknown>) => ({
  messages: [{ role: 'user', content: 'Hi' }],
  extra_body: { google: { thinking_config: config } },
});

describe('Gemini contract (chat, converted)', () => {
  it('2.5 Pro cannot switch thinking off; budgets outside the range are refused', () => {
    expect(
      chatContractViolation(thinking({ thinking_budget: 0 }), 'gemini-2.5-pro', 'google'),
    ).toEqual({
      status: 400,
      message: 'Budget 0 is invalid. This model only works in thinking mode.',
      type: 'upstream_error',
      code: 400,
      param: '',
    });
    expect(
      chatContractViolation(thinking({ thinking_budget: 0 }), 'gemini-2.5-flash', 'google'),
    ).toBeUndefined();
    expect(
      chatContractViolation(thinking({ thinking_budget: 64 }), 'gemini-2.5-pro', 'google')?.message,
    ).toContain('between 128 and 32768');
    expect(
      chatContractViolation(thinking({ thinking_budget: -1 }), 'gemini-2.5-pro', 'google'),
    ).toBeUndefined();
  });

  it('thinking_level: Gemini 3 only, per-model levels, never together with a budget', () => {
    expect(
      chatContractViolation(thinking({ thinking_level: 'low' }), 'gemini-2.5-flash', 'google')
        ?.status,
    ).toBe(400);
    expect(
      chatContractViolation(thinking({ thinking_level: 'high' }), 'gemini-3-pro-preview', 'google'),
    ).toBeUndefined();
    expect(
      chatContractViolation(
        thinking({ thinking_level: 'medium' }),
        'gemini-3-pro-preview',
        'google',
      )?.message,
    ).toContain('MEDIUM');
    expect(
      chatContractViolation(
        thinking({ thinking_level: 'minimal' }),
        'gemini-3-flash-preview',
        'google',
      ),
    ).toBeUndefined();
    expect(
      chatContractViolation(
        thinking({ thinking_level: 'low', thinking_budget: 1024 }),
        'gemini-3-pro-preview',
        'google',
      )?.message,
    ).toContain('not supported together');
  });

  it('function responses must follow the call turn, one per call', () => {
    const call = (id: string) => ({
      id,
      type: 'function',
      function: { name: 'w', arguments: '{}' },
    });
    const ok = {
      messages: [
        { role: 'user', content: 'Weather?' },
        { role: 'assistant', content: null, tool_calls: [call('a'), call('b')] },
        { role: 'tool', tool_call_id: 'a', content: '1' },
        { role: 'tool', tool_call_id: 'b', content: '2' },
      ],
    };
    expect(chatContractViolation(ok, 'gemini-2.5-flash', 'google')).toBeUndefined();
    expect(
      chatContractViolation({ messages: ok.messages.slice(0, 3) }, 'gemini-2.5-flash', 'google')
        ?.message,
    ).toContain('number of function response parts is equal');
    expect(
      chatContractViolation(
        {
          messages: [
            { role: 'user', content: 'x' },
            { role: 'tool', tool_call_id: 'a', content: '1' },
          ],
        },
        'gemini-2.5-flash',
        'google',
      )?.message,
    ).toBe(
      'Please ensure that function response turn comes immediately after a function call turn.',
    );
  });

  it('image models take no function declarations', () => {
    const tools = [{ type: 'function', function: { name: 'w', parameters: { type: 'object' } } }];
    expect(
      chatContractViolation(
        { messages: [{ role: 'user', content: 'Draw a cat' }], tools },
        'gemini-2.5-flash-image',
        'google',
      )?.message,
    ).toBe('Function calling is not enabled for models/gemini-2.5-flash-image');
  });

  it("function names follow Gemini's pattern", () => {
    const tools = [
      { type: 'function', function: { name: '1-weather', parameters: { type: 'object' } } },
    ];
    expect(
      chatContractViolation(
        { messages: [{ role: 'user', content: 'x' }], tools },
        'gemini-2.5-flash',
        'google',
      )?.message,
    ).toContain('Invalid function name. Must start with a letter or an underscore.');
  });

  it('native contents take only user and model roles', async () => {
    const { roleProblem } = await import('./gemini-contract.ts');
    expect(roleProblem([{ role: 'assistant', parts: [{ text: 'x' }] }])?.message).toBe(
      'Please use a valid role: user, model.',
    );
    expect(roleProblem([{ parts: [{ text: 'x' }] }, { role: 'model', parts: [] }])).toBeUndefined();
  });

  it('stop beyond 5 sequences is capped by the converter, not refused', () => {
    expect(
      chatContractViolation(
        { messages: [{ role: 'user', content: 'x' }], stop: ['1', '2', '3', '4', '5', '6'] },
        'gemini-2.5-flash',
        'google',
      ),
    ).toBeUndefined();
  });
});
