/**
 * OpenAI upstream contract for chat completions (gpt-4o/4.1 vs o-series / gpt-5 reasoning).
 * Sources:
 * - https://platform.openai.com/docs/guides/reasoning (reasoning models: no sampling or
 *   penalty parameters, `max_completion_tokens`, `reasoning_effort` values per model)
 * - https://platform.openai.com/docs/api-reference/chat/create (`reasoning_effort` "o-series
 *   and gpt-5 models only"; `stop` "not supported with latest reasoning models o3 and o4-mini")
 * - https://platform.openai.com/docs/models/o3-pro ("available in the Responses API only")
 * - https://platform.openai.com/docs/guides/latest-model (`verbosity` low/medium/high on gpt-5;
 *   other models answer `Unsupported value: 'verbosity' does not support 'low' with this model.
 *   Supported values are: 'medium'.`)
 * - error texts as the API returns them, e.g. 400 `Unsupported parameter: 'stop' is not
 *   supported with this model.` (param `stop`, code `unsupported_parameter`), seen in
 *   github.com/huggingface/smolagents/issues/1893 and crewAIInc/crewAI#2738.
 * Rules see the body after the gateway's rewrite (gateway-rewrite.ts): temperature is already
 * gone for o*, temperature/top_p/logprobs for gpt-5*, and max_tokens became max_completion_tokens.
 */

import { asArray, asNumber, asObject, asString, type JsonObject } from '../json-util.ts';
import { messagesMentionJson } from './chat-messages.ts';
import { type ChatRule, type ContractViolation, invalidRequest } from './contract-types.ts';

export interface OpenAIModelContract {
  /** Accepted `reasoning_effort` values; undefined = the model takes no `reasoning_effort`. */
  efforts?: readonly string[];
  /** Parameters the upstream rejects with `unsupported_parameter` (after the gateway rewrite). */
  rejects: readonly string[];
  /** Only served on /v1/responses. */
  responsesOnly?: boolean;
  /** Largest `max_tokens` / `max_completion_tokens` (model page, "Max output tokens"). */
  maxOutput?: number;
  /** The model reads no images (gpt-4, o3-mini). */
  textOnly?: boolean;
}

/** Reasoning-model restrictions (guides/reasoning "Limitations"). */
const REASONING_REJECTS = [
  'top_p',
  'presence_penalty',
  'frequency_penalty',
  'logprobs',
  'top_logprobs',
  'logit_bias',
  'max_tokens',
];
const REASONING_REJECTS_WITH_STOP = [...REASONING_REJECTS, 'stop'];
const LMH = ['low', 'medium', 'high'] as const;

const reasoning = (
  efforts: readonly string[],
  maxOutput: number,
  stop = true,
): OpenAIModelContract => ({
  efforts,
  rejects: stop ? REASONING_REJECTS_WITH_STOP : REASONING_REJECTS,
  maxOutput,
});
const chat = (maxOutput?: number, textOnly?: boolean): OpenAIModelContract => ({
  rejects: [],
  maxOutput,
  textOnly,
});
const CHAT_MODEL: OpenAIModelContract = chat();

/** Per model: effort values from each model's page on platform.openai.com/docs/models. */
export const OPENAI_MODELS: Readonly<Record<string, OpenAIModelContract>> = {
  'gpt-4': chat(8192, true),
  'gpt-4o': chat(16_384),
  'gpt-4o-mini': chat(16_384),
  'gpt-4.1': chat(32_768),
  'gpt-4o-audio-preview': chat(16_384),
  'gpt-audio': chat(16_384),
  o1: reasoning(LMH, 100_000),
  o3: reasoning(LMH, 100_000),
  // o3-mini still takes `stop` (only "o3 and o4-mini" are named in the API reference).
  'o3-mini': { ...reasoning(LMH, 100_000, false), textOnly: true },
  'o3-pro': { ...reasoning(LMH, 100_000), responsesOnly: true },
  'o3-deep-research': reasoning(['medium'], 100_000),
  'o4-mini': reasoning(LMH, 100_000),
  'o4-mini-deep-research': reasoning(['medium'], 100_000),
  'gpt-5': reasoning(['minimal', ...LMH], 128_000),
  'gpt-5-mini': reasoning(['minimal', ...LMH], 128_000),
  'gpt-5-nano': reasoning(['minimal', ...LMH], 128_000),
  // gpt-5.1 replaced `minimal` with `none`; gpt-5.2 added `xhigh`.
  'gpt-5.1': reasoning(['none', ...LMH], 128_000),
  'gpt-5.2': reasoning(['none', ...LMH, 'xhigh'], 128_000),
  'gpt-5.1-codex': { ...reasoning(LMH, 128_000), responsesOnly: true },
  'gpt-5.2-pro': { ...reasoning(['medium', 'high', 'xhigh'], 128_000), responsesOnly: true },
  'gpt-5-chat': chat(16_384),
  'gpt-5.1-chat-latest': chat(16_384),
  'gpt-5.2-chat': chat(16_384),
  // Open-weight model served by third-party hosts: takes efforts and sampling alike.
  'gpt-oss-120b': { efforts: LMH, rejects: [] },
};

/** The contract of an OpenAI model id; unlisted o-series and gpt-5 ids count as reasoning models. */
export function openAIModelContract(model: string): OpenAIModelContract {
  const listed = OPENAI_MODELS[model];
  if (listed) return listed;
  if (/^(o\d|gpt-5)/.test(model) && !/chat/.test(model)) return reasoning(LMH, 100_000);
  return CHAT_MODEL;
}

/** Keys new-api forwards that OpenAI's strict request schema does not know. */
const NOT_OPENAI_KEYS = [
  'top_k',
  'extra_body',
  'thinking',
  'enable_thinking',
  'chat_template_kwargs',
  'reasoning',
  'think',
  'reasoning_split',
  'search_parameters',
  'enable_search',
  'vl_high_resolution_images',
  'web_search',
];

function unsupportedParameter(param: string): ContractViolation {
  const hint = param === 'max_tokens' ? " Use 'max_completion_tokens' instead." : '';
  return invalidRequest(
    `Unsupported parameter: '${param}' is not supported with this model.${hint}`,
    param,
    'unsupported_parameter',
  );
}

/** "'low', 'medium', and 'high'" — the list style of OpenAI's unsupported_value errors. */
export function quotedList(values: readonly string[]): string {
  const quoted = values.map((v) => `'${v}'`);
  if (quoted.length <= 2) return quoted.join(' and ');
  return `${quoted.slice(0, -1).join(', ')}, and ${quoted[quoted.length - 1]}`;
}

const responsesOnly: ChatRule = ({ model }) =>
  openAIModelContract(model).responsesOnly
    ? invalidRequest(
        'This model is only supported in v1/responses and not in v1/chat/completions.',
        'model',
        '',
        404,
      )
    : undefined;

const unknownKeys: ChatRule = ({ body }) => {
  const key = NOT_OPENAI_KEYS.find((k) => body[k] !== undefined);
  return key ? invalidRequest(`Unrecognized request argument supplied: ${key}`) : undefined;
};

const rejectedParameters: ChatRule = ({ body, model }) => {
  const param = openAIModelContract(model).rejects.find((p) => body[p] !== undefined);
  return param ? unsupportedParameter(param) : undefined;
};

const reasoningEffort: ChatRule = ({ body, model }) => {
  const effort = asString(body.reasoning_effort);
  if (effort === undefined || effort === '') return undefined;
  const { efforts } = openAIModelContract(model);
  if (!efforts) return unsupportedParameter('reasoning_effort');
  if (efforts.includes(effort)) return undefined;
  return invalidRequest(
    `Unsupported value: 'reasoning_effort' does not support '${effort}' with this model. Supported values are: ${quotedList(efforts)}.`,
    'reasoning_effort',
    'unsupported_value',
  );
};

/** JSON mode needs the word "json" somewhere in the messages (API reference, response_format). */
export const jsonWordRule: ChatRule = ({ body }) => {
  if (asObject(body.response_format)?.type !== 'json_object') return undefined;
  return messagesMentionJson(body)
    ? undefined
    : invalidRequest(
        "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
        'messages',
      );
};

/** OpenAI's message schema has no reasoning fields; the gateway forwards them (protocol §2.5). */
const reasoningOnMessages: ChatRule = ({ body }) => {
  const messages = asArray(body.messages);
  for (let i = 0; i < messages.length; i++) {
    const m: JsonObject = asObject(messages[i]) ?? {};
    for (const key of ['reasoning_content', 'reasoning']) {
      if (typeof m[key] === 'string' && m[key] !== '') {
        return invalidRequest(
          `Additional properties are not allowed ('${key}' was unexpected) - 'messages.${i}'`,
        );
      }
    }
  }
  return undefined;
};

const TOOL_CALL_KEYS = new Set(['id', 'type', 'function']);

/**
 * Assistant `tool_calls` items take only `id`, `type`, `function`: a Gemini `extra_content`
 * (thought signature) or a streamed `index` replayed to OpenAI is refused.
 */
const toolCallShape: ChatRule = ({ body }) => {
  const messages = asArray(body.messages);
  for (let i = 0; i < messages.length; i++) {
    const calls = asArray(asObject(messages[i])?.tool_calls);
    for (let j = 0; j < calls.length; j++) {
      const extra = Object.keys(asObject(calls[j]) ?? {}).find((k) => !TOOL_CALL_KEYS.has(k));
      if (extra) {
        return invalidRequest(
          `Additional properties are not allowed ('${extra}' was unexpected) - 'messages.${i}.tool_calls.${j}'`,
        );
      }
    }
  }
  return undefined;
};

const maxOutput: ChatRule = ({ body, model }) => {
  const max = openAIModelContract(model).maxOutput;
  for (const param of ['max_completion_tokens', 'max_tokens']) {
    const value = asNumber(body[param]);
    if (max !== undefined && value !== undefined && value > max) {
      return invalidRequest(
        `${param} is too large: ${value}. This model supports at most ${max} completion tokens, whereas you provided ${value}.`,
        param,
        'invalid_value',
      );
    }
  }
  return undefined;
};

/** Text-only models refuse image parts. */
const imageParts: ChatRule = ({ body, model }) => {
  if (!openAIModelContract(model).textOnly) return undefined;
  const messages = asArray(body.messages);
  for (let i = 0; i < messages.length; i++) {
    const parts = asArray(asObject(messages[i])?.content);
    const j = parts.findIndex((p) => asObject(p)?.type === 'image_url');
    if (j >= 0) {
      return invalidRequest(
        'Invalid content type. image_url is only supported by certain models.',
        `messages.[${i}].content.[${j}].type`,
        'invalid_value',
      );
    }
  }
  return undefined;
};

const MAX_ID_LENGTH = 40;

function tooLong(param: string, length: number): ContractViolation {
  return invalidRequest(
    `Invalid '${param}': string too long. Expected a string with maximum length ${MAX_ID_LENGTH}, but got a string with length ${length} instead.`,
    param,
    'string_above_max_length',
  );
}

/** Tool call ids are at most 40 characters (Gemini's `call_<uuid>` ids are 41). */
const toolCallIdLength: ChatRule = ({ body }) => {
  const messages = asArray(body.messages);
  for (let i = 0; i < messages.length; i++) {
    const m = asObject(messages[i]) ?? {};
    const replyId = asString(m.tool_call_id);
    if (replyId && replyId.length > MAX_ID_LENGTH) {
      return tooLong(`messages[${i}].tool_call_id`, replyId.length);
    }
    const calls = asArray(m.tool_calls);
    for (let j = 0; j < calls.length; j++) {
      const id = asString(asObject(calls[j])?.id);
      if (id && id.length > MAX_ID_LENGTH) {
        return tooLong(`messages[${i}].tool_calls[${j}].id`, id.length);
      }
    }
  }
  return undefined;
};

const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

const functionNames: ChatRule = ({ body }) => {
  const tools = asArray(body.tools);
  for (let i = 0; i < tools.length; i++) {
    const name = asString(asObject(asObject(tools[i])?.function)?.name);
    if (name !== undefined && !FUNCTION_NAME.test(name)) {
      return invalidRequest(
        `Invalid 'tools[${i}].function.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.`,
        `tools[${i}].function.name`,
        'invalid_value',
      );
    }
  }
  return undefined;
};

/** gpt-5 reasoning models take low/medium/high verbosity; every other model only `medium`. */
const verbosity: ChatRule = ({ body, model }) => {
  const value = asString(body.verbosity);
  if (value === undefined) return undefined;
  const gpt5Reasoning = /^gpt-5/.test(model) && openAIModelContract(model).rejects.length > 0;
  const allowed = gpt5Reasoning ? ['low', 'medium', 'high'] : ['medium'];
  return allowed.includes(value)
    ? undefined
    : invalidRequest(
        `Unsupported value: 'verbosity' does not support '${value}' with this model. Supported values are: ${quotedList(allowed)}.`,
        'verbosity',
        'unsupported_value',
      );
};

export const OPENAI_RULES: readonly ChatRule[] = [
  responsesOnly,
  unknownKeys,
  reasoningEffort,
  rejectedParameters,
  jsonWordRule,
  reasoningOnMessages,
  toolCallShape,
  maxOutput,
  imageParts,
  toolCallIdLength,
  functionNames,
  verbosity,
];
