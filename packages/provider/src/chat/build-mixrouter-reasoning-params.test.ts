import type { JSONObject, LanguageModelV4CallOptions, SharedV4Warning } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { getMixRouterModelInfo } from '../mixrouter-model-catalogue';
import { TEST_PROMPT } from '../test-utils/chat';
import { buildMixRouterChatRequest } from './build-mixrouter-chat-request';
import { buildMixRouterReasoningParams } from './build-mixrouter-reasoning-params';

type Reasoning = LanguageModelV4CallOptions['reasoning'];
const LEVELS: Reasoning[] = [
  undefined,
  'provider-default',
  'none',
  'minimal',
  'low',
  'medium',
  'high',
  'xhigh',
  'max',
];

function describeWarnings(warnings: SharedV4Warning[]): string {
  return warnings
    .map((w) =>
      w.type === 'unsupported' || w.type === 'compatibility' ? `${w.type}:${w.feature}` : w.type,
    )
    .join(', ');
}

/** The body without model/messages, and the warnings, as one readable line. */
async function line(
  modelId: string,
  options: Partial<LanguageModelV4CallOptions>,
): Promise<string> {
  const { body, warnings } = await buildMixRouterChatRequest({
    options: { prompt: TEST_PROMPT, ...options },
    info: getMixRouterModelInfo(modelId),
    stream: false,
  });
  const { model: _model, messages: _messages, ...rest } = body;
  const w = describeWarnings(warnings);
  return `${JSON.stringify(rest)}${w ? ` ⚠ ${w}` : ''}`;
}

/** Every `reasoning` level for one model. */
async function table(modelId: string, extra: Partial<LanguageModelV4CallOptions> = {}) {
  const rows: Record<string, string> = {};
  for (const reasoning of LEVELS)
    rows[String(reasoning)] = await line(modelId, { ...extra, reasoning });
  return rows;
}

describe('reasoning levels → request body, per family', () => {
  it('gpt-5 (minimal…high)', async () => {
    expect(await table('gpt-5')).toMatchInlineSnapshot(`
      {
        "high": "{"reasoning_effort":"high"}",
        "low": "{"reasoning_effort":"low"}",
        "max": "{"reasoning_effort":"high"} ⚠ compatibility:reasoning",
        "medium": "{"reasoning_effort":"medium"}",
        "minimal": "{"reasoning_effort":"minimal"}",
        "none": "{"reasoning_effort":"minimal"} ⚠ compatibility:reasoning",
        "provider-default": "{}",
        "undefined": "{}",
        "xhigh": "{"reasoning_effort":"high"} ⚠ compatibility:reasoning",
      }
    `);
  });

  it('gpt-5.1 (none, low…high)', async () => {
    expect(await table('gpt-5.1')).toMatchInlineSnapshot(`
      {
        "high": "{"reasoning_effort":"high"}",
        "low": "{"reasoning_effort":"low"}",
        "max": "{"reasoning_effort":"high"} ⚠ compatibility:reasoning",
        "medium": "{"reasoning_effort":"medium"}",
        "minimal": "{"reasoning_effort":"low"} ⚠ compatibility:reasoning",
        "none": "{"reasoning_effort":"none"}",
        "provider-default": "{}",
        "undefined": "{}",
        "xhigh": "{"reasoning_effort":"high"} ⚠ compatibility:reasoning",
      }
    `);
  });

  it('gpt-5.2 (none, low…xhigh)', async () => {
    expect(await table('gpt-5.2')).toMatchInlineSnapshot(`
      {
        "high": "{"reasoning_effort":"high"}",
        "low": "{"reasoning_effort":"low"}",
        "max": "{"reasoning_effort":"xhigh"} ⚠ compatibility:reasoning",
        "medium": "{"reasoning_effort":"medium"}",
        "minimal": "{"reasoning_effort":"low"} ⚠ compatibility:reasoning",
        "none": "{"reasoning_effort":"none"}",
        "provider-default": "{}",
        "undefined": "{}",
        "xhigh": "{"reasoning_effort":"xhigh"}",
      }
    `);
  });

  it('o3 (low…high)', async () => {
    expect(await table('o3')).toMatchInlineSnapshot(`
      {
        "high": "{"reasoning_effort":"high"}",
        "low": "{"reasoning_effort":"low"}",
        "max": "{"reasoning_effort":"high"} ⚠ compatibility:reasoning",
        "medium": "{"reasoning_effort":"medium"}",
        "minimal": "{"reasoning_effort":"low"} ⚠ compatibility:reasoning",
        "none": "{"reasoning_effort":"low"} ⚠ compatibility:reasoning",
        "provider-default": "{}",
        "undefined": "{}",
        "xhigh": "{"reasoning_effort":"high"} ⚠ compatibility:reasoning",
      }
    `);
  });

  it('claude-sonnet-4-5 (thinking budget; max_tokens sized above it)', async () => {
    expect(await table('claude-sonnet-4-5-20250929')).toMatchInlineSnapshot(`
      {
        "high": "{"max_tokens":46592,"thinking":{"type":"enabled","budget_tokens":38400}}",
        "low": "{"max_tokens":14592,"thinking":{"type":"enabled","budget_tokens":6400}}",
        "max": "{"max_tokens":64000,"thinking":{"type":"enabled","budget_tokens":60800}}",
        "medium": "{"max_tokens":27392,"thinking":{"type":"enabled","budget_tokens":19200}}",
        "minimal": "{"max_tokens":9472,"thinking":{"type":"enabled","budget_tokens":1280}}",
        "none": "{}",
        "provider-default": "{}",
        "undefined": "{}",
        "xhigh": "{"max_tokens":64000,"thinking":{"type":"enabled","budget_tokens":57600}}",
      }
    `);
  });

  it('gemini-2.5-flash (thinking_budget, none → 0)', async () => {
    expect(await table('gemini-2.5-flash')).toMatchInlineSnapshot(`
      {
        "high": "{"extra_body":{"google":{"thinking_config":{"thinking_budget":24576,"include_thoughts":true}}}}",
        "low": "{"extra_body":{"google":{"thinking_config":{"thinking_budget":6554,"include_thoughts":true}}}}",
        "max": "{"extra_body":{"google":{"thinking_config":{"thinking_budget":24576,"include_thoughts":true}}}}",
        "medium": "{"extra_body":{"google":{"thinking_config":{"thinking_budget":19661,"include_thoughts":true}}}}",
        "minimal": "{"extra_body":{"google":{"thinking_config":{"thinking_budget":1311,"include_thoughts":true}}}}",
        "none": "{"extra_body":{"google":{"thinking_config":{"thinking_budget":0,"include_thoughts":false}}}}",
        "provider-default": "{}",
        "undefined": "{}",
        "xhigh": "{"extra_body":{"google":{"thinking_config":{"thinking_budget":24576,"include_thoughts":true}}}}",
      }
    `);
  });

  it('gemini-2.5-pro (cannot disable: none → minimum budget)', async () => {
    expect(await table('gemini-2.5-pro')).toMatchInlineSnapshot(`
      {
        "high": "{"extra_body":{"google":{"thinking_config":{"thinking_budget":32768,"include_thoughts":true}}}}",
        "low": "{"extra_body":{"google":{"thinking_config":{"thinking_budget":6554,"include_thoughts":true}}}}",
        "max": "{"extra_body":{"google":{"thinking_config":{"thinking_budget":32768,"include_thoughts":true}}}}",
        "medium": "{"extra_body":{"google":{"thinking_config":{"thinking_budget":19661,"include_thoughts":true}}}}",
        "minimal": "{"extra_body":{"google":{"thinking_config":{"thinking_budget":1311,"include_thoughts":true}}}}",
        "none": "{"extra_body":{"google":{"thinking_config":{"thinking_budget":128,"include_thoughts":true}}}} ⚠ compatibility:reasoning",
        "provider-default": "{}",
        "undefined": "{}",
        "xhigh": "{"extra_body":{"google":{"thinking_config":{"thinking_budget":32768,"include_thoughts":true}}}}",
      }
    `);
  });

  it('gemini-3-pro-preview (thinking_level low/high)', async () => {
    expect(await table('gemini-3-pro-preview')).toMatchInlineSnapshot(`
      {
        "high": "{"extra_body":{"google":{"thinking_config":{"thinking_level":"high","include_thoughts":true}}}}",
        "low": "{"extra_body":{"google":{"thinking_config":{"thinking_level":"low","include_thoughts":true}}}}",
        "max": "{"extra_body":{"google":{"thinking_config":{"thinking_level":"high","include_thoughts":true}}}} ⚠ compatibility:reasoning",
        "medium": "{"extra_body":{"google":{"thinking_config":{"thinking_level":"low","include_thoughts":true}}}} ⚠ compatibility:reasoning",
        "minimal": "{"extra_body":{"google":{"thinking_config":{"thinking_level":"low","include_thoughts":true}}}} ⚠ compatibility:reasoning",
        "none": "{"extra_body":{"google":{"thinking_config":{"thinking_level":"low","include_thoughts":true}}}} ⚠ compatibility:reasoning",
        "provider-default": "{}",
        "undefined": "{}",
        "xhigh": "{"extra_body":{"google":{"thinking_config":{"thinking_level":"high","include_thoughts":true}}}} ⚠ compatibility:reasoning",
      }
    `);
  });

  it.each(['qwen3-max', 'qwen-plus'])('%s (enable_thinking)', async (modelId) => {
    const rows = await table(modelId);
    expect(rows).toEqual({
      undefined: '{}',
      'provider-default': '{}',
      none: '{"enable_thinking":false}',
      minimal: '{"enable_thinking":true} ⚠ compatibility:reasoning',
      low: '{"enable_thinking":true} ⚠ compatibility:reasoning',
      medium: '{"enable_thinking":true}',
      high: '{"enable_thinking":true} ⚠ compatibility:reasoning',
      xhigh: '{"enable_thinking":true} ⚠ compatibility:reasoning',
      max: '{"enable_thinking":true} ⚠ compatibility:reasoning',
    });
  });

  it.each(['deepseek-chat', 'glm-4.6', 'qwen2.5-vl-72b-instruct'])(
    '%s (thinking type enabled/disabled)',
    async (modelId) => {
      const rows = await table(modelId);
      expect(rows).toEqual({
        undefined: '{}',
        'provider-default': '{}',
        none: '{"thinking":{"type":"disabled"}}',
        minimal: '{"thinking":{"type":"enabled"}} ⚠ compatibility:reasoning',
        low: '{"thinking":{"type":"enabled"}} ⚠ compatibility:reasoning',
        medium: '{"thinking":{"type":"enabled"}}',
        high: '{"thinking":{"type":"enabled"}} ⚠ compatibility:reasoning',
        xhigh: '{"thinking":{"type":"enabled"}} ⚠ compatibility:reasoning',
        max: '{"thinking":{"type":"enabled"}} ⚠ compatibility:reasoning',
      });
    },
  );

  it.each(['deepseek-reasoner', 'kimi-k2-thinking'])(
    '%s (always thinks: nothing sent)',
    async (modelId) => {
      const rows = await table(modelId);
      expect(rows.none).toBe('{} ⚠ unsupported:reasoning');
      expect(rows.medium).toBe('{}');
      for (const level of ['minimal', 'low', 'high', 'xhigh', 'max']) {
        expect(rows[level]).toBe('{} ⚠ compatibility:reasoning');
      }
      expect([rows.undefined, rows['provider-default']]).toEqual(['{}', '{}']);
    },
  );

  it('gpt-4o (no reasoning: unsupported warning, nothing sent)', async () => {
    const rows = await table('gpt-4o');
    for (const level of ['minimal', 'low', 'medium', 'high', 'xhigh', 'max']) {
      expect(rows[level]).toBe('{} ⚠ unsupported:reasoning');
    }
    // Asking a non-reasoning model not to reason is already honoured.
    expect([rows.none, rows.undefined, rows['provider-default']]).toEqual(['{}', '{}', '{}']);
  });
});

describe('each knob only goes to its own family', () => {
  const KNOBS = ['reasoning_effort', 'thinking', 'enable_thinking', 'extra_body'];
  it.each([
    ['gpt-5', 'reasoning_effort'],
    ['o3', 'reasoning_effort'],
    ['claude-sonnet-4-5-20250929', 'thinking'],
    ['gemini-2.5-flash', 'extra_body'],
    ['gemini-3-pro-preview', 'extra_body'],
    ['qwen3-max', 'enable_thinking'],
    ['deepseek-chat', 'thinking'],
    ['glm-4.6', 'thinking'],
    ['kimi-k2-thinking', undefined],
    ['gpt-4o', undefined],
  ])('%s gets only %s', async (modelId, knob) => {
    for (const reasoning of ['low', 'high'] as const) {
      const { body } = await buildMixRouterChatRequest({
        options: { prompt: TEST_PROMPT, reasoning },
        info: getMixRouterModelInfo(modelId),
        stream: false,
      });
      expect(KNOBS.filter((key) => key in body)).toEqual(knob ? [knob] : []);
    }
  });
});

describe('provider options reasoningEffort / thinkingBudget', () => {
  const run = (
    modelId: string,
    mixrouter: JSONObject,
    extra: Partial<LanguageModelV4CallOptions> = {},
  ) => line(modelId, { ...extra, providerOptions: { mixrouter } });

  it('reasoningEffort wins over the top-level reasoning option', async () => {
    expect(await run('gpt-5', { reasoningEffort: 'high' }, { reasoning: 'minimal' })).toBe(
      '{"reasoning_effort":"high"}',
    );
    expect(await run('qwen3-max', { reasoningEffort: 'none' }, { reasoning: 'high' })).toBe(
      '{"enable_thinking":false}',
    );
  });

  it.each([
    [
      'gpt-5',
      { reasoningEffort: 'xhigh' },
      '{"reasoning_effort":"high"} ⚠ compatibility:reasoning',
    ],
    ['o3', { reasoningEffort: 'none' }, '{"reasoning_effort":"low"} ⚠ compatibility:reasoning'],
    [
      'gpt-5.2',
      { reasoningEffort: 'max' },
      '{"reasoning_effort":"xhigh"} ⚠ compatibility:reasoning',
    ],
    ['gpt-5', { thinkingBudget: 2048 }, '{} ⚠ unsupported:thinkingBudget'],
    [
      'deepseek-chat',
      { thinkingBudget: 2048, reasoningEffort: 'medium' },
      '{"thinking":{"type":"enabled"}} ⚠ unsupported:thinkingBudget',
    ],
    [
      'claude-sonnet-4-5-20250929',
      { thinkingBudget: 2048 },
      '{"max_tokens":10240,"thinking":{"type":"enabled","budget_tokens":2048}}',
    ],
    [
      'claude-sonnet-4-5-20250929',
      { thinkingBudget: 500 },
      '{"max_tokens":9216,"thinking":{"type":"enabled","budget_tokens":1024}} ⚠ compatibility:thinkingBudget',
    ],
    ['claude-sonnet-4-5-20250929', { thinkingBudget: 0 }, '{}'],
    [
      'gemini-2.5-flash',
      { thinkingBudget: 2048 },
      '{"extra_body":{"google":{"thinking_config":{"thinking_budget":2048,"include_thoughts":true}}}}',
    ],
    [
      'gemini-2.5-flash',
      { thinkingBudget: 0 },
      '{"extra_body":{"google":{"thinking_config":{"thinking_budget":0,"include_thoughts":false}}}}',
    ],
    [
      'gemini-2.5-flash',
      { thinkingBudget: 100_000 },
      '{"extra_body":{"google":{"thinking_config":{"thinking_budget":24576,"include_thoughts":true}}}} ⚠ compatibility:thinkingBudget',
    ],
    [
      'gemini-2.5-pro',
      { thinkingBudget: 0 },
      '{"extra_body":{"google":{"thinking_config":{"thinking_budget":128,"include_thoughts":true}}}} ⚠ compatibility:thinkingBudget',
    ],
    [
      'gemini-3-pro-preview',
      { thinkingBudget: 4096 },
      '{"extra_body":{"google":{"thinking_config":{"thinking_budget":4096,"include_thoughts":true}}}}',
    ],
    ['gpt-4o', { reasoningEffort: 'high' }, '{} ⚠ unsupported:reasoning'],
    ['gpt-4o', { thinkingBudget: 1000 }, '{} ⚠ unsupported:reasoning'],
  ])('%s with %j', async (modelId, mixrouter, expected) => {
    expect(await run(modelId, mixrouter)).toBe(expected);
  });
});

describe('Claude thinking and max_tokens / sampling', () => {
  const claude = 'claude-sonnet-4-5-20250929';

  it('raises max_tokens above the budget with a warning when it is too small', async () => {
    const { body, warnings } = await buildMixRouterChatRequest({
      options: {
        prompt: TEST_PROMPT,
        maxOutputTokens: 2000,
        providerOptions: { mixrouter: { thinkingBudget: 4000 } },
      },
      info: getMixRouterModelInfo(claude),
      stream: false,
    });
    expect(body).toMatchObject({
      max_tokens: 5024,
      thinking: { type: 'enabled', budget_tokens: 4000 },
    });
    expect(warnings).toEqual([
      {
        type: 'compatibility',
        feature: 'maxOutputTokens',
        details:
          'Claude needs max_tokens above the thinking budget (4000); maxOutputTokens 2000 was raised to 5024.',
      },
    ]);
  });

  it('keeps a large enough max_tokens and sizes the budget from it', async () => {
    expect(await line(claude, { maxOutputTokens: 20_000, reasoning: 'medium' })).toBe(
      '{"max_tokens":20000,"thinking":{"type":"enabled","budget_tokens":6000}}',
    );
  });

  it('omits temperature, topP and topK with warnings while thinking, and keeps them when not', async () => {
    const sampling = { temperature: 0.2, topP: 0.9, topK: 5 };
    expect(await line(claude, { ...sampling, reasoning: 'low' })).toBe(
      '{"max_tokens":14592,"thinking":{"type":"enabled","budget_tokens":6400}} ⚠ unsupported:temperature, unsupported:topP, unsupported:topK',
    );
    // Claude 4.5 takes temperature or top_p, not both.
    expect(await line(claude, { ...sampling, reasoning: 'none' })).toBe(
      '{"temperature":0.2,"top_k":5} ⚠ unsupported:topP',
    );
  });
});

describe('buildMixRouterReasoningParams (unit)', () => {
  it('reports whether the model thinks, per family', () => {
    const enabled = (modelId: string, reasoning: Reasoning) =>
      buildMixRouterReasoningParams({
        info: getMixRouterModelInfo(modelId),
        reasoning,
        warnings: [],
      }).thinking;
    expect(enabled('claude-sonnet-4-5-20250929', 'high')).toBe(true);
    expect(enabled('claude-sonnet-4-5-20250929', 'none')).toBe(false);
    expect(enabled('gemini-2.5-flash', 'none')).toBe(false);
    expect(enabled('qwen3-max', 'low')).toBe(true);
    expect(enabled('deepseek-reasoner', 'high')).toBe(true);
    expect(enabled('gpt-4o', 'high')).toBe(false);
    // Without a setting: the model's own default.
    expect(enabled('qwen3-8b', undefined)).toBe(true);
    expect(enabled('qwen-plus', undefined)).toBe(false);
    expect(enabled('deepseek-v4-pro', undefined)).toBe(true);
  });
});
