/**
 * DashScope (Alibaba Model Studio, OpenAI-compatible mode) contract for Qwen models. new-api's
 * Ali channel posts the body to `/compatible-mode/v1/chat/completions` (new-api:
 * relay/channel/ali/adaptor.go). Sources:
 * - https://www.alibabacloud.com/help/en/model-studio/deep-thinking (hybrid vs thinking-only
 *   models; Qwen3.5 thinks by default, Qwen3 commercial models do not; open-source Qwen3
 *   (qwen3-235b-a22b, qwen3-32b, …) answer thinking requests as streams only)
 * - https://www.alibabacloud.com/help/en/model-studio/error-code (texts: `parameter.enable_thinking
 *   must be set to false for non-streaming calls`, `The value of the enable_thinking parameter is
 *   restricted to True.`, `Json mode response is not supported when enable_thinking is true`,
 *   `'messages' must contain the word 'json' …`, `This model only support stream mode …`,
 *   `tool_choice is one of the strings that should be ["none", "auto"]`, sampling ranges)
 * - recorded compatible-mode error body (`{"error":{"message":"<400> InternalError.Algo.
 *   InvalidParameter: …","type":"invalid_request_error","param":null,"code":
 *   "invalid_parameter_error"}}`), e.g. langchain4j/langchain4j#3974.
 */
import { asArray, asNumber, asObject, type JsonObject } from '../json-util.ts';
import { messagesMentionJson } from './chat-messages.ts';
import { type ChatRule, type ContractViolation, invalidRequest } from './contract-types.ts';

export interface QwenModelContract {
  /** `none`: no thinking; `hybrid`: `enable_thinking` switches it; `only`: always thinks. */
  thinking: 'none' | 'hybrid' | 'only';
  /** Hybrid models: thinking when `enable_thinking` is absent. */
  thinkingByDefault?: boolean;
  /** Thinking requests are answered as streams only (open-source Qwen3 builds). */
  thinkingStreamOnly?: boolean;
  /** Every request must stream (Qwen-Omni). */
  streamOnly?: boolean;
}

const NONE: QwenModelContract = { thinking: 'none' };
const COMMERCIAL_HYBRID: QwenModelContract = { thinking: 'hybrid', thinkingByDefault: false };
const OPEN_HYBRID: QwenModelContract = {
  thinking: 'hybrid',
  thinkingByDefault: true,
  thinkingStreamOnly: true,
};
const OPEN_THINKING: QwenModelContract = { thinking: 'only', thinkingStreamOnly: true };
const OMNI: QwenModelContract = { thinking: 'hybrid', thinkingByDefault: false, streamOnly: true };

export const QWEN_MODELS: Readonly<Record<string, QwenModelContract>> = {
  'qwen-max': NONE,
  'qwen-max-2025-01-25': NONE,
  'qwen-max-latest': NONE,
  'qwen-plus': COMMERCIAL_HYBRID,
  'qwen-plus-latest': COMMERCIAL_HYBRID,
  'qwen-turbo': COMMERCIAL_HYBRID,
  'qwen3-max': COMMERCIAL_HYBRID,
  'qwen3-max-preview': COMMERCIAL_HYBRID,
  'qwen3-coder-plus': NONE,
  'qwen3-coder-plus-2025-07-22': NONE,
  'qwen2.5-7b-instruct': NONE,
  'qwen2.5-32b-instruct': NONE,
  'qwen2.5-72b-instruct': NONE,
  'qwen2.5-vl-72b-instruct': NONE,
  'qwen3-8b': OPEN_HYBRID,
  'qwen3-235b-a22b': OPEN_HYBRID,
  'qwen3-235b-a22b-instruct-2507': NONE,
  'qwen3-coder-30b-a3b-instruct': NONE,
  'qwen3-next-80b-a3b-instruct': NONE,
  'qwen3-235b-a22b-thinking-2507': OPEN_THINKING,
  'qwen3-next-80b-a3b-thinking': OPEN_THINKING,
  'qwen3-vl-235b-a22b-instruct': NONE,
  'qwen3-vl-235b-a22b-thinking': OPEN_THINKING,
  'qwen-vl-max': NONE,
  'qwen-vl-plus': NONE,
  // Qwen3.5 thinks by default (deep-thinking page); non-streaming calls are not documented as refused.
  'qwen3.5-122b-a10b': { thinking: 'hybrid', thinkingByDefault: true },
  'qwen3.5-397b-a17b': { thinking: 'hybrid', thinkingByDefault: true },
  'qwen3-omni-flash': OMNI,
  'qwen3-omni-flash-2025-12-01': OMNI,
  'qwen2.5-omni-7b': { thinking: 'none', streamOnly: true },
};

/** Unlisted ids by name: `-thinking` always thinks, open-source `qwen3-<size>` thinks by default. */
export function qwenModelContract(model: string): QwenModelContract {
  const listed = QWEN_MODELS[model];
  if (listed) return listed;
  if (/thinking/.test(model)) return OPEN_THINKING;
  if (/omni/.test(model)) return OMNI;
  if (/instruct|coder/.test(model)) return NONE;
  if (/^qwen3-\d+(\.\d+)?b|^qwen3-\d+b-a\d+b$/.test(model)) return OPEN_HYBRID;
  if (/^qwen3\.5/.test(model)) return { thinking: 'hybrid', thinkingByDefault: true };
  if (/^(qwen-plus|qwen-turbo|qwen-flash|qwen3-max)/.test(model)) return COMMERCIAL_HYBRID;
  return NONE;
}

function dashScopeError(message: string): ContractViolation {
  return invalidRequest(
    `<400> InternalError.Algo.InvalidParameter: ${message}`,
    '',
    'invalid_parameter_error',
  );
}

/** Whether DashScope runs this request in thinking mode. */
export function qwenThinks(body: JsonObject, model: string): boolean {
  const contract = qwenModelContract(model);
  if (contract.thinking === 'only') return true;
  if (contract.thinking === 'none') return false;
  if (body.enable_thinking === true) return true;
  if (body.enable_thinking === false) return false;
  return contract.thinkingByDefault === true;
}

const streamOnly: ChatRule = ({ model, stream }) =>
  qwenModelContract(model).streamOnly && !stream
    ? invalidRequest(
        'This model only support stream mode, please enable the stream parameter to access the model. ',
        '',
        'invalid_parameter_error',
      )
    : undefined;

const thinkingSwitch: ChatRule = ({ body, model, stream }) => {
  const contract = qwenModelContract(model);
  if (contract.thinking === 'only' && body.enable_thinking === false) {
    return dashScopeError('The value of the enable_thinking parameter is restricted to True.');
  }
  if (stream || !contract.thinkingStreamOnly || !qwenThinks(body, model)) return undefined;
  return dashScopeError(
    contract.thinking === 'only'
      ? 'parameter.enable_thinking only support stream call'
      : 'parameter.enable_thinking must be set to false for non-streaming calls',
  );
};

const jsonMode: ChatRule = ({ body, model }) => {
  const type = asObject(body.response_format)?.type;
  if (type !== 'json_object' && type !== 'json_schema') return undefined;
  if (qwenThinks(body, model)) {
    return dashScopeError('Json mode response is not supported when enable_thinking is true');
  }
  if (type !== 'json_object') return undefined;
  return messagesMentionJson(body)
    ? undefined
    : dashScopeError(
        "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
      );
};

const toolChoice: ChatRule = ({ body }) => {
  const choice = body.tool_choice;
  if (typeof choice !== 'string' || choice === 'auto' || choice === 'none') return undefined;
  return dashScopeError('tool_choice is one of the strings that should be ["none", "auto"]');
};

const toolNames: ChatRule = ({ body }) =>
  asArray(body.tools).some((t) => asObject(asObject(t)?.function)?.name === 'search')
    ? dashScopeError('Tool names are not allowed to be [search]')
    : undefined;

/** Sampling ranges from the error-code page. */
const samplingRanges: ChatRule = ({ body }) => {
  const temperature = asNumber(body.temperature);
  if (temperature !== undefined && (temperature < 0 || temperature >= 2)) {
    return dashScopeError('Temperature should be in [0.0, 2.0)');
  }
  const topP = asNumber(body.top_p);
  if (topP !== undefined && (topP <= 0 || topP > 1)) {
    return dashScopeError('Range of top_p should be (0.0, 1.0]');
  }
  const presence = asNumber(body.presence_penalty);
  if (presence !== undefined && (presence < -2 || presence > 2)) {
    return dashScopeError('Presence_penalty should be in [-2.0, 2.0]');
  }
  const topK = asNumber(body.top_k);
  if (topK !== undefined && topK < 0) {
    return dashScopeError('Parameter top_k be greater than or equal to 0');
  }
  const n = asNumber(body.n);
  if (n !== undefined && (n < 1 || n > 4)) return dashScopeError('Range of n should be [1, 4]');
  return undefined;
};

export const DASHSCOPE_RULES: readonly ChatRule[] = [
  streamOnly,
  thinkingSwitch,
  jsonMode,
  toolChoice,
  toolNames,
  samplingRanges,
];
