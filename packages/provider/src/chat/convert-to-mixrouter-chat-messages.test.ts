import type { LanguageModelV4Prompt, SharedV4Warning } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { getMixRouterModelInfo } from '../mixrouter-model-catalogue';
import { toolRoundPrompt } from '../test-utils/chat';
import { convertToMixRouterChatMessages } from './convert-to-mixrouter-chat-messages';

function convert(modelId: string, prompt: LanguageModelV4Prompt) {
  const warnings: SharedV4Warning[] = [];
  const messages = convertToMixRouterChatMessages({
    prompt,
    info: getMixRouterModelInfo(modelId),
    warnings,
  });
  return { messages, warnings };
}

const PNG_BASE64 = 'iVBORw0KGgo=';

describe('roles and tool results', () => {
  it('converts system/user/assistant/tool with every tool-result output variant', () => {
    const { messages, warnings } = convert('gpt-4o', [
      { role: 'system', content: 'You are a weather bot.' },
      { role: 'user', content: [{ type: 'text', text: 'Weather in Paris and Tokyo?' }] },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Checking.' },
          { type: 'tool-call', toolCallId: 'c1', toolName: 'weather', input: { city: 'Paris' } },
          { type: 'tool-call', toolCallId: 'c2', toolName: 'weather', input: { city: 'Tokyo' } },
          { type: 'tool-call', toolCallId: 'c3', toolName: 'map', input: { city: 'Paris' } },
          { type: 'tool-call', toolCallId: 'c4', toolName: 'fail', input: {} },
          { type: 'tool-call', toolCallId: 'c5', toolName: 'fail', input: {} },
          { type: 'tool-call', toolCallId: 'c6', toolName: 'delete', input: {} },
          { type: 'tool-call', toolCallId: 'c7', toolName: 'delete', input: {} },
        ],
      },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'c1',
            toolName: 'weather',
            output: { type: 'text', value: '18°C' },
          },
          {
            type: 'tool-result',
            toolCallId: 'c2',
            toolName: 'weather',
            output: { type: 'json', value: { tempC: 21, sky: ['clear'] } },
          },
          {
            type: 'tool-result',
            toolCallId: 'c3',
            toolName: 'map',
            output: {
              type: 'content',
              value: [
                { type: 'text', text: 'Map of Paris' },
                { type: 'file', data: { type: 'data', data: PNG_BASE64 }, mediaType: 'image/png' },
              ],
            },
          },
          {
            type: 'tool-result',
            toolCallId: 'c4',
            toolName: 'fail',
            output: { type: 'error-text', value: 'timeout' },
          },
          {
            type: 'tool-result',
            toolCallId: 'c5',
            toolName: 'fail',
            output: { type: 'error-json', value: { error: 'quota' } },
          },
          {
            type: 'tool-result',
            toolCallId: 'c6',
            toolName: 'delete',
            output: { type: 'execution-denied', reason: 'User said no.' },
          },
          {
            type: 'tool-result',
            toolCallId: 'c7',
            toolName: 'delete',
            output: { type: 'execution-denied' },
          },
          { type: 'tool-approval-response', approvalId: 'a1', approved: true },
        ],
      },
    ]);
    expect(messages).toMatchInlineSnapshot(`
      [
        {
          "content": "You are a weather bot.",
          "role": "system",
        },
        {
          "content": "Weather in Paris and Tokyo?",
          "role": "user",
        },
        {
          "content": "Checking.",
          "role": "assistant",
          "tool_calls": [
            {
              "function": {
                "arguments": "{"city":"Paris"}",
                "name": "weather",
              },
              "id": "c1",
              "type": "function",
            },
            {
              "function": {
                "arguments": "{"city":"Tokyo"}",
                "name": "weather",
              },
              "id": "c2",
              "type": "function",
            },
            {
              "function": {
                "arguments": "{"city":"Paris"}",
                "name": "map",
              },
              "id": "c3",
              "type": "function",
            },
            {
              "function": {
                "arguments": "{}",
                "name": "fail",
              },
              "id": "c4",
              "type": "function",
            },
            {
              "function": {
                "arguments": "{}",
                "name": "fail",
              },
              "id": "c5",
              "type": "function",
            },
            {
              "function": {
                "arguments": "{}",
                "name": "delete",
              },
              "id": "c6",
              "type": "function",
            },
            {
              "function": {
                "arguments": "{}",
                "name": "delete",
              },
              "id": "c7",
              "type": "function",
            },
          ],
        },
        {
          "content": "18°C",
          "role": "tool",
          "tool_call_id": "c1",
        },
        {
          "content": "{"tempC":21,"sky":["clear"]}",
          "role": "tool",
          "tool_call_id": "c2",
        },
        {
          "content": "Map of Paris
      [image/png attached in the next message]",
          "role": "tool",
          "tool_call_id": "c3",
        },
        {
          "content": "timeout",
          "role": "tool",
          "tool_call_id": "c4",
        },
        {
          "content": "{"error":"quota"}",
          "role": "tool",
          "tool_call_id": "c5",
        },
        {
          "content": "User said no.",
          "role": "tool",
          "tool_call_id": "c6",
        },
        {
          "content": "Tool execution was denied by the user.",
          "role": "tool",
          "tool_call_id": "c7",
        },
        {
          "content": [
            {
              "text": "Files returned by the tool calls above:",
              "type": "text",
            },
            {
              "image_url": {
                "url": "data:image/png;base64,iVBORw0KGgo=",
              },
              "type": "image_url",
            },
          ],
          "role": "user",
        },
      ]
    `);
    expect(warnings).toEqual([]);
  });

  it('sends a user message with one text part as a string and several parts as an array', () => {
    const { messages } = convert('gpt-4o', [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'a' },
          { type: 'text', text: 'b' },
        ],
      },
    ]);
    expect(messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'a' },
          { type: 'text', text: 'b' },
        ],
      },
    ]);
  });

  it('sends content null for an assistant message with only tool calls, and {} for undefined input', () => {
    const { messages } = convert('gpt-4o', [
      { role: 'user', content: [{ type: 'text', text: 'x' }] },
      {
        role: 'assistant',
        content: [{ type: 'tool-call', toolCallId: 'c1', toolName: 'now', input: undefined }],
      },
    ]);
    expect(messages[1]).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'c1', type: 'function', function: { name: 'now', arguments: '{}' } }],
    });
  });

  it('wraps non-object tool input for Claude (the gateway drops it otherwise), with a warning', () => {
    const { messages, warnings } = convert('claude-sonnet-4-5-20250929', [
      { role: 'user', content: [{ type: 'text', text: 'x' }] },
      {
        role: 'assistant',
        content: [{ type: 'tool-call', toolCallId: 'c1', toolName: 'echo', input: 'hi' }],
      },
    ]);
    expect(messages[1]).toMatchObject({
      tool_calls: [{ function: { name: 'echo', arguments: '{"value":"hi"}' } }],
    });
    expect(warnings).toMatchObject([{ type: 'compatibility', feature: 'tool-call input' }]);
    // Other families get the input as is.
    expect(
      convert('gpt-4o', [
        { role: 'user', content: [{ type: 'text', text: 'x' }] },
        {
          role: 'assistant',
          content: [{ type: 'tool-call', toolCallId: 'c1', toolName: 'echo', input: 'hi' }],
        },
      ]).messages[1],
    ).toMatchObject({ tool_calls: [{ function: { arguments: '"hi"' } }] });
  });

  it('warns about assistant parts chat completions cannot carry', () => {
    const { messages, warnings } = convert('gpt-4o', [
      { role: 'user', content: [{ type: 'text', text: 'x' }] },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'ok' },
          { type: 'file', data: { type: 'data', data: PNG_BASE64 }, mediaType: 'image/png' },
          {
            type: 'reasoning-file',
            data: { type: 'data', data: PNG_BASE64 },
            mediaType: 'image/png',
          },
          { type: 'custom', kind: 'mixrouter.x' },
          {
            type: 'tool-result',
            toolCallId: 't',
            toolName: 'web',
            output: { type: 'text', value: 'r' },
          },
        ],
      },
    ]);
    expect(messages[1]).toEqual({ role: 'assistant', content: 'ok' });
    expect(warnings.map((w) => w.type === 'unsupported' && w.feature)).toEqual([
      'assistant file parts',
      'assistant reasoning-file parts',
      'assistant custom parts',
      'assistant tool-result parts',
    ]);
  });

  it('replays a generated image to a Gemini image model as an image part', () => {
    const { messages, warnings } = convert('gemini-2.5-flash-image', [
      { role: 'user', content: [{ type: 'text', text: 'Draw a cat' }] },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Here it is.' },
          {
            type: 'file',
            data: { type: 'url', url: new URL('https://toiotech.s3.test/images/cat.png') },
            mediaType: 'image/png',
          },
        ],
      },
      { role: 'user', content: [{ type: 'text', text: 'Add a hat' }] },
    ]);
    expect(messages[1]).toEqual({
      role: 'assistant',
      content: [
        { type: 'text', text: 'Here it is.' },
        { type: 'image_url', image_url: { url: 'https://toiotech.s3.test/images/cat.png' } },
      ],
    });
    expect(warnings).toEqual([]);
  });
});

describe('reasoning replay per family', () => {
  /** user → assistant(reasoning, text) → user → assistant(reasoning, tool call) → tool */
  const loop: LanguageModelV4Prompt = [
    { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
    {
      role: 'assistant',
      content: [
        { type: 'reasoning', text: 'r1' },
        { type: 'text', text: 'Hello!' },
      ],
    },
    ...toolRoundPrompt({
      question: 'Weather?',
      reasoning: 'r2',
      callId: 'c1',
      output: { type: 'text', value: '18°C' },
    }),
  ];

  const replayed = (modelId: string, prompt = loop) =>
    convert(modelId, prompt)
      .messages.filter((m) => m.role === 'assistant')
      .map((m) => (m as { reasoning_content?: string }).reasoning_content);

  it.each(['qwen3-max', 'qwen3-235b-a22b-thinking-2507'])(
    '%s: only within the current tool-call turn (after the last user message)',
    (modelId) => {
      expect(replayed(modelId)).toEqual([undefined, 'r2']);
    },
  );

  it.each(['kimi-k2-thinking', 'glm-4.6', 'glm-5'])('%s: always', (modelId) => {
    expect(replayed(modelId)).toEqual(['r1', 'r2']);
  });

  it.each([
    'gpt-5',
    'o3',
    'gpt-4o',
    'claude-sonnet-4-5-20250929',
    'gemini-2.5-pro',
    'gemini-3-pro-preview',
    'grok-4',
  ])('%s: never', (modelId) => {
    expect(replayed(modelId)).toEqual([undefined, undefined]);
    expect(JSON.stringify(convert(modelId, loop).messages)).not.toContain('r1');
  });

  it('minimax: re-inlines reasoning as <think> in content', () => {
    const assistants = convert('minimax-m2', loop).messages.filter((m) => m.role === 'assistant');
    expect(assistants.map((m) => m.content)).toEqual([
      '<think>\nr1\n</think>\n\nHello!',
      '<think>\nr2\n</think>\n\n',
    ]);
  });

  it.each(['deepseek-reasoner', 'deepseek-chat', 'deepseek-v4-pro'])(
    '%s (V4): on tool-call turns only, in every later request',
    (modelId) => {
      expect(replayed(modelId)).toEqual([undefined, 'r2']);
    },
  );

  it('deepseek: an empty reasoning_content on tool-call messages in the current turn', () => {
    const prompt: LanguageModelV4Prompt = [
      { role: 'user', content: [{ type: 'text', text: 'Weather?' }] },
      {
        role: 'assistant',
        content: [
          { type: 'tool-call', toolCallId: 'c1', toolName: 'weather', input: { city: 'Paris' } },
        ],
      },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'c1',
            toolName: 'weather',
            output: { type: 'text', value: 'ok' },
          },
        ],
      },
    ];
    expect(replayed('deepseek-v4-pro', prompt)).toEqual(['']);
    expect(replayed('deepseek-reasoner', prompt)).toEqual(['']);
    expect(replayed('qwen3-max', prompt)).toEqual([undefined]);
  });

  // issue 12 #3: after a follow-up question, earlier tool-call turns keep their reasoning.
  it.each(['deepseek-v4-pro', 'deepseek-reasoner'])(
    '%s: reasoning_content on every message of earlier tool-call turns',
    (modelId) => {
      const followUp: LanguageModelV4Prompt = [
        ...loop,
        { role: 'assistant', content: [{ type: 'text', text: 'It is 18°C.' }] },
        { role: 'user', content: [{ type: 'text', text: 'And tomorrow?' }] },
      ];
      // Turn 1 had no tool call (no field); turn 2 (tool call + its answer) keeps it, the
      // answer with an empty string.
      expect(replayed(modelId, followUp)).toEqual([undefined, 'r2', '']);
      // Qwen keeps reasoning within the current tool loop only.
      expect(replayed('qwen3-max', followUp)).toEqual([undefined, undefined, undefined]);
    },
  );

  it('does not send an empty reasoning_content for a plain answer in the current turn', () => {
    const prompt: LanguageModelV4Prompt = [
      { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'Hello' }] },
    ];
    expect(replayed('deepseek-v4-pro', prompt)).toEqual([undefined]);
  });
});

describe('Gemini thought signatures', () => {
  const signedLoop: LanguageModelV4Prompt = [
    { role: 'user', content: [{ type: 'text', text: 'Weather?' }] },
    {
      role: 'assistant',
      content: [
        {
          type: 'tool-call',
          toolCallId: 'call_3f1c2b9e8d7a4c6b',
          toolName: 'get_weather',
          input: { city: 'Paris' },
          providerOptions: {
            mixrouter: { extraContent: { google: { thought_signature: 'CiQB0e2Kb7Zq9sig==' } } },
          },
        },
      ],
    },
  ];

  it('replays providerOptions.mixrouter.extraContent as extra_content on the tool call', () => {
    const { messages } = convert('gemini-3-pro-preview', signedLoop);
    expect(messages[1]).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [
        {
          id: 'call_3f1c2b9e8d7a4c6b',
          type: 'function',
          function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
          extra_content: { google: { thought_signature: 'CiQB0e2Kb7Zq9sig==' } },
        },
      ],
    });
  });

  // issue 12 #13: after a switch to another family mid-conversation, Gemini's metadata stays behind.
  it.each(['gpt-4o', 'deepseek-chat', 'claude-sonnet-4-5-20250929', 'qwen3-max'])(
    'does not replay it to %s',
    (modelId) => {
      const { messages } = convert(modelId, signedLoop);
      expect(JSON.stringify(messages)).not.toContain('thought_signature');
      expect(JSON.stringify(messages)).not.toContain('extra_content');
    },
  );
});

describe('tool-call ids from another family', () => {
  const history = (id: string): LanguageModelV4Prompt => [
    { role: 'user', content: [{ type: 'text', text: 'Weather in Paris?' }] },
    {
      role: 'assistant',
      content: [
        { type: 'tool-call', toolCallId: id, toolName: 'weather', input: { city: 'Paris' } },
      ],
    },
    {
      role: 'tool',
      content: [
        {
          type: 'tool-result',
          toolCallId: id,
          toolName: 'weather',
          output: { type: 'json', value: { temperature: 21 } },
        },
      ],
    },
    { role: 'user', content: [{ type: 'text', text: 'And tomorrow?' }] },
  ];
  const ids = (messages: ReturnType<typeof convert>['messages']) => {
    const assistant = messages.find((m) => m.role === 'assistant');
    const tool = messages.find((m) => m.role === 'tool');
    return {
      call: assistant?.role === 'assistant' ? assistant.tool_calls?.[0]?.id : undefined,
      result: tool?.role === 'tool' ? tool.tool_call_id : undefined,
    };
  };

  it("fits a Gemini call_<uuid> (41 characters) into OpenAI's 40, call and result alike", () => {
    const { call, result } = ids(
      convert('gpt-4o', history('call_0b9a4e6c-3f1d-4a8e-9c2b-7d5e1f0a3b6c')).messages,
    );
    expect(call).toBeDefined();
    expect(call!.length).toBeLessThanOrEqual(40);
    expect(result).toBe(call);
  });

  it("rewrites a Kimi functions.weather:0 id to Claude's tool_use id pattern", () => {
    const { call, result } = ids(
      convert('claude-sonnet-4-5-20250929', history('functions.weather:0')).messages,
    );
    expect(call).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(result).toBe(call);
  });

  it('leaves ids the family accepts as they are', () => {
    expect(ids(convert('gpt-4o', history('call_abc')).messages).call).toBe('call_abc');
    expect(ids(convert('kimi-k2-0905', history('functions.weather:0')).messages).call).toBe(
      'functions.weather:0',
    );
  });
});
