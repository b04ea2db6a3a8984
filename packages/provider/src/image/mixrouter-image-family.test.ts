import { describe, expect, it } from 'vitest';
import { getMixRouterImageCapabilities, getMixRouterImageFamily } from './mixrouter-image-family';

describe('getMixRouterImageFamily', () => {
  it.each([
    ['dall-e-3', 'dall-e-3'],
    ['gpt-image-1', 'gpt-image'],
    ['gpt-image-1-mini', 'gpt-image'],
    ['gemini-2.5-flash-image', 'gemini'],
    ['gemini-2.5-flash-image-preview', 'gemini'],
    ['gemini-3-pro-image-preview', 'gemini'],
    ['gemini-2.5-flash', 'other'],
    ['imagen-4.0-generate-001', 'imagen'],
    ['flux-1-kontext-pro', 'flux'],
    ['doubao-seedream-4-0-250828', 'seedream'],
    ['qwen-image-plus', 'qwen-image'],
    ['imagineart-1.5-preview', 'other'],
  ])('%s → %s', (modelId, family) => {
    expect(getMixRouterImageFamily(modelId)).toBe(family);
  });

  it('is conservative about images per call', () => {
    expect(getMixRouterImageCapabilities('dall-e-3').maxImagesPerCall).toBe(1);
    expect(getMixRouterImageCapabilities('gpt-image').maxImagesPerCall).toBe(10);
    expect(getMixRouterImageCapabilities('other').maxImagesPerCall).toBe(1);
    expect(getMixRouterImageCapabilities('other').supportsFileInputs).toBeUndefined();
  });
});
