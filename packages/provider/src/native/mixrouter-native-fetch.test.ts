import { describe, expect, it } from 'vitest';
import type { MixRouterConfig } from '../mixrouter-config';
import { createMixRouterNativeFetch } from './mixrouter-native-fetch';

function recordingConfig(baseURL: string) {
  const seen: Array<{ url: string; headers: Headers }> = [];
  const config: MixRouterConfig = {
    provider: 'mixrouter.messages',
    baseURL,
    url: (path) => `${baseURL}${path}`,
    headers: () => ({ Authorization: 'Bearer sk-native-0123456789', 'X-Custom': 'c' }),
    fetch: async (input, init) => {
      seen.push({ url: String(input), headers: new Headers(init?.headers) });
      return new Response('{}', { headers: { 'content-type': 'application/json' } });
    },
  };
  return { config, seen };
}

describe('createMixRouterNativeFetch', () => {
  it('authenticates requests to the base URL origin and puts the base query back', async () => {
    const { config, seen } = recordingConfig('https://gw.test/v1?key=k');
    const fetch = createMixRouterNativeFetch({ config });
    await fetch('https://gw.test/v1/messages', {
      method: 'POST',
      headers: { 'x-api-key': 'placeholder', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(seen[0].url).toBe('https://gw.test/v1/messages?key=k');
    expect(seen[0].headers.get('authorization')).toBe('Bearer sk-native-0123456789');
    expect(seen[0].headers.get('x-custom')).toBe('c');
    expect(seen[0].headers.get('x-api-key')).toBeNull();
  });

  it('sends none of the MixRouter headers (nor the placeholder credentials) to another origin', async () => {
    const { config, seen } = recordingConfig('https://gw.test/v1?key=k');
    const fetch = createMixRouterNativeFetch({ config });
    await fetch('https://files.elsewhere.test/a.pdf', {
      headers: { authorization: 'Bearer placeholder', 'x-goog-api-key': 'placeholder' },
    });
    expect(seen[0].url).toBe('https://files.elsewhere.test/a.pdf');
    expect(seen[0].headers.get('authorization')).toBeNull();
    expect(seen[0].headers.get('x-goog-api-key')).toBeNull();
    expect(seen[0].headers.get('x-custom')).toBeNull();
  });
});
