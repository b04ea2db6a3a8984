import { describe, expect, it } from 'vitest';
import { readJsonFixture } from '../test-utils/sse';
import {
  asRecord,
  asString,
  audioFormatToMediaType,
  fileItemFromUrl,
  readAudio,
  readContent,
  readReasoning,
  readToolCalls,
  readUrlCitations,
} from './read-mixrouter-message';

function messageOf(fixture: string): Record<string, unknown> {
  const body = readJsonFixture(fixture) as { choices: [{ message: Record<string, unknown> }] };
  return body.choices[0].message;
}

const S3_URL = 'https://toiotech.s3.cn-northwest-1.amazonaws.com.cn/images/1766736902-8f3kq2.png';

describe('type guards', () => {
  it('asRecord accepts only plain objects; asString only strings', () => {
    expect(asRecord({ a: 1 })).toEqual({ a: 1 });
    expect([null, [], 'x', 1].map(asRecord)).toEqual([undefined, undefined, undefined, undefined]);
    expect([asString('x'), asString(1), asString(null)]).toEqual(['x', undefined, undefined]);
  });
});

describe('readReasoning', () => {
  it('reads reasoning_content first, then reasoning', () => {
    expect(readReasoning(messageOf('deepseek-reasoner'))).toBe(
      'Pair 1 with 100, 2 with 99: 50 pairs of 101.',
    );
    expect(readReasoning({ reasoning: 'r' })).toBe('r');
    expect(readReasoning({ reasoning_content: 'a', reasoning: 'b' })).toBe('a');
    expect(readReasoning({ reasoning_content: '', reasoning: 'b' })).toBe('b');
  });

  it('ignores empty, null and non-string values (e.g. OpenRouter reasoning objects)', () => {
    for (const message of [
      {},
      { reasoning_content: null },
      { reasoning_content: '' },
      { reasoning: { effort: 'high' } },
    ]) {
      expect(readReasoning(message)).toBeUndefined();
    }
  });
});

const IMAGES = { markdownImages: true };
const TEXT_ONLY = { markdownImages: false };

describe('readContent', () => {
  it('reads a string, null and an array of text parts', () => {
    expect(readContent({ content: 'Hi' }, TEXT_ONLY)).toEqual([{ type: 'text', text: 'Hi' }]);
    expect(readContent({ content: null }, TEXT_ONLY)).toEqual([]);
    expect(readContent({ content: '' }, TEXT_ONLY)).toEqual([]);
    expect(
      readContent(
        {
          content: [{ type: 'text', text: 'a' }, { type: 'output_text', text: 'b' }, 'junk', null],
        },
        TEXT_ONLY,
      ),
    ).toEqual([
      { type: 'text', text: 'a' },
      { type: 'text', text: 'b' },
    ]);
  });

  it('reads the MixRouter Gemini image array with the capitalised MimeType key', () => {
    expect(readContent(messageOf('gemini-2.5-flash-image'), IMAGES)).toEqual([
      { type: 'text', text: 'Here is a cat wearing a hat.' },
      { type: 'file', mediaType: 'image/png', data: { type: 'url', url: new URL(S3_URL) } },
    ]);
  });

  it('reads mime_type / mimeType variants, bare string image_url and data URLs', () => {
    expect(
      readContent(
        {
          content: [
            { type: 'image_url', image_url: { url: 'https://x.test/a', mime_type: 'image/webp' } },
            { type: 'image_url', image_url: { url: 'https://x.test/b', mimeType: 'image/gif' } },
            { type: 'image_url', image_url: 'https://x.test/c.jpeg?sig=1' },
            { type: 'image', image: { url: 'data:image/jpeg;base64,/9j/4AAQ' } },
            { type: 'image_url', image_url: { url: '' } },
            { type: 'image_url', image_url: { url: 'ftp://x.test/d.png' } },
            { type: 'image_url', image_url: { url: 'not a url' } },
          ],
        },
        TEXT_ONLY,
      ),
    ).toEqual([
      {
        type: 'file',
        mediaType: 'image/webp',
        data: { type: 'url', url: new URL('https://x.test/a') },
      },
      {
        type: 'file',
        mediaType: 'image/gif',
        data: { type: 'url', url: new URL('https://x.test/b') },
      },
      {
        type: 'file',
        mediaType: 'image/jpeg',
        data: { type: 'url', url: new URL('https://x.test/c.jpeg?sig=1') },
      },
      { type: 'file', mediaType: 'image/jpeg', data: { type: 'data', data: '/9j/4AAQ' } },
    ]);
  });

  it('guesses image/png for an extension it does not know, including prototype names', () => {
    for (const url of [
      'https://x.test/a',
      'https://x.test/a.bin',
      'https://x.test/a.constructor',
    ]) {
      expect(fileItemFromUrl(url, undefined)).toMatchObject({ mediaType: 'image/png' });
    }
  });

  it('splits stock markdown data-URI images out of the text, keeping the text around them', () => {
    expect(readContent(messageOf('gemini-2.5-flash-image-markdown'), IMAGES)).toEqual([
      { type: 'text', text: 'Here is a cat wearing a hat.\n' },
      { type: 'file', mediaType: 'image/png', data: { type: 'data', data: 'iVBORw0KGgo=' } },
      { type: 'text', text: '\nEnjoy!' },
    ]);
  });

  it('strips whitespace inside the base64 of a markdown image', () => {
    expect(readContent({ content: '![image](data:image/png;base64,iVBO\nRw0K)' }, IMAGES)).toEqual([
      { type: 'file', mediaType: 'image/png', data: { type: 'data', data: 'iVBORw0K' } },
    ]);
  });

  it('keeps markdown links to data URIs, and non-image data URIs, as text', () => {
    for (const content of [
      '[media](data:audio/wav;base64,UklGRgAA)',
      '[x](data:image/png;base64,iVBORw0K)',
      '![clip](data:audio/wav;base64,UklGRgAA)',
    ])
      expect(readContent({ content }, IMAGES)).toEqual([{ type: 'text', text: content }]);
  });

  it('keeps markdown images as text for models that do not output images', () => {
    const content = 'Look: ![image](data:image/png;base64,iVBORw0KGgo=) done';
    expect(readContent({ content }, TEXT_ONLY)).toEqual([{ type: 'text', text: content }]);
  });

  it('leaves ordinary markdown links and images alone', () => {
    const text = 'See ![logo](https://x.test/logo.png) and [docs](https://x.test/docs).';
    expect(readContent({ content: text }, IMAGES)).toEqual([{ type: 'text', text }]);
  });
});

describe('readToolCalls', () => {
  it('reads tool calls with string or object arguments and extra_content', () => {
    expect(readToolCalls(messageOf('gemini-3-pro-preview-tool-call'))).toEqual([
      {
        index: undefined,
        id: 'call_3f1c2b9e8d7a4c6b',
        type: 'function',
        function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
        extra_content: { google: { thought_signature: 'CiQB0e2Kb7Zq9sig==' } },
      },
    ]);
    expect(
      readToolCalls({ tool_calls: [{ function: { name: 'f', arguments: { a: 1 } } }] }),
    ).toEqual([
      {
        index: undefined,
        id: undefined,
        type: undefined,
        function: { name: 'f', arguments: '{"a":1}' },
        extra_content: undefined,
      },
    ]);
  });

  it('skips junk entries and treats wrong types as absent', () => {
    expect(readToolCalls({ tool_calls: 'x' })).toEqual([]);
    expect(readToolCalls({ tool_calls: null })).toEqual([]);
    expect(
      readToolCalls({
        tool_calls: [null, 1, { index: '0', id: 7, function: { name: 3, arguments: [1] } }],
      }),
    ).toEqual([
      {
        index: undefined,
        id: undefined,
        type: undefined,
        function: { name: undefined, arguments: undefined },
        extra_content: undefined,
      },
    ]);
  });
});

describe('readAudio and readUrlCitations', () => {
  it('reads message.audio', () => {
    expect(readAudio(messageOf('gpt-4o-audio-preview'))).toEqual({
      data: 'UklGRgAAAAA=',
      transcript: 'Hello there!',
      id: 'audio_6789abcdef',
    });
    expect(readAudio({ audio: null })).toBeUndefined();
  });

  it('reads url_citation annotations (nested or flat) and skips others', () => {
    expect(
      readUrlCitations({
        annotations: [
          { type: 'url_citation', url_citation: { url: 'https://a.test', title: 'A' } },
          { type: 'url_citation', url: 'https://b.test' },
          { type: 'file_citation', file_citation: { file_id: 'f' } },
          { type: 'url_citation', url_citation: { title: 'no url' } },
        ],
      }),
    ).toEqual([
      { url: 'https://a.test', title: 'A' },
      { url: 'https://b.test', title: undefined },
    ]);
    expect(readUrlCitations({ annotations: {} })).toEqual([]);
  });

  it('maps audio formats to media types, defaulting to wav', () => {
    expect(
      ['wav', 'mp3', 'flac', 'opus', 'aac', 'pcm16', undefined, 'x'].map(audioFormatToMediaType),
    ).toEqual([
      'audio/wav',
      'audio/mpeg',
      'audio/flac',
      'audio/ogg',
      'audio/aac',
      'audio/pcm',
      'audio/wav',
      'audio/wav',
    ]);
  });
});
