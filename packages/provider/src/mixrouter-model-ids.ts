// Model ids MixRouter documents (shared/seeds model list). Regenerate the unions from a
// saved `GET /v1/models` response with `pnpm --filter @mixrouter/ai-sdk-provider gen:model-ids`.
// Every union ends in `(string & {})`: any id the gateway serves still type-checks.

export const MIXROUTER_CHAT_MODEL_IDS = [
  'gpt-4',
  'gpt-4.1',
  'gpt-4o',
  'gpt-4o-mini',
  'gpt-4o-audio-preview',
  'gpt-audio',
  'gpt-5',
  'gpt-5-chat',
  'gpt-5-mini',
  'gpt-5-nano',
  'gpt-5.1',
  'gpt-5.1-chat-latest',
  'gpt-5.1-codex',
  'gpt-5.2',
  'gpt-5.2-chat',
  'gpt-5.2-pro',
  'gpt-oss-120b',
  'o1',
  'o3',
  'o3-mini',
  'o3-deep-research',
  'o3-pro',
  'o4-mini',
  'o4-mini-deep-research',
  'gemini-2.0-flash',
  'gemini-2.5-computer-use-preview-10-2025',
  'gemini-2.5-flash',
  'gemini-2.5-flash-lite',
  'gemini-2.5-flash-lite-preview',
  'gemini-2.5-pro',
  'gemini-3-flash-preview',
  'gemini-3-pro-preview',
  'gemini-robotics-er-1.5-preview',
  'gemini-2.5-flash-image',
  'gemini-2.5-flash-image-preview',
  'gemini-3-pro-image-preview',
  'claude-opus-4-5-20251101',
  'claude-opus-4-20250514',
  'claude-sonnet-4-20250514',
  'claude-sonnet-4-5-20250929',
  'deepseek-chat',
  'deepseek-reasoner',
  'deepseek-v4-pro',
  'minimax-m2',
  'minimax-m2.5',
  'abab6.5s-chat',
  'kimi-k2',
  'kimi-k2-0711-preview',
  'kimi-k2-0905',
  'kimi-k2-instruct',
  'kimi-k2-thinking',
  'moonshot-v1-8k',
  'moonshot-v1-32k',
  'moonshot-v1-128k',
  'moonshot-v1-8k-vision-preview',
  'moonshot-v1-32k-vision-preview',
  'moonshot-v1-128k-vision-preview',
  'grok-4',
  'grok-4-1-fast-non-reasoning',
  'grok-4-1-fast-reasoning',
  'glm-5',
  'glm-4-plus',
  'glm-4.5',
  'glm-4.6',
  'glm-4.7',
  'glm-4.5v',
  'glm-4.6v',
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
  'qwen2.5-omni-7b',
  'qwen2.5-vl-72b-instruct',
  'qwen3-omni-flash-2025-12-01',
  'ernie-x1-32k',
  'hunyuan-t1-latest',
  'SparkDesk-v4.0',
  'Ling-1T',
  'Ring-1T',
  'step-3',
  'SenseNova-V6-Pro',
] as const;

export const MIXROUTER_EMBEDDING_MODEL_IDS = [
  'text-embedding-3-large',
  'text-embedding-3-small',
  'text-embedding-ada-002',
  'text-embedding-v1',
] as const;

export const MIXROUTER_IMAGE_MODEL_IDS = [
  'gpt-image-1',
  'dall-e-3',
  'gemini-2.5-flash-image',
  'gemini-2.5-flash-image-preview',
  'gemini-3-pro-image-preview',
  'flux-1-kontext-pro',
  'imagineart-1.5-preview',
] as const;

export const MIXROUTER_SPEECH_MODEL_IDS = [
  'qwen3-tts-flash',
  'eleven_v3',
  'gpt-4o-mini-tts',
] as const;

export const MIXROUTER_TRANSCRIPTION_MODEL_IDS = [
  'whisper-1',
  'gpt-4o-transcribe',
  'gpt-4o-mini-transcribe',
] as const;

export const MIXROUTER_VIDEO_MODEL_IDS = [
  'sora-2',
  'sora-2-pro',
  'veo-3.1-generate-preview',
  'veo-3.1-fast-generate-preview',
  'wan2.6-i2v',
  'wan2.6-t2v',
  'vidu-2.0-img2video',
  'viduq2-pro',
  'hunyuan-video-v1.5',
  'pixverse-v5.5-t2v',
  'pixverse-v5.5-i2v',
  'doubao-seedance-1-0-lite-i2v-250428',
] as const;

export const MIXROUTER_REALTIME_MODEL_IDS = [
  'gpt-4o-realtime-preview',
  'gpt-4o-mini-realtime-preview',
] as const;

// MixRouter's list names no rerank model; ids come from `/v1/models` (`jina-rerank`).
export const MIXROUTER_RERANKING_MODEL_IDS = [] as const;

export type MixRouterChatModelId = (typeof MIXROUTER_CHAT_MODEL_IDS)[number] | (string & {});
export type MixRouterEmbeddingModelId =
  | (typeof MIXROUTER_EMBEDDING_MODEL_IDS)[number]
  | (string & {});
export type MixRouterImageModelId = (typeof MIXROUTER_IMAGE_MODEL_IDS)[number] | (string & {});
export type MixRouterSpeechModelId = (typeof MIXROUTER_SPEECH_MODEL_IDS)[number] | (string & {});
export type MixRouterTranscriptionModelId =
  | (typeof MIXROUTER_TRANSCRIPTION_MODEL_IDS)[number]
  | (string & {});
export type MixRouterVideoModelId = (typeof MIXROUTER_VIDEO_MODEL_IDS)[number] | (string & {});
export type MixRouterRealtimeModelId =
  | (typeof MIXROUTER_REALTIME_MODEL_IDS)[number]
  | (string & {});
export type MixRouterRerankingModelId =
  | (typeof MIXROUTER_RERANKING_MODEL_IDS)[number]
  | (string & {});
