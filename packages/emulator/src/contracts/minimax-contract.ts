/**
 * MiniMax contract. new-api's MiniMax channel posts chat completions to MiniMax's native
 * `/v1/text/chatcompletion_v2` (new-api: relay/channel/minimax/relay-minimax.go), which reports
 * request errors in the body of an HTTP 200: `choices` null and `base_resp: {status_code,
 * status_msg}`. The gateway's OpenAI handler finds no `error` object and relays that body as is.
 * Sources:
 * - https://platform.minimax.io/docs/api-reference/text-openai-api (temperature in (0.0, 1.0],
 *   `n` only 1; M2 models are text-only)
 * - https://platform.minimax.io/docs/api-reference/errorcode (2013 "invalid params")
 * - https://platform.minimax.io/docs/api-reference/text-post (chatcompletion_v2 `base_resp`)
 */
import { asArray, asNumber, asObject } from '../json-util.ts';
import { chatMessages } from './chat-messages.ts';
import type { ChatRule, ContractViolation } from './contract-types.ts';

/** MiniMax's 200-with-`base_resp` error, relayed unchanged by the gateway. */
export function miniMaxError(statusMessage: string): ContractViolation {
  return {
    status: 200,
    message: statusMessage,
    type: '',
    code: 2013,
    param: '',
    body: {
      id: '',
      choices: null,
      created: 0,
      model: '',
      object: 'chat.completion',
      usage: { total_tokens: 0, prompt_tokens: 0, completion_tokens: 0 },
      input_sensitive: false,
      output_sensitive: false,
      base_resp: { status_code: 2013, status_msg: statusMessage },
    },
  };
}

const sampling: ChatRule = ({ body }) => {
  const temperature = asNumber(body.temperature);
  if (temperature !== undefined && (temperature <= 0 || temperature > 1)) {
    return miniMaxError('invalid params, temperature must be in (0, 1]');
  }
  const n = asNumber(body.n);
  if (n !== undefined && n !== 1) return miniMaxError('invalid params, n only supports 1');
  return undefined;
};

/** M2 models read text only (text-openai-api "Important Note"). */
const textOnly: ChatRule = ({ body, model }) => {
  if (!/^minimax-m2/i.test(model)) return undefined;
  const media = chatMessages(body).some((m) =>
    asArray(m.content).some((p) => {
      const type = asObject(p)?.type;
      return type !== undefined && type !== 'text';
    }),
  );
  return media
    ? miniMaxError('invalid params, image input is not supported by this model')
    : undefined;
};

export const MINIMAX_RULES: readonly ChatRule[] = [sampling, textOnly];
