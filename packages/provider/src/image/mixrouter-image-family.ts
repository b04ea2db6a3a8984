import { getMixRouterImageProfile, type MixRouterImageProfile } from '../mixrouter-model-catalogue';

/** Image model lines; decided by the catalogue. */
export type MixRouterImageFamily = MixRouterImageProfile;

export const getMixRouterImageFamily = getMixRouterImageProfile;

export type MixRouterImageFamilyCapabilities = {
  maxImagesPerCall: number;
  /** `undefined` = unknown. */
  supportsFileInputs: boolean | undefined;
  supportsMaskInputs: boolean | undefined;
  /** Whether `seed` is sent (otherwise an `unsupported` warning). */
  takesSeed: boolean;
  /** Default edit transport for this family. */
  editFormat: 'multipart' | 'json';
};

const CAPABILITIES: Record<MixRouterImageFamily, MixRouterImageFamilyCapabilities> = {
  'dall-e-3': {
    maxImagesPerCall: 1,
    supportsFileInputs: false,
    supportsMaskInputs: false,
    takesSeed: false,
    editFormat: 'multipart',
  },
  'dall-e-2': {
    maxImagesPerCall: 1,
    supportsFileInputs: true,
    supportsMaskInputs: true,
    takesSeed: false,
    editFormat: 'multipart',
  },
  'gpt-image': {
    maxImagesPerCall: 10,
    supportsFileInputs: true,
    supportsMaskInputs: true,
    takesSeed: false,
    editFormat: 'multipart',
  },
  gemini: {
    maxImagesPerCall: 1,
    supportsFileInputs: true,
    supportsMaskInputs: false,
    takesSeed: true,
    editFormat: 'multipart',
  },
  imagen: {
    maxImagesPerCall: 1,
    supportsFileInputs: false,
    supportsMaskInputs: false,
    takesSeed: false,
    editFormat: 'multipart',
  },
  flux: {
    maxImagesPerCall: 1,
    supportsFileInputs: true,
    supportsMaskInputs: false,
    takesSeed: true,
    editFormat: 'multipart',
  },
  seedream: {
    maxImagesPerCall: 1,
    supportsFileInputs: true,
    supportsMaskInputs: false,
    takesSeed: true,
    editFormat: 'json',
  },
  'qwen-image': {
    maxImagesPerCall: 1,
    supportsFileInputs: true,
    supportsMaskInputs: false,
    takesSeed: true,
    editFormat: 'json',
  },
  other: {
    maxImagesPerCall: 1,
    supportsFileInputs: undefined,
    supportsMaskInputs: undefined,
    takesSeed: false,
    editFormat: 'multipart',
  },
};

export function getMixRouterImageCapabilities(
  family: MixRouterImageFamily,
): MixRouterImageFamilyCapabilities {
  return CAPABILITIES[family];
}
