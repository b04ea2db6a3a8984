import { describe, expect, it } from 'vitest';
import { mapMixRouterToolCallId } from './map-mixrouter-tool-call-id';

describe('mapMixRouterToolCallId', () => {
  it('sends ids the upstream accepts unchanged', () => {
    expect(mapMixRouterToolCallId('call_abc123', { maxLength: 40 })).toBe('call_abc123');
    expect(mapMixRouterToolCallId('toolu_01A-b_C', { maxLength: 40, charset: 'word' })).toBe(
      'toolu_01A-b_C',
    );
  });

  it("shortens Gemini's 41-character call_<uuid> ids to OpenAI's 40", () => {
    const gemini = 'call_0b9a4e6c-3f1d-4a8e-9c2b-7d5e1f0a3b6c';
    expect(gemini).toHaveLength(41);
    const mapped = mapMixRouterToolCallId(gemini, { maxLength: 40 });
    expect(mapped.length).toBeLessThanOrEqual(40);
    expect(mapped.startsWith('call_0b9a4e6c')).toBe(true);
    // Pure: the assistant call and its tool result map to the same id.
    expect(mapMixRouterToolCallId(gemini, { maxLength: 40 })).toBe(mapped);
  });

  it("rewrites Kimi's functions.<name>:<n> ids to Anthropic's [A-Za-z0-9_-] pattern", () => {
    const mapped = mapMixRouterToolCallId('functions.get_weather:0', {
      maxLength: 40,
      charset: 'word',
    });
    expect(mapped).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(mapped.startsWith('functions_get_weather_0_')).toBe(true);
  });

  it('keeps ids apart that sanitising would make equal', () => {
    const rule = { maxLength: 40, charset: 'word' as const };
    const ids = ['a.b', 'a:b', 'a b', 'a_b'].map((id) => mapMixRouterToolCallId(id, rule));
    expect(new Set(ids).size).toBe(4);
    const long = ['x'.repeat(60) + '1', 'x'.repeat(60) + '2'].map((id) =>
      mapMixRouterToolCallId(id, rule),
    );
    expect(long[0]).not.toBe(long[1]);
    for (const id of long) expect(id.length).toBeLessThanOrEqual(40);
  });

  it('gives an empty id a usable value and handles non-ASCII characters', () => {
    expect(mapMixRouterToolCallId('', { maxLength: 40, charset: 'word' })).toMatch(/^_[0-9a-z]+$/);
    expect(mapMixRouterToolCallId('调用-1🙂', { charset: 'word' })).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
