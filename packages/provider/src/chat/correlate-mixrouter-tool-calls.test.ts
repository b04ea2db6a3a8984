import { describe, expect, it } from 'vitest';
import { MixRouterToolCallCorrelator } from './correlate-mixrouter-tool-calls';
import type { MixRouterToolCallDelta } from './read-mixrouter-message';

/** Runs fragments through a correlator; returns each call's id and name at its start and its joined arguments. */
function correlate(fragments: MixRouterToolCallDelta[]) {
  const calls = new Map<number, { id?: string; name?: string; args: string }>();
  const correlator = new MixRouterToolCallCorrelator({
    toolCallStarted(call) {
      expect(calls.has(call.key)).toBe(false);
      calls.set(call.key, { id: call.id, name: call.name, args: call.args });
    },
    toolCallArguments(call, delta) {
      expect(delta.length).toBeGreaterThan(0);
      calls.get(call.key)!.args += delta;
      expect(calls.get(call.key)!.args).toBe(call.args);
    },
  });
  for (const f of fragments) correlator.push(structuredClone(f));
  expect(correlator.calls().map((c) => c.args)).toEqual([...calls.values()].map((c) => c.args));
  return { calls: [...calls.values()], unnamed: [...correlator.unnamedFragments().keys()] };
}

const f = (
  fn: { name?: string; arguments?: string },
  extra: { index?: number; id?: string } = {},
): MixRouterToolCallDelta => ({ ...extra, function: fn });

describe('MixRouterToolCallCorrelator', () => {
  it('same index, new id: a new call, even when the first call has no arguments', () => {
    expect(
      correlate([
        f({ name: 'a', arguments: '' }, { index: 0, id: 'x' }),
        f({ name: 'b', arguments: '' }, { index: 0, id: 'y' }),
        f({ arguments: '{"q":1}' }, { index: 0 }),
      ]).calls,
    ).toEqual([
      { id: 'x', name: 'a', args: '' },
      { id: 'y', name: 'b', args: '{"q":1}' },
    ]);
  });

  it('id only on the first fragment; by id without an index; interleaved by index', () => {
    expect(
      correlate([
        f({ name: 'a', arguments: '{"x":' }, { index: 0, id: 'x' }),
        f({ name: 'b', arguments: '{"y":' }, { id: 'y' }),
        f({ arguments: '1}' }, { index: 0 }),
        f({ arguments: '2}' }, { id: 'y' }),
      ]).calls,
    ).toEqual([
      { id: 'x', name: 'a', args: '{"x":1}' },
      { id: 'y', name: 'b', args: '{"y":2}' },
    ]);
  });

  it('a name repeated on each fragment continues; a new value after complete arguments starts a call', () => {
    expect(
      correlate([
        f({ name: 'a', arguments: '{"n":' }, { index: 0 }),
        f({ name: 'a', arguments: '1}' }, { index: 0 }),
        f({ name: 'a', arguments: '{"n":2}' }, { index: 0 }),
      ]).calls,
    ).toEqual([
      { id: undefined, name: 'a', args: '{"n":1}' },
      { id: undefined, name: 'a', args: '{"n":2}' },
    ]);
  });

  it('fragments before the name are held and prepended; never-named ones are reported', () => {
    expect(
      correlate([
        f({ arguments: '{"c":' }, { index: 0 }),
        f({ name: 'a', arguments: '' }, { index: 0, id: 'late' }),
        f({ arguments: '3}' }, { index: 0 }),
      ]).calls,
    ).toEqual([{ id: 'late', name: 'a', args: '{"c":3}' }]);
    expect(correlate([f({ arguments: '{}' }, { index: 4 })]).unnamed).toEqual(['i:4']);
  });

  it('no id and no index: continues the latest call', () => {
    expect(
      correlate([f({ name: 'a', arguments: '' }, { id: 'g' }), f({ arguments: '{"city":"P"}' })])
        .calls,
    ).toEqual([{ id: 'g', name: 'a', args: '{"city":"P"}' }]);
  });
});
