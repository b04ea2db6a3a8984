import type { LanguageModelV4CallOptions } from '@ai-sdk/provider';
import { createTestServer } from '@ai-sdk/test-server/with-vitest';
import { describe, expect, it } from 'vitest';
import { getMixRouterModelInfo, listMixRouterCatalogue } from '../mixrouter-model-catalogue';
import {
  CHAT_URL,
  callOptions,
  jsonResponse,
  sseFixtureResponse,
  TEST_PROMPT,
  testModel,
  toolRoundPrompt,
} from '../test-utils/chat';
import { readJsonFixture } from '../test-utils/sse';
import { buildMixRouterChatRequest } from './build-mixrouter-chat-request';

// Issue 12: each family's request contract, pinned per defect.

async function build(modelId: string, options: Partial<LanguageModelV4CallOptions> = {}) {
  const request = await buildMixRouterChatRequest({
    options: { prompt: TEST_PROMPT, ...options },
    info: getMixRouterModelInfo(modelId),
    stream: false,
  });
  const body = request.body as Record<string, unknown> & {
    messages: Array<{ role: string; content: string }>;
  };
  return { ...request, body };
}

const schema = {
  type: 'object',
  properties: { city: { type: 'string' } },
  required: ['city'],
} as const;
const json = { type: 'json', schema, name: 'city' } as const;

const weatherTool = {
  type: 'function',
  name: 'weather',
  inputSchema: { type: 'object', properties: { city: { type: 'string' } } },
} as const;

describe('structured output per family', () => {
  // #1: DeepSeek answers 400 "This response_format type is unavailable now" to json_schema.
  it.each([
    'deepseek-chat',
    'deepseek-reasoner',
    'deepseek-v4-pro',
    'kimi-k2',
    'glm-4.6',
    'qwen-max',
  ])('%s: json_object plus the schema in the prompt, with a compatibility warning', async (id) => {
    const { body, warnings } = await build(id, { responseFormat: json });
    expect(body.response_format).toEqual({ type: 'json_object' });
    expect(body.messages[0]).toMatchObject({ role: 'system' });
    expect(body.messages[0].content).toContain('"city"');
    expect(body.messages[0].content).toContain('JSON');
    expect(warnings).toContainEqual(
      expect.objectContaining({ type: 'compatibility', feature: 'responseFormat' }),
    );
  });

  it.each(['gpt-4o', 'gemini-2.5-flash', 'grok-4'])('%s: json_schema', async (id) => {
    const { body, warnings } = await build(id, { responseFormat: json });
    expect(body.response_format).toMatchObject({ type: 'json_schema', json_schema: { schema } });
    expect(warnings).toEqual([]);
  });

  it.each(['claude-sonnet-4-5-20250929', 'minimax-m2', 'ernie-x1-32k', 'gpt-4', 'gpt-audio'])(
    '%s: no response_format, the schema in the prompt',
    async (id) => {
      const { body, warnings } = await build(id, { responseFormat: json });
      expect(body).not.toHaveProperty('response_format');
      expect(body.messages[0].content).toContain('JSON schema');
      expect(warnings).toContainEqual(
        expect.objectContaining({ type: 'compatibility', feature: 'responseFormat' }),
      );
    },
  );

  it('qwen3-8b thinks by default: Output.object switches thinking off (DashScope has no JSON mode while thinking)', async () => {
    const { body, warnings, thinking } = await build('qwen3-8b', { responseFormat: json });
    expect(body).toMatchObject({
      enable_thinking: false,
      response_format: { type: 'json_object' },
    });
    expect(thinking).toBe(false);
    expect(warnings).toContainEqual(
      expect.objectContaining({ type: 'compatibility', feature: 'reasoning' }),
    );
  });

  it('qwen thinking asked for explicitly: thinking stays on, the schema goes into the prompt only', async () => {
    const { body, thinking } = await build('qwen-plus', {
      responseFormat: json,
      reasoning: 'medium',
    });
    expect(body.enable_thinking).toBe(true);
    expect(thinking).toBe(true);
    expect(body).not.toHaveProperty('response_format');
    expect(body.messages[0].content).toContain('JSON schema');
  });
});

describe('tool choice and tool options per family', () => {
  it('glm takes only tool_choice auto: required becomes auto with a warning', async () => {
    const { body, warnings } = await build('glm-4.6', {
      tools: [weatherTool],
      toolChoice: { type: 'required' },
    });
    expect(body.tool_choice).toBe('auto');
    expect(warnings).toContainEqual(
      expect.objectContaining({ type: 'compatibility', feature: 'toolChoice' }),
    );
  });

  it('glm has no tool_choice none: the tools are left out instead', async () => {
    const { body, warnings } = await build('glm-4.6', {
      tools: [weatherTool],
      toolChoice: { type: 'none' },
    });
    expect(body).not.toHaveProperty('tools');
    expect(body).not.toHaveProperty('tool_choice');
    expect(warnings).toHaveLength(1);
  });

  it('qwen takes a named tool but not required', async () => {
    const named = await build('qwen3-max', {
      tools: [weatherTool],
      toolChoice: { type: 'tool', toolName: 'weather' },
    });
    expect(named.body.tool_choice).toEqual({ type: 'function', function: { name: 'weather' } });
    const required = await build('qwen3-max', {
      tools: [weatherTool],
      toolChoice: { type: 'required' },
    });
    expect(required.body.tool_choice).toBe('auto');
  });

  it('parallel_tool_calls only where the upstream has the switch', async () => {
    const options = {
      tools: [weatherTool],
      providerOptions: { mixrouter: { parallelToolCalls: false } },
    };
    expect((await build('gpt-4o', options)).body.parallel_tool_calls).toBe(false);
    expect((await build('gpt-5', options)).body.parallel_tool_calls).toBe(false);
    // The o-series rejects the parameter: "Unsupported parameter: 'parallel_tool_calls'".
    for (const id of ['o1', 'o3', 'o3-mini', 'o4-mini']) {
      expect((await build(id, options)).body, id).not.toHaveProperty('parallel_tool_calls');
    }
    const deepseek = await build('deepseek-chat', options);
    expect(deepseek.body).not.toHaveProperty('parallel_tool_calls');
    expect(deepseek.warnings).toContainEqual(
      expect.objectContaining({ type: 'unsupported', feature: 'parallelToolCalls' }),
    );
  });

  it('verbosity only for the gpt-5 family', async () => {
    const options = { providerOptions: { mixrouter: { textVerbosity: 'low' } } };
    expect((await build('gpt-5', options)).body.verbosity).toBe('low');
    const gpt4o = await build('gpt-4o', options);
    expect(gpt4o.body).not.toHaveProperty('verbosity');
    expect(gpt4o.warnings).toContainEqual(
      expect.objectContaining({ type: 'unsupported', feature: 'textVerbosity' }),
    );
  });
});

describe('sampling while thinking', () => {
  it('deepseek-v4-pro thinks by default: temperature and penalties are refused, stop kept', async () => {
    const { body, warnings } = await build('deepseek-v4-pro', {
      temperature: 0.3,
      presencePenalty: 0.1,
      stopSequences: ['END'],
    });
    expect(body).not.toHaveProperty('temperature');
    expect(body).not.toHaveProperty('presence_penalty');
    expect(body.stop).toEqual(['END']);
    expect(warnings.map((w) => w.type === 'unsupported' && w.feature)).toEqual([
      'temperature',
      'presencePenalty',
    ]);
    const off = await build('deepseek-v4-pro', { temperature: 0.3, reasoning: 'none' });
    expect(off.body).toMatchObject({ temperature: 0.3, thinking: { type: 'disabled' } });
  });

  it('openai chat models take up to 4 stop sequences', async () => {
    const { body, warnings } = await build('gpt-4o', { stopSequences: ['1', '2', '3', '4', '5'] });
    expect(body.stop).toEqual(['1', '2', '3', '4']);
    expect(warnings).toEqual([
      expect.objectContaining({ type: 'compatibility', feature: 'stopSequences' }),
    ]);
  });

  it('glm takes a single stop word', async () => {
    const { body, warnings } = await build('glm-4.6', { stopSequences: ['a', 'b'] });
    expect(body.stop).toEqual(['a']);
    expect(warnings).toHaveLength(1);
  });
});

describe('Claude thinking with tools on the chat route (#11)', () => {
  const loopStep2 = toolRoundPrompt({
    question: 'Weather in Paris?',
    reasoning: 'I should call the tool.',
    callId: 'toolu_1',
    output: { type: 'json', value: { c: 18 } },
  });

  it('step 1 thinks; step 2 (replaying the tool-use turn without its signed block) does not, with a warning', async () => {
    const step1 = await build('claude-sonnet-4-5-20250929', {
      tools: [weatherTool],
      reasoning: 'low',
    });
    expect(step1.body.thinking).toMatchObject({ type: 'enabled' });
    const step2 = await build('claude-sonnet-4-5-20250929', {
      prompt: loopStep2,
      tools: [weatherTool],
      reasoning: 'low',
    });
    expect(step2.body).not.toHaveProperty('thinking');
    expect(step2.warnings).toContainEqual(
      expect.objectContaining({
        type: 'compatibility',
        feature: 'reasoning',
        details: expect.stringContaining("provider.messages('claude-sonnet-4-5-20250929')"),
      }),
    );
  });

  it('a new user turn after the loop thinks again', async () => {
    const { body } = await build('claude-sonnet-4-5-20250929', {
      prompt: [
        ...loopStep2,
        { role: 'assistant', content: [{ type: 'text', text: '18°C.' }] },
        { role: 'user', content: [{ type: 'text', text: 'And Berlin?' }] },
      ],
      tools: [weatherTool],
      reasoning: 'low',
    });
    expect(body.thinking).toMatchObject({ type: 'enabled' });
  });
});

describe('Gemini 3 thinkingBudget with reasoning (#12)', () => {
  it('the budget wins over reasoning, with a warning; no thinking_level is sent', async () => {
    const { body, warnings } = await build('gemini-3-pro-preview', {
      reasoning: 'high',
      providerOptions: { mixrouter: { thinkingBudget: 2048 } },
    });
    expect(body.extra_body).toEqual({
      google: { thinking_config: { thinking_budget: 2048, include_thoughts: true } },
    });
    expect(warnings).toContainEqual(
      expect.objectContaining({ type: 'compatibility', feature: 'reasoning' }),
    );
  });
});

describe('streaming constraints: Qwen thinking via generateText (#4)', () => {
  const server = createTestServer({ [CHAT_URL]: {} });

  it.each([
    'qwen3-8b',
    'qwen3-235b-a22b',
    'qwen3-235b-a22b-thinking-2507',
    'qwen3-next-80b-a3b-thinking',
    'qwen3-vl-235b-a22b-thinking',
    'qwq-plus',
  ])('%s thinks by default: doGenerate streams and collects', async (id) => {
    server.urls[CHAT_URL].response = sseFixtureResponse('qwen-plus-thinking');
    const result = await testModel(id).doGenerate(callOptions());
    const body = await server.calls[0]!.requestBodyJson;
    expect(body.stream).toBe(true);
    expect(result.content.some((p) => p.type === 'reasoning')).toBe(true);
    expect(result.content.some((p) => p.type === 'text')).toBe(true);
  });

  it('qwen-plus (thinking off by default) stays non-streamed; with reasoning it streams', async () => {
    server.urls[CHAT_URL].response = jsonResponse(readJsonFixture('qwen3-max'));
    await testModel('qwen-plus').doGenerate(callOptions());
    expect((await server.calls[0]!.requestBodyJson).stream).toBeUndefined();
    server.urls[CHAT_URL].response = sseFixtureResponse('qwen-plus-thinking');
    await testModel('qwen-plus').doGenerate(callOptions({ reasoning: 'high' }));
    expect(await server.calls[1]!.requestBodyJson).toMatchObject({
      stream: true,
      enable_thinking: true,
    });
  });

  it('qwen3-8b with reasoning none goes out non-streamed with enable_thinking false', async () => {
    server.urls[CHAT_URL].response = jsonResponse(readJsonFixture('qwen3-max'));
    await testModel('qwen3-8b').doGenerate(callOptions({ reasoning: 'none' }));
    const body = await server.calls[0]!.requestBodyJson;
    expect(body.enable_thinking).toBe(false);
    expect(body.stream).toBeUndefined();
  });
});

describe('catalogue contracts', () => {
  it('every listed chat model has a complete contract and a known streaming rule', () => {
    for (const info of listMixRouterCatalogue().filter((m) => m.kind === 'chat')) {
      expect(info.request.maxTokensField, info.id).toMatch(/^max_(completion_)?tokens$/);
      expect(info.request.toolChoice.length, info.id).toBeGreaterThan(0);
      expect(['any', 'stream-only', 'stream-when-thinking']).toContain(info.request.streaming);
    }
  });
});
