/**
 * The model catalogue: the one place that knows which family a model belongs to, which
 * endpoint it needs, what it accepts and returns, how its thinking is switched on and
 * replayed, and which parameters it rejects. Request builders and converters ask it;
 * nothing else in the package hard-codes model names.
 *
 * Facts come from MixRouter's model list (shared/seeds) and the protocol reference
 * (shared/docs/mixrouter-protocol.md §2.2–2.7, §4, §11, §12). Unknown ids fall back to
 * family detection by name pattern, then to plain OpenAI-compatible behaviour.
 */

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
 * - `tool-loop`: only on assistant messages after the last user message (DeepSeek's rule:
 *   keep it within the current tool-call turn, drop it from earlier turns).
 * - `always`: on every assistant message that had reasoning (Kimi thinking, GLM).
 * - `inline-think`: re-wrapped as `<think>…</think>` in `content` (MiniMax M2 keeps its
 *   thinking inline and wants it back verbatim).
 */
export type MixRouterReasoningReplay = 'never' | 'tool-loop' | 'always' | 'inline-think';

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
  readonly replay: MixRouterReasoningReplay;
  /** DeepSeek V4: a tool-call assistant message must carry `reasoning_content`, even empty. */
  readonly replayRequiresField?: boolean;
}

export interface MixRouterModelQuirks {
  /** Send `max_completion_tokens` instead of `max_tokens` (o-series, gpt-5). */
  readonly maxCompletionTokens?: boolean;
  /** The model rejects sampling parameters (`temperature`, `top_p`). */
  readonly noSamplingParams?: boolean;
  /** Call options the upstream rejects or the gateway drops for this family. */
  readonly unsupportedSettings?: readonly UnsupportedSetting[];
  /** `response_format` is ignored by the gateway's conversion: inject the schema into the prompt. */
  readonly jsonSchemaViaPrompt?: boolean;
  /** The model may write its reasoning inline as `<think>…</think>`. */
  readonly inlineThinkTags?: boolean;
  /** Largest `max_tokens` the model accepts (used to size thinking budgets). */
  readonly maxOutputTokens?: number;
  /** The upstream only answers streamed requests (Qwen Omni). */
  readonly streamOnly?: boolean;
  /** `stop` is capped at this many sequences (Gemini: 5). */
  readonly maxStopSequences?: number;
}

export type UnsupportedSetting =
  | 'temperature'
  | 'topP'
  | 'topK'
  | 'seed'
  | 'presencePenalty'
  | 'frequencyPenalty'
  | 'stopSequences';

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
  readonly quirks: MixRouterModelQuirks;
}

type Overrides = Partial<Omit<MixRouterModelInfo, 'id' | 'listed' | 'reasoning' | 'quirks'>> & {
  reasoning?: Partial<MixRouterReasoningInfo>;
  quirks?: MixRouterModelQuirks;
};

const TEXT = ['text'] as const;
const VISION = ['text', 'image'] as const;
const VISION_PDF = ['text', 'image', 'pdf'] as const;
const VISION_VIDEO = ['text', 'image', 'video'] as const;
const OMNI = ['text', 'image', 'audio', 'video'] as const;
const GEMINI_INPUT = ['text', 'image', 'audio', 'video', 'pdf'] as const;

const NO_REASONING: MixRouterReasoningInfo = { control: 'none', canDisable: true, replay: 'never' };
const ALWAYS = (replay: MixRouterReasoningReplay): Partial<MixRouterReasoningInfo> => ({
  control: 'always',
  canDisable: false,
  replay,
});
const TOGGLE = (replay: MixRouterReasoningReplay): Partial<MixRouterReasoningInfo> => ({
  control: 'thinking-type',
  canDisable: true,
  replay,
});
const QWEN_TOGGLE: Partial<MixRouterReasoningInfo> = {
  control: 'qwen-enable-thinking',
  canDisable: true,
  replay: 'tool-loop',
};
const OPENAI_REASONING_QUIRKS: MixRouterModelQuirks = {
  maxCompletionTokens: true,
  noSamplingParams: true,
  unsupportedSettings: ['presencePenalty', 'frequencyPenalty', 'topK'],
};
const effort = (...efforts: MixRouterOpenAIEffort[]): Partial<MixRouterReasoningInfo> => ({
  control: 'openai-effort',
  efforts,
  canDisable: efforts.includes('none'),
  replay: 'never',
});

/** Defaults per family, refined per model below. */
const FAMILY_DEFAULTS: Record<MixRouterModelFamily, Overrides> = {
  openai: { input: VISION, quirks: { unsupportedSettings: ['topK'] } },
  anthropic: {
    input: VISION_PDF,
    endpointTypes: ['openai', 'anthropic'],
    reasoning: { control: 'anthropic-thinking', canDisable: true, replay: 'never' },
    quirks: {
      jsonSchemaViaPrompt: true,
      // The gateway's Claude conversion drops these (protocol §4.3).
      unsupportedSettings: ['seed', 'presencePenalty', 'frequencyPenalty'],
      maxOutputTokens: 64_000,
    },
  },
  google: {
    input: GEMINI_INPUT,
    endpointTypes: ['openai', 'gemini'],
    quirks: {
      unsupportedSettings: ['presencePenalty', 'frequencyPenalty'],
      maxOutputTokens: 65_536,
      maxStopSequences: 5,
    },
  },
  deepseek: { reasoning: TOGGLE('tool-loop'), quirks: { unsupportedSettings: ['topK'] } },
  qwen: { quirks: {} },
  moonshot: {},
  zhipu: { reasoning: TOGGLE('always') },
  minimax: { quirks: { inlineThinkTags: true } },
  xai: {
    input: VISION,
    reasoning: ALWAYS('never'),
    // Grok 4 rejects these (xAI API docs); the gateway forwards them verbatim.
    quirks: {
      unsupportedSettings: ['presencePenalty', 'frequencyPenalty', 'stopSequences', 'topK'],
    },
  },
  doubao: { input: VISION, reasoning: TOGGLE('never') },
  baidu: { reasoning: ALWAYS('never') },
  tencent: { reasoning: ALWAYS('never') },
  iflytek: {},
  ant: {},
  stepfun: { input: VISION, reasoning: ALWAYS('never') },
  sensenova: { input: VISION },
  'openai-compatible': {},
};

const CHAT: Record<string, Overrides> = {
  // OpenAI
  'gpt-4': { family: 'openai', input: TEXT },
  'gpt-4.1': { family: 'openai', input: VISION_PDF },
  'gpt-4o': { family: 'openai', input: VISION_PDF },
  'gpt-4o-mini': { family: 'openai', input: VISION_PDF },
  'gpt-4o-audio-preview': { family: 'openai', input: ['text', 'audio'], output: ['text', 'audio'] },
  'gpt-audio': { family: 'openai', input: ['text', 'audio'], output: ['text', 'audio'] },
  'gpt-5': {
    family: 'openai',
    input: VISION_PDF,
    reasoning: effort('minimal', 'low', 'medium', 'high'),
    quirks: OPENAI_REASONING_QUIRKS,
  },
  'gpt-5-mini': {
    family: 'openai',
    input: VISION_PDF,
    reasoning: effort('minimal', 'low', 'medium', 'high'),
    quirks: OPENAI_REASONING_QUIRKS,
  },
  'gpt-5-nano': {
    family: 'openai',
    input: VISION_PDF,
    reasoning: effort('minimal', 'low', 'medium', 'high'),
    quirks: OPENAI_REASONING_QUIRKS,
  },
  'gpt-5-chat': { family: 'openai', input: VISION_PDF, quirks: OPENAI_REASONING_QUIRKS },
  'gpt-5.1': {
    family: 'openai',
    input: VISION_PDF,
    reasoning: effort('none', 'low', 'medium', 'high'),
    quirks: OPENAI_REASONING_QUIRKS,
  },
  'gpt-5.1-chat-latest': { family: 'openai', input: VISION_PDF, quirks: OPENAI_REASONING_QUIRKS },
  'gpt-5.1-codex': {
    family: 'openai',
    endpoint: 'responses',
    endpointTypes: ['openai-response'],
    input: VISION,
    reasoning: effort('low', 'medium', 'high'),
    quirks: OPENAI_REASONING_QUIRKS,
  },
  'gpt-5.2': {
    family: 'openai',
    input: VISION_PDF,
    reasoning: effort('none', 'low', 'medium', 'high', 'xhigh'),
    quirks: OPENAI_REASONING_QUIRKS,
  },
  'gpt-5.2-chat': { family: 'openai', input: VISION_PDF, quirks: OPENAI_REASONING_QUIRKS },
  'gpt-5.2-pro': {
    family: 'openai',
    endpoint: 'responses',
    endpointTypes: ['openai-response'],
    input: VISION_PDF,
    reasoning: effort('medium', 'high', 'xhigh'),
    quirks: OPENAI_REASONING_QUIRKS,
  },
  'gpt-oss-120b': { family: 'openai', input: TEXT, reasoning: effort('low', 'medium', 'high') },
  o1: {
    family: 'openai',
    reasoning: effort('low', 'medium', 'high'),
    quirks: OPENAI_REASONING_QUIRKS,
  },
  o3: {
    family: 'openai',
    reasoning: effort('low', 'medium', 'high'),
    quirks: OPENAI_REASONING_QUIRKS,
  },
  'o3-mini': {
    family: 'openai',
    input: TEXT,
    reasoning: effort('low', 'medium', 'high'),
    quirks: OPENAI_REASONING_QUIRKS,
  },
  'o3-pro': {
    family: 'openai',
    reasoning: effort('low', 'medium', 'high'),
    quirks: OPENAI_REASONING_QUIRKS,
  },
  'o3-deep-research': {
    family: 'openai',
    reasoning: effort('medium'),
    quirks: OPENAI_REASONING_QUIRKS,
  },
  'o4-mini': {
    family: 'openai',
    reasoning: effort('low', 'medium', 'high'),
    quirks: OPENAI_REASONING_QUIRKS,
  },
  'o4-mini-deep-research': {
    family: 'openai',
    reasoning: effort('medium'),
    quirks: OPENAI_REASONING_QUIRKS,
  },
  // Google
  'gemini-2.0-flash': { family: 'google' },
  'gemini-2.5-flash': {
    family: 'google',
    reasoning: { control: 'gemini-budget', budget: { min: 0, max: 24_576 }, canDisable: true },
  },
  'gemini-2.5-flash-lite': {
    family: 'google',
    reasoning: { control: 'gemini-budget', budget: { min: 512, max: 24_576 }, canDisable: true },
  },
  'gemini-2.5-flash-lite-preview': {
    family: 'google',
    reasoning: { control: 'gemini-budget', budget: { min: 512, max: 24_576 }, canDisable: true },
  },
  'gemini-2.5-pro': {
    family: 'google',
    reasoning: { control: 'gemini-budget', budget: { min: 128, max: 32_768 }, canDisable: false },
  },
  'gemini-2.5-computer-use-preview-10-2025': {
    family: 'google',
    input: VISION,
    reasoning: { control: 'gemini-budget', budget: { min: 128, max: 32_768 }, canDisable: false },
  },
  'gemini-robotics-er-1.5-preview': {
    family: 'google',
    input: VISION_VIDEO,
    reasoning: { control: 'gemini-budget', budget: { min: 0, max: 24_576 }, canDisable: true },
  },
  'gemini-3-pro-preview': {
    family: 'google',
    reasoning: { control: 'gemini-level', levels: ['low', 'high'], canDisable: false },
  },
  'gemini-3-flash-preview': {
    family: 'google',
    reasoning: {
      control: 'gemini-level',
      levels: ['minimal', 'low', 'medium', 'high'],
      canDisable: false,
    },
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
  'claude-opus-4-5-20251101': { family: 'anthropic' },
  'claude-opus-4-20250514': { family: 'anthropic', quirks: { maxOutputTokens: 32_000 } },
  'claude-sonnet-4-20250514': { family: 'anthropic' },
  'claude-sonnet-4-5-20250929': { family: 'anthropic' },
  // DeepSeek (V3.2: deepseek-chat is the non-thinking mode and takes the `thinking` switch)
  'deepseek-chat': { family: 'deepseek' },
  'deepseek-reasoner': {
    family: 'deepseek',
    reasoning: ALWAYS('tool-loop'),
    quirks: {
      noSamplingParams: true,
      unsupportedSettings: ['topK', 'presencePenalty', 'frequencyPenalty'],
    },
  },
  'deepseek-v4-pro': { family: 'deepseek', reasoning: { replayRequiresField: true } },
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
  'grok-4-1-fast-non-reasoning': { family: 'xai', reasoning: NO_REASONING },
  // Zhipu
  'glm-5': { family: 'zhipu' },
  'glm-4.5': { family: 'zhipu' },
  'glm-4.6': { family: 'zhipu' },
  'glm-4.7': { family: 'zhipu' },
  'glm-4-plus': { family: 'zhipu', reasoning: NO_REASONING },
  'glm-4.5v': { family: 'zhipu', input: VISION_VIDEO },
  'glm-4.6v': { family: 'zhipu', input: VISION_VIDEO },
  // Alibaba / Qwen (DashScope compatible mode)
  'qwen3.5-122b-a10b': { family: 'qwen', input: VISION_VIDEO, reasoning: QWEN_TOGGLE },
  'qwen3.5-397b-a17b': { family: 'qwen', input: VISION_VIDEO, reasoning: QWEN_TOGGLE },
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
  'qwen3-235b-a22b': { family: 'qwen', reasoning: QWEN_TOGGLE },
  'qwen3-8b': { family: 'qwen', reasoning: QWEN_TOGGLE },
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
  'qwen2.5-vl-72b-instruct': {
    family: 'qwen',
    input: OMNI,
    output: ['text', 'audio'],
    reasoning: TOGGLE('tool-loop'),
  },
  'qwen2.5-omni-7b': {
    family: 'qwen',
    input: OMNI,
    output: ['text', 'audio'],
    quirks: { streamOnly: true },
  },
  'qwen3-omni-flash-2025-12-01': {
    family: 'qwen',
    input: OMNI,
    output: ['text', 'audio'],
    reasoning: QWEN_TOGGLE,
    quirks: { streamOnly: true },
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
};

const OTHER: Record<string, Overrides> = {
  'text-embedding-3-large': { family: 'openai', kind: 'embedding' },
  'text-embedding-3-small': { family: 'openai', kind: 'embedding' },
  'text-embedding-ada-002': { family: 'openai', kind: 'embedding' },
  'text-embedding-v1': { family: 'qwen', kind: 'embedding' },
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
};

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
        const chatVariant = /chat/.test(lower);
        return {
          ...base,
          reasoning: chatVariant ? NO_REASONING : effort('low', 'medium', 'high'),
          endpoint:
            /(codex|-pro$)/.test(lower) && lower.startsWith('gpt-5') ? 'responses' : undefined,
          quirks: OPENAI_REASONING_QUIRKS,
        };
      }
      return base;
    case 'google':
      if (/gemini-3/.test(lower)) {
        return {
          ...base,
          reasoning: { control: 'gemini-level', levels: ['low', 'high'], canDisable: false },
        };
      }
      if (/gemini-2\.5/.test(lower)) {
        return {
          ...base,
          reasoning: {
            control: 'gemini-budget',
            budget: { min: 128, max: 24_576 },
            canDisable: !/pro/.test(lower),
          },
        };
      }
      return { ...base, reasoning: NO_REASONING };
    case 'qwen':
      if (thinkingName) return { ...base, reasoning: ALWAYS('tool-loop') };
      if (/vl|omni/.test(lower)) return { ...base, input: OMNI };
      if (/^qwen3|qwen-plus|qwen-turbo|qwen-flash/.test(lower))
        return { ...base, reasoning: QWEN_TOGGLE };
      return base;
    case 'moonshot':
      if (thinkingName) return { ...base, reasoning: ALWAYS('always') };
      // Kimi K2.5 and later take the `thinking` switch.
      if (/kimi-k2\.\d/.test(lower)) return { ...base, input: VISION, reasoning: TOGGLE('always') };
      return base;
    case 'deepseek':
      if (thinkingName) return { ...base, reasoning: ALWAYS('tool-loop') };
      return base;
    case 'zhipu':
      if (/glm-4\.[5-9]|glm-[5-9]/.test(lower))
        return { ...base, input: /v$/.test(lower) ? VISION_VIDEO : TEXT };
      return { ...base, reasoning: NO_REASONING };
    case 'minimax':
      return /^minimax-m/.test(lower) ? { ...base, reasoning: ALWAYS('inline-think') } : base;
    case 'xai':
      return /non-reasoning/.test(lower) ? { ...base, reasoning: NO_REASONING } : base;
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
  const defaults = FAMILY_DEFAULTS[family];
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
    const listed = CHAT[modelId] ?? OTHER[modelId];
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
  return [...Object.keys(CHAT), ...Object.keys(OTHER)].map(getMixRouterModelInfo);
}

/** Whether a chat model is an image generator (served by chat completions, not /images). */
export function isMixRouterChatImageModel(modelId: string): boolean {
  return getMixRouterModelInfo(modelId).output.includes('image');
}

// ── Media model facts ────────────────────────────────────────────────────────────────
// The media model classes key their per-vendor request shapes on these profiles; the
// name patterns that decide them live here with the rest of the model facts.

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
