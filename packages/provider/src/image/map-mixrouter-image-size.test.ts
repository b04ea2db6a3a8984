import type { SharedV4Warning } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { parseMixRouterAspectRatio as parseRatio } from '../parse-mixrouter-aspect-ratio';
import { mapMixRouterImageSize, nearestByRatio } from './map-mixrouter-image-size';
import type { MixRouterImageFamily } from './mixrouter-image-family';

function map(family: MixRouterImageFamily, aspectRatio?: string, size?: string) {
  const warnings: SharedV4Warning[] = [];
  const fields = mapMixRouterImageSize({ family, modelId: 'm', size, aspectRatio, warnings });
  return { fields, warnings: warnings.map((w) => w.type) };
}

describe('mapMixRouterImageSize', () => {
  it.each([
    ['1:1', '1024x1024'],
    ['16:9', '1792x1024'],
    ['7:4', '1792x1024'],
    ['9:16', '1024x1792'],
    ['4:7', '1024x1792'],
  ])('dall-e-3 %s → %s without warnings', (ratio, size) => {
    expect(map('dall-e-3', ratio)).toEqual({ fields: { size }, warnings: [] });
  });

  it.each([
    ['5:4', '1024x1024'],
    ['4:3', '1792x1024'],
    ['2:1', '1792x1024'],
    ['1:3', '1024x1792'],
  ])('dall-e-3 %s → nearest %s with a compatibility warning', (ratio, size) => {
    expect(map('dall-e-3', ratio)).toEqual({ fields: { size }, warnings: ['compatibility'] });
  });

  it.each([
    ['1:1', '1024x1024', []],
    ['3:2', '1536x1024', []],
    ['2:3', '1024x1536', []],
    ['16:9', '1536x1024', ['compatibility']],
    ['9:16', '1024x1536', ['compatibility']],
    ['6:5', '1024x1024', ['compatibility']],
  ])('gpt-image %s → %s', (ratio, size, warnings) => {
    expect(map('gpt-image', ratio)).toEqual({ fields: { size }, warnings });
  });

  it('passes the ratio through for flux and imagen', () => {
    expect(map('flux', '21:9')).toEqual({ fields: { aspect_ratio: '21:9' }, warnings: [] });
    expect(map('imagen', '16:9')).toEqual({ fields: { size: '16:9' }, warnings: [] });
    expect(map('imagen', '2:1')).toEqual({ fields: { size: '16:9' }, warnings: ['compatibility'] });
  });

  it('maps seedream and qwen-image ratios to sizes they accept', () => {
    expect(map('seedream', '16:9').fields).toEqual({ size: '1280x720' });
    expect(map('qwen-image', '9:16').fields).toEqual({ size: '928x1664' });
  });

  it('warns (unsupported) for families without a ratio parameter', () => {
    expect(map('other', '16:9')).toEqual({ fields: {}, warnings: ['unsupported'] });
  });

  it('lets size win over aspectRatio, with a warning', () => {
    expect(map('gpt-image', '16:9', '1024x1024')).toEqual({
      fields: { size: '1024x1024' },
      warnings: ['unsupported'],
    });
    expect(map('other', undefined, '800x600')).toEqual({
      fields: { size: '800x600' },
      warnings: [],
    });
  });

  it('ignores a malformed ratio with a warning', () => {
    expect(map('gpt-image', '0:1')).toEqual({ fields: {}, warnings: ['unsupported'] });
  });

  it('parses ratios and finds the nearest candidate', () => {
    expect(parseRatio('16:9')).toBeCloseTo(16 / 9);
    expect(parseRatio('1024x768')).toBeCloseTo(4 / 3);
    expect(parseRatio('abc')).toBeUndefined();
    expect(
      nearestByRatio(1.2, [
        { ratio: 1, value: 'a' },
        { ratio: 1.5, value: 'b' },
      ]),
    ).toBe('a');
  });
});
