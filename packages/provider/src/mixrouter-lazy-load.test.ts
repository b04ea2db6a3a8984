import { describe, expect, it } from 'vitest';
import { lazyLoad } from './mixrouter-lazy-load';

describe('lazyLoad', () => {
  it('loads once, also for concurrent first calls', async () => {
    let loads = 0;
    const load = /* @__PURE__ */ lazyLoad(async () => {
      loads++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { value: loads };
    });
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(b);
    expect(await load()).toBe(a);
    expect(loads).toBe(1);
  });

  it('tries again after a failed load', async () => {
    let attempts = 0;
    const load = /* @__PURE__ */ lazyLoad(async () => {
      attempts++;
      if (attempts === 1) throw new Error('chunk missing');
      return 'loaded';
    });
    await expect(load()).rejects.toThrow('chunk missing');
    await expect(load()).resolves.toBe('loaded');
    expect(attempts).toBe(2);
  });
});
