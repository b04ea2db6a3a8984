import { isParsableJson } from '@ai-sdk/provider-utils';
import { type MixRouterToolCallDelta, nonBlank, type Rec } from './read-mixrouter-message';

/** One tool call as the wire correlates it. */
export type MixRouterToolCall = {
  /** 0, 1, … in the order the calls started. */
  readonly key: number;
  /** The wire's id (the first one seen), if any. */
  id: string | undefined;
  readonly name: string;
  /** The arguments so far. */
  args: string;
  /** `extra_content` of the fragment that started the call (Gemini thought signatures). */
  readonly extraContent: Rec | undefined;
};

/**
 * Receives the correlated calls: an object, not callbacks (V8 inlines per-stream
 * closures into shared code and deoptimizes it at every major GC once they are gone).
 */
export type MixRouterToolCallEvents = {
  /** A call started; `call.args` holds its first arguments (possibly empty). */
  toolCallStarted(call: MixRouterToolCall): void;
  /** More arguments (never empty) for a started call; already appended to `call.args`. */
  toolCallArguments(call: MixRouterToolCall, delta: string): void;
};

function startsStructuredValue(args: string | undefined): boolean {
  if (args === undefined) return false;
  const first = args.trimStart().charCodeAt(0);
  return first === 123 /* { */ || first === 91 /* [ */;
}

/**
 * Correlates tool-call fragments from the wire with calls and reports each call's start
 * and arguments, once, to the part builder. The wire's own correlation is not reliable: older gateway builds report
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
  private readonly started: MixRouterToolCall[] = [];
  private readonly byId = new Map<string, MixRouterToolCall>();
  /** The latest call reported at each wire index (older builds reuse one index). */
  private readonly atIndex = new Map<number, MixRouterToolCall>();
  /** Fragments that arrived before their name (buffered per key, not dropped). */
  private readonly nameless = new Map<string, MixRouterToolCallDelta[]>();

  constructor(private readonly events: MixRouterToolCallEvents) {}

  /** Every call started so far, in the order they started. */
  calls(): readonly MixRouterToolCall[] {
    return this.started;
  }

  push(delta: MixRouterToolCallDelta): void {
    const id = nonBlank(delta.id);
    const name = nonBlank(delta.function.name);
    const index = delta.index;
    const args = delta.function.arguments;
    let slot: MixRouterToolCall | undefined;
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
      slot = index !== undefined ? this.atIndex.get(index) : this.started.at(-1);
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
    this.events.toolCallArguments(slot, args);
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
      ...(this.started.length === 0 ? (this.nameless.get('unkeyed') ?? []) : []),
    ];
    if (held.length > 0) {
      if (wireId !== undefined) this.nameless.delete(`id:${wireId}`);
      if (index !== undefined) this.nameless.delete(`i:${index}`);
      if (this.started.length === 0) this.nameless.delete('unkeyed');
      args = held.map((d) => d.function.arguments ?? '').join('') + args;
      id ??= held.map((d) => nonBlank(d.id)).find((heldId) => heldId !== undefined);
    }
    const slot: MixRouterToolCall = {
      key: this.started.length,
      id,
      name,
      args,
      extraContent: delta.extra_content,
    };
    this.started.push(slot);
    if (id !== undefined && !this.byId.has(id)) this.byId.set(id, slot);
    if (index !== undefined) this.atIndex.set(index, slot);
    this.events.toolCallStarted(slot);
  }

  /** Fragments that never got a name, by wire key (reported as errors at the end). */
  unnamedFragments(): ReadonlyMap<string, readonly MixRouterToolCallDelta[]> {
    return this.nameless;
  }
}
