/**
 * DeepSeek upstream contract (OpenAI-compatible passthrough).
 * Sources:
 * - https://api-docs.deepseek.com/api/create-chat-completion (`response_format.type` is `text`
 *   or `json_object`; anything else is answered 400 `This response_format type is unavailable
 *   now`, recorded in github.com/llm-exe/llm-exe/issues/662 for deepseek-chat and v4-pro)
 * - https://api-docs.deepseek.com/guides/thinking_mode (V4: thinking on by default, switched by
 *   `thinking.type`; "for turns that perform tool calls, the reasoning_content must be fully
 *   passed back to the API in all subsequent requests", else 400 `The \`reasoning_content\` in
 *   the thinking mode must be passed back to the API.`, recorded in anomalyco/opencode#24083;
 *   temperature/top_p/penalties are accepted and ignored in thinking mode)
 * - https://api-docs.deepseek.com/quick_start/pricing (deepseek-chat / deepseek-reasoner are the
 *   non-thinking / thinking aliases of deepseek-v4-flash). The R1-era rule "reasoning_content in
 *   the input is a 400" (guides/reasoning_model) belongs to the retired R1 model and no listed
 *   id is served by it any more.
 */
import { asObject, asString } from '../json-util.ts';
import { assistantToolCallIndexes, chatMessages, hasReasoningContent } from './chat-messages.ts';
import { type ChatRule, invalidRequest } from './contract-types.ts';

export interface DeepSeekModelContract {
  /** Whether thinking is on when the request does not say (`thinking.type`). */
  thinkingByDefault: boolean;
  /** The id always thinks, whatever `thinking` says. */
  alwaysThinks?: boolean;
}

export const DEEPSEEK_MODELS: Readonly<Record<string, DeepSeekModelContract>> = {
  'deepseek-chat': { thinkingByDefault: false },
  'deepseek-reasoner': { thinkingByDefault: true, alwaysThinks: true },
  'deepseek-v4-pro': { thinkingByDefault: true },
  'deepseek-v4-flash': { thinkingByDefault: true },
};

export function deepSeekModelContract(model: string): DeepSeekModelContract {
  return DEEPSEEK_MODELS[model] ?? { thinkingByDefault: /v4|reasoner/.test(model) };
}

/** Whether the request runs in thinking mode. */
export function deepSeekThinks(body: Record<string, unknown>, model: string): boolean {
  const contract = deepSeekModelContract(model);
  if (contract.alwaysThinks) return true;
  const type = asString(asObject(body.thinking)?.type);
  if (type === 'enabled') return true;
  if (type === 'disabled') return false;
  return contract.thinkingByDefault;
}

const responseFormat: ChatRule = ({ body }) => {
  const type = asString(asObject(body.response_format)?.type);
  if (type === undefined || type === 'text' || type === 'json_object') return undefined;
  return invalidRequest(
    'This response_format type is unavailable now',
    '',
    'invalid_request_error',
  );
};

const reasoningReplay: ChatRule = ({ body, model }) => {
  if (!deepSeekThinks(body, model)) return undefined;
  const messages = chatMessages(body);
  const missing = assistantToolCallIndexes(messages).find((i) => !hasReasoningContent(messages[i]));
  if (missing === undefined) return undefined;
  return invalidRequest(
    'The `reasoning_content` in the thinking mode must be passed back to the API.',
    '',
    'invalid_request_error',
  );
};

export const DEEPSEEK_RULES: readonly ChatRule[] = [responseFormat, reasoningReplay];
