import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { start } from 'workflow/api';
import { filesContaining, findSecretInDirectory } from './scan-directory';
import { useEmulatorWithKey } from './use-emulator';
import { mediaSteps } from './workflows/media-steps';

// Embedding and image models created in a workflow, called in steps on the local world.
const KEY = 'sk-durable-MEDIA-5c21e8b0a94f';
const DATA_DIR = resolve(import.meta.dirname, '..', '.workflow-data');

const env = useEmulatorWithKey(KEY);

describe('media models in a durable run', () => {
  it('embeds and generates an image in steps, with the key only in the environment', async () => {
    const run = await start(mediaSteps, [env.emulator.baseURL]);
    const result = await run.returnValue;
    expect(result.embedding.dimensions).toBeGreaterThan(0);
    expect(result.embedding.finite).toBe(true);
    expect(result.image.mediaType).toBe('image/png');
    expect(result.image.bytes).toBeGreaterThan(100);

    const calls = env.emulator.requests.filter(
      (r) => r.path === '/v1/embeddings' || r.path === '/v1/images/generations',
    );
    expect(calls.map((r) => r.path)).toEqual(['/v1/embeddings', '/v1/images/generations']);
    for (const call of calls) {
      expect(call.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(call.headers['x-trace-id']).toBe('durable-media');
    }
    // The models crossed the step boundary as state (readable), never with the key.
    expect(await filesContaining(DATA_DIR, '"mixrouter.embedding"')).toBeGreaterThan(0);
    expect(await filesContaining(DATA_DIR, '"mixrouter.image"')).toBeGreaterThan(0);
    const scan = await findSecretInDirectory(DATA_DIR, KEY.slice(3));
    expect(scan.files).toBeGreaterThan(0);
    expect(scan.hits).toEqual([]);
  });
});
