import { describe, expect, it } from 'vitest';
import { getMixRouterModelInfo } from '../mixrouter-model-catalogue';
import { getMixRouterSupportedUrls } from './mixrouter-media-url-support';

describe('getMixRouterSupportedUrls', () => {
  const http = [/^https?:\/\/.+$/i];
  it.each([
    ['gpt-4o', { 'image/*': http }],
    ['gpt-4o-audio-preview', {}],
    ['claude-sonnet-4-5-20250929', { 'image/*': http, 'application/pdf': http }],
    [
      'gemini-2.5-flash',
      { 'image/*': http, 'audio/*': http, 'video/*': http, 'application/pdf': http },
    ],
    ['qwen2.5-vl-72b-instruct', { 'image/*': http, 'audio/*': http, 'video/*': http }],
    ['glm-4.5v', { 'image/*': http, 'video/*': http }],
    ['deepseek-chat', {}],
  ])('%s', (modelId, expected) => {
    expect(getMixRouterSupportedUrls(getMixRouterModelInfo(modelId))).toEqual(expected);
  });

  it('matches http(s) URLs only', () => {
    const [pattern] = getMixRouterSupportedUrls(getMixRouterModelInfo('gpt-4o'))['image/*']!;
    expect(pattern!.test('https://x.test/a.png')).toBe(true);
    expect(pattern!.test('http://x.test/a.png')).toBe(true);
    expect(pattern!.test('data:image/png;base64,AAAA')).toBe(false);
    expect(pattern!.test('ftp://x.test/a.png')).toBe(false);
  });
});
