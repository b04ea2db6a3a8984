import type {
  SharedV4Warning,
  Experimental_VideoModelV4CallOptions as VideoModelV4CallOptions,
} from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { buildMixRouterVideoBody, getMixRouterVideoFamily } from './build-mixrouter-video-body';
import type { MixRouterVideoOptions } from './mixrouter-video-options';

const BASE: VideoModelV4CallOptions = {
  prompt: 'Waves at sunset',
  n: 1,
  aspectRatio: undefined,
  resolution: undefined,
  duration: undefined,
  fps: undefined,
  seed: undefined,
  image: undefined,
  frameImages: undefined,
  inputReferences: undefined,
  generateAudio: undefined,
  providerOptions: {},
};

function build(
  modelId: string,
  options: Partial<VideoModelV4CallOptions>,
  providerOptions?: MixRouterVideoOptions,
) {
  const warnings: SharedV4Warning[] = [];
  const body = buildMixRouterVideoBody({
    modelId,
    options: { ...BASE, ...options },
    providerOptions,
    warnings,
  });
  return {
    body,
    warnings: warnings.map((w) => ('feature' in w ? `${w.type}:${w.feature}` : w.type)),
  };
}

describe('getMixRouterVideoFamily', () => {
  it.each([
    ['sora-2', 'sora'],
    ['sora-2-pro', 'sora'],
    ['veo-3.1-generate-preview', 'veo'],
    ['doubao-seedance-1-0-lite-i2v-250428', 'seedance'],
    ['wan2.6-t2v', 'wan'],
    ['kling-v2-1', 'kling'],
    ['viduq2-pro', 'vidu'],
    ['MiniMax-Hailuo-02', 'hailuo'],
    ['pixverse-v5.5-t2v', 'pixverse'],
    ['hunyuan-video-v1.5', 'other'],
  ])('%s → %s', (modelId, family) => {
    expect(getMixRouterVideoFamily(modelId)).toBe(family);
  });
});

describe('buildMixRouterVideoBody', () => {
  it('Sora: seconds string, size from the aspect ratio, no seed/audio', () => {
    expect(
      build('sora-2', { duration: 8, aspectRatio: '9:16', seed: 1, generateAudio: true }),
    ).toMatchInlineSnapshot(`
      {
        "body": {
          "duration": 8,
          "model": "sora-2",
          "prompt": "Waves at sunset",
          "seconds": "8",
          "size": "720x1280",
        },
        "warnings": [
          "unsupported:seed",
          "unsupported:generateAudio",
        ],
      }
    `);
  });

  it('Sora: resolution wins as size; other ratios map to the nearest orientation', () => {
    expect(build('sora-2-pro', { resolution: '1792x1024' }).body.size).toBe('1792x1024');
    expect(build('sora-2', { aspectRatio: '4:3' })).toMatchObject({
      body: { size: '1280x720' },
      warnings: ['compatibility:aspectRatio'],
    });
  });

  it('Seedance: first/last frames as images, ratio/resolution/seed/audio in metadata, user metadata wins', () => {
    expect(
      build(
        'doubao-seedance-1-0-lite-i2v-250428',
        {
          duration: 5,
          aspectRatio: 'adaptive',
          resolution: '1280x720',
          seed: -1,
          generateAudio: false,
          image: { type: 'url', url: 'https://example.com/first.jpg' },
          frameImages: [
            {
              frameType: 'first_frame',
              image: { type: 'url', url: 'https://example.com/first.jpg' },
            },
            {
              frameType: 'last_frame',
              image: { type: 'file', mediaType: 'image/png', data: new Uint8Array([1, 2, 3]) },
            },
          ],
        },
        { metadata: { camera_fixed: false, seed: 7 } },
      ),
    ).toMatchInlineSnapshot(`
      {
        "body": {
          "duration": 5,
          "images": [
            "https://example.com/first.jpg",
            "data:image/png;base64,AQID",
          ],
          "metadata": {
            "camera_fixed": false,
            "generate_audio": false,
            "ratio": "adaptive",
            "resolution": "720p",
            "seed": 7,
          },
          "model": "doubao-seedance-1-0-lite-i2v-250428",
          "prompt": "Waves at sunset",
          "size": "1280x720",
        },
        "warnings": [],
      }
    `);
  });

  it('Veo: camelCase metadata and durationSeconds', () => {
    expect(
      build('veo-3.1-generate-preview', {
        duration: 8,
        aspectRatio: '16:9',
        resolution: '1920x1080',
        seed: 3,
        generateAudio: true,
        image: { type: 'file', mediaType: 'image/jpeg', data: 'AQID' },
      }).body,
    ).toMatchInlineSnapshot(`
      {
        "duration": 8,
        "image": "data:image/jpeg;base64,AQID",
        "metadata": {
          "aspectRatio": "16:9",
          "durationSeconds": 8,
          "generateAudio": true,
          "resolution": "1080p",
          "seed": 3,
        },
        "model": "veo-3.1-generate-preview",
        "prompt": "Waves at sunset",
        "size": "1920x1080",
      }
    `);
  });

  it('Wan: resolution tier in upper case and W*H size in metadata', () => {
    expect(build('wan2.6-t2v', { resolution: '1280x720', seed: 9 }).body.metadata).toEqual({
      resolution: '720P',
      size: '1280*720',
      seed: 9,
    });
  });

  it('maps unsupported ratios/resolutions to the nearest, with warnings', () => {
    expect(build('kling-v2-1', { aspectRatio: '4:3', resolution: '1280x720' })).toMatchObject({
      body: { metadata: { aspect_ratio: '16:9' }, size: '1280x720' },
      warnings: ['compatibility:aspectRatio'],
    });
    expect(build('veo-3', { resolution: '854x480' })).toMatchObject({
      body: { metadata: { resolution: '720p' } },
      warnings: ['compatibility:resolution'],
    });
  });

  it('warns for what an unknown family cannot take, and for fps and video references', () => {
    expect(
      build('hunyuan-video-v1.5', {
        aspectRatio: '16:9',
        seed: 1,
        generateAudio: true,
        fps: 24,
        inputReferences: [
          { type: 'url', url: 'https://example.com/ref.png', mediaType: 'image/png' },
          { type: 'url', url: 'https://example.com/ref.mp4', mediaType: 'video/mp4' },
        ],
      }),
    ).toMatchObject({
      body: { images: ['https://example.com/ref.png'] },
      warnings: [
        'unsupported:inputReferences',
        'unsupported:aspectRatio',
        'unsupported:seed',
        'unsupported:generateAudio',
        'unsupported:fps',
      ],
    });
  });

  it('drops a last frame without a first frame', () => {
    const { body, warnings } = build('viduq2-pro', {
      frameImages: [
        { frameType: 'last_frame', image: { type: 'url', url: 'https://x.test/l.png' } },
      ],
    });
    expect(body.images).toBeUndefined();
    expect(body.image).toBeUndefined();
    expect(warnings).toEqual(['unsupported:frameImages']);
  });

  it('merges mode and extraBody last', () => {
    expect(
      build('kling-v2-1', {}, { mode: 'pro', extraBody: { prompt: 'override', callback_url: 'x' } })
        .body,
    ).toEqual({ model: 'kling-v2-1', prompt: 'override', mode: 'pro', callback_url: 'x' });
  });
});
