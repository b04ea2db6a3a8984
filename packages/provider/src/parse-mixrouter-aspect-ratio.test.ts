import { describe, expect, it } from 'vitest';
import { parseMixRouterAspectRatio } from './parse-mixrouter-aspect-ratio';

describe('parseMixRouterAspectRatio (images and video)', () => {
  it.each([
    ['16:9', 16 / 9],
    ['9:16', 9 / 16],
    ['1024x768', 4 / 3],
    ['4 × 3', 4 / 3],
    ['2.39:1', 2.39],
    [' 1*1 ', 1],
    ['21X9', 21 / 9],
  ])('%j → %d', (value, ratio) => {
    expect(parseMixRouterAspectRatio(value)).toBeCloseTo(ratio);
  });

  it.each(['', 'abc', '16:', ':9', '0:1', '1:0', '-1:1', '16:9:1', '1e309:1'])(
    'rejects %j',
    (value) => {
      expect(parseMixRouterAspectRatio(value)).toBeUndefined();
    },
  );
});
