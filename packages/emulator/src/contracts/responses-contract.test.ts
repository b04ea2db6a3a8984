import { describe, expect, it } from 'vitest';
import { responsesContractViolation } from './responses-contract.ts';

const none = { has: () => false };
const input = 'Hello';

describe('Responses contract', () => {
  it('reasoning models refuse sampling unless effort is none (gpt-5.1+)', () => {
    expect(responsesContractViolation({ input, temperature: 0.2 }, 'o3', none)).toMatchObject({
      message: "Unsupported parameter: 'temperature' is not supported with this model.",
      param: 'temperature',
    });
    expect(
      responsesContractViolation(
        { input, temperature: 0.2, reasoning: { effort: 'none' } },
        'gpt-5.1',
        none,
      ),
    ).toBeUndefined();
    expect(
      responsesContractViolation({ input, temperature: 0.2 }, 'gpt-4.1', none),
    ).toBeUndefined();
  });

  it('reasoning.effort: refused on gpt-4.1, values per model', () => {
    expect(
      responsesContractViolation({ input, reasoning: { effort: 'low' } }, 'gpt-4.1', none)?.param,
    ).toBe('reasoning.effort');
    expect(
      responsesContractViolation(
        { input, reasoning: { effort: 'minimal' } },
        'gpt-5.1-codex',
        none,
      ),
    ).toMatchObject({ code: 'unsupported_value' });
  });

  it('json_schema needs a name; max_output_tokens ≥ 16', () => {
    expect(
      responsesContractViolation(
        { input, text: { format: { type: 'json_schema', schema: {} } } },
        'gpt-4.1',
        none,
      )?.param,
    ).toBe('text.format.name');
    expect(
      responsesContractViolation({ input, max_output_tokens: 5 }, 'gpt-4.1', none)?.message,
    ).toBe(
      "Invalid 'max_output_tokens': integer below minimum value. Expected a value >= 16, but got 5 instead.",
    );
  });

  it('references resolve only to stored items; outputs must answer a call', () => {
    const stored = { has: (id: string) => id === 'msg_1' };
    expect(
      responsesContractViolation(
        { input: [{ type: 'item_reference', id: 'msg_1' }] },
        'gpt-4.1',
        stored,
      ),
    ).toBeUndefined();
    expect(
      responsesContractViolation({ input: [{ type: 'item_reference', id: 'rs_9' }] }, 'o3', stored),
    ).toMatchObject({ status: 404, param: 'input' });
    expect(
      responsesContractViolation(
        { input: [{ type: 'reasoning', id: 'rs_9', summary: [] }] },
        'o3',
        stored,
      )?.status,
    ).toBe(404);
    expect(
      responsesContractViolation(
        { input: [{ type: 'reasoning', id: 'rs_9', summary: [], encrypted_content: 'enc' }] },
        'o3',
        stored,
      ),
    ).toBeUndefined();
    expect(
      responsesContractViolation({ input, previous_response_id: 'resp_x' }, 'o3', stored)?.code,
    ).toBe('previous_response_not_found');
    expect(
      responsesContractViolation(
        { input: [{ type: 'function_call_output', call_id: 'c1', output: '1' }] },
        'gpt-4.1',
        none,
      )?.message,
    ).toBe('No tool call found for function call output with call_id c1.');
  });
});
