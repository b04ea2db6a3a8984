import type { SharedV4Warning } from '@ai-sdk/provider';
import { mixrouterImageModelTakesImageSize } from '../mixrouter-model-catalogue';
import { parseMixRouterAspectRatio as parseRatio } from '../parse-mixrouter-aspect-ratio';
import { nearestByRatio } from './map-mixrouter-image-size';

/** Aspect ratios Gemini image models accept in `image_config.aspect_ratio`. */
export const GEMINI_IMAGE_ASPECT_RATIOS = [
  '1:1',
  '2:3',
  '3:2',
  '3:4',
  '4:3',
  '4:5',
  '5:4',
  '9:16',
  '16:9',
  '21:9',
] as const;

export type GeminiImageConfig = {
  aspect_ratio?: string;
  image_size?: '1K' | '2K' | '4K';
};

const CANDIDATES = GEMINI_IMAGE_ASPECT_RATIOS.map((value) => ({
  ratio: parseRatio(value) as number,
  value,
}));

const takesImageSize = mixrouterImageModelTakesImageSize;

function imageSizeForLongestSide(longest: number): '1K' | '2K' | '4K' {
  // Nearest of 1024 / 2048 / 4096 on a log scale.
  if (longest <= 1448) return '1K';
  if (longest <= 2896) return '2K';
  return '4K';
}

/**
 * Maps `aspectRatio` / `size` to the chat request's `extra_body.google.image_config`.
 * `aspectRatio` → `aspect_ratio` (nearest supported one, with a warning, when Gemini does
 * not take it). `size` → `image_size` 1K/2K/4K by its longest side (Gemini 3 only) and,
 * when no aspect ratio was given, the nearest aspect ratio of its width/height; both with
 * a `compatibility` warning because Gemini cannot produce an exact pixel size.
 */
export function mapGeminiImageConfig({
  modelId,
  size,
  aspectRatio,
  warnings,
}: {
  modelId: string;
  size: string | undefined;
  aspectRatio: string | undefined;
  warnings: SharedV4Warning[];
}): GeminiImageConfig {
  const config: GeminiImageConfig = {};

  if (aspectRatio !== undefined) {
    const ratio = parseRatio(aspectRatio);
    if (ratio === undefined) {
      warnings.push({
        type: 'unsupported',
        feature: 'aspectRatio',
        details: `Aspect ratio "${aspectRatio}" is not of the form W:H and was ignored.`,
      });
    } else if ((GEMINI_IMAGE_ASPECT_RATIOS as readonly string[]).includes(aspectRatio)) {
      config.aspect_ratio = aspectRatio;
    } else {
      config.aspect_ratio = nearestByRatio(ratio, CANDIDATES);
      warnings.push({
        type: 'compatibility',
        feature: 'aspectRatio',
        details: `${modelId} does not support aspect ratio ${aspectRatio}; ${config.aspect_ratio} is used.`,
      });
    }
  }

  if (size !== undefined) {
    const match = /^(\d+)x(\d+)$/.exec(size);
    if (match === null) {
      warnings.push({
        type: 'unsupported',
        feature: 'size',
        details: `Size "${size}" is not of the form WxH and was ignored.`,
      });
      return config;
    }
    const width = Number(match[1]);
    const height = Number(match[2]);
    const parts: string[] = [];
    if (config.aspect_ratio === undefined && width > 0 && height > 0) {
      config.aspect_ratio = nearestByRatio(width / height, CANDIDATES);
      parts.push(`aspect_ratio ${config.aspect_ratio}`);
    }
    if (takesImageSize(modelId)) {
      config.image_size = imageSizeForLongestSide(Math.max(width, height));
      parts.push(`image_size ${config.image_size}`);
    }
    warnings.push(
      parts.length > 0
        ? {
            type: 'compatibility',
            feature: 'size',
            details: `${modelId} does not take a pixel size; size ${size} was mapped to ${parts.join(' and ')}.`,
          }
        : {
            type: 'unsupported',
            feature: 'size',
            details: `${modelId} does not take an output size; size ${size} was ignored.`,
          },
    );
  }

  return config;
}
