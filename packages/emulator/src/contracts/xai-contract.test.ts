import { describe, expect, it } from 'vitest';
import { chatContractViolation } from './chat-contract.ts';

const check = (model: string, extra: Record<string, unknown>) =>
  chatContractViolation({ messages: [{ role: 'user', content: 'Hi' }], ...extra }, model, 'xai');

describe('xAI contract', () => {
  it.each(['grok-4', 'grok-4-1-fast-reasoning'])(
    '%s rejects penalties and stop in the relayed xAI shape',
    (model) => {
      expect(check(model, { presence_penalty: 0.5 })).toEqual({
        status: 400,
        message: `Model ${model} does not support parameter presencePenalty.`,
        type: 'upstream_error',
        code: 'bad_response_status_code',
        param: '400',
      });
      expect(check(model, { frequency_penalty: 0.5 })?.message).toContain('frequencyPenalty');
      expect(check(model, { stop: ['x'] })?.message).toContain('parameter stop.');
      expect(check(model, { reasoning_effort: 'low' })?.message).toContain('reasoningEffort');
    },
  );

  it('the non-reasoning model takes them; zero penalties never leave the gateway', () => {
    expect(
      check('grok-4-1-fast-non-reasoning', { presence_penalty: 0.5, stop: ['x'] }),
    ).toBeUndefined();
    expect(check('grok-4', { presence_penalty: 0 })).toBeUndefined();
    expect(check('grok-3-mini', { reasoning_effort: 'high' })).toBeUndefined();
  });
});
