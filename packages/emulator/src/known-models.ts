/**
 * Every model id the emulated gateway routes. Taken from MixRouter's model list
 * (seeds/000: 语言大模型, 图片生成, 音视频处理, 视频生成, 多模态模型, 向量化) plus a few
 * extras used by examples and tests. Any id starting with `emulator-` is accepted too.
 */
export type ModelKind =
  | 'chat'
  | 'responses-only'
  | 'image-chat'
  | 'audio-chat'
  | 'image'
  | 'tts'
  | 'stt'
  | 'video'
  | 'embedding'
  | 'rerank'
  | 'realtime';

const CHAT_MODELS = [
  // OpenAI
  'gpt-4',
  'gpt-4.1',
  'gpt-4o',
  'gpt-4o-mini',
  'gpt-5',
  'gpt-5-chat',
  'gpt-5-mini',
  'gpt-5-nano',
  'gpt-5.1',
  'gpt-5.1-chat-latest',
  'gpt-5.2',
  'gpt-5.2-chat',
  'gpt-oss-120b',
  'o1',
  'o3',
  'o3-mini',
  'o3-deep-research',
  'o3-pro',
  'o4-mini',
  'o4-mini-deep-research',
  // Google
  'gemini-2.0-flash',
  'gemini-2.5-computer-use-preview-10-2025',
  'gemini-2.5-flash',
  'gemini-2.5-flash-lite',
  'gemini-2.5-flash-lite-preview',
  'gemini-2.5-pro',
  'gemini-3-flash-preview',
  'gemini-3-pro-preview',
  'gemini-robotics-er-1.5-preview',
  // Anthropic
  'claude-opus-4-5-20251101',
  'claude-opus-4-20250514',
  'claude-sonnet-4-20250514',
  'claude-sonnet-4-5-20250929',
  // DeepSeek
  'deepseek-chat',
  'deepseek-reasoner',
  'deepseek-v4-pro',
  // MiniMax
  'minimax-m2.5',
  'abab6.5s-chat',
  'minimax-m2',
  // Moonshot
  'kimi-k2',
  'kimi-k2-0711-preview',
  'kimi-k2-0905',
  'kimi-k2-instruct',
  'kimi-k2-thinking',
  'moonshot-v1-128k',
  'moonshot-v1-32k',
  'moonshot-v1-8k',
  'moonshot-v1-128k-vision-preview',
  'moonshot-v1-32k-vision-preview',
  'moonshot-v1-8k-vision-preview',
  // xAI
  'grok-4',
  'grok-4-1-fast-non-reasoning',
  'grok-4-1-fast-reasoning',
  // ByteDance
  'doubao-seed-1-6-250615',
  // Zhipu
  'glm-5',
  'glm-4-plus',
  'glm-4.5',
  'glm-4.6',
  'glm-4.7',
  // Alibaba
  'qwen3.5-122b-a10b',
  'qwen3.5-397b-a17b',
  'qwen-max',
  'qwen-max-2025-01-25',
  'qwen-max-latest',
  'qwen-plus',
  'qwen-plus-latest',
  'qwen-turbo',
  'qwen2.5-7b-instruct',
  'qwen2.5-32b-instruct',
  'qwen2.5-72b-instruct',
  'qwen3-coder-plus',
  'qwen3-coder-plus-2025-07-22',
  'qwen3-max',
  'qwen3-max-preview',
  'qwen3-235b-a22b',
  'qwen3-235b-a22b-instruct-2507',
  'qwen3-235b-a22b-thinking-2507',
  'qwen3-8b',
  'qwen3-coder-30b-a3b-instruct',
  'qwen3-next-80b-a3b-instruct',
  'qwen3-next-80b-a3b-thinking',
  'qwen-vl-max',
  'qwen-vl-plus',
  'qwen3-vl-235b-a22b-instruct',
  'qwen3-vl-235b-a22b-thinking',
  'qwen3-omni-flash',
  // Others
  'ernie-x1-32k',
  'hunyuan-t1-latest',
  'SparkDesk-v4.0',
  'Ling-1T',
  'Ring-1T',
  'step-3',
  // Multimodal
  'glm-4.5v',
  'glm-4.6v',
  'qwen2.5-omni-7b',
  'qwen2.5-vl-72b-instruct',
  'qwen3-omni-flash-2025-12-01',
  'SenseNova-V6-Pro',
];

const BY_KIND: Record<Exclude<ModelKind, 'chat'>, string[]> = {
  'responses-only': ['gpt-5.1-codex', 'gpt-5.2-pro'],
  'image-chat': [
    'gemini-2.5-flash-image',
    'gemini-2.5-flash-image-preview',
    'gemini-3-pro-image-preview',
  ],
  'audio-chat': ['gpt-4o-audio-preview', 'gpt-audio'],
  image: [
    'gpt-image-1',
    'dall-e-3',
    'flux-1-kontext-pro',
    'imagineart-1.5-preview',
    'qwen-image',
    'seedream-4-0',
  ],
  tts: ['qwen3-tts-flash', 'eleven_v3', 'gpt-4o-mini-tts'],
  stt: ['whisper-1', 'gpt-4o-transcribe'],
  video: [
    'vidu-2.0-img2video',
    'viduq2-pro',
    'hunyuan-video-v1.5',
    'sora-2',
    'sora-2-pro',
    'veo-3.1-generate-preview',
    'veo-3.1-fast-generate-preview',
    'wan2.6-i2v',
    'wan2.6-t2v',
    'pixverse-v5.5-t2v',
    'pixverse-v5.5-i2v',
    'doubao-seedance-1-0-lite-i2v-250428',
  ],
  embedding: [
    'text-embedding-3-large',
    'text-embedding-3-small',
    'text-embedding-ada-002',
    'text-embedding-v1',
  ],
  // Not in MixRouter's list (it documents no reranker): what a stock new-api with a Jina
  // channel serves, so `/v1/rerank` can be exercised.
  rerank: ['jina-reranker-v2-base-multilingual', 'bge-reranker-v2-m3'],
  // Listed by MixRouter; served only over the realtime WebSocket.
  realtime: ['gpt-4o-realtime-preview', 'gpt-4o-mini-realtime-preview'],
};

export const KNOWN_MODELS: ReadonlyMap<string, ModelKind> = new Map<string, ModelKind>([
  ...CHAT_MODELS.map((id): [string, ModelKind] => [id, 'chat']),
  ...Object.entries(BY_KIND).flatMap(([kind, ids]) =>
    ids.map((id): [string, ModelKind] => [id, kind as ModelKind]),
  ),
]);

export function isKnownModel(id: string): boolean {
  return KNOWN_MODELS.has(id) || id.startsWith('emulator-');
}

/** The model's kind; `emulator-*` ids are guessed from their name. */
export function modelKind(id: string): ModelKind {
  const known = KNOWN_MODELS.get(id);
  if (known) return known;
  const rest = id.replace(/^emulator-/, '');
  if (KNOWN_MODELS.has(rest)) return KNOWN_MODELS.get(rest)!;
  if (/rerank/.test(rest)) return 'rerank';
  if (/realtime/.test(rest)) return 'realtime';
  if (/embed/.test(rest)) return 'embedding';
  if (/tts|speech/.test(rest)) return 'tts';
  if (/whisper|transcribe/.test(rest)) return 'stt';
  if (/video|seedance|veo|sora/.test(rest)) return 'video';
  if (/^gemini.*image/.test(rest)) return 'image-chat';
  if (/image|dall-e|flux|seedream/.test(rest)) return 'image';
  if (/audio/.test(rest)) return 'audio-chat';
  return 'chat';
}
