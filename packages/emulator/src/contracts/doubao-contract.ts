/**
 * Doubao (Volcengine Ark) contract; new-api's VolcEngine channel forwards the OpenAI-format
 * body. Sources:
 * - https://www.volcengine.com/docs/82379/1449737 (thinking: `{"type": "enabled" | "disabled" |
 *   "auto"}` — `auto` only on doubao-seed-1.6; seed models without thinking reject the switch)
 * - https://www.volcengine.com/docs/82379/1298454 (Ark errors: `{"error":{"code":
 *   "InvalidParameter","message":"The parameter `…` specified in the request are not valid: …",
 *   "param":…,"type":"BadRequest"}}`)
 */
import { asObject, asString } from '../json-util.ts';
import type { ChatRule, ContractViolation } from './contract-types.ts';

function arkInvalidParameter(param: string, detail: string): ContractViolation {
  return {
    status: 400,
    message: `The parameter \`${param}\` specified in the request are not valid: ${detail}.`,
    type: 'BadRequest',
    code: 'InvalidParameter',
    param,
  };
}

const thinkingType: ChatRule = ({ body, model }) => {
  const thinking = asObject(body.thinking);
  if (!thinking) return undefined;
  const type = asString(thinking.type);
  const allowed = /seed-1-6|seed-1\.6/.test(model)
    ? ['enabled', 'disabled', 'auto']
    : ['enabled', 'disabled'];
  return type !== undefined && allowed.includes(type)
    ? undefined
    : arkInvalidParameter('thinking.type', `expected one of ${allowed.join(', ')}`);
};

export const DOUBAO_RULES: readonly ChatRule[] = [thinkingType];
