import { describe, expect, it } from 'vitest';
import { buildMixRouterURL, splitMixRouterBaseURL, withBaseURLQuery } from './mixrouter-url';

describe('buildMixRouterURL', () => {
  it('puts the path before the base URL query, not after it', () => {
    expect(buildMixRouterURL('https://h.test/v1?key=k', '/chat/completions')).toBe(
      'https://h.test/v1/chat/completions?key=k',
    );
  });

  it('tolerates a trailing slash before the query and keeps its encoding', () => {
    expect(buildMixRouterURL('https://h.test/v1/?key=k+1%2B', '/embeddings')).toBe(
      'https://h.test/v1/embeddings?key=k+1%2B',
    );
  });

  it('keeps encoded path segments and appends the path query after the base query', () => {
    expect(buildMixRouterURL('https://h.test/v1?key=k', '/videos/a%2Fb?x=1')).toBe(
      'https://h.test/v1/videos/a%2Fb?key=k&x=1',
    );
    expect(buildMixRouterURL('http://127.0.0.1:3000/v1', '/models?x=1')).toBe(
      'http://127.0.0.1:3000/v1/models?x=1',
    );
  });

  it('drops a fragment, which is never sent', () => {
    expect(buildMixRouterURL('https://h.test/v1#frag', '/models')).toBe('https://h.test/v1/models');
  });
});

describe('splitMixRouterBaseURL / withBaseURLQuery', () => {
  it('splits off the query and puts it back behind the request own parameters', () => {
    const { base, search } = splitMixRouterBaseURL('https://h.test/v1/?key=k#f');
    expect(base).toBe('https://h.test/v1');
    expect(search).toBe('?key=k');
    expect(withBaseURLQuery(`${base}/responses`, search)).toBe('https://h.test/v1/responses?key=k');
    expect(
      withBaseURLQuery('https://h.test/v1beta/models/g:streamGenerateContent?alt=sse', search),
    ).toBe('https://h.test/v1beta/models/g:streamGenerateContent?alt=sse&key=k');
    expect(withBaseURLQuery('https://h.test/v1/messages', '')).toBe('https://h.test/v1/messages');
  });
});
