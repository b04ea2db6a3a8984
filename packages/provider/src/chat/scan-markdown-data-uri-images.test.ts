import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOSTILE_INPUTS } from '../test-utils/hostile-inputs';
import {
  findMarkdownDataUriImages,
  MARKDOWN_IMAGE_HEAD_MAX,
  MarkdownImageStreamHold,
} from './scan-markdown-data-uri-images';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

/** Pushes `pieces` through a hold; returns what was released, piece by piece, and the flush. */
function stream(pieces: string[]): { released: string[]; flushed: string } {
  const hold = new MarkdownImageStreamHold();
  return { released: pieces.map((p) => hold.push(p)), flushed: hold.flush() };
}

describe('findMarkdownDataUriImages', () => {
  it('finds images with their exact span and URL', () => {
    const text = `Here:\n![image](${PNG})\nand ![b](data:image/jpeg;name=x.jpg;base64,/9j/) done`;
    const matches = findMarkdownDataUriImages(text);
    expect(matches.map((m) => text.slice(m.start, m.end))).toEqual([
      `![image](${PNG})`,
      '![b](data:image/jpeg;name=x.jpg;base64,/9j/)',
    ]);
    expect(matches.map((m) => m.url)).toEqual([PNG, 'data:image/jpeg;name=x.jpg;base64,/9j/']);
  });

  it('accepts an empty alt, upper-case scheme and whitespace inside the base64', () => {
    expect(findMarkdownDataUriImages('![](DATA:IMAGE/PNG;BASE64,iVBO Rw0K\nGgo=)')).toHaveLength(1);
  });

  it.each([
    ['a link, not an image', `[x](${PNG})`],
    ['a non-image data URI', '![clip](data:audio/wav;base64,UklGRgAA)'],
    ['not base64', '![x](data:image/svg+xml,<svg/>)'],
    ['no body', '![x](data:image/png;base64,)'],
    ['unclosed', `![x](${PNG}`],
    ['alt across a newline', `![a\nb](${PNG})`],
    ['a URL, not a data URI', '![logo](https://x.test/logo.png)'],
    ['non-base64 character in the body', '![x](data:image/png;base64,iVBO!Rw0K)'],
    ['alt text longer than the bound', `![${'a'.repeat(MARKDOWN_IMAGE_HEAD_MAX)}](${PNG})`],
  ])('ignores %s', (_, text) => {
    expect(findMarkdownDataUriImages(text)).toEqual([]);
  });

  it('takes the leftmost `![` of an alt text (as the old regex did)', () => {
    const text = `![a![b](${PNG})`;
    expect(findMarkdownDataUriImages(text)).toEqual([{ start: 0, end: text.length, url: PNG }]);
  });

  it.each(HOSTILE_INPUTS.filter((input) => input.kind === 'image-text'))(
    'hostile 1 MB input $name: finds exactly what a naive definition finds',
    ({ build }) => {
      const text = build(1_000_000);
      const found = findMarkdownDataUriImages(text);
      // none of the crafted inputs contains a complete image, except image-brackets,
      // whose `[` run is a link (no `!`): nothing either.
      expect(found).toEqual([]);
    },
  );
});

describe('MarkdownImageStreamHold', () => {
  it('holds an image cut across deltas and releases it whole', () => {
    const text = `Look ![image](${PNG}) there`;
    for (let cut = 0; cut <= text.length; cut++) {
      const { released, flushed } = stream([text.slice(0, cut), text.slice(cut)]);
      expect(released.join('') + flushed).toBe(text);
      // the image is never split between two releases
      const withImage = released.filter((r) => r.includes('](data:'));
      for (const r of withImage) expect(findMarkdownDataUriImages(r)).toHaveLength(1);
    }
  });

  it('an unclosed `![` holds back at most MARKDOWN_IMAGE_HEAD_MAX characters', () => {
    const hold = new MarkdownImageStreamHold();
    let released = hold.push('before ![alt');
    expect(released).toBe('before ');
    let total = released;
    for (let i = 0; i < 100; i++) {
      released = hold.push('x'.repeat(10));
      total += released;
    }
    const held = hold.flush();
    expect(held.length).toBeLessThanOrEqual(MARKDOWN_IMAGE_HEAD_MAX);
    expect(total + held).toBe(`before ![alt${'x'.repeat(1000)}`);
  });

  it('a newline or a closing bracket that is not followed by a data URI releases the hold', () => {
    expect(stream(['![alt', '\nmore']).released.join('')).toBe('![alt\nmore');
    expect(stream(['![alt', '](https://x.test/a.png) ok']).released.join('')).toBe(
      '![alt](https://x.test/a.png) ok',
    );
  });

  it('keeps holding a valid base64 body of any length, released at the first invalid character', () => {
    const hold = new MarkdownImageStreamHold();
    expect(hold.push('![a](data:image/png;base64,')).toBe('');
    for (let i = 0; i < 50; i++) expect(hold.push('QUFB'.repeat(1000))).toBe('');
    const released = hold.push('QQ!tail');
    expect(released.startsWith('![a](data:image/png;base64,QUFB')).toBe(true);
    expect(released.endsWith('QQ!tail')).toBe(true);
    expect(hold.flush()).toBe('');
  });

  it('property: any split gives the same text and the same images as the whole string', () => {
    const piece = fc.constantFrom(
      '![',
      '](',
      'data:image/png;base64,',
      'iVBO',
      ')',
      '!',
      '[',
      ']',
      '\n',
      'text ',
      'data:',
      ';base64,',
      'image/',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (pieces, cuts) => {
          const text = pieces.join('');
          const offsets = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort(
            (a, b) => a - b,
          );
          const parts: string[] = [];
          let last = 0;
          for (const o of offsets) {
            parts.push(text.slice(last, o));
            last = o;
          }
          parts.push(text.slice(last));
          const { released, flushed } = stream(parts);
          expect(released.join('') + flushed).toBe(text);
          const images = [...released, flushed].flatMap((r) =>
            findMarkdownDataUriImages(r).map((m) => m.url),
          );
          expect(images).toEqual(findMarkdownDataUriImages(text).map((m) => m.url));
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each(HOSTILE_INPUTS.filter((input) => input.kind === 'image-text'))(
    'hostile 1 MB input $name in 1 KB deltas: everything is released as text, in order',
    ({ build }) => {
      const text = build(1_000_000);
      const pieces: string[] = [];
      for (let i = 0; i < text.length; i += 1024) pieces.push(text.slice(i, i + 1024));
      const { released, flushed } = stream(pieces);
      expect(released.join('') + flushed).toBe(text);
    },
  );
});
