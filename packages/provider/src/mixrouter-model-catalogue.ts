/**
 * The model catalogue: the one place that knows which family a model belongs to, which
 * endpoint it needs, what it accepts and returns, how its thinking is switched on and
 * replayed, and which parameters it rejects. Request builders and converters ask it;
 * nothing else in the package hard-codes model names.
 *
 * Facts come from MixRouter's model list (shared/seeds) and the protocol reference
 * (shared/docs/mixrouter-protocol.md §2.2–2.7, §4, §11, §12). Unknown ids fall back to
 * family detection by name pattern, then to plain OpenAI-compatible behaviour. Which
 * request fields each family's upstream accepts lives in mixrouter-request-contracts.ts.
 */

import {
  ANTHROPIC_45_CHAT_CONTRACT,
  ANTHROPIC_CHAT_CONTRACT,
  DEEPSEEK_CONTRACT,
  DOUBAO_CONTRACT,
  GOOGLE_CHAT_CONTRACT,
  GPT4_CONTRACT,
  GPT5_CHAT_CONTRACT,
  GPT5_REASONING_CONTRACT,
  MINIMAX_CONTRACT,
  type MixRouterRequestContract,
  MOONSHOT_CONTRACT,
  OPENAI_AUDIO_CONTRACT,
  OPENAI_CHAT_CONTRACT,
  OPENAI_COMPATIBLE_CONTRACT,
  OPENAI_REASONING_CONTRACT,
  QWEN_CONTRACT,
  QWEN_OMNI_CONTRACT,
  QWEN_VL_THINKING_TYPE_CONTRACT,
  UNVERIFIED_CONTRACT,
  XAI_CHAT_CONTRACT,
  XAI_REASONING_CONTRACT,
  ZHIPU_CONTRACT,
} from './mixrouter-request-contracts';

export type MixRouterModelFamily =
  | 'openai'
  | 'anthropic'
  | 'google'
  | 'deepseek'
  | 'qwen'
  | 'moonshot'
  | 'zhipu'
  | 'minimax'
  | 'xai'
  | 'doubao'
  | 'baidu'
  | 'tencent'
  | 'iflytek'
  | 'ant'
  | 'stepfun'
  | 'sensenova'
  | 'openai-compatible';

export type MixRouterModelKind =
  | 'chat'
  | 'embedding'
  | 'image'
  | 'speech'
  | 'transcription'
  | 'video'
  | 'realtime'
  | 'reranking';

/** Which HTTP API a model must be called on. */
export type MixRouterEndpoint =
  | 'chat-completions'
  | 'responses'
  | 'realtime'
  | 'embeddings'
  | 'images'
  | 'audio-speech'
  | 'audio-transcriptions'
  | 'video'
  | 'rerank';

export type MixRouterInputModality = 'text' | 'image' | 'audio' | 'video' | 'pdf';
export type MixRouterOutputModality = 'text' | 'image' | 'audio';

/**
 * How thinking is switched on (protocol §2.6):
 * - `none`: the model does not reason; nothing is sent.
 * - `openai-effort`: top-level `reasoning_effort`.
 * - `anthropic-thinking`: `thinking: {type:'enabled', budget_tokens}` (MixRouter's Claude switch).
 * - `gemini-budget` / `gemini-level`: `extra_body.google.thinking_config`.
 * - `qwen-enable-thinking`: top-level `enable_thinking`.
 * - `thinking-type`: `thinking: {type:'enabled'|'disabled'}` (DeepSeek, GLM, Doubao, Qwen-VL, Kimi).
 * - `always`: always thinks; there is no knob.
 */
export type MixRouterReasoningControl =
  | 'none'
  | 'openai-effort'
  | 'anthropic-thinking'
  | 'gemini-budget'
  | 'gemini-level'
  | 'qwen-enable-thinking'
  | 'thinking-type'
  | 'always';

/**
 * Whether earlier assistant reasoning goes back as `reasoning_content` (protocol §2.5):
 * - `never`: OpenAI, Claude and Gemini via chat completions (the gateway drops it or upstreams reject it).
 * - `tool-loop`: only on assistant messages after the last user message, i.e. within the
 *   current tool-call loop; earlier turns go without it (Qwen thinking: DashScope's
 *   deep-thinking guide keeps reasoning within the tool-call round).
 * - `tool-turns`: on every assistant message of every turn that made tool calls, in all
 *   later requests — as an empty string when there was none (DeepSeek V4, which also
 *   serves deepseek-chat/-reasoner: "for turns that do perform tool calls, the
 *   reasoning_content must be fully passed back to the API in all subsequent requests",
 *   else 400 `The reasoning_content in the thinking mode must be passed back to the API.`;
 *   https://api-docs.deepseek.com/guides/thinking_mode).
 * - `always`: on every assistant message that had reasoning (Kimi thinking, GLM).
 * - `inline-think`: re-wrapped as `<think>…</think>` in `content` (MiniMax M2 keeps its
 *   thinking inline and wants it back verbatim).
 */
export type MixRouterReasoningReplay =
  | 'never'
  | 'tool-loop'
  | 'tool-turns'
  | 'always'
  | 'inline-think';

export type MixRouterOpenAIEffort = 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh';
export type MixRouterGeminiThinkingLevel = 'minimal' | 'low' | 'medium' | 'high';

export interface MixRouterReasoningInfo {
  readonly control: MixRouterReasoningControl;
  /** `openai-effort`: the efforts the model accepts. */
  readonly efforts?: readonly MixRouterOpenAIEffort[];
  /** `gemini-level`: the levels the model accepts. */
  readonly levels?: readonly MixRouterGeminiThinkingLevel[];
  /** Budget-based controls: the allowed thinking budget range in tokens. */
  readonly budget?: { readonly min: number; readonly max: number };
  /** Whether thinking can be switched off (`reasoning: 'none'`). */
  readonly canDisable: boolean;
  /** Whether the model thinks when the request says nothing about reasoning. */
  readonly defaultOn: boolean;
  readonly replay: MixRouterReasoningReplay;
}

export interface MixRouterModelQuirks {
  /** The model writes its reasoning inline as `<think>…</think>`: split it out by default. */
  readonly inlineThinkTags?: boolean;
  /** Answers may start with a leaked `<budget:thinking>…</budget:thinking>` block (protocol §4.1). */
  readonly leaksBudgetThinking?: boolean;
  /** Largest `max_tokens` the model accepts (used to size thinking budgets). */
  readonly maxOutputTokens?: number;
  /** Embedding models: the most values one `/embeddings` call may carry. */
  readonly maxEmbeddingsPerCall?: number;
}

export interface MixRouterModelInfo {
  readonly id: string;
  /** `true` when the id is in MixRouter's documented list; `false` when inferred from its name. */
  readonly listed: boolean;
  readonly family: MixRouterModelFamily;
  readonly kind: MixRouterModelKind;
  readonly endpoint: MixRouterEndpoint;
  /** `supported_endpoint_types` as `/v1/models` reports them (where known). */
  readonly endpointTypes: readonly string[];
  readonly input: readonly MixRouterInputModality[];
  readonly output: readonly MixRouterOutputModality[];
  readonly tools: boolean;
  readonly reasoning: MixRouterReasoningInfo;
  /** Which request fields the upstream accepts (see mixrouter-request-contracts.ts). */
  readonly request: MixRouterRequestContract;
  readonly quirks: MixRouterModelQuirks;
}

type Overrides = Partial<
  Omit<MixRouterModelInfo, 'id' | 'listed' | 'reasoning' | 'quirks' | 'request'>
> & {
  reasoning?: Partial<MixRouterReasoningInfo>;
  quirks?: MixRouterModelQuirks;
  /** Replaces the family's contract for this model. */
  request?: MixRouterRequestContract;
};

const TEXT = ['text'] as const;
const VISION = ['text', 'image'] as const;
const VISION_PDF = ['text', 'image', 'pdf'] as const;
const VISION_VIDEO = ['text', 'image', 'video'] as const;
const OMNI = ['text', 'image', 'audio', 'video'] as const;
const GEMINI_INPUT = ['text', 'image', 'audio', 'video', 'pdf'] as const;

const NO_REASONING: MixRouterReasoningInfo = {
  control: 'none',
  canDisable: true,
  defaultOn: false,
  replay: 'never',
};
const ALWAYS = (replay: MixRouterReasoningReplay): Partial<MixRouterReasoningInfo> => ({
  control: 'always',
  canDisable: false,
  defaultOn: true,
  replay,
});
const TOGGLE = (
  replay: MixRouterReasoningReplay,
  defaultOn = false,
): Partial<MixRouterReasoningInfo> => ({
  control: 'thinking-type',
  canDisable: true,
  defaultOn,
  replay,
});
/** DashScope hybrid models: commercial ones default to thinking off. */
const QWEN_TOGGLE: Partial<MixRouterReasoningInfo> = {
  control: 'qwen-enable-thinking',
  canDisable: true,
  defaultOn: false,
  replay: 'tool-loop',
};
/** Open-source Qwen3 hybrids think unless `enable_thinking: false` (DashScope deep-thinking guide). */
const QWEN_OPEN_TOGGLE: Partial<MixRouterReasoningInfo> = { ...QWEN_TOGGLE, defaultOn: true };
const effort = (...efforts: MixRouterOpenAIEffort[]): Partial<MixRouterReasoningInfo> => ({
  control: 'openai-effort',
  efforts,
  canDisable: efforts.includes('none'),
  defaultOn: true,
  replay: 'never',
});
const GEMINI_BUDGET = (
  min: number,
  max: number,
  canDisable: boolean,
): Partial<MixRouterReasoningInfo> => ({
  control: 'gemini-budget',
  budget: { min, max },
  canDisable,
  defaultOn: true,
});
const GEMINI_LEVEL = (
  ...levels: MixRouterGeminiThinkingLevel[]
): Partial<MixRouterReasoningInfo> => ({
  control: 'gemini-level',
  levels,
  canDisable: false,
  defaultOn: true,
});
const OPENAI_REASONING = (...efforts: MixRouterOpenAIEffort[]): Overrides => ({
  family: 'openai',
  reasoning: effort(...efforts),
  request: OPENAI_REASONING_CONTRACT,
});
const GPT5 = (...efforts: MixRouterOpenAIEffort[]): Overrides => ({
  family: 'openai',
  input: VISION_PDF,
  reasoning: effort(...efforts),
  request: GPT5_REASONING_CONTRACT,
});

/** Defaults per family, refined per model below. */
type FamilyDefaults = Record<
  MixRouterModelFamily,
  Overrides & { request: MixRouterRequestContract }
>;

const familyDefaultsTable = (): FamilyDefaults => ({
  openai: { input: VISION, request: OPENAI_CHAT_CONTRACT },
  anthropic: {
    input: VISION_PDF,
    endpointTypes: ['openai', 'anthropic'],
    reasoning: {
      control: 'anthropic-thinking',
      canDisable: true,
      defaultOn: false,
      replay: 'never',
    },
    request: ANTHROPIC_CHAT_CONTRACT,
    // leaksBudgetThinking: observed on MixRouter Claude Opus 4.5 via chat completions (protocol §4.1).
    quirks: { maxOutputTokens: 64_000, leaksBudgetThinking: true },
  },
  google: {
    input: GEMINI_INPUT,
    endpointTypes: ['openai', 'gemini'],
    request: GOOGLE_CHAT_CONTRACT,
    quirks: { maxOutputTokens: 65_536 },
  },
  deepseek: { reasoning: TOGGLE('tool-turns'), request: DEEPSEEK_CONTRACT },
  qwen: { request: QWEN_CONTRACT },
  moonshot: { request: MOONSHOT_CONTRACT },
  // GLM-4.5 and later think by default (https://docs.bigmodel.cn/cn/guide/capabilities/thinking).
  zhipu: { reasoning: TOGGLE('always', true), request: ZHIPU_CONTRACT },
  minimax: { request: MINIMAX_CONTRACT, quirks: { inlineThinkTags: true } },
  xai: { input: VISION, reasoning: ALWAYS('never'), request: XAI_REASONING_CONTRACT },
  doubao: { input: VISION, reasoning: TOGGLE('never'), request: DOUBAO_CONTRACT },
  baidu: { reasoning: ALWAYS('never'), request: UNVERIFIED_CONTRACT },
  tencent: { reasoning: ALWAYS('never'), request: UNVERIFIED_CONTRACT },
  iflytek: { request: UNVERIFIED_CONTRACT },
  ant: { request: UNVERIFIED_CONTRACT },
  stepfun: { input: VISION, reasoning: ALWAYS('never'), request: UNVERIFIED_CONTRACT },
  sensenova: { input: VISION, request: UNVERIFIED_CONTRACT },
  'openai-compatible': { request: OPENAI_COMPATIBLE_CONTRACT },
});

const chatTable = (): Record<string, Overrides> => ({
  // OpenAI
  'gpt-4': { family: 'openai', input: TEXT, request: GPT4_CONTRACT },
  'gpt-4.1': { family: 'openai', input: VISION_PDF },
  'gpt-4o': { family: 'openai', input: VISION_PDF },
  'gpt-4o-mini': { family: 'openai', input: VISION_PDF },
  'gpt-4o-audio-preview': {
    family: 'openai',
    input: ['text', 'audio'],
    output: ['text', 'audio'],
    request: OPENAI_AUDIO_CONTRACT,
  },
  'gpt-audio': {
    family: 'openai',
    input: ['text', 'audio'],
    output: ['text', 'audio'],
    request: OPENAI_AUDIO_CONTRACT,
  },
  'gpt-5': GPT5('minimal', 'low', 'medium', 'high'),
  'gpt-5-mini': GPT5('minimal', 'low', 'medium', 'high'),
  'gpt-5-nano': GPT5('minimal', 'low', 'medium', 'high'),
  'gpt-5-chat': { family: 'openai', input: VISION_PDF, request: GPT5_CHAT_CONTRACT },
  'gpt-5.1': GPT5('none', 'low', 'medium', 'high'),
  // The gpt-5.x chat aliases are reasoning models without an effort knob (they reject
  // stop and penalties like the other gpt-5.x models).
  'gpt-5.1-chat-latest': { family: 'openai', input: VISION_PDF, request: GPT5_REASONING_CONTRACT },
  'gpt-5.1-codex': {
    ...GPT5('low', 'medium', 'high'),
    endpoint: 'responses',
    endpointTypes: ['openai-response'],
    input: VISION,
  },
  'gpt-5.2': GPT5('none', 'low', 'medium', 'high', 'xhigh'),
  'gpt-5.2-chat': { family: 'openai', input: VISION_PDF, request: GPT5_REASONING_CONTRACT },
  'gpt-5.2-pro': {
    ...GPT5('medium', 'high', 'xhigh'),
    endpoint: 'responses',
    endpointTypes: ['openai-response'],
  },
  // Open weights on OpenAI-compatible hosts: effort knob, ordinary sampling.
  'gpt-oss-120b': { family: 'openai', input: TEXT, reasoning: effort('low', 'medium', 'high') },
  o1: OPENAI_REASONING('low', 'medium', 'high'),
  o3: OPENAI_REASONING('low', 'medium', 'high'),
  'o3-mini': { ...OPENAI_REASONING('low', 'medium', 'high'), input: TEXT },
  // o3-pro is served on the Responses API only (https://platform.openai.com/docs/models/o3-pro).
  'o3-pro': {
    ...OPENAI_REASONING('low', 'medium', 'high'),
    endpoint: 'responses',
    endpointTypes: ['openai-response'],
  },
  'o3-deep-research': OPENAI_REASONING('medium'),
  'o4-mini': OPENAI_REASONING('low', 'medium', 'high'),
  'o4-mini-deep-research': OPENAI_REASONING('medium'),
  // Google (thinking budgets: https://ai.google.dev/gemini-api/docs/thinking)
  'gemini-2.0-flash': { family: 'google' },
  'gemini-2.5-flash': { family: 'google', reasoning: GEMINI_BUDGET(0, 24_576, true) },
  'gemini-2.5-flash-lite': {
    family: 'google',
    reasoning: { ...GEMINI_BUDGET(512, 24_576, true), defaultOn: false },
  },
  'gemini-2.5-flash-lite-preview': {
    family: 'google',
    reasoning: { ...GEMINI_BUDGET(512, 24_576, true), defaultOn: false },
  },
  'gemini-2.5-pro': { family: 'google', reasoning: GEMINI_BUDGET(128, 32_768, false) },
  'gemini-2.5-computer-use-preview-10-2025': {
    family: 'google',
    input: VISION,
    reasoning: GEMINI_BUDGET(128, 32_768, false),
  },
  'gemini-robotics-er-1.5-preview': {
    family: 'google',
    input: VISION_VIDEO,
    reasoning: GEMINI_BUDGET(0, 24_576, true),
  },
  'gemini-3-pro-preview': { family: 'google', reasoning: GEMINI_LEVEL('low', 'high') },
  'gemini-3-flash-preview': {
    family: 'google',
    reasoning: GEMINI_LEVEL('minimal', 'low', 'medium', 'high'),
  },
  'gemini-2.5-flash-image': {
    family: 'google',
    input: VISION,
    output: ['text', 'image'],
    tools: false,
    reasoning: NO_REASONING,
  },
  'gemini-2.5-flash-image-preview': {
    family: 'google',
    input: VISION,
    output: ['text', 'image'],
    tools: false,
    reasoning: NO_REASONING,
  },
  'gemini-3-pro-image-preview': {
    family: 'google',
    input: VISION,
    output: ['text', 'image'],
    tools: false,
    reasoning: ALWAYS('never'),
  },
  // Anthropic
  'claude-opus-4-5-20251101': { family: 'anthropic', request: ANTHROPIC_45_CHAT_CONTRACT },
  'claude-opus-4-20250514': { family: 'anthropic', quirks: { maxOutputTokens: 32_000 } },
  'claude-sonnet-4-20250514': { family: 'anthropic' },
  'claude-sonnet-4-5-20250929': { family: 'anthropic', request: ANTHROPIC_45_CHAT_CONTRACT },
  // DeepSeek: deepseek-chat and deepseek-reasoner are the non-thinking and thinking modes
  // of deepseek-v4-flash (https://api-docs.deepseek.com/quick_start/pricing), so every id
  // follows V4's replay rule: reasoning on every tool-call turn, in all later requests.
  // deepseek-chat takes the `thinking` switch (off by default), V4 Pro thinks by default.
  'deepseek-chat': { family: 'deepseek' },
  'deepseek-reasoner': { family: 'deepseek', reasoning: ALWAYS('tool-turns') },
  'deepseek-v4-pro': { family: 'deepseek', reasoning: TOGGLE('tool-turns', true) },
  // MiniMax
  'minimax-m2': { family: 'minimax', reasoning: ALWAYS('inline-think') },
  'minimax-m2.5': { family: 'minimax', reasoning: ALWAYS('inline-think') },
  'abab6.5s-chat': { family: 'minimax', quirks: {} },
  // Moonshot
  'kimi-k2': { family: 'moonshot' },
  'kimi-k2-0711-preview': { family: 'moonshot' },
  'kimi-k2-0905': { family: 'moonshot' },
  'kimi-k2-instruct': { family: 'moonshot' },
  'kimi-k2-thinking': { family: 'moonshot', reasoning: ALWAYS('always') },
  'moonshot-v1-8k': { family: 'moonshot' },
  'moonshot-v1-32k': { family: 'moonshot' },
  'moonshot-v1-128k': { family: 'moonshot' },
  'moonshot-v1-8k-vision-preview': { family: 'moonshot', input: VISION },
  'moonshot-v1-32k-vision-preview': { family: 'moonshot', input: VISION },
  'moonshot-v1-128k-vision-preview': { family: 'moonshot', input: VISION },
  // xAI
  'grok-4': { family: 'xai' },
  'grok-4-1-fast-reasoning': { family: 'xai' },
  'grok-4-1-fast-non-reasoning': {
    family: 'xai',
    reasoning: NO_REASONING,
    request: XAI_CHAT_CONTRACT,
  },
  // Zhipu
  'glm-5': { family: 'zhipu' },
  'glm-4.5': { family: 'zhipu' },
  'glm-4.6': { family: 'zhipu' },
  'glm-4.7': { family: 'zhipu' },
  'glm-4-plus': { family: 'zhipu', reasoning: NO_REASONING },
  'glm-4.5v': { family: 'zhipu', input: VISION_VIDEO },
  'glm-4.6v': { family: 'zhipu', input: VISION_VIDEO },
  // Alibaba / Qwen (DashScope compatible mode). Open-source hybrids think by default,
  // commercial ones do not; the -thinking models always think.
  'qwen3.5-122b-a10b': { family: 'qwen', input: VISION_VIDEO, reasoning: QWEN_OPEN_TOGGLE },
  'qwen3.5-397b-a17b': { family: 'qwen', input: VISION_VIDEO, reasoning: QWEN_OPEN_TOGGLE },
  'qwen-max': { family: 'qwen' },
  'qwen-max-2025-01-25': { family: 'qwen' },
  'qwen-max-latest': { family: 'qwen' },
  'qwen-plus': { family: 'qwen', reasoning: QWEN_TOGGLE },
  'qwen-plus-latest': { family: 'qwen', reasoning: QWEN_TOGGLE },
  'qwen-turbo': { family: 'qwen', reasoning: QWEN_TOGGLE },
  'qwen2.5-7b-instruct': { family: 'qwen' },
  'qwen2.5-32b-instruct': { family: 'qwen' },
  'qwen2.5-72b-instruct': { family: 'qwen' },
  'qwen3-coder-plus': { family: 'qwen' },
  'qwen3-coder-plus-2025-07-22': { family: 'qwen' },
  'qwen3-max': { family: 'qwen', reasoning: QWEN_TOGGLE },
  'qwen3-max-preview': { family: 'qwen', reasoning: QWEN_TOGGLE },
  'qwen3-235b-a22b': { family: 'qwen', reasoning: QWEN_OPEN_TOGGLE },
  'qwen3-8b': { family: 'qwen', reasoning: QWEN_OPEN_TOGGLE },
  'qwen3-235b-a22b-instruct-2507': { family: 'qwen' },
  'qwen3-235b-a22b-thinking-2507': { family: 'qwen', reasoning: ALWAYS('tool-loop') },
  'qwen3-coder-30b-a3b-instruct': { family: 'qwen' },
  'qwen3-next-80b-a3b-instruct': { family: 'qwen' },
  'qwen3-next-80b-a3b-thinking': { family: 'qwen', reasoning: ALWAYS('tool-loop') },
  'qwen-vl-max': { family: 'qwen', input: VISION_VIDEO },
  'qwen-vl-plus': { family: 'qwen', input: VISION_VIDEO },
  'qwen3-vl-235b-a22b-instruct': { family: 'qwen', input: VISION_VIDEO },
  'qwen3-vl-235b-a22b-thinking': {
    family: 'qwen',
    input: VISION_VIDEO,
    reasoning: ALWAYS('tool-loop'),
  },
  // MixRouter documents `thinking: {type}` for this model (seed: qwen2.5-vl-72b-instruct).
  'qwen2.5-vl-72b-instruct': {
    family: 'qwen',
    input: OMNI,
    output: ['text', 'audio'],
    reasoning: TOGGLE('tool-loop'),
    request: QWEN_VL_THINKING_TYPE_CONTRACT,
  },
  'qwen2.5-omni-7b': {
    family: 'qwen',
    input: OMNI,
    output: ['text', 'audio'],
    request: QWEN_OMNI_CONTRACT,
  },
  'qwen3-omni-flash-2025-12-01': {
    family: 'qwen',
    input: OMNI,
    output: ['text', 'audio'],
    reasoning: QWEN_TOGGLE,
    request: QWEN_OMNI_CONTRACT,
  },
  // Others
  'ernie-x1-32k': { family: 'baidu', tools: true },
  'hunyuan-t1-latest': { family: 'tencent' },
  'SparkDesk-v4.0': { family: 'iflytek' },
  'Ling-1T': { family: 'ant' },
  'Ring-1T': { family: 'ant', reasoning: ALWAYS('never') },
  'step-3': { family: 'stepfun' },
  'SenseNova-V6-Pro': { family: 'sensenova' },
  // Realtime models are listed but only served over the Realtime WebSocket API.
  'gpt-4o-realtime-preview': {
    family: 'openai',
    kind: 'realtime',
    endpoint: 'realtime',
    input: ['text', 'audio'],
    output: ['text', 'audio'],
  },
  'gpt-4o-mini-realtime-preview': {
    family: 'openai',
    kind: 'realtime',
    endpoint: 'realtime',
    input: ['text', 'audio'],
    output: ['text', 'audio'],
  },
});

const OPENAI_EMBEDDING: Overrides = {
  family: 'openai',
  kind: 'embedding',
  quirks: { maxEmbeddingsPerCall: 2048 },
};

const otherTable = (): Record<string, Overrides> => ({
  // https://platform.openai.com/docs/api-reference/embeddings/create: at most 2048 inputs.
  'text-embedding-3-large': OPENAI_EMBEDDING,
  'text-embedding-3-small': OPENAI_EMBEDDING,
  'text-embedding-ada-002': OPENAI_EMBEDDING,
  // DashScope text-embedding-v1/v2 take at most 25 texts per call
  // (https://www.alibabacloud.com/help/en/model-studio/embedding).
  'text-embedding-v1': { family: 'qwen', kind: 'embedding', quirks: { maxEmbeddingsPerCall: 25 } },
  'gpt-image-1': { family: 'openai', kind: 'image' },
  'dall-e-3': { family: 'openai', kind: 'image' },
  'flux-1-kontext-pro': { family: 'openai-compatible', kind: 'image' },
  'imagineart-1.5-preview': { family: 'openai-compatible', kind: 'image' },
  'qwen3-tts-flash': { family: 'qwen', kind: 'speech' },
  eleven_v3: { family: 'openai-compatible', kind: 'speech' },
  'sora-2': { family: 'openai', kind: 'video' },
  'sora-2-pro': { family: 'openai', kind: 'video' },
  'veo-3.1-generate-preview': { family: 'google', kind: 'video' },
  'veo-3.1-fast-generate-preview': { family: 'google', kind: 'video' },
  'wan2.6-i2v': { family: 'qwen', kind: 'video' },
  'wan2.6-t2v': { family: 'qwen', kind: 'video' },
  'vidu-2.0-img2video': { family: 'openai-compatible', kind: 'video' },
  'viduq2-pro': { family: 'openai-compatible', kind: 'video' },
  'hunyuan-video-v1.5': { family: 'tencent', kind: 'video' },
  'pixverse-v5.5-t2v': { family: 'openai-compatible', kind: 'video' },
  'pixverse-v5.5-i2v': { family: 'openai-compatible', kind: 'video' },
  'doubao-seedance-1-0-lite-i2v-250428': { family: 'doubao', kind: 'video' },
});

// The tables are built on the first lookup, not when the package is imported.
let tables:
  | { chat: Record<string, Overrides>; other: Record<string, Overrides>; defaults: FamilyDefaults }
  | undefined;
const catalogueTables = () =>
  (tables ??= { chat: chatTable(), other: otherTable(), defaults: familyDefaultsTable() });

/** Family by name pattern, for ids the catalogue does not list. Order matters. */
const FAMILY_PATTERNS: ReadonlyArray<readonly [RegExp, MixRouterModelFamily]> = [
  [
    /^(gpt-|o\d|chatgpt|dall-e|text-embedding-3|text-embedding-ada|whisper|tts-|sora|codex)/i,
    'openai',
  ],
  [/^claude/i, 'anthropic'],
  [/^(gemini|gemma|veo|imagen)/i, 'google'],
  [/^deepseek/i, 'deepseek'],
  [/^(qwen|qwq|qvq|wan\d|text-embedding-v)/i, 'qwen'],
  [/^(kimi|moonshot)/i, 'moonshot'],
  [/^(glm|chatglm|cogview|cogvideo)/i, 'zhipu'],
  [/^(minimax|abab|hailuo)/i, 'minimax'],
  [/^grok/i, 'xai'],
  [/^(doubao|seed)/i, 'doubao'],
  [/^ernie/i, 'baidu'],
  [/^hunyuan/i, 'tencent'],
  [/^spark/i, 'iflytek'],
  [/^(ling|ring)-/i, 'ant'],
  [/^step-/i, 'stepfun'],
  [/^sensenova/i, 'sensenova'],
];

export function detectMixRouterModelFamily(modelId: string): MixRouterModelFamily {
  for (const [pattern, family] of FAMILY_PATTERNS) if (pattern.test(modelId)) return family;
  return 'openai-compatible';
}

/** Reasoning and quirks for unlisted ids, inferred from their names. */
function inferOverrides(id: string, family: MixRouterModelFamily): Overrides {
  const lower = id.toLowerCase();
  const kind: MixRouterModelKind | undefined = /rerank/.test(lower)
    ? 'reranking'
    : /embed/.test(lower)
      ? 'embedding'
      : /(image|imagen|dall-e|flux|seedream|cogview)/.test(lower) && !/vision/.test(lower)
        ? 'image'
        : /(tts|speech)/.test(lower)
          ? 'speech'
          : /(whisper|transcribe|asr)/.test(lower)
            ? 'transcription'
            : /(video|sora|veo|seedance|kling|vidu|hailuo|wan\d|t2v|i2v)/.test(lower)
              ? 'video'
              : /realtime/.test(lower)
                ? 'realtime'
                : undefined;
  const base: Overrides = kind ? { kind } : {};
  if (kind === 'realtime') return { ...base, endpoint: 'realtime' };
  const thinkingName = /thinking|reasoner|-r1\b|reasoning/.test(lower);
  switch (family) {
    case 'openai':
      if (/^(o\d|gpt-5)/.test(lower)) {
        const gpt5 = lower.startsWith('gpt-5');
        // gpt-5-chat (no minor version) is the one non-reasoning gpt-5 alias.
        const plainChat = /^gpt-5-chat/.test(lower);
        return {
          ...base,
          reasoning: /chat/.test(lower) ? NO_REASONING : effort('low', 'medium', 'high'),
          endpoint: /(codex|-pro$)/.test(lower) && gpt5 ? 'responses' : undefined,
          request: plainChat
            ? GPT5_CHAT_CONTRACT
            : gpt5
              ? GPT5_REASONING_CONTRACT
              : OPENAI_REASONING_CONTRACT,
        };
      }
      return base;
    case 'google':
      if (/gemini-3/.test(lower)) return { ...base, reasoning: GEMINI_LEVEL('low', 'high') };
      if (/gemini-2\.5/.test(lower)) {
        return { ...base, reasoning: GEMINI_BUDGET(128, 24_576, !/pro/.test(lower)) };
      }
      // batchEmbedContents takes at most 100 requests (https://ai.google.dev/api/embeddings).
      if (kind === 'embedding') return { ...base, quirks: { maxEmbeddingsPerCall: 100 } };
      return { ...base, reasoning: NO_REASONING };
    case 'qwen':
      // text-embedding-v3/v4 take at most 10 texts per call, v1/v2 25 (DashScope embedding guide).
      if (kind === 'embedding')
        return { ...base, quirks: { maxEmbeddingsPerCall: /-v[12]\b/.test(lower) ? 25 : 10 } };
      if (/omni/.test(lower)) return { ...base, input: OMNI, request: QWEN_OMNI_CONTRACT };
      // QwQ / QVQ always think, like the -thinking models (DashScope deep-thinking guide).
      if (thinkingName || /^(qwq|qvq)/.test(lower))
        return { ...base, reasoning: ALWAYS('tool-loop') };
      if (/vl|omni/.test(lower)) return { ...base, input: OMNI };
      if (/^qwen3|qwen-plus|qwen-turbo|qwen-flash/.test(lower))
        return { ...base, reasoning: QWEN_TOGGLE };
      return base;
    case 'moonshot':
      if (thinkingName) return { ...base, reasoning: ALWAYS('always') };
      // Kimi K2.5 and later take the `thinking` switch.
      if (/kimi-k2\.\d/.test(lower))
        return { ...base, input: VISION, reasoning: TOGGLE('always', true) };
      return base;
    case 'deepseek':
      if (/deepseek-v4/.test(lower)) return { ...base, reasoning: TOGGLE('tool-turns', true) };
      if (thinkingName) return { ...base, reasoning: ALWAYS('tool-turns') };
      return base;
    case 'zhipu':
      if (/glm-4\.[5-9]|glm-[5-9]/.test(lower))
        return { ...base, input: /v$/.test(lower) ? VISION_VIDEO : TEXT };
      return { ...base, reasoning: NO_REASONING };
    case 'minimax':
      return /^minimax-m/.test(lower) ? { ...base, reasoning: ALWAYS('inline-think') } : base;
    case 'xai':
      return /non-reasoning/.test(lower)
        ? { ...base, reasoning: NO_REASONING, request: XAI_CHAT_CONTRACT }
        : base;
    case 'doubao':
      return /seed-1-6|seed-1\.6|thinking/.test(lower)
        ? base
        : { ...base, reasoning: NO_REASONING };
    default:
      return thinkingName ? { ...base, reasoning: ALWAYS('never') } : base;
  }
}

const ENDPOINT_BY_KIND: Record<MixRouterModelKind, MixRouterEndpoint> = {
  chat: 'chat-completions',
  embedding: 'embeddings',
  image: 'images',
  speech: 'audio-speech',
  transcription: 'audio-transcriptions',
  video: 'video',
  realtime: 'realtime',
  reranking: 'rerank',
};

const ENDPOINT_TYPES_BY_ENDPOINT: Partial<Record<MixRouterEndpoint, readonly string[]>> = {
  'chat-completions': ['openai'],
  responses: ['openai-response'],
  embeddings: ['embeddings'],
  images: ['image-generation'],
  video: ['openai-video'],
  rerank: ['jina-rerank'],
};

function build(id: string, listed: boolean, overrides: Overrides): MixRouterModelInfo {
  const family = overrides.family ?? detectMixRouterModelFamily(id);
  const defaults = catalogueTables().defaults[family];
  const kind = overrides.kind ?? defaults.kind ?? 'chat';
  const endpoint = overrides.endpoint ?? ENDPOINT_BY_KIND[kind];
  const reasoning: MixRouterReasoningInfo =
    kind === 'chat'
      ? { ...NO_REASONING, ...defaults.reasoning, ...overrides.reasoning }
      : NO_REASONING;
  return Object.freeze({
    id,
    listed,
    family,
    kind,
    endpoint,
    endpointTypes:
      overrides.endpointTypes ??
      (kind === 'chat' && endpoint === 'chat-completions' ? defaults.endpointTypes : undefined) ??
      ENDPOINT_TYPES_BY_ENDPOINT[endpoint] ??
      [],
    input: overrides.input ?? defaults.input ?? TEXT,
    output: overrides.output ?? defaults.output ?? TEXT,
    tools: kind === 'chat' && (overrides.tools ?? defaults.tools ?? true),
    request: overrides.request ?? defaults.request,
    reasoning: Object.freeze(reasoning),
    quirks: Object.freeze({ ...defaults.quirks, ...overrides.quirks }),
  });
}

const cache = new Map<string, MixRouterModelInfo>();

/**
 * What the package knows about a model: listed models from the catalogue, others
 * inferred from their name (`listed: false`). Results are frozen and cached.
 */
export function getMixRouterModelInfo(modelId: string): MixRouterModelInfo {
  let info = cache.get(modelId);
  if (info === undefined) {
    const { chat, other } = catalogueTables();
    const listed = chat[modelId] ?? other[modelId];
    info = listed
      ? build(modelId, true, listed)
      : build(modelId, false, inferOverrides(modelId, detectMixRouterModelFamily(modelId)));
    if (cache.size > 1000) cache.clear();
    cache.set(modelId, info);
  }
  return info;
}

/** Every model id the catalogue lists, across all model kinds. */
export function listMixRouterCatalogue(): MixRouterModelInfo[] {
  const { chat, other } = catalogueTables();
  return [...Object.keys(chat), ...Object.keys(other)].map(getMixRouterModelInfo);
}

// ── Live endpoint types ──────────────────────────────────────────────────────────────
// MixRouter's documented list names no rerank model, so the catalogue lists none; a
// rerank model the gateway serves is recognised from `/v1/models`, whose
// `supported_endpoint_types` say `jina-rerank` (new-api: constant/endpoint_type.go;
// `rerank` accepted too), even when its name does not say "rerank".

const RERANK_ENDPOINT_TYPES: ReadonlySet<string> = new Set(['rerank', 'jina-rerank']);

/** The catalogue's facts for a model, corrected by the endpoint types `/v1/models` reports. */
export function getMixRouterModelInfoForEndpointTypes(
  modelId: string,
  endpointTypes: readonly string[],
): MixRouterModelInfo {
  const info = getMixRouterModelInfo(modelId);
  if (info.kind === 'reranking' || !endpointTypes.some((t) => RERANK_ENDPOINT_TYPES.has(t)))
    return info;
  return build(modelId, info.listed, { family: info.family, kind: 'reranking' });
}

// Media model facts (image profiles, video vendors, speech and transcription quirks)
// live in their own file; they are re-exported here so every model fact has one entry point.
export {
  getMixRouterImageProfile,
  getMixRouterSpeechDefaultVoice,
  getMixRouterVideoVendor,
  type MixRouterImageProfile,
  type MixRouterVideoVendor,
  mixrouterImageModelTakesImageSize,
  mixrouterTranscriptionSupportsVerboseJson,
} from './mixrouter-media-model-facts';
