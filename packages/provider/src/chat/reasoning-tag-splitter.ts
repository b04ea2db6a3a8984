/** A run of text that is either visible answer text or reasoning. */
export type TaggedSegment = { kind: 'text' | 'reasoning'; text: string };

export type ReasoningTagPair = readonly [open: string, close: string];

/** `<think>…</think>`: MiniMax M2, and new-api's "thinking_to_content" rewrite (protocol §3.2). */
export const THINK_TAGS: ReasoningTagPair = ['<think>', '</think>'];
/** Seen on MixRouter Claude responses: the thinking budget block leaks into `content` (protocol §4.1). */
export const BUDGET_THINKING_TAGS: ReasoningTagPair = ['<budget:thinking>', '</budget:thinking>'];
const ALL_TAGS: readonly ReasoningTagPair[] = [THINK_TAGS, BUDGET_THINKING_TAGS];

/**
 * Trailing whitespace of a reasoning block is held back (it is trimmed if the close tag
 * follows) only up to this length, so whitespace-only output cannot make every delta
 * rescan a growing buffer.
 */
const MAX_HELD_WHITESPACE = 256;

/**
 * Which inline tags to split out of a model's text. By default only what the
 * catalogue says the family writes (`inlineThinkTags`, `leaksBudgetThinking`): any
 * other model's answer that merely mentions `<think>` keeps its text. The user's
 * `extractReasoningTags` overrides: `true` splits both kinds, `false` none.
 */
export function reasoningTagsFor(
  quirks: { readonly inlineThinkTags?: boolean; readonly leaksBudgetThinking?: boolean },
  requested: boolean | undefined,
): readonly ReasoningTagPair[] {
  if (requested === true) return ALL_TAGS;
  if (requested === false) return [];
  const tags: ReasoningTagPair[] = [];
  if (quirks.inlineThinkTags) tags.push(THINK_TAGS);
  if (quirks.leaksBudgetThinking) tags.push(BUDGET_THINKING_TAGS);
  return tags;
}

/** Length of the longest suffix of `text` that is a proper prefix of one of `tags`. */
function partialTagSuffix(text: string, tags: readonly string[]): number {
  const lastLt = text.lastIndexOf('<');
  if (lastLt === -1) return 0;
  const tail = text.slice(lastLt);
  for (const tag of tags) if (tail.length < tag.length && tag.startsWith(tail)) return tail.length;
  return 0;
}

/**
 * Splits inline `<think>…</think>` (and `<budget:thinking>…</budget:thinking>`) out of
 * answer text. Streaming-safe: a tag split across chunks is held back until it is
 * complete, so no fragment of a tag ever reaches the text. Used on whole strings
 * (generate) and on deltas (stream) alike.
 */
export class ReasoningTagSplitter {
  private readonly tags: readonly ReasoningTagPair[];
  private readonly openTags: readonly string[];
  private pending = '';
  private closeTag: string | undefined;
  private trimLeading = false;

  constructor(tags: readonly ReasoningTagPair[] = ALL_TAGS) {
    this.tags = tags;
    this.openTags = tags.map(([open]) => open);
  }

  push(chunk: string): TaggedSegment[] {
    // Fast path: the common case is plain text with no tag in sight.
    if (
      this.closeTag === undefined &&
      this.pending === '' &&
      !this.trimLeading &&
      !chunk.includes('<')
    ) {
      return chunk.length > 0 ? [{ kind: 'text', text: chunk }] : [];
    }
    let buffer = this.pending + chunk;
    this.pending = '';
    const out: TaggedSegment[] = [];
    while (buffer.length > 0) {
      if (this.trimLeading) {
        buffer = buffer.trimStart();
        if (buffer.length === 0) break;
        this.trimLeading = false;
      }
      if (this.closeTag === undefined) {
        let at = -1;
        let found: readonly [string, string] | undefined;
        for (const tag of this.tags) {
          const i = buffer.indexOf(tag[0]);
          if (i !== -1 && (at === -1 || i < at)) {
            at = i;
            found = tag;
          }
        }
        if (found === undefined) {
          const hold = partialTagSuffix(buffer, this.openTags);
          this.emit(out, 'text', buffer.slice(0, buffer.length - hold));
          this.pending = buffer.slice(buffer.length - hold);
          break;
        }
        this.emit(out, 'text', buffer.slice(0, at));
        buffer = buffer.slice(at + found[0].length);
        this.closeTag = found[1];
        this.trimLeading = true;
      } else {
        const at = buffer.indexOf(this.closeTag);
        if (at === -1) {
          const hold = partialTagSuffix(buffer, [this.closeTag]);
          // Trailing whitespace is held too: if the close tag follows, it is trimmed,
          // exactly as when the whole block arrives in one chunk.
          const body = buffer.slice(0, buffer.length - hold);
          let visible = body.trimEnd();
          if (body.length - visible.length > MAX_HELD_WHITESPACE)
            visible = body.slice(0, body.length - MAX_HELD_WHITESPACE);
          this.emit(out, 'reasoning', visible);
          this.pending = buffer.slice(visible.length);
          break;
        }
        this.emit(out, 'reasoning', buffer.slice(0, at).trimEnd());
        buffer = buffer.slice(at + this.closeTag.length);
        this.closeTag = undefined;
        this.trimLeading = true;
      }
    }
    return out;
  }

  /** Whatever is held back at the end of the input (an unfinished tag prefix, kept as is). */
  flush(): TaggedSegment[] {
    const rest = this.pending;
    this.pending = '';
    if (rest.length === 0) return [];
    return [{ kind: this.closeTag === undefined ? 'text' : 'reasoning', text: rest }];
  }

  private emit(out: TaggedSegment[], kind: TaggedSegment['kind'], text: string): void {
    if (text.length === 0) return;
    const last = out[out.length - 1];
    if (last !== undefined && last.kind === kind) last.text += text;
    else out.push({ kind, text });
  }
}
