import type { LanguageModelV4StreamPart, SharedV4ProviderMetadata } from '@ai-sdk/provider';
import { StreamingToolCallTracker } from '@ai-sdk/provider-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MixRouterToolCall } from './correlate-mixrouter-tool-calls';
import { MixRouterToolCallParts } from './mixrouter-tool-call-parts';
import type { MixRouterToolCallDelta } from './read-mixrouter-message';

class Parts {
  readonly parts: LanguageModelV4StreamPart[] = [];
  enqueue(part: LanguageModelV4StreamPart | undefined) {
    if (part !== undefined) this.parts.push(part);
  }
}

type Step =
  | { start: true; wireId?: string; name: string; args: string; extra?: boolean }
  | { start: false; call: number; args: string };

/** Generated ids that collide on purpose ('dup', 'dup', …) or repeat a wire id. */
function ids(kind: 'counter' | 'dup' | 'blank') {
  let n = 0;
  return () => (kind === 'dup' ? 'dup' : kind === 'blank' ? ' ' : `gen-${n++}`);
}

/** Our parts for correlated steps. */
function ours(steps: Step[], idKind: 'counter' | 'dup' | 'blank') {
  const sink = new Parts();
  const parts = new MixRouterToolCallParts(sink, ids(idKind));
  const calls: MixRouterToolCall[] = [];
  for (const step of steps) {
    if (step.start) {
      const call: MixRouterToolCall = {
        key: calls.length,
        id: step.wireId,
        name: step.name,
        args: step.args,
        extraContent: step.extra ? { google: { thought_signature: 'sig' } } : undefined,
      };
      calls.push(call);
      parts.toolCallStarted(call);
    } else if (calls.length > 0) {
      const call = calls[step.call % calls.length]!;
      call.args += step.args;
      parts.toolCallArguments(call, step.args);
    }
  }
  const result = parts.finish(calls, false);
  return { parts: sink.parts, emitted: result.emitted };
}

/** What provider-utils' tracker emits for the same steps, fed one distinct index per call. */
function tracker(steps: Step[], idKind: 'counter' | 'dup' | 'blank') {
  const sink = new Parts();
  const t = new StreamingToolCallTracker<MixRouterToolCallDelta>(sink, {
    generateId: ids(idKind),
    extractMetadata: (d) =>
      d.extra_content
        ? ({ mixrouter: { extraContent: d.extra_content } } as SharedV4ProviderMetadata)
        : undefined,
    buildToolCallProviderMetadata: (m) => m,
  });
  let started = 0;
  for (const step of steps) {
    if (step.start) {
      t.processDelta({
        index: started++,
        id: step.wireId,
        type: 'function',
        function: { name: step.name, arguments: step.args },
        extra_content: step.extra ? { google: { thought_signature: 'sig' } } : undefined,
      });
    } else if (started > 0) {
      t.processDelta({ index: step.call % started, function: { arguments: step.args } });
    }
  }
  t.flush();
  return sink.parts;
}

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    start: fc.constant(true as const),
    wireId: fc.option(fc.constantFrom('call_a', 'call_b', 'dup', 'gen-0', 'dup-1'), {
      nil: undefined,
    }),
    name: fc.constantFrom('lookup', 'search'),
    args: fc.constantFrom('', '{', '{"q":', '{"q":"x"}', '[1]'),
    extra: fc.boolean(),
  }),
  fc.record({
    start: fc.constant(false as const),
    call: fc.nat(5),
    args: fc.constantFrom('"a"', '1}', ',"n":2}', ' ', '}'),
  }),
);

describe('MixRouterToolCallParts', () => {
  it("emits exactly provider-utils' tracker part sequence for correlated calls", () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 30 }),
        fc.constantFrom('counter', 'dup', 'blank'),
        (steps, idKind) => {
          expect(ours(steps, idKind).parts).toEqual(tracker(steps, idKind));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a reused wire id gets a generated id; a generated collision gets a suffix', () => {
    const { parts } = ours(
      [
        { start: true, wireId: 'dup', name: 'a', args: '{}' },
        { start: true, wireId: 'dup', name: 'b', args: '{}' },
        { start: true, name: 'c', args: '{}' },
      ],
      'dup',
    );
    expect(parts.filter((p) => p.type === 'tool-call').map((p) => p.toolCallId)).toEqual([
      'dup',
      'dup-1',
      'dup-2',
    ]);
  });

  it('when cut off, calls with incomplete arguments end but are withheld', () => {
    const sink = new Parts();
    const parts = new MixRouterToolCallParts(sink, ids('counter'));
    const done: MixRouterToolCall = {
      key: 0,
      id: 'a',
      name: 'lookup',
      args: '{"q":1}',
      extraContent: undefined,
    };
    const cut: MixRouterToolCall = {
      key: 1,
      id: 'b',
      name: 'lookup',
      args: '{"q":',
      extraContent: undefined,
    };
    const empty: MixRouterToolCall = {
      key: 2,
      id: 'c',
      name: 'lookup',
      args: ' ',
      extraContent: undefined,
    };
    for (const call of [done, cut, empty]) parts.toolCallStarted(call);
    const result = parts.finish([done, cut, empty], true);
    expect(result.emitted).toBe(1);
    expect(result.incomplete).toEqual([
      { toolCallId: 'b', toolName: 'lookup', input: '{"q":' },
      { toolCallId: 'c', toolName: 'lookup', input: ' ' },
    ]);
    expect(sink.parts.filter((p) => p.type === 'tool-input-end')).toHaveLength(3);
    expect(sink.parts.filter((p) => p.type === 'tool-call')).toEqual([
      { type: 'tool-call', toolCallId: 'a', toolName: 'lookup', input: '{"q":1}' },
    ]);
  });
});
