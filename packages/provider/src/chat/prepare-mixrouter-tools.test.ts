import type { LanguageModelV4FunctionTool, SharedV4Warning } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { getMixRouterModelInfo } from '../mixrouter-model-catalogue';
import { prepareMixRouterTools } from './prepare-mixrouter-tools';

const weather: LanguageModelV4FunctionTool = {
  type: 'function',
  name: 'get_weather',
  description: 'Current weather',
  inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

function prepare(
  tools: Parameters<typeof prepareMixRouterTools>[0]['tools'],
  toolChoice?: Parameters<typeof prepareMixRouterTools>[0]['toolChoice'],
  modelId = 'gpt-4o',
) {
  const warnings: SharedV4Warning[] = [];
  const result = prepareMixRouterTools({
    tools,
    toolChoice,
    info: getMixRouterModelInfo(modelId),
    warnings,
  });
  return { ...result, warnings };
}

describe('prepareMixRouterTools', () => {
  it('returns nothing for no tools or an empty list', () => {
    expect(prepare(undefined)).toEqual({ warnings: [] });
    expect(prepare([], { type: 'required' })).toEqual({ warnings: [] });
  });

  it('maps function tools and keeps per-tool strict only when set', () => {
    const { tools, toolChoice, warnings } = prepare([
      weather,
      { type: 'function', name: 'strict_tool', inputSchema: { type: 'object' }, strict: true },
      { type: 'function', name: 'lax_tool', inputSchema: { type: 'object' }, strict: false },
    ]);
    expect(tools).toMatchInlineSnapshot(`
      [
        {
          "function": {
            "description": "Current weather",
            "name": "get_weather",
            "parameters": {
              "properties": {
                "city": {
                  "type": "string",
                },
              },
              "required": [
                "city",
              ],
              "type": "object",
            },
          },
          "type": "function",
        },
        {
          "function": {
            "name": "strict_tool",
            "parameters": {
              "type": "object",
            },
            "strict": true,
          },
          "type": "function",
        },
        {
          "function": {
            "name": "lax_tool",
            "parameters": {
              "type": "object",
            },
            "strict": false,
          },
          "type": "function",
        },
      ]
    `);
    expect(toolChoice).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it.each([
    [{ type: 'auto' } as const, 'auto'],
    [{ type: 'none' } as const, 'none'],
    [{ type: 'required' } as const, 'required'],
    [
      { type: 'tool', toolName: 'get_weather' } as const,
      { type: 'function', function: { name: 'get_weather' } },
    ],
  ])('maps toolChoice %j', (choice, expected) => {
    expect(prepare([weather], choice).toolChoice).toEqual(expected);
  });

  it('drops provider-defined tools with an unsupported warning', () => {
    const { tools, warnings } = prepare([
      weather,
      { type: 'provider', id: 'openai.web_search', name: 'web_search', args: {} },
    ]);
    expect(tools?.map((t) => t.function.name)).toEqual(['get_weather']);
    expect(warnings).toEqual([
      {
        type: 'unsupported',
        feature: 'provider-defined tool openai.web_search',
        details: 'MixRouter chat completions cannot run provider-defined tools; it was not sent.',
      },
    ]);
  });

  it('sends neither tools nor tool_choice when only provider tools were given', () => {
    const result = prepare(
      [{ type: 'provider', id: 'anthropic.code_execution', name: 'code', args: {} }],
      { type: 'required' },
    );
    expect(result.tools).toBeUndefined();
    expect(result.toolChoice).toBeUndefined();
    expect(result.warnings).toHaveLength(1);
  });

  it('does not send tools to a model without tool support (gemini-2.5-flash-image)', () => {
    expect(prepare([weather], { type: 'auto' }, 'gemini-2.5-flash-image')).toEqual({
      warnings: [
        {
          type: 'unsupported',
          feature: 'tools',
          details:
            'gemini-2.5-flash-image does not call tools; the 1 tool definition(s) were not sent.',
        },
      ],
    });
  });
});
