/**
 * xAI (Grok) contract. Sources:
 * - https://docs.x.ai/docs/guides/reasoning ("presencePenalty, frequencyPenalty and stop
 *   parameters are not supported by reasoning models. Adding them in the request would result
 *   in error"; `reasoning_effort` only for grok-3-mini; Grok 4 has no reasoning_effort)
 * - recorded answer relayed by new-api, whose body `{"code":"invalid-argument","error":"Model …
 *   does not support parameter presencePenalty."}` is not OpenAI-shaped, so the gateway wraps it
 *   as `{"message":…,"type":"upstream_error","param":"400","code":"bad_response_status_code"}`
 *   (lobehub/lobe-chat test fixtures; new-api service/error.go `RelayErrorHandler`).
 */
import { asString } from '../json-util.ts';
import type { ChatRule, ContractViolation } from './contract-types.ts';

export interface XaiModelContract {
  reasoning: boolean;
  /** Takes `reasoning_effort` (grok-3-mini only). */
  effort?: boolean;
}

export const XAI_MODELS: Readonly<Record<string, XaiModelContract>> = {
  'grok-4': { reasoning: true },
  'grok-4-1-fast-reasoning': { reasoning: true },
  'grok-4-1-fast-non-reasoning': { reasoning: false },
  'grok-3-mini': { reasoning: true, effort: true },
};

export function xaiModelContract(model: string): XaiModelContract {
  return (
    XAI_MODELS[model] ?? {
      reasoning: !/non-reasoning/.test(model) && !/^grok-3(?!-mini)/.test(model),
      effort: /^grok-3-mini/.test(model),
    }
  );
}

function xaiError(model: string, parameter: string): ContractViolation {
  return {
    status: 400,
    message: `Model ${model} does not support parameter ${parameter}.`,
    type: 'upstream_error',
    code: 'bad_response_status_code',
    param: '400',
  };
}

/** xAI names parameters in camelCase in its errors. */
const REASONING_REJECTS: [string, string][] = [
  ['presence_penalty', 'presencePenalty'],
  ['frequency_penalty', 'frequencyPenalty'],
  ['stop', 'stop'],
];

const reasoningParameters: ChatRule = ({ body, model }) => {
  if (!xaiModelContract(model).reasoning) return undefined;
  const hit = REASONING_REJECTS.find(([key]) => body[key] !== undefined);
  return hit ? xaiError(model, hit[1]) : undefined;
};

const reasoningEffort: ChatRule = ({ body, model }) => {
  const effort = asString(body.reasoning_effort);
  if (effort === undefined || effort === '' || xaiModelContract(model).effort) return undefined;
  return xaiError(model, 'reasoningEffort');
};

export const XAI_RULES: readonly ChatRule[] = [reasoningParameters, reasoningEffort];
