/**
 * Gemini contract for chat completions converted by the gateway (new-api:
 * relay/channel/gemini/relay-gemini.go `CovertOpenAI2Gemini`: `extra_body.google.thinking_config`
 * → `thinkingConfig`, `tool` messages → `functionResponse` parts, `stop` capped at 5 by the
 * converter itself). Sources:
 * - https://ai.google.dev/gemini-api/docs/thinking (budget ranges: 2.5 Pro 128–32768 and cannot
 *   turn thinking off; 2.5 Flash 0–24576; Flash-Lite 512–24576 or 0; Gemini 3 takes
 *   `thinking_level` — 3 Pro `low`/`high`, 3 Flash `minimal`…`high` — and using both
 *   `thinking_level` and `thinking_budget` in one request "will return a 400 error")
 * - https://ai.google.dev/gemini-api/docs/function-calling (a function response turn answers
 *   the function call turn right before it, one response part per call part)
 * - recorded texts: `Budget 0 is invalid. This model only works in thinking mode.`, `Please ensure
 *   that function response turn comes immediately after a function call turn.` The level/budget
 *   texts below follow Google's INVALID_ARGUMENT wording; no verbatim recording was found.
 * Google's error body `{"error":{"code":400,"message":…,"status":"INVALID_ARGUMENT"}}` has an
 * `error.message`, so the gateway relays it with `code: 400` and `type: upstream_error`.
 */
import { asArray, asNumber, asObject, asString, type JsonObject } from '../json-util.ts';
import { chatMessages, toolCallsOf } from './chat-messages.ts';
import type { ChatRule, ContractViolation } from './contract-types.ts';

export interface GeminiModelContract {
  /** `budget`: thinking_budget (2.5); `level`: thinking_level (3); `none`: no thinking. */
  thinking: 'none' | 'budget' | 'level';
  /** Budget models: the accepted range, and whether 0 (off) is allowed. */
  budget?: { min: number; max: number; canDisable: boolean };
  /** Level models: the accepted levels. */
  levels?: readonly string[];
  /** Image-output models refuse function declarations. */
  noTools?: boolean;
}

const PRO_25: GeminiModelContract = {
  thinking: 'budget',
  budget: { min: 128, max: 32_768, canDisable: false },
};
const FLASH_25: GeminiModelContract = {
  thinking: 'budget',
  budget: { min: 1, max: 24_576, canDisable: true },
};
const LITE_25: GeminiModelContract = {
  thinking: 'budget',
  budget: { min: 512, max: 24_576, canDisable: true },
};

export const GEMINI_MODELS: Readonly<Record<string, GeminiModelContract>> = {
  'gemini-2.0-flash': { thinking: 'none' },
  'gemini-2.5-pro': PRO_25,
  'gemini-2.5-computer-use-preview-10-2025': PRO_25,
  'gemini-2.5-flash': FLASH_25,
  'gemini-robotics-er-1.5-preview': FLASH_25,
  'gemini-2.5-flash-lite': LITE_25,
  'gemini-2.5-flash-lite-preview': LITE_25,
  'gemini-3-pro-preview': { thinking: 'level', levels: ['low', 'high'] },
  'gemini-3-flash-preview': { thinking: 'level', levels: ['minimal', 'low', 'medium', 'high'] },
  'gemini-3-pro-image-preview': { thinking: 'level', levels: ['low', 'high'], noTools: true },
  'gemini-2.5-flash-image': { thinking: 'none', noTools: true },
  'gemini-2.5-flash-image-preview': { thinking: 'none', noTools: true },
};

export function geminiModelContract(model: string): GeminiModelContract {
  const listed = GEMINI_MODELS[model];
  if (listed) return listed;
  if (/^gemini-3/.test(model)) return { thinking: 'level', levels: ['low', 'high'] };
  if (/^gemini-2\.5-pro/.test(model)) return PRO_25;
  if (/^gemini-2\.5-flash-lite/.test(model)) return LITE_25;
  if (/^gemini-2\.5/.test(model)) return FLASH_25;
  return { thinking: 'none' };
}

export function geminiError(message: string): ContractViolation {
  return { status: 400, message, type: 'upstream_error', code: 400, param: '' };
}

/** Checks a Gemini `thinkingConfig` (camelCase or snake_case keys). */
export function thinkingConfigProblem(
  config: JsonObject | undefined,
  model: string,
): ContractViolation | undefined {
  if (!config) return undefined;
  const budget = asNumber(config.thinking_budget ?? config.thinkingBudget);
  const level = asString(config.thinking_level ?? config.thinkingLevel)?.toLowerCase();
  const contract = geminiModelContract(model);
  if (budget !== undefined && level !== undefined) {
    return geminiError(
      'Unable to submit request because thinking_budget and thinking_level are not supported together.',
    );
  }
  if (level !== undefined) {
    if (contract.thinking !== 'level') {
      return geminiError('Thinking level is not supported for this model.');
    }
    if (!contract.levels?.includes(level)) {
      return geminiError(
        `Thinking level ${level.toUpperCase()} is not supported for this model. Supported levels: ${contract.levels?.map((l) => l.toUpperCase()).join(', ')}.`,
      );
    }
  }
  if (budget !== undefined && contract.thinking === 'budget' && contract.budget) {
    if (budget === 0 && !contract.budget.canDisable) {
      return geminiError('Budget 0 is invalid. This model only works in thinking mode.');
    }
    const { min, max } = contract.budget;
    if (budget !== 0 && budget !== -1 && (budget < min || budget > max)) {
      return geminiError(
        `The thinking budget ${budget} is invalid. Please choose a value between ${min} and ${max}.`,
      );
    }
  }
  return undefined;
}

const thinkingConfig: ChatRule = ({ body, model }) =>
  thinkingConfigProblem(
    asObject(asObject(asObject(body.extra_body)?.google)?.thinking_config),
    model,
  );

/** One function response part per call part, right after the call turn. */
export function functionResponseProblem(
  turns: readonly { calls: number; responses: number }[],
): ContractViolation | undefined {
  for (let i = 0; i < turns.length; i++) {
    if (turns[i].responses === 0) continue;
    const previous = turns[i - 1];
    if (!previous || previous.calls === 0) {
      return geminiError(
        'Please ensure that function response turn comes immediately after a function call turn.',
      );
    }
    if (previous.calls !== turns[i].responses) {
      return geminiError(
        'Please ensure that the number of function response parts is equal to the number of function call parts of the function call turn.',
      );
    }
  }
  return undefined;
}

/** Chat messages as Gemini turns: a run of `tool` messages is one function-response turn. */
function chatTurns(body: JsonObject): { calls: number; responses: number }[] {
  const turns: { calls: number; responses: number }[] = [];
  for (const m of chatMessages(body)) {
    if (m.role === 'system' || m.role === 'developer') continue;
    const last = turns[turns.length - 1];
    if (m.role === 'tool') {
      if (last && last.responses > 0) last.responses++;
      else turns.push({ calls: 0, responses: 1 });
      continue;
    }
    turns.push({ calls: m.role === 'assistant' ? toolCallsOf(m).length : 0, responses: 0 });
  }
  return turns;
}

const functionResponses: ChatRule = ({ body }) => functionResponseProblem(chatTurns(body));

const GEMINI_FUNCTION_NAME = /^[a-zA-Z_][a-zA-Z0-9_.:-]{0,63}$/;

/** Function names Gemini accepts (function-calling page, FunctionDeclaration.name). */
export function functionNameProblem(names: readonly string[]): ContractViolation | undefined {
  return names.some((n) => !GEMINI_FUNCTION_NAME.test(n))
    ? geminiError(
        'Invalid function name. Must start with a letter or an underscore. Must be alphameric (a-z, A-Z, 0-9), underscores (_), dots (.), colons (:), or dashes (-), with a maximum length of 64.',
      )
    : undefined;
}

const functionNames: ChatRule = ({ body }) =>
  functionNameProblem(
    asArray(body.tools)
      .map((t) => asString(asObject(asObject(t)?.function)?.name))
      .filter((n): n is string => n !== undefined),
  );

/** `Function calling is not enabled for models/<id>` (image-generation models). */
export function toolsProblem(hasTools: boolean, model: string): ContractViolation | undefined {
  return hasTools && geminiModelContract(model).noTools
    ? geminiError(`Function calling is not enabled for models/${model}`)
    : undefined;
}

const tools: ChatRule = ({ body, model }) =>
  toolsProblem(Array.isArray(body.tools) && body.tools.length > 0, model);

export const GEMINI_RULES: readonly ChatRule[] = [
  thinkingConfig,
  tools,
  functionNames,
  functionResponses,
];

/** Native `contents` roles are `user` or `model` (an absent role counts as `user`). */
export function roleProblem(contents: readonly JsonObject[]): ContractViolation | undefined {
  return contents.some((c) => c.role !== undefined && c.role !== 'user' && c.role !== 'model')
    ? geminiError('Please use a valid role: user, model.')
    : undefined;
}

/** Native `contents` as turns (for /v1beta generateContent). */
export function nativeTurns(
  contents: readonly JsonObject[],
): { calls: number; responses: number }[] {
  return contents.map((c) => {
    const parts = asArray(c.parts).map((p) => asObject(p) ?? {});
    return {
      calls: parts.filter((p) => p.functionCall ?? p.function_call).length,
      responses: parts.filter((p) => p.functionResponse ?? p.function_response).length,
    };
  });
}
