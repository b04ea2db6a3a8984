import type { LanguageModelV4Prompt } from '@ai-sdk/provider';
import { mapMixRouterToolCallId } from '../chat/map-mixrouter-tool-call-id';
import type { MixRouterToolCallIdRule } from '../mixrouter-request-contracts';
import type { MixRouterNativeRoute } from './mixrouter-native-providers';

/**
 * Tool-call ids each native route's upstream accepts. The Messages API refuses a
 * `tool_use.id` / `tool_result.tool_use_id` outside `^[a-zA-Z0-9_-]+$` (400 "String should
 * match pattern", https://docs.anthropic.com/en/api/messages — the same rule the chat
 * route's Claude contract applies). The Responses and Gemini APIs document no id format,
 * so their ids pass unchanged.
 */
const NATIVE_TOOL_CALL_ID_RULES: Partial<Record<MixRouterNativeRoute, MixRouterToolCallIdRule>> = {
  messages: { charset: 'word' },
};

/**
 * A conversation that switched models carries the previous family's tool-call ids (Kimi's
 * `functions.<name>:<n>`); the official provider on the route sends them as they are. The
 * ids of tool calls and their results are rewritten with the same pure mapping as on chat
 * completions, so each result still matches its call; accepted ids stay unchanged.
 */
export function mapMixRouterNativeToolCallIds(
  route: MixRouterNativeRoute,
  prompt: LanguageModelV4Prompt,
): LanguageModelV4Prompt {
  const rule = NATIVE_TOOL_CALL_ID_RULES[route];
  if (rule === undefined) return prompt;
  return prompt.map((message) => {
    if (message.role !== 'assistant' && message.role !== 'tool') return message;
    let changed = false;
    const content = message.content.map((part) => {
      if (part.type !== 'tool-call' && part.type !== 'tool-result') return part;
      const toolCallId = mapMixRouterToolCallId(part.toolCallId, rule);
      if (toolCallId === part.toolCallId) return part;
      changed = true;
      return { ...part, toolCallId };
    });
    return changed ? ({ ...message, content } as typeof message) : message;
  });
}
