/**
 * URL building for every route. The base URL may carry a query string (`…/v1?key=…`, a
 * gateway behind a proxy that authenticates by query) or a trailing slash; string
 * concatenation would put the path after the query (`/v1?key=…/chat/completions`). With
 * the URL API the path goes into the path and the query stays a query.
 */

/** `https://h/v1/?a=1` → `{ base: 'https://h/v1', search: '?a=1' }` (fragment dropped). */
export function splitMixRouterBaseURL(baseURL: string): { base: string; search: string } {
  const url = new URL(baseURL);
  const search = url.search;
  url.search = '';
  url.hash = '';
  return { base: url.href.replace(/\/+$/, ''), search };
}

/**
 * `buildMixRouterURL('https://h/v1?key=k', '/chat/completions')` →
 * `https://h/v1/chat/completions?key=k`. `path` starts with `/` and may carry its own
 * query, whose parameters come after the base URL's.
 */
export function buildMixRouterURL(baseURL: string, path: string): string {
  const url = new URL(baseURL);
  const queryStart = path.indexOf('?');
  const pathname = queryStart === -1 ? path : path.slice(0, queryStart);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${pathname}`;
  url.hash = '';
  const extra = queryStart === -1 ? '' : path.slice(queryStart + 1);
  if (extra !== '') url.search = url.search.length > 1 ? `${url.search}&${extra}` : extra;
  return url.href;
}

/**
 * Adds the base URL's query string to a request URL built by someone else (the official
 * providers on the native routes build `${baseURL}/responses` from a base URL we give
 * them without its query). The base URL's query is copied as written (no re-encoding);
 * the request's own parameters (`alt=sse`) come first.
 */
export function withBaseURLQuery(requestURL: string, search: string): string {
  if (search === '' || search === '?') return requestURL;
  const url = new URL(requestURL);
  const own = url.search.length > 1 ? url.search.slice(1) : '';
  url.search = own === '' ? search : `${own}&${search.slice(1)}`;
  return url.href;
}
