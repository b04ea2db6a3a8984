/**
 * Worst-case inputs for the package's scanners of untrusted text, built to a given size
 * (the benchmark uses 1 MB). Each targets a pattern that made a backtracking regex or a
 * rescanning loop super-linear. Shared by the unit tests (correctness on these exact
 * inputs) and `packages/bench` (time per MB); no test framework imports here.
 *
 * - `error-body`: a non-JSON HTTP error body (HTML summariser).
 * - `image-text`: answer text of an image-output model (markdown data-URI image scan).
 * - `think-text`: answer text of a model with inline `<think>` tags (tag splitter).
 * - `sse-body`: a raw 200 stream body (event-stream line splitter).
 */
export type HostileInputKind = 'error-body' | 'image-text' | 'think-text' | 'sse-body';

export type HostileInput = {
  name: string;
  kind: HostileInputKind;
  /** What the input attacks, for the report. */
  description: string;
  build: (bytes: number) => string;
};

function repeatTo(unit: string, bytes: number, prefix = '', suffix = ''): string {
  const count = Math.max(1, Math.floor((bytes - prefix.length - suffix.length) / unit.length));
  return prefix + unit.repeat(count) + suffix;
}

export const HOSTILE_INPUTS: readonly HostileInput[] = [
  {
    name: 'html-unclosed-tags',
    kind: 'error-body',
    description: '`<` repeated, no `>` anywhere (tag stripping rescans to the end per `<`)',
    build: (n) => repeatTo('<a ', n),
  },
  {
    name: 'html-script-unclosed',
    kind: 'error-body',
    description: '`<script>` repeated, never closed (lazy `[\\s\\S]*?` scan per tag)',
    build: (n) => repeatTo('<script>x', n),
  },
  {
    name: 'html-whitespace-run',
    kind: 'error-body',
    description: 'one run of whitespace and tags, text at the very end',
    build: (n) => repeatTo(' \t<br>\n', n, '', 'end'),
  },
  {
    name: 'image-bang-brackets',
    kind: 'image-text',
    description: '`![` repeated on one line (alt-text scan from every `![`)',
    build: (n) => repeatTo('![', n),
  },
  {
    name: 'image-heads-no-body',
    kind: 'image-text',
    description: '`![a](data:image/png;base64,` repeated, no body ever closed',
    build: (n) => repeatTo('![a](data:image/png;base64,', n),
  },
  {
    name: 'image-unclosed-body',
    kind: 'image-text',
    description: 'one image head, then 1 MB of base64 that never gets its `)`',
    build: (n) => repeatTo('QUFB', n, '![a](data:image/png;base64,', ' !'),
  },
  {
    name: 'image-brackets',
    kind: 'image-text',
    description: '`[` repeated (link alt text scan), then `](data:`',
    build: (n) => repeatTo('[', n, '', '](data:image/png;base64,QQ=='),
  },
  {
    name: 'think-open-tags',
    kind: 'think-text',
    description: '`<thin` repeated (partial tag held and rescanned)',
    build: (n) => repeatTo('<thin', n),
  },
  {
    name: 'think-whitespace',
    kind: 'think-text',
    description: '`<think>` then 1 MB of whitespace (trailing-whitespace trim per delta)',
    build: (n) => repeatTo(' \n', n, '<think>', 'x'),
  },
  {
    name: 'sse-carriage-returns',
    kind: 'sse-body',
    description: '1 MB of lone CRs (empty lines under the WHATWG rules)',
    build: (n) => repeatTo('\r', n),
  },
  {
    name: 'sse-one-long-line',
    kind: 'sse-body',
    description: 'a single 1 MB line with no line ending (kept as a partial line)',
    build: (n) => repeatTo('x', n, 'data: '),
  },
];
