import type { LanguageModelV4CallOptions, SharedV4Warning } from '@ai-sdk/provider';
import {
  isCustomReasoning,
  mapReasoningToProviderBudget,
  mapReasoningToProviderEffort,
} from '@ai-sdk/provider-utils';
import type { MixRouterModelInfo, MixRouterReasoningControl } from '../mixrouter-model-catalogue';

type Reasoning = LanguageModelV4CallOptions['reasoning'];
type Level = Exclude<Reasoning, undefined | 'provider-default'>;

export type MixRouterReasoningParams = {
  /** Top-level body fields (`reasoning_effort`, `thinking`, `enable_thinking`). */
  body: Record<string, unknown>;
  /** Goes under `extra_body.google` (Gemini). */
  google?: Record<string, unknown>;
  /** Whether the model thinks on this request: the setting sent, else the model's default. */
  thinking: boolean;
  /** Claude: the thinking budget; `max_tokens` must exceed it. */
  budgetTokens?: number;
};

type ReasoningRequest = {
  info: MixRouterModelInfo;
  level: Level | undefined;
  thinkingBudget: number | undefined;
  maxOutputTokens: number | undefined;
  warnings: SharedV4Warning[];
};

const ALL_LEVELS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'] as const;
const BUDGET_CONTROLS = new Set<MixRouterReasoningControl>([
  'anthropic-thinking',
  'gemini-budget',
  'gemini-level',
]);

const levelMap = (levels: readonly string[]): Partial<Record<Level, string>> => {
  const map: Partial<Record<Level, string>> = {};
  for (const level of ALL_LEVELS) if (levels.includes(level)) map[level] = level;
  return map;
};

const off = (): MixRouterReasoningParams => ({ body: {}, thinking: false });

/** What happens when nothing about reasoning is sent: the model's own default. */
const modelDefault = (info: MixRouterModelInfo): MixRouterReasoningParams => ({
  body: {},
  thinking: info.reasoning.control !== 'none' && info.reasoning.defaultOn,
});

function cannotDisable(r: ReasoningRequest): MixRouterReasoningParams {
  r.warnings.push({
    type: 'unsupported',
    feature: 'reasoning',
    details: `${r.info.id} always thinks; reasoning "none" was ignored.`,
  });
  return modelDefault(r.info);
}

/** On/off switches (`enable_thinking`, `thinking: {type}`): every level means "on". */
function toggle(
  r: ReasoningRequest,
  field: (on: boolean) => Record<string, unknown>,
): MixRouterReasoningParams {
  const level = r.level ?? 'medium';
  if (level === 'none') {
    return r.info.reasoning.canDisable ? { body: field(false), thinking: false } : cannotDisable(r);
  }
  if (level !== 'medium') {
    r.warnings.push({
      type: 'compatibility',
      feature: 'reasoning',
      details: `${r.info.id} only switches thinking on or off; reasoning "${level}" was sent as "on".`,
    });
  }
  return { body: field(true), thinking: true };
}

function openaiEffort(r: ReasoningRequest): MixRouterReasoningParams {
  const effort = mapReasoningToProviderEffort({
    reasoning: r.level,
    effortMap: levelMap(r.info.reasoning.efforts ?? []),
    warnings: r.warnings,
  });
  if (effort === undefined) return modelDefault(r.info);
  return { body: { reasoning_effort: effort }, thinking: effort !== 'none' };
}

function anthropicThinking(r: ReasoningRequest): MixRouterReasoningParams {
  const modelMax = r.info.quirks.maxOutputTokens ?? 64_000;
  let budget = r.thinkingBudget;
  if (budget === undefined && r.level !== undefined && r.level !== 'none') {
    budget = mapReasoningToProviderBudget({
      reasoning: r.level,
      maxOutputTokens: r.maxOutputTokens ?? modelMax,
      maxReasoningBudget: modelMax - 1024,
      minReasoningBudget: 1024,
      warnings: r.warnings,
    });
  }
  if (budget === undefined || budget === 0) return off(); // 'none': send no `thinking`
  if (budget < 1024) {
    // https://docs.anthropic.com/en/docs/build-with-claude/extended-thinking: minimum 1024.
    r.warnings.push({
      type: 'compatibility',
      feature: 'thinkingBudget',
      details: `Claude needs a thinking budget of at least 1024 tokens; ${budget} was raised to 1024.`,
    });
    budget = 1024;
  }
  return {
    body: { thinking: { type: 'enabled', budget_tokens: budget } },
    thinking: true,
    budgetTokens: budget,
  };
}

const geminiThinking = (config: Record<string, unknown>, thinking: boolean) => ({
  body: {},
  google: { thinking_config: { ...config, include_thoughts: thinking } },
  thinking,
});

/** An explicit `thinkingBudget`, clamped to the model's range (0 only where it can switch off). */
function geminiExplicitBudget(r: ReasoningRequest, budget: number): MixRouterReasoningParams {
  const { canDisable, budget: range = { min: 0, max: 24_576 } } = r.info.reasoning;
  const min = budget === 0 && canDisable ? 0 : range.min;
  const clamped = Math.min(range.max, Math.max(min, budget));
  if (clamped !== budget) {
    r.warnings.push({
      type: 'compatibility',
      feature: 'thinkingBudget',
      details: `${r.info.id} accepts thinking budgets from ${canDisable ? 0 : range.min} to ${range.max}; ${budget} was clamped to ${clamped}.`,
    });
  }
  return geminiThinking({ thinking_budget: clamped }, clamped > 0);
}

function geminiBudget(r: ReasoningRequest): MixRouterReasoningParams {
  if (r.thinkingBudget !== undefined) return geminiExplicitBudget(r, r.thinkingBudget);
  // Where thinking cannot be switched off, 'none' maps to the smallest budget (with a
  // compatibility warning from the mapper).
  if (r.level === 'none' && r.info.reasoning.canDisable)
    return geminiThinking({ thinking_budget: 0 }, false);
  const range = r.info.reasoning.budget ?? { min: 0, max: 24_576 };
  const budget = mapReasoningToProviderBudget({
    reasoning: r.level ?? 'medium',
    maxOutputTokens: r.maxOutputTokens ?? r.info.quirks.maxOutputTokens ?? 65_536,
    maxReasoningBudget: range.max,
    minReasoningBudget: Math.max(range.min, 128),
    warnings: r.warnings,
  });
  return geminiThinking({ thinking_budget: budget ?? range.min }, true);
}

/**
 * Gemini 3 takes `thinking_level`, and still `thinking_budget` for compatibility
 * (https://ai.google.dev/gemini-api/docs/thinking) — but not both in one request. An
 * explicit `thinkingBudget` wins over `reasoning`, as documented in the README.
 */
function geminiLevel(r: ReasoningRequest): MixRouterReasoningParams {
  if (r.thinkingBudget !== undefined) {
    if (r.level !== undefined) {
      r.warnings.push({
        type: 'compatibility',
        feature: 'reasoning',
        details: `${r.info.id} takes a thinking level or a thinking budget, not both; providerOptions.mixrouter.thinkingBudget (${r.thinkingBudget}) was sent and reasoning "${r.level}" was not.`,
      });
    }
    return geminiExplicitBudget(r, r.thinkingBudget);
  }
  // Gemini 3 always thinks: 'none' maps to the lowest level (with a compatibility warning).
  const thinkingLevel = mapReasoningToProviderEffort({
    reasoning: r.level,
    effortMap: levelMap(r.info.reasoning.levels ?? ['low', 'high']),
    warnings: r.warnings,
  });
  if (thinkingLevel === undefined) return modelDefault(r.info);
  return geminiThinking({ thinking_level: thinkingLevel }, true);
}

function alwaysThinks(r: ReasoningRequest): MixRouterReasoningParams {
  if (r.level === 'none') return cannotDisable(r);
  if (r.level !== undefined && r.level !== 'medium') {
    r.warnings.push({
      type: 'compatibility',
      feature: 'reasoning',
      details: `${r.info.id} always thinks at its own depth and has no reasoning control; reasoning "${r.level}" sent nothing.`,
    });
  }
  return { body: {}, thinking: true };
}

function noReasoning(r: ReasoningRequest): MixRouterReasoningParams {
  if (r.level !== 'none' || r.thinkingBudget !== undefined) {
    r.warnings.push({
      type: 'unsupported',
      feature: 'reasoning',
      details: `${r.info.id} does not support reasoning; no reasoning setting was sent.`,
    });
  }
  return off();
}

const CONTROLS: Record<
  MixRouterReasoningControl,
  (r: ReasoningRequest) => MixRouterReasoningParams
> = {
  none: noReasoning,
  'openai-effort': openaiEffort,
  'anthropic-thinking': anthropicThinking,
  'gemini-budget': geminiBudget,
  'gemini-level': geminiLevel,
  'qwen-enable-thinking': (r) => toggle(r, (on) => ({ enable_thinking: on })),
  'thinking-type': (r) => toggle(r, (on) => ({ thinking: { type: on ? 'enabled' : 'disabled' } })),
  always: alwaysThinks,
};

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
  // The provider option wins over the top-level option.
  const level = reasoningEffort ?? (isCustomReasoning(reasoning) ? reasoning : undefined);
  if (level === undefined && thinkingBudget === undefined) return modelDefault(info);
  const control = info.reasoning.control;
  let budget = thinkingBudget;
  if (budget !== undefined && control !== 'none' && !BUDGET_CONTROLS.has(control)) {
    warnings.push({
      type: 'unsupported',
      feature: 'thinkingBudget',
      details: `${info.id} takes no thinking budget (the gateway drops it); use reasoning levels instead.`,
    });
    if (level === undefined) return modelDefault(info);
    budget = undefined;
  }
  return CONTROLS[control]({ info, level, thinkingBudget: budget, maxOutputTokens, warnings });
}

/** Whether the call asks for thinking (any level but `none`, or a positive budget). */
export function mixrouterThinkingRequested(
  reasoning: Reasoning,
  reasoningEffort: Level | undefined,
  thinkingBudget: number | undefined,
): boolean {
  const level = reasoningEffort ?? (isCustomReasoning(reasoning) ? reasoning : undefined);
  return (level !== undefined && level !== 'none') || (thinkingBudget ?? 0) > 0;
}
