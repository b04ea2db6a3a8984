/**
 * Request contracts: for each model family (refined per model in the catalogue), which
 * chat-completions fields its upstream accepts, rejects or ignores. The request builder
 * reads only these; every rule names its source — the vendor's API reference, the
 * protocol reference (shared/docs/mixrouter-protocol.md §…) or the new-api file that
 * converts the request. A field a family cannot take is never sent: the caller gets an
 * `unsupported` (or, when it is replaced by something equivalent, `compatibility`) warning.
 */

/** The AI SDK call settings a contract can refuse. */
export type MixRouterCallSetting =
  | 'temperature'
  | 'topP'
  | 'topK'
  | 'seed'
  | 'presencePenalty'
  | 'frequencyPenalty'
  | 'stopSequences';

/**
 * How `Output.object` / `responseFormat: json` is sent:
 * - `json-schema`: `response_format: {type: 'json_schema', json_schema: {…}}`.
 * - `json-object`: `response_format: {type: 'json_object'}` plus the schema as a system
 *   instruction (the upstream takes JSON mode but no schema).
 * - `prompt`: no `response_format` at all (the gateway ignores or the upstream rejects
 *   it); the schema goes into a system instruction.
 */
export type MixRouterStructuredOutput = 'json-schema' | 'json-object' | 'prompt';

/** `tool_choice` forms: `auto`, `none`, `required`, and a named function (`tool`). */
export type MixRouterToolChoiceForm = 'auto' | 'none' | 'required' | 'tool';

/**
 * When the upstream answers:
 * - `any`: streamed and non-streamed requests.
 * - `stream-only`: only streamed requests (`generateText` streams and collects).
 * - `stream-when-thinking`: non-streamed requests only with thinking off.
 */
export type MixRouterStreaming = 'any' | 'stream-only' | 'stream-when-thinking';

/**
 * Which tool-call ids the upstream accepts. Ids produced by another family (after a model
 * switch mid-conversation) are rewritten to fit; see `mapMixRouterToolCallId`.
 * - `maxLength`: longest id accepted.
 * - `charset: 'word'`: only `[A-Za-z0-9_-]`.
 */
export interface MixRouterToolCallIdRule {
  readonly maxLength?: number;
  readonly charset?: 'word';
}

export interface MixRouterRequestContract {
  /** Settings the upstream rejects or the gateway drops. */
  readonly unsupported: readonly MixRouterCallSetting[];
  /** Settings the upstream rejects or ignores while the model thinks. */
  readonly unsupportedWhileThinking: readonly MixRouterCallSetting[];
  /** `temperature` and `top_p` may not both be sent (Claude 4.5 and later). */
  readonly exclusiveTemperatureTopP: boolean;
  /** Which field carries `maxOutputTokens`. */
  readonly maxTokensField: 'max_tokens' | 'max_completion_tokens';
  /** `stop` is capped at this many sequences. */
  readonly maxStopSequences?: number;
  readonly structuredOutput: MixRouterStructuredOutput;
  /** Whether structured output works while the model thinks. */
  readonly structuredOutputWhileThinking: boolean;
  /** The `tool_choice` forms the upstream takes. */
  readonly toolChoice: readonly MixRouterToolChoiceForm[];
  /** Whether `parallel_tool_calls` reaches an upstream that honours it. */
  readonly parallelToolCalls: boolean;
  /** Whether `verbosity` is accepted (gpt-5 family). */
  readonly verbosity: boolean;
  readonly streaming: MixRouterStreaming;
  /**
   * Whether provider metadata on tool calls (`extra_content`, Gemini thought signatures)
   * is replayed. Only the family that produced it understands it (protocol §2.4).
   */
  readonly replayExtraContent: boolean;
  readonly toolCallIds: MixRouterToolCallIdRule;
}

const ALL_TOOL_CHOICES: readonly MixRouterToolChoiceForm[] = ['auto', 'none', 'required', 'tool'];

/** Plain OpenAI chat completions; every family starts from here. */
const OPENAI_CHAT: MixRouterRequestContract = {
  // https://platform.openai.com/docs/api-reference/chat/create — no `top_k`; OpenAI
  // rejects unknown arguments ("Unrecognized request argument supplied").
  unsupported: ['topK'],
  unsupportedWhileThinking: [],
  exclusiveTemperatureTopP: false,
  maxTokensField: 'max_tokens',
  // Same reference: `stop` takes "up to 4 sequences".
  maxStopSequences: 4,
  structuredOutput: 'json-schema',
  structuredOutputWhileThinking: true,
  toolChoice: ALL_TOOL_CHOICES,
  parallelToolCalls: true,
  verbosity: false,
  streaming: 'any',
  replayExtraContent: false,
  // OpenAI answers a longer id with 400 `Invalid 'messages[1].tool_calls[0].id': string too
  // long. Expected a string with maximum length 40` (its own ids are `call_` + 24 chars).
  // OpenAI-compatible upstreams copy its schema, so every family starts from this cap; a
  // shorter id is always accepted.
  toolCallIds: { maxLength: 40 },
};

const contract = (overrides: Partial<MixRouterRequestContract>): MixRouterRequestContract => ({
  ...OPENAI_CHAT,
  ...overrides,
});

/**
 * gpt-4 (gpt-4-0613) predates JSON mode, Structured Outputs and parallel function calling
 * (https://platform.openai.com/docs/guides/structured-outputs — supported from gpt-4o;
 * JSON mode from gpt-4-turbo): the schema goes into the prompt.
 */
export const GPT4_CONTRACT = contract({ structuredOutput: 'prompt', parallelToolCalls: false });

/**
 * gpt-4o-audio-preview / gpt-audio: Structured Outputs are not supported
 * (https://platform.openai.com/docs/models/gpt-4o-audio-preview, "Structured outputs: not
 * supported"), so the schema goes into the prompt.
 */
export const OPENAI_AUDIO_CONTRACT = contract({ structuredOutput: 'prompt' });

/**
 * OpenAI reasoning models (o1, o3, o3-mini, o3-pro, o4-mini, gpt-5 and later).
 * https://platform.openai.com/docs/guides/reasoning — they reject `temperature`, `top_p`,
 * the penalties and `stop` with 400 `Unsupported parameter: '<name>' is not supported
 * with this model.`, and take `max_completion_tokens`; new-api
 * (relay/channel/openai/adaptor.go, protocol §2.1) also strips `temperature`/`top_p` for
 * gpt-5 names, so gpt-5.1's "sampling with effort none" never reaches OpenAI either. The
 * o-series also rejects `parallel_tool_calls` (400 `Unsupported parameter:
 * 'parallel_tool_calls' is not supported with this model.`, reported for o1, o3, o3-mini and
 * o4-mini, e.g. run-llama/llama_index#20865); the gpt-5 family takes it.
 */
export const OPENAI_REASONING_CONTRACT = contract({
  unsupported: [
    'temperature',
    'topP',
    'topK',
    'presencePenalty',
    'frequencyPenalty',
    'stopSequences',
  ],
  maxTokensField: 'max_completion_tokens',
  maxStopSequences: undefined,
  parallelToolCalls: false,
});

/** The gpt-5 reasoning models take `parallel_tool_calls` and `verbosity` (API reference, chat/create). */
export const GPT5_REASONING_CONTRACT = contract({
  ...OPENAI_REASONING_CONTRACT,
  parallelToolCalls: true,
  verbosity: true,
});

/**
 * gpt-5-chat is not a reasoning model (it takes stop and penalties), but new-api strips
 * `temperature`/`top_p` for every gpt-5 name and moves `max_tokens` to
 * `max_completion_tokens` (relay/channel/openai/adaptor.go, protocol §2.1).
 */
export const GPT5_CHAT_CONTRACT = contract({
  unsupported: ['temperature', 'topP', 'topK'],
  maxTokensField: 'max_completion_tokens',
});

/**
 * xAI reasoning models (grok-4, grok-4-1-fast-reasoning):
 * https://docs.x.ai/docs/guides/reasoning — `presencePenalty`, `frequencyPenalty` and
 * `stop` are not supported and return an error. No `top_k` in
 * https://docs.x.ai/docs/api-reference#chat-completions. Structured outputs take
 * `json_schema` (https://docs.x.ai/docs/guides/structured-outputs).
 */
export const XAI_REASONING_CONTRACT = contract({
  unsupported: ['topK', 'presencePenalty', 'frequencyPenalty', 'stopSequences'],
  maxStopSequences: undefined,
});

/** grok-4-1-fast-non-reasoning takes the sampling fields (same xAI pages). */
export const XAI_CHAT_CONTRACT = contract({ unsupported: ['topK'], maxStopSequences: undefined });

/**
 * Anthropic models through the gateway's Claude conversion
 * (new-api relay/channel/claude/relay-claude.go):
 * - `response_format`, `seed`, `n` and the penalties are silently ignored (protocol §2.1,
 *   §4.3): the schema goes into the prompt and the rest is refused with a warning.
 * - Extended thinking does not allow `temperature`, `top_p` below 0.95 or `top_k`
 *   (https://docs.anthropic.com/en/docs/build-with-claude/extended-thinking).
 * - `tool_choice` forms and `parallel_tool_calls` (→ `disable_parallel_tool_use`) are
 *   mapped (protocol §2.4).
 */
export const ANTHROPIC_CHAT_CONTRACT = contract({
  unsupported: ['seed', 'presencePenalty', 'frequencyPenalty'],
  // The gateway copies ids into `tool_use.id` / `tool_result.tool_use_id`, which Anthropic
  // validates against `^[a-zA-Z0-9_-]+$` (400 `messages.N.content.M.tool_use.id: String
  // should match pattern`; https://docs.anthropic.com/en/api/messages, tool_use blocks).
  toolCallIds: { maxLength: 40, charset: 'word' },
  unsupportedWhileThinking: ['temperature', 'topP', 'topK'],
  maxStopSequences: undefined,
  structuredOutput: 'prompt',
});

/**
 * Claude Sonnet 4.5, Haiku 4.5, Opus 4.1 and later reject requests that set both
 * `temperature` and `top_p` ("`temperature` and `top_p` cannot both be specified for
 * this model"; https://docs.anthropic.com/en/docs/about-claude/models/migrating-to-claude-4).
 */
export const ANTHROPIC_45_CHAT_CONTRACT = contract({
  ...ANTHROPIC_CHAT_CONTRACT,
  exclusiveTemperatureTopP: true,
});

/**
 * Gemini through the gateway's Gemini conversion (new-api relay/channel/gemini/relay-gemini.go):
 * penalties and `n` are ignored and `stop` is capped at 5 (protocol §4.3);
 * `response_format` becomes `responseSchema` (§2.1); every `tool_choice` form is mapped
 * but `parallel_tool_calls` has no equivalent (§2.4); `extra_content` thought signatures
 * are Gemini's own.
 */
export const GOOGLE_CHAT_CONTRACT = contract({
  unsupported: ['presencePenalty', 'frequencyPenalty'],
  maxStopSequences: 5,
  parallelToolCalls: false,
  replayExtraContent: true,
});

/**
 * DeepSeek (https://api-docs.deepseek.com/api/create-chat-completion):
 * - `response_format` is `text` or `json_object` only (400 `This response_format type is
 *   unavailable now` otherwise; https://api-docs.deepseek.com/guides/json_mode).
 * - No `top_k`, `seed` or `parallel_tool_calls`; `stop` takes up to 16 sequences.
 * - In thinking mode `temperature`, `top_p` and the penalties have no effect
 *   (https://api-docs.deepseek.com/guides/thinking_mode).
 */
export const DEEPSEEK_CONTRACT = contract({
  unsupported: ['topK', 'seed'],
  unsupportedWhileThinking: ['temperature', 'topP', 'presencePenalty', 'frequencyPenalty'],
  maxStopSequences: 16,
  structuredOutput: 'json-object',
  parallelToolCalls: false,
});

/**
 * Qwen on DashScope's compatible mode
 * (https://www.alibabacloud.com/help/en/model-studio/use-qwen-by-calling-api):
 * - `presence_penalty` and `repetition_penalty` but no `frequency_penalty`.
 * - `tool_choice` is `auto`, `none` or a named function (no `required`).
 * - JSON mode is `json_object` on every model; structured output is not available in
 *   thinking mode (https://www.alibabacloud.com/help/en/model-studio/json-mode).
 * - Thinking mode answers streamed calls only: DashScope rejects a non-streamed call
 *   with thinking on (400 `parameter.enable_thinking must be set to false for
 *   non-streaming calls`; https://www.alibabacloud.com/help/en/model-studio/deep-thinking).
 */
export const QWEN_CONTRACT = contract({
  unsupported: ['frequencyPenalty'],
  maxStopSequences: undefined,
  structuredOutput: 'json-object',
  structuredOutputWhileThinking: false,
  toolChoice: ['auto', 'none', 'tool'],
  streaming: 'stream-when-thinking',
});

/**
 * qwen2.5-vl-72b-instruct: MixRouter documents a non-streamed call with
 * `thinking: {type: 'enabled'}` (seed: qwen2.5-vl-72b-instruct), so the DashScope
 * streaming rule for `enable_thinking` does not apply.
 */
export const QWEN_VL_THINKING_TYPE_CONTRACT = contract({ ...QWEN_CONTRACT, streaming: 'any' });

/** Qwen Omni answers streamed requests only (DashScope Qwen-Omni guide). */
export const QWEN_OMNI_CONTRACT = contract({ ...QWEN_CONTRACT, streaming: 'stream-only' });

/**
 * Moonshot Kimi (https://platform.moonshot.ai/docs/api/chat): no `top_k` or `seed`;
 * `stop` up to 5 sequences; `response_format` is `json_object` only; `tool_choice`
 * `required` is not supported (https://platform.moonshot.ai/docs/api/tool-use).
 */
export const MOONSHOT_CONTRACT = contract({
  unsupported: ['topK', 'seed'],
  maxStopSequences: 5,
  structuredOutput: 'json-object',
  toolChoice: ['auto', 'none'],
  parallelToolCalls: false,
});

/**
 * Zhipu GLM (https://docs.bigmodel.cn/api-reference/模型-api/对话补全): sampling is
 * `temperature`/`top_p` only (no penalties, `top_k` or `seed`); `stop` takes a single
 * stop word; `response_format` is `text`/`json_object`; `tool_choice` only `auto`.
 */
export const ZHIPU_CONTRACT = contract({
  unsupported: ['topK', 'seed', 'presencePenalty', 'frequencyPenalty'],
  maxStopSequences: 1,
  structuredOutput: 'json-object',
  toolChoice: ['auto'],
  parallelToolCalls: false,
});

/**
 * MiniMax (https://platform.minimax.io/docs/api-reference/text-openai-api): the
 * OpenAI-compatible API ignores `presence_penalty`, `frequency_penalty` and `logit_bias`,
 * has no `top_k`/`seed`, and M2 documents no `response_format`.
 */
export const MINIMAX_CONTRACT = contract({
  unsupported: ['topK', 'seed', 'presencePenalty', 'frequencyPenalty'],
  maxStopSequences: undefined,
  structuredOutput: 'prompt',
  parallelToolCalls: false,
});

/**
 * Doubao on Volcengine Ark (https://www.volcengine.com/docs/82379/1494384): no `top_k`;
 * `json_schema` is a beta limited to some models, `json_object` is general.
 */
export const DOUBAO_CONTRACT = contract({
  unsupported: ['topK'],
  maxStopSequences: undefined,
  structuredOutput: 'json-object',
});

/**
 * Families whose vendor reference could not be checked here (ERNIE, Hunyuan, Spark,
 * Ling/Ring, Step, SenseNova): the gateway forwards OpenAI fields verbatim (protocol
 * §2.1). Sampling fields go out as given; `response_format` is not relied on — the
 * schema goes into the prompt — because an upstream without JSON mode rejects it.
 */
export const UNVERIFIED_CONTRACT = contract({
  unsupported: [],
  maxStopSequences: undefined,
  structuredOutput: 'prompt',
});

/** Unknown ids: plain OpenAI-compatible behaviour. */
export const OPENAI_COMPATIBLE_CONTRACT = contract({
  unsupported: [],
  maxStopSequences: undefined,
});

export { OPENAI_CHAT as OPENAI_CHAT_CONTRACT };
