/** Checks Anthropic applies to extended-thinking requests (shared by chat and /v1/messages). */
import { asNumber, asObject, type JsonObject } from './json-util.ts';

const DOCS = 'https://docs.claude.com/en/docs/build-with-claude/extended-thinking';

/**
 * Returns Anthropic's 400 message for an invalid thinking config, or undefined.
 * `budgetOptional`: MixRouter's chat route documents `budget_tokens` as optional.
 */
export function thinkingConfigError(body: JsonObject, budgetOptional = false): string | undefined {
  const thinking = asObject(body.thinking);
  if (thinking?.type !== 'enabled') return undefined;
  const budget = asNumber(thinking.budget_tokens);
  if (budget === undefined) {
    return budgetOptional ? undefined : 'thinking.enabled.budget_tokens: Field required';
  }
  if (budget < 1024) {
    return 'thinking.enabled.budget_tokens: Input should be greater than or equal to 1024';
  }
  const maxTokens = asNumber(body.max_tokens) ?? asNumber(body.max_completion_tokens) ?? 8192;
  if (maxTokens <= budget) {
    return `\`max_tokens\` must be greater than \`thinking.budget_tokens\`. Please consult our documentation at ${DOCS}#max-tokens-and-context-window-size`;
  }
  const temperature = asNumber(body.temperature);
  if (temperature !== undefined && temperature !== 1) {
    return `\`temperature\` may only be set to 1 when thinking is enabled or in interleaved-thinking mode. Please consult our documentation at ${DOCS}#feature-compatibility`;
  }
  return undefined;
}
