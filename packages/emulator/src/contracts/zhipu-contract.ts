/**
 * Zhipu (GLM, open.bigmodel.cn / z.ai) contract. new-api's Zhipu v4 channel forwards the
 * OpenAI-format body. Sources:
 * - https://docs.bigmodel.cn/cn/guide/start/concept-param (do_sample, temperature, top_p,
 *   `thinking: {"type": "enabled" | "disabled"}` on GLM-4.5 and later)
 * - https://docs.bigmodel.cn/api-reference/模型-api/对话补全 (GLM-4.5+: temperature [0.0, 1.0],
 *   top_p [0.01, 1.0]; older GLM-4 models take temperature and top_p in the open interval (0, 1))
 * - recorded 400 `temperature参数非法。请检查文档。` with code 1214 (songquanpeng/one-api#1141);
 *   Zhipu answers `{"error":{"code":"1214","message":…}}`, which the gateway relays with
 *   `type: upstream_error`.
 */
import { asNumber, asObject } from '../json-util.ts';
import type { ChatRule, ContractViolation } from './contract-types.ts';

export interface ZhipuModelContract {
  /** Takes the `thinking` switch (GLM-4.5 and later). */
  thinking: boolean;
  /** Sampling ranges: `closed` [0, 1] (GLM-4.5+), `open` (0, 1) (GLM-4). */
  range: 'closed' | 'open';
}

export function zhipuModelContract(model: string): ZhipuModelContract {
  const modern = /^glm-(4\.[5-9]|[5-9])/.test(model);
  return { thinking: modern, range: modern ? 'closed' : 'open' };
}

function zhipuError(parameter: string): ContractViolation {
  return {
    status: 400,
    message: `${parameter}参数非法。请检查文档。`,
    type: 'upstream_error',
    code: '1214',
    param: '',
  };
}

function outside(value: number, range: 'closed' | 'open', min = 0): boolean {
  return range === 'closed' ? value < min || value > 1 : value <= 0 || value >= 1;
}

const sampling: ChatRule = ({ body, model }) => {
  const { range } = zhipuModelContract(model);
  const temperature = asNumber(body.temperature);
  if (temperature !== undefined && outside(temperature, range)) return zhipuError('temperature');
  const topP = asNumber(body.top_p);
  if (topP !== undefined && outside(topP, range, 0.01)) return zhipuError('top_p');
  return undefined;
};

const thinkingType: ChatRule = ({ body, model }) => {
  const thinking = asObject(body.thinking);
  if (!thinking || !zhipuModelContract(model).thinking) return undefined;
  return thinking.type === 'enabled' || thinking.type === 'disabled'
    ? undefined
    : zhipuError('thinking.type');
};

export const ZHIPU_RULES: readonly ChatRule[] = [sampling, thinkingType];
