import { describe, expect, it } from 'vitest';
import { extractMixRouterVideoUrl, isHttpUrl } from './extract-mixrouter-video-url';

const succeeded = { succeeded: true };

describe('extractMixRouterVideoUrl', () => {
  it('reads metadata.url first (OpenAI-Video object)', () => {
    expect(
      extractMixRouterVideoUrl(
        { metadata: { url: 'https://cdn.test/a.mp4' }, url: 'https://cdn.test/b.mp4' },
        succeeded,
      ),
    ).toBe('https://cdn.test/a.mp4');
  });

  it('reads url (flat shape), then result_url (envelope)', () => {
    expect(extractMixRouterVideoUrl({ url: 'https://cdn.test/b.mp4' }, succeeded)).toBe(
      'https://cdn.test/b.mp4',
    );
    expect(
      extractMixRouterVideoUrl(
        { result_url: 'https://cdn.test/c.mp4', fail_reason: 'https://cdn.test/d.mp4' },
        succeeded,
      ),
    ).toBe('https://cdn.test/c.mp4');
  });

  it('reads the [dec25] fail_reason URL only for succeeded tasks', () => {
    const task = { status: 'SUCCESS', fail_reason: 'https://cdn.test/d.mp4', result_url: '' };
    expect(extractMixRouterVideoUrl(task, succeeded)).toBe('https://cdn.test/d.mp4');
    expect(extractMixRouterVideoUrl(task, { succeeded: false })).toBeUndefined();
    expect(
      extractMixRouterVideoUrl({ fail_reason: 'upstream timeout' }, succeeded),
    ).toBeUndefined();
  });

  it('reads the vendor payload (Doubao content.video_url and friends)', () => {
    expect(
      extractMixRouterVideoUrl(
        {
          data: {
            id: 'cgt-1',
            status: 'succeeded',
            content: { video_url: 'https://ark.test/v.mp4' },
          },
        },
        succeeded,
      ),
    ).toBe('https://ark.test/v.mp4');
    expect(
      extractMixRouterVideoUrl({ data: { videos: [{ url: 'https://x.test/1.mp4' }] } }, succeeded),
    ).toBe('https://x.test/1.mp4');
  });

  it('ignores non-http(s) values and returns undefined when nothing is found', () => {
    expect(
      extractMixRouterVideoUrl(
        { metadata: { url: 'javascript:alert(1)' }, url: 'file:///etc/passwd', result_url: 42 },
        succeeded,
      ),
    ).toBeUndefined();
    expect(extractMixRouterVideoUrl({}, succeeded)).toBeUndefined();
  });

  it('isHttpUrl', () => {
    expect(isHttpUrl('https://a.test/x')).toBe(true);
    expect(isHttpUrl('data:video/mp4;base64,AAAA')).toBe(false);
    expect(isHttpUrl('not a url')).toBe(false);
  });
});
