import { describe, expect, it } from 'vitest';
import { readJsonFixture } from '../test-utils/sse';
import { convertMixRouterUsage } from './convert-mixrouter-usage';

describe('convertMixRouterUsage', () => {
  it('returns every key undefined (and no raw) for missing usage', () => {
    for (const usage of [undefined, null, 'x', [1]]) {
      expect(convertMixRouterUsage(usage)).toEqual({
        inputTokens: {
          total: undefined,
          noCache: undefined,
          cacheRead: undefined,
          cacheWrite: undefined,
        },
        outputTokens: { total: undefined, text: undefined, reasoning: undefined },
      });
    }
  });

  it('maps the Gemini seed usage (full new-api object) and keeps it as raw', () => {
    const usage = readJsonFixture('gemini-2.0-flash').usage;
    expect(convertMixRouterUsage(usage)).toEqual({
      inputTokens: { total: 1986, noCache: 1986, cacheRead: 0, cacheWrite: undefined },
      outputTokens: { total: 83, text: 83, reasoning: 0 },
      raw: usage,
    });
  });

  it('maps OpenAI cached tokens to cacheRead and reasoning tokens to outputTokens.reasoning', () => {
    expect(
      convertMixRouterUsage({
        prompt_tokens: 2000,
        completion_tokens: 300,
        total_tokens: 2300,
        prompt_tokens_details: { cached_tokens: 1500 },
        completion_tokens_details: { reasoning_tokens: 200 },
      }),
    ).toMatchObject({
      inputTokens: { total: 2000, noCache: 500, cacheRead: 1500, cacheWrite: undefined },
      outputTokens: { total: 300, text: 100, reasoning: 200 },
    });
  });

  it('reads MixRouter output_tokens_details.reasoning_tokens when completion details say 0', () => {
    const usage = readJsonFixture('gemini-3-pro-preview-tool-call').usage as Record<
      string,
      unknown
    >;
    expect(
      convertMixRouterUsage({
        ...usage,
        completion_tokens_details: { text_tokens: 0, audio_tokens: 0, reasoning_tokens: 0 },
      }).outputTokens,
    ).toEqual({ total: 96, text: 16, reasoning: 80 });
    expect(
      convertMixRouterUsage({
        completion_tokens: 10,
        output_tokens_details: { reasoning_tokens: 4 },
      }).outputTokens,
    ).toEqual({ total: 10, text: 6, reasoning: 4 });
  });

  it('reads DeepSeek prompt_cache_hit_tokens', () => {
    expect(
      convertMixRouterUsage({
        prompt_tokens: 20,
        completion_tokens: 5,
        prompt_cache_hit_tokens: 16,
      }).inputTokens,
    ).toEqual({ total: 20, noCache: 4, cacheRead: 16, cacheWrite: undefined });
  });

  describe('Claude (anthropic semantics)', () => {
    const claudeUsage = readJsonFixture('claude-sonnet-4-5-tool-calls').usage as Record<
      string,
      unknown
    >;

    it('adds cache reads and writes to prompt_tokens when usage_semantic is absent', () => {
      expect(convertMixRouterUsage(claudeUsage, { anthropicSemantics: true }).inputTokens).toEqual({
        total: 412 + 1800 + 300,
        noCache: 412,
        cacheRead: 1800,
        cacheWrite: 300,
      });
    });

    it('takes cache writes from the TTL split when cached_creation_tokens is absent', () => {
      expect(
        convertMixRouterUsage(
          {
            prompt_tokens: 30,
            completion_tokens: 40,
            prompt_tokens_details: { cached_tokens: 1000 },
            claude_cache_creation_5_m_tokens: 500,
            claude_cache_creation_1_h_tokens: 250,
          },
          { anthropicSemantics: true },
        ).inputTokens,
      ).toEqual({ total: 1780, noCache: 30, cacheRead: 1000, cacheWrite: 750 });
    });

    it('leaves prompt_tokens as the total when usage_semantic is "openai" ([latest] gateways)', () => {
      expect(
        convertMixRouterUsage(
          {
            ...claudeUsage,
            prompt_tokens: 2512,
            usage_semantic: 'openai',
            usage_source: 'anthropic',
          },
          { anthropicSemantics: true },
        ).inputTokens,
      ).toEqual({ total: 2512, noCache: 412, cacheRead: 1800, cacheWrite: 300 });
    });

    it('does not add cache tokens for other families', () => {
      expect(convertMixRouterUsage(claudeUsage).inputTokens).toEqual({
        total: 412,
        noCache: 0,
        cacheRead: 1800,
        cacheWrite: 300,
      });
    });

    it('reports no cache write for zero TTL counters', () => {
      expect(
        convertMixRouterUsage(
          {
            prompt_tokens: 5,
            claude_cache_creation_5_m_tokens: 0,
            claude_cache_creation_1_h_tokens: 0,
          },
          { anthropicSemantics: true },
        ).inputTokens,
      ).toEqual({ total: 5, noCache: 5, cacheRead: undefined, cacheWrite: undefined });
    });
  });

  it('falls back to Responses-style input_tokens/output_tokens', () => {
    expect(convertMixRouterUsage({ input_tokens: 7, output_tokens: 3 })).toMatchObject({
      inputTokens: { total: 7, noCache: 7 },
      outputTokens: { total: 3, text: 3 },
    });
  });

  it('treats fields of the wrong type as absent; more reasoning than completion means it was excluded', () => {
    expect(
      convertMixRouterUsage({
        prompt_tokens: '12',
        completion_tokens: 5,
        completion_tokens_details: { reasoning_tokens: 9 },
        prompt_tokens_details: null,
      }),
    ).toMatchObject({
      inputTokens: { total: undefined, noCache: undefined, cacheRead: undefined },
      outputTokens: { total: 14, text: 5, reasoning: 9 },
    });
  });

  it('treats negative and non-finite counts as absent', () => {
    for (const bad of [-1, -0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const usage = convertMixRouterUsage({
        prompt_tokens: bad,
        completion_tokens: bad,
        total_tokens: bad,
        prompt_tokens_details: { cached_tokens: bad },
        completion_tokens_details: { reasoning_tokens: bad },
      });
      expect(usage.inputTokens).toEqual({
        total: undefined,
        noCache: undefined,
        cacheRead: undefined,
        cacheWrite: undefined,
      });
      expect(usage.outputTokens).toEqual({
        total: undefined,
        text: undefined,
        reasoning: undefined,
      });
    }
    expect(
      convertMixRouterUsage({
        prompt_tokens: 10,
        completion_tokens: 4,
        prompt_tokens_details: { cached_tokens: -3 },
      }).inputTokens,
    ).toEqual({ total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined });
  });

  describe('whether completion_tokens includes reasoning is read from the totals', () => {
    it('xAI relayed unchanged: completion excludes reasoning (12 + 1 + 290 = 303)', () => {
      expect(
        convertMixRouterUsage({
          prompt_tokens: 12,
          completion_tokens: 1,
          total_tokens: 303,
          completion_tokens_details: { reasoning_tokens: 290 },
        }).outputTokens,
      ).toEqual({ total: 291, text: 1, reasoning: 290 });
    });

    it("new-api's xAI channel: completion rewritten as total − prompt (includes reasoning)", () => {
      expect(
        convertMixRouterUsage({
          prompt_tokens: 12,
          completion_tokens: 291,
          total_tokens: 303,
          completion_tokens_details: { reasoning_tokens: 290 },
        }).outputTokens,
      ).toEqual({ total: 291, text: 1, reasoning: 290 });
    });

    it('OpenAI semantics (prompt + completion = total) and no total at all: included', () => {
      for (const total_tokens of [2300, undefined])
        expect(
          convertMixRouterUsage({
            prompt_tokens: 2000,
            completion_tokens: 300,
            total_tokens,
            completion_tokens_details: { reasoning_tokens: 200 },
          }).outputTokens,
        ).toEqual({ total: 300, text: 100, reasoning: 200 });
    });
  });
});
