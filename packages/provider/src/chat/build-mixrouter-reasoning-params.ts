import type { LanguageModelV4CallOptions, SharedV4Warning } from '@ai-sdk/provider';
import {
  isCustomReasoning,
  mapReasoningToProviderBudget,
  mapReasoningToProviderEffort,
} from '@ai-sdk/provider-utils';
import type { MixRouterModelInfo } from '../mixrouter-model-catalogue';

type Reasoning = LanguageModelV4CallOptions['reasoning'];
type Level = Exclude<Reasoning, undefined | 'provider-default'>;

export type MixRouterReasoningParams = {
  /** Top-level body fields (`reasoning_effort`, `thinking`, `enable_thinking`). */
  body: Record<string, unknown>;
  /** Goes under `extra_body.google` (Gemini). */
  google?: Record<string, unknown>;
  /** Thinking is on and the family then rejects sampling parameters (Claude). */
  thinkingEnabled: boolean;
  /** Claude: the thinking budget; `max_tokens` must exceed it. */
  budgetTokens?: number;
};

const ALL_LEVELS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'] as const;

function onOff(
  reasoning: Level,
  info: MixRouterModelInfo,
  warnings: SharedV4Warning[],
): boolean | undefined {
  if (reasoning === 'none') {
    if (info.reasoning.canDisable) return false;
    warnings.push({
      type: 'unsupported',
      feature: 'reasoning',
      details: `${info.id} always thinks; reasoning "none" was ignored.`,
    });
    return undefined;
  }
  if (reasoning !== 'medium') {
    warnings.push({
      type: 'compatibility',
      feature: 'reasoning',
      details: `${info.id} only switches thinking on or off; reasoning "${reasoning}" was sent as "on".`,
    });
  }
  return true;
}

/**
 * Maps the top-level `reasoning` option and `providerOptions.mixrouter.reasoningEffort` /
 * `thinkingBudget` to the one knob the model's family understands (protocol §2.6).
 * Each knob goes only to its own family: the gateway forwards unknown keys verbatim to
 * OpenAI-type upstreams, and strict ones reject them. Coercions add `compatibility`
 * warnings; impossible requests add `unsupported` warnings and send nothing.
 */
export function buildMixRouterReasoningParams({
  info,
  reasoning,
  reasoningEffort,
  thinkingBudget,
  maxOutputTokens,
  warnings,
}: {
  info: MixRouterModelInfo;
  reasoning: Reasoning;
  reasoningEffort?: Level;
  thinkingBudget?: number;
  maxOutputTokens?: number;
  warnings: SharedV4Warning[];
}): MixRouterReasoningParams {
  const params: MixRouterReasoningParams = { body: {}, thinkingEnabled: false };
  // The provider option wins over the top-level option.
  const level: Level | undefined =
    reasoningEffort ?? (isCustomReasoning(reasoning) ? reasoning : undefined);
  const control = info.reasoning.control;

  if (level === undefined && thinkingBudget === undefined) return params;

  if (control === 'none') {
    if (level !== 'none' || thinkingBudget !== undefined) {
      warnings.push({
        type: 'unsupported',
        feature: 'reasoning',
        details: `${info.id} does not support reasoning; no reasoning setting was sent.`,
      });
    }
    return params;
  }

  if (
    thinkingBudget !== undefined &&
    control !== 'anthropic-thinking' &&
    control !== 'gemini-budget' &&
    control !== 'gemini-level'
  ) {
    warnings.push({
      type: 'unsupported',
      feature: 'thinkingBudget',
      details: `${info.id} takes no thinking budget (the gateway drops it); use reasoning levels instead.`,
    });
    if (level === undefined) return params;
  }

  switch (control) {
    case 'openai-effort': {
      const supported = new Set<string>(info.reasoning.efforts ?? []);
      const effortMap: Partial<Record<Level, string>> = {};
      for (const l of ALL_LEVELS) if (supported.has(l)) effortMap[l] = l;
      const effort = mapReasoningToProviderEffort({ reasoning: level, effortMap, warnings });
      if (effort !== undefined) params.body.reasoning_effort = effort;
      return params;
    }

    case 'anthropic-thinking': {
      const modelMax = info.quirks.maxOutputTokens ?? 64_000;
      let budget: number | undefined;
      if (thinkingBudget !== undefined) budget = thinkingBudget;
      else if (level !== undefined && level !== 'none') {
        budget = mapReasoningToProviderBudget({
          reasoning: level,
          maxOutputTokens: maxOutputTokens ?? modelMax,
          maxReasoningBudget: modelMax - 1024,
          minReasoningBudget: 1024,
          warnings,
        });
      }
      if (budget === undefined || budget === 0) return params; // 'none': send no `thinking`
      if (budget < 1024) {
        warnings.push({
          type: 'compatibility',
          feature: 'thinkingBudget',
          details: `Claude needs a thinking budget of at least 1024 tokens; ${budget} was raised to 1024.`,
        });
        budget = 1024;
      }
      params.body.thinking = { type: 'enabled', budget_tokens: budget };
      params.thinkingEnabled = true;
      params.budgetTokens = budget;
      return params;
    }

    case 'gemini-budget': {
      const range = info.reasoning.budget ?? { min: 0, max: 24_576 };
      let budget: number;
      let includeThoughts = true;
      if (thinkingBudget !== undefined) {
        budget = Math.min(
          range.max,
          Math.max(
            thinkingBudget === 0 && info.reasoning.canDisable ? 0 : range.min,
            thinkingBudget,
          ),
        );
        if (budget !== thinkingBudget) {
          warnings.push({
            type: 'compatibility',
            feature: 'thinkingBudget',
            details: `${info.id} accepts thinking budgets from ${info.reasoning.canDisable ? 0 : range.min} to ${range.max}; ${thinkingBudget} was clamped to ${budget}.`,
          });
        }
      } else if (level === 'none' && info.reasoning.canDisable) {
        budget = 0;
      } else {
        budget = mapReasoningToProviderBudget({
          reasoning: level ?? 'medium',
          maxOutputTokens: maxOutputTokens ?? info.quirks.maxOutputTokens ?? 65_536,
          maxReasoningBudget: range.max,
          minReasoningBudget: Math.max(range.min, 128),
          warnings,
        });
      }
      if (budget === 0) includeThoughts = false;
      params.google = {
        thinking_config: { thinking_budget: budget, include_thoughts: includeThoughts },
      };
      params.thinkingEnabled = budget > 0;
      return params;
    }

    case 'gemini-level': {
      if (thinkingBudget !== undefined && level === undefined) {
        params.google = {
          thinking_config: { thinking_budget: thinkingBudget, include_thoughts: true },
        };
        params.thinkingEnabled = true;
        return params;
      }
      const effortMap: Partial<Record<Level, string>> = {};
      for (const l of info.reasoning.levels ?? ['low', 'high']) effortMap[l] = l;
      const thinkingLevel = mapReasoningToProviderEffort({ reasoning: level, effortMap, warnings });
      if (thinkingLevel !== undefined) {
        params.google = {
          thinking_config: { thinking_level: thinkingLevel, include_thoughts: true },
        };
        params.thinkingEnabled = true;
      }
      return params;
    }

    case 'qwen-enable-thinking': {
      const on = onOff(level ?? 'medium', info, warnings);
      if (on !== undefined) params.body.enable_thinking = on;
      params.thinkingEnabled = on === true;
      return params;
    }

    case 'thinking-type': {
      const on = onOff(level ?? 'medium', info, warnings);
      if (on !== undefined) params.body.thinking = { type: on ? 'enabled' : 'disabled' };
      params.thinkingEnabled = on === true;
      return params;
    }

    case 'always': {
      if (level === 'none') {
        warnings.push({
          type: 'unsupported',
          feature: 'reasoning',
          details: `${info.id} always thinks; reasoning "none" was ignored.`,
        });
      } else if (level !== undefined && level !== 'medium') {
        warnings.push({
          type: 'compatibility',
          feature: 'reasoning',
          details: `${info.id} always thinks at its own depth and has no reasoning control; reasoning "${level}" sent nothing.`,
        });
      }
      params.thinkingEnabled = true;
      return params;
    }
  }
}
