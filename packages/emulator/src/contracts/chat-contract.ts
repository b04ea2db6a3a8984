/**
 * The dispatcher: which upstream contract a chat completions request meets. Passthrough
 * families are checked on the body the gateway forwards (gateway-rewrite.ts); Claude on the
 * request the gateway converts it into (claude-conversion.ts); Gemini on its converter's input.
 */
import type { JsonObject } from '../json-util.ts';
import type { Family } from '../model-family.ts';
import { claudeRequestViolation } from './anthropic-contract.ts';
import { claudeRequestFromChat } from './claude-conversion.ts';
import {
  type ChatRequest,
  type ChatRule,
  type ContractViolation,
  firstViolation,
} from './contract-types.ts';
import { DASHSCOPE_RULES } from './dashscope-contract.ts';
import { DEEPSEEK_RULES } from './deepseek-contract.ts';
import { DOUBAO_RULES } from './doubao-contract.ts';
import { gatewayUpstreamBody } from './gateway-rewrite.ts';
import { GEMINI_RULES } from './gemini-contract.ts';
import { MESSAGE_SCHEMA_RULES } from './message-schema-contract.ts';
import { MINIMAX_RULES } from './minimax-contract.ts';
import { MOONSHOT_RULES } from './moonshot-contract.ts';
import { OPENAI_RULES } from './openai-contract.ts';
import { XAI_RULES } from './xai-contract.ts';
import { ZHIPU_RULES } from './zhipu-contract.ts';

const FAMILY_RULES: Partial<Record<Family, readonly ChatRule[]>> = {
  openai: OPENAI_RULES,
  deepseek: DEEPSEEK_RULES,
  qwen: DASHSCOPE_RULES,
  xai: XAI_RULES,
  moonshot: MOONSHOT_RULES,
  glm: ZHIPU_RULES,
  minimax: MINIMAX_RULES,
  doubao: DOUBAO_RULES,
};

/** The model id as the gateway routes it (`emulator-<id>` test ids use `<id>`'s contract). */
export function contractModelId(model: string): string {
  return model.replace(/^emulator-/, '');
}

/** The upstream's error for this request, or undefined when the upstream would accept it. */
export function chatContractViolation(
  body: JsonObject,
  model: string,
  family: Family,
): ContractViolation | undefined {
  const id = contractModelId(model);
  const stream = body.stream === true;
  if (family === 'anthropic') {
    return claudeRequestViolation(claudeRequestFromChat(body), id, { budgetOptional: true });
  }
  if (family === 'google') {
    return firstViolation(GEMINI_RULES, { body, model: id, family, stream });
  }
  const request: ChatRequest = {
    body: gatewayUpstreamBody(body, id, family),
    model: id,
    family,
    stream,
  };
  return (
    firstViolation(FAMILY_RULES[family] ?? [], request) ??
    firstViolation(MESSAGE_SCHEMA_RULES, request)
  );
}
