import type {
  SharedV4Warning,
  Experimental_VideoModelV4CallOptions as VideoModelV4CallOptions,
  Experimental_VideoModelV4File as VideoModelV4File,
} from '@ai-sdk/provider';
import { convertToBase64 } from '@ai-sdk/provider-utils';
import { getMixRouterVideoVendor, type MixRouterVideoVendor } from '../mixrouter-model-catalogue';
import { parseMixRouterAspectRatio as parseRatio } from '../parse-mixrouter-aspect-ratio';
import type { MixRouterVideoOptions } from './mixrouter-video-options';

/** Video vendors; decided by the catalogue. */
export type MixRouterVideoFamily = MixRouterVideoVendor;

export const getMixRouterVideoFamily = getMixRouterVideoVendor;

/**
 * Where each family takes the derived settings (vendor field names as their APIs document
 * them; the gateway merges `metadata` into the upstream payload, protocol §9.2).
 * `ratioKey`: metadata key for the aspect ratio; `tiers`/`tierKey`: resolution as a tier
 * label (`720p`) under that metadata key; `seedKey` / `audioKey`: metadata keys.
 */
type FamilySpec = {
  ratioKey?: string;
  ratios?: readonly string[];
  adaptive?: boolean;
  tierKey?: string;
  tiers?: readonly number[];
  tierSuffix?: 'p' | 'P';
  seedKey?: string;
  audioKey?: string;
  durationKey?: string;
};

const SPECS: Record<MixRouterVideoFamily, FamilySpec> = {
  // Sora: size + seconds at the top level (handled below), nothing in metadata.
  sora: {},
  veo: {
    ratioKey: 'aspectRatio',
    ratios: ['16:9', '9:16'],
    tierKey: 'resolution',
    tiers: [720, 1080],
    tierSuffix: 'p',
    seedKey: 'seed',
    audioKey: 'generateAudio',
    durationKey: 'durationSeconds',
  },
  seedance: {
    ratioKey: 'ratio',
    ratios: ['16:9', '4:3', '1:1', '3:4', '9:16', '21:9'],
    adaptive: true,
    tierKey: 'resolution',
    tiers: [480, 720, 1080],
    tierSuffix: 'p',
    seedKey: 'seed',
    audioKey: 'generate_audio',
  },
  wan: {
    tierKey: 'resolution',
    tiers: [480, 720, 1080],
    tierSuffix: 'P',
    seedKey: 'seed',
    audioKey: 'audio',
  },
  kling: { ratioKey: 'aspect_ratio', ratios: ['16:9', '9:16', '1:1'] },
  vidu: {
    ratioKey: 'aspect_ratio',
    ratios: ['16:9', '9:16', '1:1'],
    tierKey: 'resolution',
    tiers: [360, 720, 1080],
    tierSuffix: 'p',
    seedKey: 'seed',
  },
  hailuo: { tierKey: 'resolution', tiers: [512, 768, 1080], tierSuffix: 'P' },
  pixverse: {
    ratioKey: 'aspect_ratio',
    ratios: ['16:9', '4:3', '1:1', '3:4', '9:16'],
    tierKey: 'quality',
    tiers: [360, 540, 720, 1080],
    tierSuffix: 'p',
    seedKey: 'seed',
  },
  other: {},
};

const SORA_SIZES: Record<string, string> = { '16:9': '1280x720', '9:16': '720x1280' };

function nearest<T>(target: number, candidates: readonly T[], measure: (c: T) => number): T {
  let best = candidates[0];
  for (const candidate of candidates) {
    if (
      Math.abs(Math.log(measure(candidate) / target)) < Math.abs(Math.log(measure(best) / target))
    )
      best = candidate;
  }
  return best;
}

/** `data:` URL for file inputs (the gateway accepts URLs or base64), the URL itself otherwise. */
export function videoFileToString(file: VideoModelV4File): string {
  return file.type === 'url'
    ? file.url
    : `data:${file.mediaType};base64,${convertToBase64(file.data)}`;
}

function isVideoFile(file: VideoModelV4File): boolean {
  return file.mediaType?.toLowerCase().startsWith('video/') ?? false;
}

/**
 * Builds the task submit body (protocol §9.2) from the call options: `image`/`images`,
 * `duration` (and Sora `seconds`), `size`, and per-family `metadata` for aspect ratio,
 * resolution, seed and audio. Inputs a family cannot take become warnings; the caller's
 * `metadata` and `extraBody` win over derived values.
 */
export function buildMixRouterVideoBody({
  modelId,
  options,
  providerOptions,
  warnings,
}: {
  modelId: string;
  options: VideoModelV4CallOptions;
  providerOptions: MixRouterVideoOptions | undefined;
  warnings: SharedV4Warning[];
}): Record<string, unknown> {
  const family = getMixRouterVideoFamily(modelId);
  const spec = SPECS[family];
  const metadata: Record<string, unknown> = {};
  const body: Record<string, unknown> = { model: modelId, prompt: options.prompt };
  const unsupported = (feature: string, details: string) =>
    warnings.push({ type: 'unsupported', feature, details });

  // Images: first/last frames → images[0..1]; otherwise `image` plus reference images.
  const firstFrame = options.frameImages?.find((f) => f.frameType === 'first_frame')?.image;
  const lastFrame = options.frameImages?.find((f) => f.frameType === 'last_frame')?.image;
  const start = firstFrame ?? options.image;
  const references: VideoModelV4File[] = [];
  for (const reference of options.inputReferences ?? []) {
    if (isVideoFile(reference)) {
      unsupported(
        'inputReferences',
        'Video references are not sent; pass vendor fields in providerOptions.mixrouter.metadata.',
      );
    } else {
      references.push(reference);
    }
  }
  if (lastFrame !== undefined) {
    if (start === undefined) {
      unsupported('frameImages', 'A last_frame needs a first_frame; the last frame was not sent.');
    } else {
      body.images = [
        videoFileToString(start),
        videoFileToString(lastFrame),
        ...references.map(videoFileToString),
      ];
    }
  } else {
    if (start !== undefined) body.image = videoFileToString(start);
    if (references.length > 0) body.images = references.map(videoFileToString);
  }

  if (options.duration !== undefined) {
    body.duration = options.duration;
    if (family === 'sora') body.seconds = String(options.duration);
    if (spec.durationKey !== undefined) metadata[spec.durationKey] = options.duration;
  }

  // Aspect ratio and resolution.
  const { aspectRatio, resolution } = options;
  if (family === 'sora') {
    if (resolution !== undefined) {
      body.size = resolution;
      if (aspectRatio !== undefined) {
        unsupported('aspectRatio', `Sora takes a size; resolution ${resolution} is used.`);
      }
    } else if (aspectRatio !== undefined) {
      const ratio = aspectRatio === 'adaptive' ? undefined : parseRatio(aspectRatio);
      if (ratio === undefined) {
        unsupported('aspectRatio', `Sora does not support aspect ratio ${aspectRatio}.`);
      } else {
        const exact = SORA_SIZES[aspectRatio];
        body.size = exact ?? (ratio >= 1 ? SORA_SIZES['16:9'] : SORA_SIZES['9:16']);
        if (exact === undefined) {
          warnings.push({
            type: 'compatibility',
            feature: 'aspectRatio',
            details: `Sora supports 16:9 and 9:16; size ${body.size} is used for ${aspectRatio}.`,
          });
        }
      }
    }
  } else {
    if (aspectRatio !== undefined) {
      if (spec.ratioKey === undefined) {
        unsupported('aspectRatio', `${modelId} has no known aspect-ratio field on MixRouter.`);
      } else if (aspectRatio === 'adaptive') {
        if (spec.adaptive) metadata[spec.ratioKey] = 'adaptive';
        else unsupported('aspectRatio', `${modelId} does not support an adaptive aspect ratio.`);
      } else {
        const ratio = parseRatio(aspectRatio);
        const ratios = spec.ratios ?? [aspectRatio];
        if (ratio === undefined) {
          unsupported('aspectRatio', `Aspect ratio "${aspectRatio}" is not of the form W:H.`);
        } else if (ratios.includes(aspectRatio)) {
          metadata[spec.ratioKey] = aspectRatio;
        } else {
          const chosen = nearest(ratio, ratios, (r) => parseRatio(r) ?? 1);
          metadata[spec.ratioKey] = chosen;
          warnings.push({
            type: 'compatibility',
            feature: 'aspectRatio',
            details: `${modelId} does not support aspect ratio ${aspectRatio}; ${chosen} is used.`,
          });
        }
      }
    }

    if (resolution !== undefined) {
      const match = /^(\d+)x(\d+)$/.exec(resolution);
      const shortSide = match !== null ? Math.min(Number(match[1]), Number(match[2])) : undefined;
      if (spec.tierKey !== undefined && spec.tiers !== undefined && shortSide !== undefined) {
        const tier = nearest(shortSide, spec.tiers, (t) => t);
        metadata[spec.tierKey] = `${tier}${spec.tierSuffix ?? 'p'}`;
        if (tier !== shortSide) {
          warnings.push({
            type: 'compatibility',
            feature: 'resolution',
            details: `${modelId} supports ${spec.tiers.map((t) => `${t}${spec.tierSuffix ?? 'p'}`).join(', ')}; ${metadata[spec.tierKey]} is used for ${resolution}.`,
          });
        }
      }
      // Every adaptor reads the generic `size`; Wan also takes it as W*H in metadata.
      body.size = resolution;
      if (family === 'wan' && match !== null) metadata.size = `${match[1]}*${match[2]}`;
    }
  }

  if (options.seed !== undefined) {
    if (spec.seedKey !== undefined) metadata[spec.seedKey] = options.seed;
    else unsupported('seed', `${modelId} does not take a seed on MixRouter.`);
  }
  if (options.generateAudio !== undefined) {
    if (spec.audioKey !== undefined) metadata[spec.audioKey] = options.generateAudio;
    else unsupported('generateAudio', `${modelId} has no audio switch on MixRouter.`);
  }
  if (options.fps !== undefined) {
    unsupported('fps', `${modelId} does not take a frame rate on MixRouter.`);
  }
  if (options.n > 1) {
    unsupported('n', 'MixRouter video tasks produce one video each.');
  }

  if (providerOptions?.mode !== undefined) body.mode = providerOptions.mode;
  const mergedMetadata = { ...metadata, ...providerOptions?.metadata };
  if (Object.keys(mergedMetadata).length > 0) body.metadata = mergedMetadata;

  return { ...body, ...providerOptions?.extraBody };
}
