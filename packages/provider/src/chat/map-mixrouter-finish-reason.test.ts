import { describe, expect, it } from 'vitest';
import { mapMixRouterFinishReason } from './map-mixrouter-finish-reason';

describe('mapMixRouterFinishReason', () => {
  it.each([
    ['stop', 'stop'],
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['length', 'length'],
    ['max_tokens', 'length'],
    ['model_context_window_exceeded', 'length'],
    ['tool_calls', 'tool-calls'],
    ['function_call', 'tool-calls'],
    ['tool_use', 'tool-calls'],
    ['content_filter', 'content-filter'],
    ['refusal', 'content-filter'],
    ['insufficient_system_resource', 'error'],
    ['pause_turn', 'other'],
    ['SAFETY', 'other'],
    ['string', 'other'],
  ] as const)('maps %s to %s and keeps the raw value', (raw, unified) => {
    expect(mapMixRouterFinishReason(raw, { hasToolCalls: false })).toEqual({ unified, raw });
  });

  it.each([null, undefined, ''])('maps %j to other with no raw value', (raw) => {
    expect(mapMixRouterFinishReason(raw, { hasToolCalls: false })).toEqual({
      unified: 'other',
      raw: raw === '' ? '' : undefined,
    });
  });

  it.each([
    ['length', 'length'],
    ['max_tokens', 'length'],
    ['content_filter', 'content-filter'],
    ['insufficient_system_resource', 'error'],
  ] as const)('a cut-off answer (%s) stays %s even with tool calls', (raw, unified) => {
    expect(mapMixRouterFinishReason(raw, { hasToolCalls: true })).toEqual({ unified, raw });
  });

  it.each(['stop', 'tool_calls', 'end_turn', 'pause_turn', null, undefined])(
    'reports tool-calls when tool calls are present (upstream said %j)',
    (raw) => {
      expect(mapMixRouterFinishReason(raw, { hasToolCalls: true })).toEqual({
        unified: 'tool-calls',
        raw: raw ?? undefined,
      });
    },
  );

  it('does not map prototype keys', () => {
    expect(mapMixRouterFinishReason('toString', { hasToolCalls: false }).unified).toBe('other');
    expect(mapMixRouterFinishReason('__proto__', { hasToolCalls: false }).unified).toBe('other');
  });
});
