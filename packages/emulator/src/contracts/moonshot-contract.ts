/**
 * Moonshot (Kimi) contract (OpenAI-compatible passthrough). Sources:
 * - https://platform.kimi.ai/docs/api/models-overview (per-family parameters: kimi-k2 and
 *   moonshot-v1 take sampling settings, `n` up to 5 and only 1 when `temperature` is close to 0;
 *   Kimi K2.5 and later fix temperature/top_p/n/penalties and take `thinking`)
 * - https://platform.kimi.ai/docs/api/chat (temperature range [0, 1])
 * - https://platform.kimi.ai/docs/guide/tool-choice ("Forcing a specific tool is currently
 *   incompatible with thinking: … 400 error (`tool_choice 'specified' is incompatible with
 *   thinking enabled`)"; `required` is refused the same way by the K2 thinking line)
 * - recorded 400s: `thinking is enabled but reasoning_content is missing in assistant tool call
 *   message at index N` (thinking models need `reasoning_content` on every assistant tool-call
 *   turn; an empty string passes), `invalid temperature: only 1 is allowed for this model`.
 */
import { asNumber, asObject, asString, type JsonObject } from '../json-util.ts';
import { assistantToolCallIndexes, chatMessages, hasReasoningContent } from './chat-messages.ts';
import { type ChatRule, type ContractViolation, invalidRequest } from './contract-types.ts';

export interface MoonshotModelContract {
  /** `none`: no thinking; `always`: thinking models; `switch`: `thinking.type` (default on). */
  thinking: 'none' | 'always' | 'switch';
  /** Kimi K2.5+: sampling settings are fixed by the platform. */
  fixedSampling?: boolean;
}

export const MOONSHOT_MODELS: Readonly<Record<string, MoonshotModelContract>> = {
  'kimi-k2': { thinking: 'none' },
  'kimi-k2-0711-preview': { thinking: 'none' },
  'kimi-k2-0905': { thinking: 'none' },
  'kimi-k2-instruct': { thinking: 'none' },
  'kimi-k2-thinking': { thinking: 'always' },
  'moonshot-v1-8k': { thinking: 'none' },
  'moonshot-v1-32k': { thinking: 'none' },
  'moonshot-v1-128k': { thinking: 'none' },
  'moonshot-v1-8k-vision-preview': { thinking: 'none' },
  'moonshot-v1-32k-vision-preview': { thinking: 'none' },
  'moonshot-v1-128k-vision-preview': { thinking: 'none' },
};

export function moonshotModelContract(model: string): MoonshotModelContract {
  const listed = MOONSHOT_MODELS[model];
  if (listed) return listed;
  if (/thinking/.test(model)) return { thinking: 'always' };
  if (/^kimi-k(2\.[5-9]|[3-9])/.test(model)) return { thinking: 'switch', fixedSampling: true };
  return { thinking: 'none' };
}

export function moonshotThinks(body: JsonObject, model: string): boolean {
  const { thinking } = moonshotModelContract(model);
  if (thinking === 'always') return true;
  if (thinking === 'none') return false;
  return asString(asObject(body.thinking)?.type) !== 'disabled';
}

const reasoningReplay: ChatRule = ({ body, model }) => {
  if (!moonshotThinks(body, model)) return undefined;
  const messages = chatMessages(body);
  const index = assistantToolCallIndexes(messages).find((i) => !hasReasoningContent(messages[i]));
  return index === undefined
    ? undefined
    : invalidRequest(
        `thinking is enabled but reasoning_content is missing in assistant tool call message at index ${index}`,
      );
};

const forcedToolChoice: ChatRule = ({ body, model }) => {
  if (!moonshotThinks(body, model)) return undefined;
  const choice = body.tool_choice;
  const kind = choice === 'required' ? 'required' : asObject(choice) ? 'specified' : undefined;
  return kind
    ? invalidRequest(`tool_choice '${kind}' is incompatible with thinking enabled`)
    : undefined;
};

function samplingError(message: string): ContractViolation {
  return invalidRequest(message);
}

const sampling: ChatRule = ({ body, model }) => {
  const temperature = asNumber(body.temperature);
  const n = asNumber(body.n) ?? 1;
  if (moonshotModelContract(model).fixedSampling) {
    if (temperature !== undefined && temperature !== 1) {
      return samplingError('invalid temperature: only 1 is allowed for this model');
    }
    return undefined;
  }
  if (temperature !== undefined && (temperature < 0 || temperature > 1)) {
    return samplingError(`invalid temperature: ${temperature}, must be in [0, 1]`);
  }
  if (n > 5) return samplingError(`invalid n: ${n}, must be in [1, 5]`);
  if (n > 1 && temperature !== undefined && temperature < 0.01) {
    return samplingError('invalid n: n must be 1 when temperature is close to 0');
  }
  return undefined;
};

export const MOONSHOT_RULES: readonly ChatRule[] = [reasoningReplay, forcedToolChoice, sampling];
