/**
 * Message-level schema checks OpenAI-compatible upstreams apply to chat completions: roles,
 * required fields, and the pairing of assistant `tool_calls` with `tool` replies. The gateway
 * forwards `messages` untouched to these upstreams (protocol §2.1), so the upstream's own 400
 * comes back. Texts per upstream:
 * - OpenAI: https://platform.openai.com/docs/guides/function-calling (tool replies must follow
 *   the assistant turn) and the API's errors, e.g. `Invalid parameter: messages with role 'tool'
 *   must be a response to a preceeding message with 'tool_calls'.` (sic, "preceeding").
 * - DashScope: https://www.alibabacloud.com/help/en/model-studio/error-code (`Messages with role
 *   "tool" must be a response to a preceding message with "tool_calls"`, `[] is too short`).
 * - DeepSeek: https://api-docs.deepseek.com/guides/function_calling (same pairing rule).
 */
import { asString, type JsonObject } from '../json-util.ts';
import type { Family } from '../model-family.ts';
import { chatMessages, toolCallsOf, toolReplyIds } from './chat-messages.ts';
import { type ChatRule, type ContractViolation, invalidRequest } from './contract-types.ts';

const ROLES = ['system', 'developer', 'user', 'assistant', 'tool', 'function'];

interface PairingTexts {
  orphanTool: (index: number) => ContractViolation;
  missingReplies: (index: number, ids: string[]) => ContractViolation;
}

const OPENAI_TEXTS: PairingTexts = {
  orphanTool: (i) =>
    invalidRequest(
      "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.",
      `messages.[${i}].role`,
    ),
  missingReplies: (i, ids) =>
    invalidRequest(
      `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${ids.join(', ')}`,
      `messages.[${i}].role`,
    ),
};

const DASHSCOPE_TEXTS: PairingTexts = {
  orphanTool: () =>
    invalidRequest(
      '<400> InternalError.Algo.InvalidParameter: Messages with role "tool" must be a response to a preceding message with "tool_calls"',
      '',
      'invalid_parameter_error',
    ),
  missingReplies: (i) =>
    invalidRequest(
      `<400> InternalError.Algo.InvalidParameter: An assistant message with "tool_calls" must be followed by tool messages responding to each "tool_call_id". The following tool_call_ids did not have response messages: message[${i}].role`,
      '',
      'invalid_parameter_error',
    ),
};

const DEEPSEEK_TEXTS: PairingTexts = {
  orphanTool: () =>
    invalidRequest(
      "Messages with role 'tool' must be a response to a preceding message with 'tool_calls'",
      '',
      'invalid_request_error',
    ),
  missingReplies: () =>
    invalidRequest(
      "An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. (insufficient tool messages following tool_calls message)",
      '',
      'invalid_request_error',
    ),
};

function pairingTexts(family: Family): PairingTexts {
  if (family === 'qwen') return DASHSCOPE_TEXTS;
  if (family === 'deepseek') return DEEPSEEK_TEXTS;
  return OPENAI_TEXTS;
}

function missing(param: string): ContractViolation {
  return invalidRequest(
    `Missing required parameter: '${param}'.`,
    param,
    'missing_required_parameter',
  );
}

/** Role values and the fields each role requires. */
export const messageFieldsRule: ChatRule = ({ body }) => {
  const messages = chatMessages(body);
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i];
    const role = asString(m.role);
    if (role === undefined) return missing(`messages[${i}].role`);
    if (!ROLES.includes(role)) {
      return invalidRequest(
        `Invalid value: '${role}'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.`,
        `messages[${i}].role`,
        'invalid_value',
      );
    }
    const noContent = m.content === undefined || m.content === null;
    if (noContent && role !== 'assistant') return missing(`messages[${i}].content`);
    if (noContent && toolCallsOf(m).length === 0 && m.function_call === undefined) {
      return missing(`messages[${i}].content`);
    }
    if (role === 'tool' && asString(m.tool_call_id) === undefined) {
      return missing(`messages[${i}].tool_call_id`);
    }
    const calls = toolCallsOf(m);
    for (let j = 0; j < calls.length; j++) {
      if (asString(calls[j].id) === undefined) return missing(`messages[${i}].tool_calls[${j}].id`);
    }
  }
  return undefined;
};

/** Every assistant tool call is answered right after it; every tool reply answers a call. */
export function toolPairingProblem(
  messages: readonly JsonObject[],
  family: Family,
): ContractViolation | undefined {
  const texts = pairingTexts(family);
  let open = new Set<string>();
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i];
    if (m.role === 'tool') {
      const id = asString(m.tool_call_id) ?? '';
      if (!open.delete(id)) return texts.orphanTool(i);
      continue;
    }
    if (m.role === 'assistant') {
      const ids = toolCallsOf(m).map((c) => asString(c.id) ?? '');
      if (ids.length > 0) {
        const replied = new Set(toolReplyIds(messages, i + 1));
        const unanswered = ids.filter((id) => !replied.has(id));
        if (unanswered.length > 0) return texts.missingReplies(i, unanswered);
      }
      open = new Set(ids);
      continue;
    }
    open = new Set();
  }
  return undefined;
}

export const toolPairingRule: ChatRule = ({ body, family }) =>
  toolPairingProblem(chatMessages(body), family);

export const toolChoiceWithoutToolsRule: ChatRule = ({ body }) => {
  const hasTools = Array.isArray(body.tools) && body.tools.length > 0;
  if (body.tool_choice === undefined || body.tool_choice === null || hasTools) return undefined;
  return invalidRequest(
    "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.",
    'tool_choice',
  );
};

/** Schema rules for upstreams that receive the OpenAI message format verbatim. */
export const MESSAGE_SCHEMA_RULES: readonly ChatRule[] = [
  messageFieldsRule,
  toolPairingRule,
  toolChoiceWithoutToolsRule,
];
