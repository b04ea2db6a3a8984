/** Model families that differ in what `/images/*` accepts (protocol §6). */
export type MixRouterImageFamily =
  | 'dall-e-2'
  | 'dall-e-3'
  | 'gpt-image'
  | 'gemini'
  | 'imagen'
  | 'flux'
  | 'seedream'
  | 'qwen-image'
  | 'other';

/** Gemini image models are served through chat completions, not `/images/generations`. */
const GEMINI_IMAGE = /^gemini-.*image/;

export function getMixRouterImageFamily(modelId: string): MixRouterImageFamily {
  const id = modelId.toLowerCase();
  if (id.startsWith('dall-e-3')) return 'dall-e-3';
  if (id.startsWith('dall-e-2')) return 'dall-e-2';
  if (id.startsWith('gpt-image') || id.startsWith('chatgpt-image')) return 'gpt-image';
  if (GEMINI_IMAGE.test(id)) return 'gemini';
  if (id.startsWith('imagen')) return 'imagen';
  if (id.includes('flux')) return 'flux';
  if (id.includes('seedream')) return 'seedream';
  if (id.startsWith('qwen-image')) return 'qwen-image';
  return 'other';
}

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
