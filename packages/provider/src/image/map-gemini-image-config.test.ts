import type { SharedV4Warning } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { mapGeminiImageConfig } from './map-gemini-image-config';

function map(modelId: string, aspectRatio?: string, size?: string) {
  const warnings: SharedV4Warning[] = [];
  const config = mapGeminiImageConfig({ modelId, size, aspectRatio, warnings });
  return { config, warnings: warnings.map((w) => w.type) };
}

describe('mapGeminiImageConfig', () => {
  it('passes supported aspect ratios through', () => {
    expect(map('gemini-2.5-flash-image', '16:9')).toEqual({
      config: { aspect_ratio: '16:9' },
      warnings: [],
    });
  });

  it('maps an unsupported ratio to the nearest one, with a warning', () => {
    expect(map('gemini-2.5-flash-image', '7:4')).toEqual({
      config: { aspect_ratio: '16:9' },
      warnings: ['compatibility'],
    });
  });

  it.each([
    ['1024x1024', '1K', '1:1'],
    ['1536x1024', '2K', '3:2'],
    ['2048x1152', '2K', '16:9'],
    ['4096x4096', '4K', '1:1'],
  ])('gemini-3 size %s → image_size %s, aspect_ratio %s', (size, imageSize, ratio) => {
    expect(map('gemini-3-pro-image-preview', undefined, size)).toEqual({
      config: { aspect_ratio: ratio, image_size: imageSize },
      warnings: ['compatibility'],
    });
  });

  it('keeps the explicit aspect ratio when size is also given', () => {
    expect(map('gemini-3-pro-image-preview', '9:16', '2048x2048').config).toEqual({
      aspect_ratio: '9:16',
      image_size: '2K',
    });
  });

  it('does not send image_size to Gemini 2.5 (only the ratio of the size)', () => {
    expect(map('gemini-2.5-flash-image', undefined, '1024x1792')).toEqual({
      config: { aspect_ratio: '9:16' },
      warnings: ['compatibility'],
    });
    expect(map('gemini-2.5-flash-image', '1:1', '1024x1024')).toEqual({
      config: { aspect_ratio: '1:1' },
      warnings: ['unsupported'],
    });
  });
});
