import { describe, expect, it } from 'vitest';
import {
  BUDGET_THINKING_TAGS,
  ReasoningTagSplitter,
  reasoningTagsFor,
  type TaggedSegment,
  THINK_TAGS,
} from './reasoning-tag-splitter';

/** A complete string through one splitter (the non-stream path does the same). */
function splitReasoningTags(text: string): TaggedSegment[] {
  const splitter = new ReasoningTagSplitter();
  return [...splitter.push(text), ...splitter.flush()];
}

/** Feeds `chunks` to one splitter and merges adjacent segments of the same kind. */
function feed(chunks: string[]): TaggedSegment[] {
  const splitter = new ReasoningTagSplitter();
  const out: TaggedSegment[] = [];
  for (const segment of [...chunks.flatMap((chunk) => splitter.push(chunk)), ...splitter.flush()]) {
    const last = out.at(-1);
    if (last?.kind === segment.kind) last.text += segment.text;
    else out.push({ ...segment });
  }
  return out;
}

/** `splitReasoningTags` with adjacent segments of the same kind merged. */
function whole(text: string): TaggedSegment[] {
  return feed([text]);
}

/** Every way to cut `text` into two pieces, and into pieces of every fixed size. */
function splits(text: string): string[][] {
  const out: string[][] = [];
  for (let i = 0; i <= text.length; i++) out.push([text.slice(0, i), text.slice(i)]);
  for (let size = 1; size <= 4; size++) {
    const pieces: string[] = [];
    for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
    out.push(pieces);
  }
  return out;
}

describe('splitReasoningTags (whole strings)', () => {
  it('passes plain text through', () => {
    expect(splitReasoningTags('Hello < world > 3 <b>bold</b>')).toEqual([
      { kind: 'text', text: 'Hello < world > 3 <b>bold</b>' },
    ]);
  });

  it('splits a leading <think> block (MiniMax) and trims the whitespace around it', () => {
    expect(
      splitReasoningTags('<think>\nThe user greets me.\n</think>\n\nHello! How can I help?'),
    ).toEqual([
      { kind: 'reasoning', text: 'The user greets me.' },
      { kind: 'text', text: 'Hello! How can I help?' },
    ]);
  });

  it('splits the <budget:thinking> prefix seen on MixRouter Claude Opus 4.5 answers', () => {
    expect(
      splitReasoningTags(
        '<budget:thinking>Gauss pairing gives 50 pairs of 101.</budget:thinking>\n\nThe sum is 5050.',
      ),
    ).toEqual([
      { kind: 'reasoning', text: 'Gauss pairing gives 50 pairs of 101.' },
      { kind: 'text', text: 'The sum is 5050.' },
    ]);
  });

  it('keeps text before the tag and handles several blocks', () => {
    expect(splitReasoningTags('Intro <think>a</think> middle <think>b</think> end')).toEqual([
      { kind: 'text', text: 'Intro ' },
      { kind: 'reasoning', text: 'a' },
      { kind: 'text', text: 'middle ' },
      { kind: 'reasoning', text: 'b' },
      { kind: 'text', text: 'end' },
    ]);
  });

  it('treats an unclosed <think> as reasoning to the end', () => {
    expect(splitReasoningTags('<think>still thinking')).toEqual([
      { kind: 'reasoning', text: 'still thinking' },
    ]);
  });

  it('keeps an unfinished tag prefix at the very end as text', () => {
    expect(
      splitReasoningTags('a <thi')
        .map((s) => s.text)
        .join(''),
    ).toBe('a <thi');
    expect(whole('a <thi')).toEqual([{ kind: 'text', text: 'a <thi' }]);
    expect(whole('<think>r</thi')).toEqual([{ kind: 'reasoning', text: 'r</thi' }]);
  });

  it('does not confuse the two tag kinds', () => {
    expect(splitReasoningTags('<budget:thinking>x</think>y</budget:thinking>z')).toEqual([
      { kind: 'reasoning', text: 'x</think>y' },
      { kind: 'text', text: 'z' },
    ]);
  });

  it('returns nothing for an empty block and empty input', () => {
    expect(splitReasoningTags('<think></think>')).toEqual([]);
    expect(splitReasoningTags('')).toEqual([]);
  });
});

describe('ReasoningTagSplitter (streaming)', () => {
  const inputs = [
    '<think>\nThe user greets me.\n</think>\n\nHello! How can I help?',
    '<budget:thinking>Gauss pairing.</budget:thinking>\n\nThe sum is 5050.',
    'Intro <think>a</think> middle <think> b </think> end',
    'a < b and <thin> is not a tag',
    '<think>x</think>',
  ];

  it.each(inputs)('gives the whole-string result for every split of %j', (input) => {
    const expected = whole(input);
    expect(splitReasoningTags(input)).toEqual(expected);
    for (const chunks of splits(input)) {
      expect(feed(chunks), JSON.stringify(chunks)).toEqual(expected);
    }
  });

  it('never lets a fragment of a tag reach the text', () => {
    const input = '<think>r</think>answer';
    for (const chunks of splits(input)) {
      const splitter = new ReasoningTagSplitter();
      for (const chunk of chunks) {
        for (const segment of splitter.push(chunk)) {
          expect(segment.text).not.toMatch(/<\/?t(h(i(n(k)?)?)?)?>?$|<\/?think>/);
        }
      }
    }
  });

  it('holds back a partial tag and releases it when it turns out not to be one', () => {
    const splitter = new ReasoningTagSplitter();
    expect(splitter.push('Hello <th')).toEqual([{ kind: 'text', text: 'Hello ' }]);
    expect(splitter.push('ere')).toEqual([{ kind: 'text', text: '<there' }]);
  });

  it('emits plain chunks immediately (fast path)', () => {
    const splitter = new ReasoningTagSplitter();
    expect(splitter.push('plain')).toEqual([{ kind: 'text', text: 'plain' }]);
    expect(splitter.push('')).toEqual([]);
    expect(splitter.flush()).toEqual([]);
  });

  describe('reasoningTagsFor (which tags a model gets by default)', () => {
    it('follows the catalogue flags unless the user decides', () => {
      expect(reasoningTagsFor({}, undefined)).toEqual([]);
      expect(reasoningTagsFor({ inlineThinkTags: true }, undefined)).toEqual([THINK_TAGS]);
      expect(reasoningTagsFor({ leaksBudgetThinking: true }, undefined)).toEqual([
        BUDGET_THINKING_TAGS,
      ]);
      expect(reasoningTagsFor({}, true)).toEqual([THINK_TAGS, BUDGET_THINKING_TAGS]);
      expect(reasoningTagsFor({ inlineThinkTags: true }, false)).toEqual([]);
    });

    it('a splitter for <budget:thinking> only leaves <think> in the text', () => {
      const splitter = new ReasoningTagSplitter([BUDGET_THINKING_TAGS]);
      expect([
        ...splitter.push('<budget:thinking>b</budget:thinking>Use <think>x</think>'),
        ...splitter.flush(),
      ]).toEqual([
        { kind: 'reasoning', text: 'b' },
        { kind: 'text', text: 'Use <think>x</think>' },
      ]);
    });

    it('holds at most 256 characters of trailing whitespace inside a reasoning block', () => {
      const splitter = new ReasoningTagSplitter([THINK_TAGS]);
      const out = [...splitter.push('<think>r'), ...splitter.push(' '.repeat(10_000))];
      const emitted = out
        .filter((s) => s.kind === 'reasoning')
        .map((s) => s.text)
        .join('');
      expect(emitted.length).toBeGreaterThanOrEqual(1 + 10_000 - 256);
      const rest = [...splitter.push('</think>done'), ...splitter.flush()];
      expect(rest.at(-1)).toEqual({ kind: 'text', text: 'done' });
    });
  });
});
