import { modelKind } from './known-models.ts';

export type Family =
  | 'openai'
  | 'anthropic'
  | 'google'
  | 'deepseek'
  | 'qwen'
  | 'moonshot'
  | 'glm'
  | 'minimax'
  | 'xai'
  | 'doubao'
  | 'ernie'
  | 'hunyuan'
  | 'spark'
  | 'ant'
  | 'step'
  | 'other';

const PREFIXES: [RegExp, Family][] = [
  [/^(gpt|o1|o3|o4|chatgpt|dall-e|text-embedding-(3|ada)|whisper|tts|sora)/, 'openai'],
  [/^claude/, 'anthropic'],
  [/^(gemini|veo|imagen)/, 'google'],
  [/^deepseek/, 'deepseek'],
  [/^(qwen|wan|text-embedding-v)/, 'qwen'],
  [/^(kimi|moonshot)/, 'moonshot'],
  [/^glm/, 'glm'],
  [/^(minimax|abab)/, 'minimax'],
  [/^grok/, 'xai'],
  [/^(doubao|seedream|seedance)/, 'doubao'],
  [/^ernie/, 'ernie'],
  [/^hunyuan/, 'hunyuan'],
  [/^sparkdesk/, 'spark'],
  [/^(ling|ring)-/, 'ant'],
  [/^step/, 'step'],
];

/** Vendor family of a model id (`emulator-<id>` uses the family of `<id>`). */
export function modelFamily(model: string): Family {
  const id = model.toLowerCase().replace(/^emulator-/, '');
  for (const [re, family] of PREFIXES) if (re.test(id)) return family;
  return 'other';
}

/** Claude and Gemini are converted by the gateway; the rest is OpenAI passthrough. */
export function isConvertedFamily(family: Family): boolean {
  return family === 'anthropic' || family === 'google';
}

export function isGeminiImageModel(model: string): boolean {
  return modelKind(model) === 'image-chat';
}

export function isAudioChatModel(model: string): boolean {
  return modelKind(model) === 'audio-chat';
}

export function isGemini3(model: string): boolean {
  return /^(emulator-)?gemini-3/.test(model);
}

/** OpenAI reasoning models (o-series, gpt-5 except the -chat variants). */
export function isOpenAIReasoningModel(model: string): boolean {
  const id = model.replace(/^emulator-/, '');
  return /^(o\d|gpt-5)/.test(id) && !/chat/.test(id);
}
