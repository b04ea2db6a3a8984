/**
 * Media model facts: the media model classes key their per-vendor request shapes on these
 * profiles; the name patterns that decide them live here, next to the model catalogue.
 */

/** What `/images/*` accepts differs by model line (protocol §6). */
export type MixRouterImageProfile =
  | 'dall-e-2'
  | 'dall-e-3'
  | 'gpt-image'
  | 'gemini'
  | 'imagen'
  | 'flux'
  | 'seedream'
  | 'qwen-image'
  | 'other';

export function getMixRouterImageProfile(modelId: string): MixRouterImageProfile {
  const id = modelId.toLowerCase();
  if (id.startsWith('dall-e-3')) return 'dall-e-3';
  if (id.startsWith('dall-e-2')) return 'dall-e-2';
  if (id.startsWith('gpt-image') || id.startsWith('chatgpt-image')) return 'gpt-image';
  // Gemini image models are served through chat completions, not `/images/generations`.
  if (/^gemini-.*image/.test(id)) return 'gemini';
  if (id.startsWith('imagen')) return 'imagen';
  if (id.includes('flux')) return 'flux';
  if (id.includes('seedream')) return 'seedream';
  if (id.startsWith('qwen-image')) return 'qwen-image';
  return 'other';
}

/** Only Gemini 3 image models take an output resolution (`image_config.image_size`). */
export function mixrouterImageModelTakesImageSize(modelId: string): boolean {
  return /^gemini-3/.test(modelId.toLowerCase());
}

/** Video task vendors: their metadata field names differ (protocol §9.2). */
export type MixRouterVideoVendor =
  | 'sora'
  | 'veo'
  | 'seedance'
  | 'wan'
  | 'kling'
  | 'vidu'
  | 'hailuo'
  | 'pixverse'
  | 'other';

export function getMixRouterVideoVendor(modelId: string): MixRouterVideoVendor {
  const id = modelId.toLowerCase();
  if (id.startsWith('sora')) return 'sora';
  if (id.startsWith('veo')) return 'veo';
  if (id.includes('seedance') || id.startsWith('doubao')) return 'seedance';
  if (id.startsWith('wan')) return 'wan';
  if (id.includes('kling')) return 'kling';
  if (id.includes('vidu')) return 'vidu';
  if (id.includes('hailuo') || id.includes('minimax')) return 'hailuo';
  if (id.includes('pixverse')) return 'pixverse';
  return 'other';
}

/** OpenAI TTS models require a voice; the others have their own default voices. */
export function getMixRouterSpeechDefaultVoice(modelId: string): string | undefined {
  return /^(tts-|gpt-.*tts)/.test(modelId) ? 'alloy' : undefined;
}

/** gpt-4o(-mini)-transcribe only answer `json` or `text`, not `verbose_json`. */
export function mixrouterTranscriptionSupportsVerboseJson(modelId: string): boolean {
  return !/^gpt-4o.*transcribe/.test(modelId);
}
