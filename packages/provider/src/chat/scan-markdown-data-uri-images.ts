/**
 * Markdown data-URI images in model text: `![alt](data:image/png;base64,…)`, the way
 * stock new-api appends Gemini image output to the answer text (protocol §4.2). Only
 * images count — a link `[x](data:…)` is text — and only for image-output models (the
 * caller decides).
 *
 * Model output is untrusted (a prompt injection can make a model write anything), so
 * this is a scanner with bounded look-back and look-ahead, linear in the text, instead
 * of a backtracking regex (the regex it replaces took ~10 s on 100 KB of crafted text).
 */

/** Longest `![alt](data:image/…;base64,` head, from `!` to the first base64 character. */
export const MARKDOWN_IMAGE_HEAD_MAX = 256;

const BANG = 33; // !
const OPEN_BRACKET = 91; // [
const CLOSE_BRACKET = 93; // ]
const OPEN_PAREN = 40; // (
const CLOSE_PAREN = 41; // )
const NEWLINE = 10;

export type MarkdownImageMatch = {
  /** Index of the `!`. */
  start: number;
  /** Index after the closing `)`. */
  end: number;
  /** The `data:image/…;base64,…` URL. */
  url: string;
};

function lower(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

function isMediaTypeChar(code: number): boolean {
  const c = lower(code);
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 43 || c === 45;
}

function isParamChar(code: number): boolean {
  return isMediaTypeChar(code) || code === 61 /* = */ || code === 95 /* _ */;
}

function isBodyChar(code: number): boolean {
  return (
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    (code >= 48 && code <= 57) ||
    code === 43 /* + */ ||
    code === 47 /* / */ ||
    code === 61 /* = */ ||
    code === 32 ||
    (code >= 9 && code <= 13)
  );
}

/** `text` at `at` starts with `word` (lowercase ASCII), ignoring case; `partial` if cut by the end. */
function matchWord(text: string, at: number, word: string): 'yes' | 'no' | 'partial' {
  for (let k = 0; k < word.length; k++) {
    if (at + k >= text.length) return 'partial';
    if (lower(text.charCodeAt(at + k)) !== word.charCodeAt(k)) return 'no';
  }
  return 'yes';
}

type HeadResult =
  /** Position of the first body character. */
  | { kind: 'body'; bodyStart: number }
  /** The text ends inside the head. */
  | { kind: 'partial' }
  /** Not an image head; scanning may resume at `resume`. */
  | { kind: 'no'; resume: number };

/** Reads `](data:image/<subtype>[;param…];base64,` from the `]` at `at`. */
function readHead(text: string, at: number): HeadResult {
  const n = text.length;
  let i = at + 1;
  if (i >= n) return { kind: 'partial' };
  if (text.charCodeAt(i) !== OPEN_PAREN) return { kind: 'no', resume: i };
  i++;
  for (const word of ['data:', 'image/']) {
    const m = matchWord(text, i, word);
    if (m === 'partial') return { kind: 'partial' };
    if (m === 'no') return { kind: 'no', resume: i };
    i += word.length;
  }
  const subtypeStart = i;
  while (i < n && isMediaTypeChar(text.charCodeAt(i))) i++;
  if (i >= n) return { kind: 'partial' };
  if (i === subtypeStart || text.charCodeAt(i) !== 59 /* ; */) return { kind: 'no', resume: i };
  for (;;) {
    // at a `;`: either `;base64,` or another parameter
    const m = matchWord(text, i + 1, 'base64,');
    if (m === 'yes') return { kind: 'body', bodyStart: i + 8 };
    if (m === 'partial') return { kind: 'partial' }; // could still become `;base64,`
    i++;
    const paramStart = i;
    while (i < n && isParamChar(text.charCodeAt(i))) i++;
    if (i >= n) return { kind: 'partial' };
    if (i === paramStart || text.charCodeAt(i) !== 59) return { kind: 'no', resume: i };
  }
}

/**
 * The leftmost `![` that opens an alt text ending at the `]` at `close`: the alt has no
 * `]` or newline. Looks back at most `MARKDOWN_IMAGE_HEAD_MAX` characters, never before
 * `floor`. Returns the index of the `!`, or -1.
 */
function findImageOpen(text: string, close: number, floor: number): number {
  let start = -1;
  const limit = Math.max(floor, close - MARKDOWN_IMAGE_HEAD_MAX);
  for (let k = close - 1; k > limit; k--) {
    const c = text.charCodeAt(k);
    if (c === CLOSE_BRACKET || c === NEWLINE) break;
    if (c === OPEN_BRACKET && text.charCodeAt(k - 1) === BANG) start = k - 1;
  }
  return start;
}

/** Every complete markdown data-URI image in `text`, in order, not overlapping. */
export function findMarkdownDataUriImages(text: string): MarkdownImageMatch[] {
  const matches: MarkdownImageMatch[] = [];
  let floor = 0;
  let from = 0;
  for (;;) {
    const close = text.indexOf('](', from);
    if (close === -1) return matches;
    const head = readHead(text, close);
    if (head.kind !== 'body') {
      from = head.kind === 'no' ? Math.max(head.resume, close + 1) : text.length;
      continue;
    }
    const start = findImageOpen(text, close, floor - 1);
    let i = head.bodyStart;
    while (i < text.length && isBodyChar(text.charCodeAt(i))) i++;
    if (
      start !== -1 &&
      head.bodyStart - start <= MARKDOWN_IMAGE_HEAD_MAX &&
      i > head.bodyStart &&
      i < text.length &&
      text.charCodeAt(i) === CLOSE_PAREN
    ) {
      matches.push({ start, end: i + 1, url: text.slice(close + 2, i) });
      floor = i + 1;
      from = i + 1;
    } else {
      // The body run cannot contain `](`: resume after it.
      from = Math.max(i, close + 1);
    }
  }
}

/**
 * Stream mode: holds back the tail of the text that could still become a markdown
 * data-URI image, so an image cut across deltas becomes one file part instead of
 * characters of text. Before the base64 body starts it holds at most
 * `MARKDOWN_IMAGE_HEAD_MAX` characters; once a valid head is seen it holds the body
 * while it stays base64 (an image is megabytes), and releases everything as text as
 * soon as a character breaks the pattern. Each delta costs time linear in its own
 * length plus the bounded head.
 */
export class MarkdownImageStreamHold {
  private held = '';
  /** `held` is a valid head plus a body so far. */
  private inBody = false;

  /** Text that can be emitted now (it may contain complete images). */
  push(text: string): string {
    let out = '';
    let rest = text;
    while (rest.length > 0) {
      if (this.inBody) {
        let j = 0;
        while (j < rest.length && isBodyChar(rest.charCodeAt(j))) j++;
        if (j === rest.length) {
          this.held += rest;
          return out;
        }
        const complete = rest.charCodeAt(j) === CLOSE_PAREN;
        const cut = complete ? j + 1 : j;
        out += this.held + rest.slice(0, cut);
        this.held = '';
        this.inBody = false;
        rest = rest.slice(cut);
        continue;
      }
      const combined = this.held + rest;
      this.held = '';
      const tail = findTailCandidate(combined);
      if (tail === undefined) return out + combined;
      out += combined.slice(0, tail.start);
      this.held = combined.slice(tail.start);
      this.inBody = tail.inBody;
      return out;
    }
    return out;
  }

  /** Whatever is held at the end of the stream (it never completed: it is text). */
  flush(): string {
    const held = this.held;
    this.held = '';
    this.inBody = false;
    return held;
  }
}

/**
 * The start of an unfinished image at the end of `text`, if any: `!`, `![alt`,
 * `![alt](data:ima…`, or a complete head plus a body that runs to the end.
 */
function findTailCandidate(text: string): { start: number; inBody: boolean } | undefined {
  const n = text.length;
  const close = text.lastIndexOf(']');
  if (close !== -1) {
    const head = readHead(text, close);
    let viable = head.kind === 'partial';
    let inBody = false;
    if (head.kind === 'body') {
      let i = head.bodyStart;
      while (i < n && isBodyChar(text.charCodeAt(i))) i++;
      viable = i === n;
      inBody = true;
    }
    if (viable) {
      const start = findImageOpen(text, close, -1);
      if (
        start !== -1 &&
        (inBody ? (head as { bodyStart: number }).bodyStart - start : n - start) <=
          MARKDOWN_IMAGE_HEAD_MAX
      )
        return { start, inBody };
    }
  }
  // `!` or `![alt` with no `]` or newline after it.
  const from = Math.max(close + 1, text.lastIndexOf('\n') + 1, n - MARKDOWN_IMAGE_HEAD_MAX);
  for (let k = text.indexOf('!', from); k !== -1; k = text.indexOf('!', k + 1)) {
    if (k === n - 1 || text.charCodeAt(k + 1) === OPEN_BRACKET) return { start: k, inBody: false };
  }
  return undefined;
}
