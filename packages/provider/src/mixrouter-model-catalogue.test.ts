import { describe, expect, it } from 'vitest';
import {
  detectMixRouterModelFamily,
  getMixRouterModelInfo,
  listMixRouterCatalogue,
} from './mixrouter-model-catalogue';
import { MIXROUTER_CHAT_MODEL_IDS, MIXROUTER_REALTIME_MODEL_IDS } from './mixrouter-model-ids';

describe('listed models', () => {
  it('lists every documented chat model id as a chat model with a known family', () => {
    for (const id of MIXROUTER_CHAT_MODEL_IDS) {
      const info = getMixRouterModelInfo(id);
      expect(info.listed, id).toBe(true);
      expect(info.kind, id).toBe('chat');
      expect(info.family, id).not.toBe('openai-compatible');
      expect(info.input, id).toContain('text');
    }
  });

  it('serves realtime models on the realtime endpoint only', () => {
    for (const id of MIXROUTER_REALTIME_MODEL_IDS) {
      expect(getMixRouterModelInfo(id)).toMatchObject({
        kind: 'realtime',
        endpoint: 'realtime',
        listed: true,
      });
    }
  });

  it('sends responses-only models to /v1/responses', () => {
    for (const id of ['gpt-5.1-codex', 'gpt-5.2-pro']) {
      expect(getMixRouterModelInfo(id)).toMatchObject({
        endpoint: 'responses',
        endpointTypes: ['openai-response'],
      });
    }
    expect(getMixRouterModelInfo('gpt-5.2').endpoint).toBe('chat-completions');
  });

  it('listMixRouterCatalogue includes every chat id once', () => {
    const ids = listMixRouterCatalogue().map((info) => info.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of MIXROUTER_CHAT_MODEL_IDS) expect(ids).toContain(id);
  });

  it.each([
    ['gpt-4o', 'openai', 'none', 'never'],
    ['gpt-5', 'openai', 'openai-effort', 'never'],
    ['o3', 'openai', 'openai-effort', 'never'],
    ['claude-sonnet-4-5-20250929', 'anthropic', 'anthropic-thinking', 'never'],
    ['gemini-2.5-flash', 'google', 'gemini-budget', 'never'],
    ['gemini-3-pro-preview', 'google', 'gemini-level', 'never'],
    ['deepseek-chat', 'deepseek', 'thinking-type', 'tool-turns'],
    ['deepseek-reasoner', 'deepseek', 'always', 'tool-turns'],
    ['qwen3-max', 'qwen', 'qwen-enable-thinking', 'tool-loop'],
    ['qwen2.5-vl-72b-instruct', 'qwen', 'thinking-type', 'tool-loop'],
    ['kimi-k2-thinking', 'moonshot', 'always', 'always'],
    ['glm-4.6', 'zhipu', 'thinking-type', 'always'],
    ['minimax-m2', 'minimax', 'always', 'inline-think'],
    ['grok-4', 'xai', 'always', 'never'],
    ['grok-4-1-fast-non-reasoning', 'xai', 'none', 'never'],
  ] as const)('%s: family %s, control %s, replay %s', (id, family, control, replay) => {
    const info = getMixRouterModelInfo(id);
    expect(info.family).toBe(family);
    expect(info.reasoning.control).toBe(control);
    expect(info.reasoning.replay).toBe(replay);
  });

  it("records each model's request contract", () => {
    expect(getMixRouterModelInfo('gpt-5').request).toMatchObject({
      maxTokensField: 'max_completion_tokens',
      verbosity: true,
    });
    expect(getMixRouterModelInfo('gpt-5').request.unsupported).toEqual(
      expect.arrayContaining(['temperature', 'topP', 'stopSequences', 'presencePenalty']),
    );
    expect(getMixRouterModelInfo('gpt-4o').request.maxTokensField).toBe('max_tokens');
    expect(getMixRouterModelInfo('claude-opus-4-20250514').request.structuredOutput).toBe('prompt');
    expect(getMixRouterModelInfo('claude-opus-4-20250514').quirks.maxOutputTokens).toBe(32_000);
    expect(getMixRouterModelInfo('gemini-2.5-pro').request.maxStopSequences).toBe(5);
    expect(getMixRouterModelInfo('qwen2.5-omni-7b').request.streaming).toBe('stream-only');
    expect(getMixRouterModelInfo('qwen3-8b').request.streaming).toBe('stream-when-thinking');
    expect(getMixRouterModelInfo('deepseek-chat').request.structuredOutput).toBe('json-object');
    expect(getMixRouterModelInfo('deepseek-v4-pro').reasoning.replay).toBe('tool-turns');
    expect(getMixRouterModelInfo('gemini-3-pro-preview').request.replayExtraContent).toBe(true);
    expect(getMixRouterModelInfo('gpt-4o').request.replayExtraContent).toBe(false);
  });

  it('records per-model embedding batch limits', () => {
    expect(getMixRouterModelInfo('text-embedding-3-small').quirks.maxEmbeddingsPerCall).toBe(2048);
    expect(getMixRouterModelInfo('text-embedding-v1').quirks.maxEmbeddingsPerCall).toBe(25);
    expect(getMixRouterModelInfo('text-embedding-v3').quirks.maxEmbeddingsPerCall).toBe(10);
    expect(getMixRouterModelInfo('gemini-embedding-001').quirks.maxEmbeddingsPerCall).toBe(100);
  });

  it('records modalities and tool support', () => {
    expect(getMixRouterModelInfo('deepseek-chat').input).toEqual(['text']);
    expect(getMixRouterModelInfo('gemini-2.5-flash').input).toEqual([
      'text',
      'image',
      'audio',
      'video',
      'pdf',
    ]);
    expect(getMixRouterModelInfo('gpt-4o-audio-preview').output).toEqual(['text', 'audio']);
    expect(getMixRouterModelInfo('gemini-2.5-flash-image')).toMatchObject({
      output: ['text', 'image'],
      tools: false,
    });
  });

  it('returns frozen, cached objects', () => {
    const info = getMixRouterModelInfo('gpt-4o');
    expect(getMixRouterModelInfo('gpt-4o')).toBe(info);
    expect(Object.isFrozen(info)).toBe(true);
    expect(Object.isFrozen(info.reasoning)).toBe(true);
    expect(Object.isFrozen(info.quirks)).toBe(true);
  });
});

describe('unlisted models', () => {
  it.each([
    ['gpt-4.5-preview', 'openai'],
    ['o5-mini', 'openai'],
    ['chatgpt-4o-latest', 'openai'],
    ['claude-haiku-4-5', 'anthropic'],
    ['gemini-2.0-flash-lite', 'google'],
    ['gemma-3-27b-it', 'google'],
    ['deepseek-v3.2-exp', 'deepseek'],
    ['qwq-32b', 'qwen'],
    ['kimi-k2.5', 'moonshot'],
    ['glm-4.5-air', 'zhipu'],
    ['MiniMax-M2.1', 'minimax'],
    ['grok-3-mini', 'xai'],
    ['doubao-seed-1-6-250615', 'doubao'],
    ['ernie-4.5-turbo-128k', 'baidu'],
    ['hunyuan-turbos-latest', 'tencent'],
    ['Spark-Max', 'iflytek'],
    ['Ling-mini-2.0', 'ant'],
    ['step-2-16k', 'stepfun'],
    ['SenseNova-V6-Turbo', 'sensenova'],
    ['llama-3.3-70b-instruct', 'openai-compatible'],
  ])('%s → family %s, listed false', (id, family) => {
    expect(detectMixRouterModelFamily(id)).toBe(family);
    expect(getMixRouterModelInfo(id)).toMatchObject({ family, listed: false });
  });

  it.each([
    ['gpt-5.3', 'openai-effort', 'chat-completions'],
    ['gpt-5.3-codex', 'openai-effort', 'responses'],
    ['gpt-5.3-chat-latest', 'none', 'chat-completions'],
    ['o5-mini', 'openai-effort', 'chat-completions'],
    ['gemini-3.5-pro', 'gemini-level', 'chat-completions'],
    ['gemini-2.5-flash-lite-001', 'gemini-budget', 'chat-completions'],
    ['gemini-2.0-flash-lite', 'none', 'chat-completions'],
    ['qwen3-32b', 'qwen-enable-thinking', 'chat-completions'],
    ['qwq-plus-thinking', 'always', 'chat-completions'],
    ['deepseek-r1-distill-qwen-32b', 'always', 'chat-completions'],
    ['kimi-k2.5', 'thinking-type', 'chat-completions'],
    ['minimax-m2.1', 'always', 'chat-completions'],
    ['llama-3.3-70b-instruct', 'none', 'chat-completions'],
    ['my-reasoning-model', 'always', 'chat-completions'],
  ])('%s → reasoning %s on %s', (id, control, endpoint) => {
    const info = getMixRouterModelInfo(id);
    expect(info.reasoning.control).toBe(control);
    expect(info.endpoint).toBe(endpoint);
  });

  it('keeps o-series / gpt-5 parameter quirks for new names', () => {
    expect(getMixRouterModelInfo('o5-mini').request.maxTokensField).toBe('max_completion_tokens');
    expect(getMixRouterModelInfo('gpt-5.3').request.unsupported).toContain('temperature');
    expect(getMixRouterModelInfo('gpt-5.3').request.unsupported).toContain('stopSequences');
    expect(getMixRouterModelInfo('gpt-5-chat-latest').request.unsupported).not.toContain(
      'stopSequences',
    );
  });

  it('infers non-chat kinds from names', () => {
    expect(getMixRouterModelInfo('text-embedding-v4').kind).toBe('embedding');
    expect(getMixRouterModelInfo('gpt-4o-realtime-preview-2025-06-03')).toMatchObject({
      kind: 'realtime',
      endpoint: 'realtime',
    });
    expect(getMixRouterModelInfo('gemini-2.5-pro').kind).toBe('chat');
  });

  it('falls back to plain OpenAI-compatible behaviour', () => {
    expect(getMixRouterModelInfo('some-new-model')).toMatchObject({
      family: 'openai-compatible',
      kind: 'chat',
      endpoint: 'chat-completions',
      input: ['text'],
      tools: true,
      reasoning: { control: 'none', replay: 'never' },
    });
  });
});
