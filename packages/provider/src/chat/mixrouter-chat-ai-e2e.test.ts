import { createTestServer } from '@ai-sdk/test-server/with-vitest';
import { generateText, isStepCount, Output, streamText, tool } from 'ai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  CHAT_URL,
  createTestProvider,
  jsonResponse,
  messageResponse,
  sseFixtureResponse,
} from '../test-utils/chat';
import { readJsonFixture } from '../test-utils/sse';

const server = createTestServer({ [CHAT_URL]: {} });

// Warnings are asserted on results; keep the test output quiet.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

const weather = tool({
  description: 'Current weather',
  inputSchema: z.object({ city: z.string() }),
  execute: async ({ city }) => ({ city, tempC: 18 }),
});

/** A first step that calls the weather tool, optionally with reasoning. */
function toolCallResponse(reasoning?: string) {
  return jsonResponse(
    messageResponse(
      {
        content: null,
        ...(reasoning !== undefined ? { reasoning_content: reasoning } : {}),
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'weather', arguments: '{"city":"Paris"}' },
          },
        ],
      },
      'tool_calls',
    ),
  );
}

describe('generateText / streamText through ai@7', () => {
  it('generateText: text, usage and our user-agent next to ai’s', async () => {
    server.urls[CHAT_URL].response = jsonResponse(readJsonFixture('gemini-2.0-flash'));
    const result = await generateText({
      model: createTestProvider()('gemini-2.0-flash'),
      prompt: 'Describe the attachment.',
    });
    expect(result.text).toMatch(/^The image depicts two people in an office setting\./);
    expect(result.finishReason).toBe('stop');
    expect(result.usage).toMatchObject({ inputTokens: 1986, outputTokens: 83, totalTokens: 2069 });
    expect(result.response.modelId).toBe('gemini-2.0-flash');
    const ua = server.calls[0].requestUserAgent ?? '';
    expect(ua).toContain('ai-sdk-mixrouter/');
    expect(ua).toMatch(/\bai\/7\./);
  });

  it('streamText: text, reasoning and usage from the DeepSeek stream', async () => {
    server.urls[CHAT_URL].response = sseFixtureResponse('deepseek-reasoner');
    const result = streamText({ model: createTestProvider()('deepseek-reasoner'), prompt: 'Sum?' });
    let text = '';
    for await (const delta of result.textStream) text += delta;
    expect(text).toBe('The sum is 5050.');
    expect(await result.reasoningText).toBe('Pair 1 with 100, 50 pairs of 101.');
    expect(await result.finishReason).toBe('stop');
    expect(await result.usage).toMatchObject({
      inputTokens: 20,
      outputTokens: 120,
      outputTokenDetails: { reasoningTokens: 100, textTokens: 20 },
      inputTokenDetails: { cacheReadTokens: 16 },
    });
    expect((await server.calls[0].requestBodyJson).stream).toBe(true);
    expect(server.calls[0].requestUserAgent).toContain('ai-sdk-mixrouter/');
  });

  it('streamText: an interrupted stream keeps the partial text', async () => {
    server.urls[CHAT_URL].response = {
      type: 'stream-chunks',
      chunks: [
        'data: {"id":"a","model":"gpt-4o","choices":[{"delta":{"content":"Partial"}}]}\n\n',
        'data: [DONE]\n\n',
      ],
    };
    const result = streamText({ model: createTestProvider()('gpt-4o'), prompt: 'Hi' });
    expect(await result.text).toBe('Partial');
    expect(await result.finishReason).toBe('interrupted');
  });

  it('Output.object: json_schema in the body, parsed output', async () => {
    server.urls[CHAT_URL].response = jsonResponse(messageResponse({ content: '{"city":"Paris"}' }));
    const result = await generateText({
      model: createTestProvider()('gpt-4o'),
      prompt: 'Capital of France?',
      output: Output.object({ schema: z.object({ city: z.string() }) }),
    });
    expect(result.output).toEqual({ city: 'Paris' });
    expect((await server.calls[0].requestBodyJson).response_format).toMatchInlineSnapshot(`
      {
        "json_schema": {
          "name": "response",
          "schema": {
            "$schema": "http://json-schema.org/draft-07/schema#",
            "additionalProperties": false,
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
          "strict": false,
        },
        "type": "json_schema",
      }
    `);
  });

  it('Output.object on Claude: schema in the prompt, output still parsed', async () => {
    server.urls[CHAT_URL].response = jsonResponse(messageResponse({ content: '{"city":"Paris"}' }));
    const result = await generateText({
      model: createTestProvider()('claude-sonnet-4-5-20250929'),
      prompt: 'Capital of France?',
      output: Output.object({ schema: z.object({ city: z.string() }) }),
    });
    expect(result.output).toEqual({ city: 'Paris' });
    const body = await server.calls[0].requestBodyJson;
    expect(body).not.toHaveProperty('response_format');
    expect(body.messages[0].role).toBe('system');
    expect(body.messages[0].content).toContain('"city"');
    expect(result.warnings).toMatchObject([{ type: 'compatibility', feature: 'responseFormat' }]);
  });
});

describe('tool loops through ai@7', () => {
  it('gpt-4o: the second request carries the assistant tool_calls and the tool result', async () => {
    server.urls[CHAT_URL].response = [
      toolCallResponse(),
      jsonResponse(messageResponse({ content: 'It is 18°C in Paris.' })),
    ];
    const result = await generateText({
      model: createTestProvider()('gpt-4o'),
      tools: { weather },
      prompt: 'Weather in Paris?',
      stopWhen: isStepCount(3),
    });
    expect(result.text).toBe('It is 18°C in Paris.');
    expect(result.steps).toHaveLength(2);
    expect(result.steps[0]!.finishReason).toBe('tool-calls');
    expect(server.calls).toHaveLength(2);
    expect(await server.calls[1].requestBodyJson).toMatchInlineSnapshot(`
      {
        "messages": [
          {
            "content": "Weather in Paris?",
            "role": "user",
          },
          {
            "content": null,
            "role": "assistant",
            "tool_calls": [
              {
                "function": {
                  "arguments": "{"city":"Paris"}",
                  "name": "weather",
                },
                "id": "call_1",
                "type": "function",
              },
            ],
          },
          {
            "content": "{"city":"Paris","tempC":18}",
            "role": "tool",
            "tool_call_id": "call_1",
          },
        ],
        "model": "gpt-4o",
        "tool_choice": "auto",
        "tools": [
          {
            "function": {
              "description": "Current weather",
              "name": "weather",
              "parameters": {
                "$schema": "http://json-schema.org/draft-07/schema#",
                "additionalProperties": false,
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
        ],
      }
    `);
  });

  it('deepseek-reasoner: the second request carries reasoning_content', async () => {
    server.urls[CHAT_URL].response = [
      toolCallResponse('I need the weather tool.'),
      jsonResponse(messageResponse({ content: '18°C.', reasoning_content: 'Done.' })),
    ];
    const result = await generateText({
      model: createTestProvider()('deepseek-reasoner'),
      tools: { weather },
      prompt: 'Weather in Paris?',
      stopWhen: isStepCount(3),
    });
    expect(result.text).toBe('18°C.');
    const { messages } = await server.calls[1].requestBodyJson;
    expect(messages[1]).toEqual({
      role: 'assistant',
      content: null,
      reasoning_content: 'I need the weather tool.',
      tool_calls: [
        {
          id: 'call_1',
          type: 'function',
          function: { name: 'weather', arguments: '{"city":"Paris"}' },
        },
      ],
    });
    expect(messages[2]).toEqual({
      role: 'tool',
      tool_call_id: 'call_1',
      content: '{"city":"Paris","tempC":18}',
    });
  });

  it('gpt-5: the second request does not carry reasoning_content', async () => {
    server.urls[CHAT_URL].response = [
      toolCallResponse('Reasoning summary from the upstream.'),
      jsonResponse(messageResponse({ content: '18°C.' })),
    ];
    const result = await generateText({
      model: createTestProvider()('gpt-5'),
      tools: { weather },
      prompt: 'Weather in Paris?',
      stopWhen: isStepCount(3),
    });
    expect(result.steps[0]!.reasoningText).toBe('Reasoning summary from the upstream.');
    const body = await server.calls[1].requestBodyJson;
    expect(JSON.stringify(body)).not.toContain('reasoning_content');
    expect(body.messages[1]).toMatchObject({ role: 'assistant', tool_calls: [{ id: 'call_1' }] });
  });

  it('gemini-3-pro-preview: the thought signature is replayed on the next request', async () => {
    server.urls[CHAT_URL].response = [
      jsonResponse(readJsonFixture('gemini-3-pro-preview-tool-call')),
      jsonResponse(messageResponse({ content: '18°C.' })),
    ];
    await generateText({
      model: createTestProvider()('gemini-3-pro-preview'),
      tools: { get_weather: weather },
      prompt: 'Weather in Paris?',
      stopWhen: isStepCount(3),
    });
    const { messages } = await server.calls[1].requestBodyJson;
    expect(messages[1].tool_calls[0].extra_content).toEqual({
      google: { thought_signature: 'CiQB0e2Kb7Zq9sig==' },
    });
  });

  it('streamText tool loop over Claude streamed tool calls (indexes from 1)', async () => {
    server.urls[CHAT_URL].response = [
      sseFixtureResponse('claude-sonnet-4-5-tool-calls'),
      sseFixtureResponse('gpt-4o-text'),
    ];
    const result = streamText({
      model: createTestProvider()('claude-sonnet-4-5-20250929'),
      tools: {
        get_weather: weather,
        get_time: tool({
          inputSchema: z.object({ zone: z.string() }),
          execute: async ({ zone }) => `12:00 in ${zone}`,
        }),
      },
      prompt: 'Weather and time in Paris?',
      stopWhen: isStepCount(3),
    });
    expect(await result.text).toBe('Hello, world!');
    const { messages } = await server.calls[1].requestBodyJson;
    expect(messages.slice(1).map((m: { role: string }) => m.role)).toEqual([
      'assistant',
      'tool',
      'tool',
    ]);
    expect(messages[1].tool_calls.map((c: { id: string }) => c.id)).toEqual([
      'toolu_01A09q90qw90lq917835lq9',
      'toolu_01B7hSZxR1mKyQ8vWc3nGp2',
    ]);
    expect(messages[3].content).toBe('12:00 in Europe/Paris');
  });
});

describe('multimodal input through ai@7', () => {
  it('sends an image URL as is, and an audio file and a PDF inline', async () => {
    server.urls[CHAT_URL].response = jsonResponse(readJsonFixture('gemini-2.0-flash'));
    await generateText({
      model: createTestProvider()('gemini-2.5-flash'),
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Describe each attachment.' },
            { type: 'file', mediaType: 'image/jpeg', data: new URL('https://example.com/a.jpg') },
            {
              type: 'file',
              mediaType: 'audio/wav',
              data: new Uint8Array([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0]),
            },
            {
              type: 'file',
              mediaType: 'application/pdf',
              filename: 'report.pdf',
              data: new TextEncoder().encode('%PDF-1.7'),
            },
          ],
        },
      ],
    });
    expect((await server.calls[0].requestBodyJson).messages[0].content).toMatchInlineSnapshot(`
      [
        {
          "text": "Describe each attachment.",
          "type": "text",
        },
        {
          "image_url": {
            "url": "https://example.com/a.jpg",
          },
          "type": "image_url",
        },
        {
          "input_audio": {
            "data": "UklGRgAAAAA=",
            "format": "wav",
          },
          "type": "input_audio",
        },
        {
          "file": {
            "file_data": "data:application/pdf;base64,JVBERi0xLjc=",
            "filename": "report.pdf",
          },
          "type": "file",
        },
      ]
    `);
  });
});
