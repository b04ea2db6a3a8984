import type { LanguageModelV4StreamPart, SharedV4ProviderMetadata } from '@ai-sdk/provider';
import { isParsableJson } from '@ai-sdk/provider-utils';
import type { MixRouterToolCall, MixRouterToolCallEvents } from './correlate-mixrouter-tool-calls';
import { nonBlank } from './read-mixrouter-message';

/** A tool call withheld because its arguments were cut off (finish `length`, a broken stream). */
export type MixRouterIncompleteToolCall = { toolCallId: string; toolName: string; input: string };

/**
 * The V4 tool parts of the calls the correlator reports: `tool-input-start` and
 * `tool-input-delta` as they stream, `tool-input-end` and `tool-call` once the answer
 * ends — the part sequence of provider-utils' `StreamingToolCallTracker`, which this
 * package fed until the benchmark of issue #17 showed it re-resolving every fragment the
 * correlator had already attributed (per fragment: two array copies, two filters, Map
 * and Set updates and a per-character scan of the arguments). Ids as the tracker makes
 * them: the wire id while it is unused, otherwise a generated one (suffixed on a
 * collision).
 */
export class MixRouterToolCallParts implements MixRouterToolCallEvents {
  private readonly sink: { enqueue(part: LanguageModelV4StreamPart): void };
  private readonly generateId: () => string;
  /** The part id of each call, by key. */
  private readonly ids: string[] = [];
  private readonly used = new Set<string>();
  private readonly nextSuffix = new Map<string, number>();

  constructor(sink: { enqueue(part: LanguageModelV4StreamPart): void }, generateId: () => string) {
    this.sink = sink;
    this.generateId = generateId;
  }

  toolCallStarted(call: MixRouterToolCall): void {
    const id = this.allocateId(call.id);
    this.ids[call.key] = id;
    this.sink.enqueue({ type: 'tool-input-start', id, toolName: call.name });
    if (call.args.length > 0) this.sink.enqueue({ type: 'tool-input-delta', id, delta: call.args });
  }

  toolCallArguments(call: MixRouterToolCall, delta: string): void {
    this.sink.enqueue({ type: 'tool-input-delta', id: this.ids[call.key]!, delta });
  }

  /**
   * Ends every call, in the order they started: `tool-input-end`, then the `tool-call`
   * — unless `withholdIncomplete` (the answer was cut off) and its arguments are not
   * complete JSON: such a call is not executable and is returned instead.
   */
  finish(
    calls: readonly MixRouterToolCall[],
    withholdIncomplete: boolean,
  ): { emitted: number; incomplete: MixRouterIncompleteToolCall[] } {
    let emitted = 0;
    const incomplete: MixRouterIncompleteToolCall[] = [];
    for (const call of calls) {
      const toolCallId = this.ids[call.key]!;
      this.sink.enqueue({ type: 'tool-input-end', id: toolCallId });
      const input = call.args;
      if (withholdIncomplete && (input.trim().length === 0 || !isParsableJson(input))) {
        incomplete.push({ toolCallId, toolName: call.name, input });
        continue;
      }
      emitted++;
      this.sink.enqueue({
        type: 'tool-call',
        toolCallId,
        toolName: call.name,
        input,
        ...(call.extraContent
          ? {
              providerMetadata: {
                mixrouter: { extraContent: call.extraContent },
              } as SharedV4ProviderMetadata,
            }
          : {}),
      });
    }
    return { emitted, incomplete };
  }

  private allocateId(wireId: string | undefined): string {
    if (wireId !== undefined && !this.used.has(wireId)) {
      this.used.add(wireId);
      return wireId;
    }
    const generated = nonBlank(this.generateId()) ?? 'tool-call';
    if (!this.used.has(generated)) {
      this.used.add(generated);
      return generated;
    }
    // `used` has fewer entries than the suffixes tried, so one of them is free.
    for (let suffix = this.nextSuffix.get(generated) ?? 1; ; suffix++) {
      const id = `${generated}-${suffix}`;
      if (!this.used.has(id)) {
        this.used.add(id);
        this.nextSuffix.set(generated, suffix + 1);
        return id;
      }
    }
  }
}
