import { isParsableJson } from '@ai-sdk/provider-utils';
import { type MixRouterToolCallDelta, nonBlank } from './read-mixrouter-message';

/** Receives correlated fragments; `index` is the call's own key. */
export type ToolCallDeltaTarget = { processToolCallDelta(delta: MixRouterToolCallDelta): void };

/** One tool call as the wire correlates it; `key` is the index the tracker sees. */
type ToolCallSlot = { key: number; id: string | undefined; name: string; args: string };

function startsStructuredValue(args: string | undefined): boolean {
  if (args === undefined) return false;
  const first = args.trimStart().charCodeAt(0);
  return first === 123 /* { */ || first === 91 /* [ */;
}

/**
 * Correlates tool-call fragments from the wire with calls, and feeds provider-utils'
 * `StreamingToolCallTracker` one distinct index per call, so the tracker never has to
 * guess. The wire's own correlation is not reliable: older gateway builds report
 * Claude's parallel calls at one index (a first call without arguments made the second
 * call's fragments ambiguous and they were dropped), some send the id only on the first
 * fragment, some repeat the name on every fragment, some send neither id nor index
 * after the first fragment.
 *
 * - a known id continues its call (unless a named fragment starts a new value after
 *   the call's arguments are complete: the id was reused);
 * - a new id with a name starts a call; a new id without a name is held until named,
 *   unless it names the call at its index that had no id yet;
 * - no id: the latest call at the same index (no index: the latest call), except a
 *   named fragment for a different tool, or one starting a new value after complete
 *   arguments, which starts a call;
 * - anything else without a name is held until the name arrives.
 */
export class MixRouterToolCallCorrelator {
  private readonly calls: ToolCallSlot[] = [];
  private readonly byId = new Map<string, ToolCallSlot>();
  /** The latest call reported at each wire index (older builds reuse one index). */
  private readonly atIndex = new Map<number, ToolCallSlot>();
  /** Fragments that arrived before their name (buffered per key, not dropped). */
  private readonly nameless = new Map<string, MixRouterToolCallDelta[]>();

  /** `target` receives tracker deltas (an object, not a closure: see MixRouterChatPartSink). */
  constructor(private readonly target: ToolCallDeltaTarget) {}

  push(delta: MixRouterToolCallDelta): void {
    const id = nonBlank(delta.id);
    const name = nonBlank(delta.function.name);
    const index = delta.index;
    const args = delta.function.arguments;
    let slot: ToolCallSlot | undefined;
    if (id !== undefined) {
      slot = this.byId.get(id);
      if (slot === undefined && name === undefined && index !== undefined) {
        const atIndex = this.atIndex.get(index);
        if (atIndex !== undefined && atIndex.id === undefined) {
          slot = atIndex;
          slot.id = id;
          this.byId.set(id, slot);
        }
      }
    } else {
      slot = index !== undefined ? this.atIndex.get(index) : this.calls.at(-1);
      if (slot !== undefined && name !== undefined && name !== slot.name) slot = undefined;
    }
    if (
      slot !== undefined &&
      name !== undefined &&
      startsStructuredValue(args) &&
      slot.args.trim().length > 0 &&
      isParsableJson(slot.args)
    )
      slot = undefined; // a new value after complete arguments: another call

    if (slot === undefined) {
      if (name === undefined) {
        // A name can arrive after the first fragments: hold them until it does.
        const key = id !== undefined ? `id:${id}` : index !== undefined ? `i:${index}` : 'unkeyed';
        const list = this.nameless.get(key) ?? [];
        list.push(delta);
        this.nameless.set(key, list);
        return;
      }
      this.start(delta, id, name, index);
      return;
    }
    if (args === undefined || args.length === 0) return;
    slot.args += args;
    // The fragment object is ours (readToolCalls made it): re-key it for the tracker.
    delta.index = slot.key;
    delta.id = undefined;
    delta.function.name = undefined;
    delta.extra_content = undefined;
    this.target.processToolCallDelta(delta);
  }

  private start(
    delta: MixRouterToolCallDelta,
    wireId: string | undefined,
    name: string,
    index: number | undefined,
  ): void {
    let id = wireId;
    let args = delta.function.arguments ?? '';
    const held = [
      ...(wireId !== undefined ? (this.nameless.get(`id:${wireId}`) ?? []) : []),
      ...(index !== undefined ? (this.nameless.get(`i:${index}`) ?? []) : []),
      ...(this.calls.length === 0 ? (this.nameless.get('unkeyed') ?? []) : []),
    ];
    if (held.length > 0) {
      if (wireId !== undefined) this.nameless.delete(`id:${wireId}`);
      if (index !== undefined) this.nameless.delete(`i:${index}`);
      if (this.calls.length === 0) this.nameless.delete('unkeyed');
      args = held.map((d) => d.function.arguments ?? '').join('') + args;
      id ??= held.map((d) => nonBlank(d.id)).find((heldId) => heldId !== undefined);
    }
    const slot: ToolCallSlot = { key: this.calls.length, id, name, args };
    this.calls.push(slot);
    if (id !== undefined && !this.byId.has(id)) this.byId.set(id, slot);
    if (index !== undefined) this.atIndex.set(index, slot);
    this.target.processToolCallDelta({
      index: slot.key,
      id,
      type: delta.type,
      function: { name, arguments: args },
      extra_content: delta.extra_content,
    });
  }

  /** Fragments that never got a name, by wire key (reported as errors at the end). */
  unnamedFragments(): ReadonlyMap<string, readonly MixRouterToolCallDelta[]> {
    return this.nameless;
  }
}
