/**
 * The implementations under test and one function per (implementation, way of calling):
 * each consumes a response completely and returns what it saw, so every run is also a
 * correctness check. Nothing here times anything.
 */

import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type {
  LanguageModelV4,
  LanguageModelV4FunctionTool,
  LanguageModelV4Prompt,
  LanguageModelV4StreamPart,
} from '@ai-sdk/provider';
import { createMixRouter } from '@mixrouter/ai-sdk-provider';
import { createOpenRouter } from '@openrouter/ai-sdk-provider';
import { generateText, type ModelMessage, streamText, type ToolSet, tool } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';
import { z } from 'zod';
import {
  assistantText,
  buildV4Parts,
  imageBytes,
  imageSlots,
  LOOKUP_JSON_SCHEMA,
  modelFor,
  type RequestScenario,
  STREAM_PROMPT,
  type StreamScenario,
  TOOL_NAME,
  toolDescription,
  toolSchema,
  userText,
} from './fixtures';

// Warnings would print on every call and disturb the timing.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

export const API_KEY = 'sk-bench-0000000000000000';

export type ProviderName = 'mixrouter' | 'openai-compatible' | 'openrouter';

export const PROVIDERS: Array<{ name: ProviderName; pkg: string; label: string }> = [
  {
    name: 'mixrouter',
    pkg: '@mixrouter/ai-sdk-provider',
    label: 'this package (`createMixRouter`)',
  },
  {
    name: 'openai-compatible',
    pkg: '@ai-sdk/openai-compatible',
    label: '`createOpenAICompatible`',
  },
  { name: 'openrouter', pkg: '@openrouter/ai-sdk-provider', label: '`createOpenRouter`' },
];

/** A chat model of one provider, pointed at `baseURL` (which ends in `/v1`). */
export function createModel(name: ProviderName, baseURL: string, modelId: string): LanguageModelV4 {
  switch (name) {
    case 'mixrouter':
      return createMixRouter({ apiKey: API_KEY, baseURL })(modelId);
    case 'openai-compatible':
      return createOpenAICompatible({
        name: 'mixrouter',
        baseURL,
        apiKey: API_KEY,
        includeUsage: true,
      })(modelId);
    case 'openrouter':
      return createOpenRouter({ apiKey: API_KEY, baseURL })(modelId);
  }
}

/** What a consumer saw; compared with `expectedOutput` of the scenario. */
export type Seen = {
  text: number;
  reasoning: number;
  toolCalls: number;
  toolArgs: number;
  errors: number;
  finish: string | undefined;
};

function emptySeen(): Seen {
  return { text: 0, reasoning: 0, toolCalls: 0, toolArgs: 0, errors: 0, finish: undefined };
}

/**
 * Memory scenario: keeps the text the way an application would, and lets the caller
 * sample memory from inside the consumer loop (a timer alone would miss sources that
 * never yield to the event loop, like the mock model).
 */
export type Sink = { keepText: boolean; text: string; onDelta?: () => void };

// ---------------------------------------------------------------------------------------
// Streaming

export type StreamTask =
  | { kind: 'floor' }
  | { kind: 'core' }
  | { kind: 'streamText'; provider: ProviderName }
  | { kind: 'doStream'; provider: ProviderName };

export function streamTaskName(t: StreamTask): string {
  return t.kind === 'floor' || t.kind === 'core' ? t.kind : `${t.provider}:${t.kind}`;
}

export function streamTasks(): StreamTask[] {
  const tasks: StreamTask[] = [{ kind: 'floor' }, { kind: 'core' }];
  for (const p of PROVIDERS) {
    tasks.push({ kind: 'streamText', provider: p.name });
    tasks.push({ kind: 'doStream', provider: p.name });
  }
  return tasks;
}

const streamTools: ToolSet = {
  [TOOL_NAME]: tool({
    description: 'Looks up a city.',
    inputSchema: z.object({ city: z.string(), days: z.number(), notes: z.string() }),
  }),
};

const v4StreamTools: LanguageModelV4FunctionTool[] = [
  {
    type: 'function',
    name: TOOL_NAME,
    description: 'Looks up a city.',
    inputSchema: LOOKUP_JSON_SCHEMA as never,
  },
];

/**
 * Replays pre-built parts on demand, `MOCK_BATCH` per pull — about what one 64 KB socket
 * read yields from a real provider — so the core sees a provider-like, pulled source.
 */
const MOCK_BATCH = 400;

function arrayStream<T>(items: readonly T[]): ReadableStream<T> {
  let next = 0;
  return new ReadableStream<T>(
    {
      pull(controller) {
        const end = Math.min(items.length, next + MOCK_BATCH);
        for (; next < end; next++) controller.enqueue(items[next]!);
        if (next >= items.length) controller.close();
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * A stream runner for one task and scenario. The mock model of the `core` task and the
 * provider models are created once, outside the timed call.
 */
export function createStreamRunner(
  task: StreamTask,
  scenario: StreamScenario,
  baseURL: string,
): (sink?: Sink) => Promise<Seen> {
  const modelId = modelFor(scenario);
  const withTools = scenario.kind === 'mixed';
  switch (task.kind) {
    case 'floor':
      return (sink) => floorStream(`${baseURL}/chat/completions`, modelId, sink);
    case 'core': {
      const parts = buildV4Parts(scenario);
      const model = new MockLanguageModelV4({
        provider: 'mock',
        modelId,
        doStream: async () => ({ stream: arrayStream(parts) }),
      });
      return (sink) => viaStreamText(model, withTools, sink);
    }
    case 'streamText': {
      const model = createModel(task.provider, baseURL, modelId);
      return (sink) => viaStreamText(model, withTools, sink);
    }
    case 'doStream': {
      const model = createModel(task.provider, baseURL, modelId);
      return (sink) => viaDoStream(model, withTools, sink);
    }
  }
}

async function viaStreamText(
  model: LanguageModelV4,
  withTools: boolean,
  sink?: Sink,
): Promise<Seen> {
  const seen = emptySeen();
  const result = streamText({
    model,
    prompt: 'Write a long answer.',
    tools: withTools ? streamTools : undefined,
    maxRetries: 0,
    onError: () => {},
  });
  for await (const part of result.fullStream) {
    switch (part.type) {
      case 'text-delta':
        seen.text += part.text.length;
        if (sink?.keepText) {
          sink.text += part.text;
          sink.onDelta?.();
        }
        break;
      case 'reasoning-delta':
        seen.reasoning += part.text.length;
        break;
      case 'tool-input-delta':
        seen.toolArgs += part.delta.length;
        break;
      case 'tool-call':
        seen.toolCalls++;
        break;
      case 'error':
        seen.errors++;
        break;
      case 'finish':
        seen.finish = part.finishReason;
        break;
    }
  }
  return seen;
}

async function viaDoStream(model: LanguageModelV4, withTools: boolean, sink?: Sink): Promise<Seen> {
  const seen = emptySeen();
  const { stream } = await model.doStream({
    prompt: STREAM_PROMPT,
    tools: withTools ? v4StreamTools : undefined,
    includeRawChunks: false,
  });
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    countV4Part(value, seen, sink);
  }
  return seen;
}

function countV4Part(part: LanguageModelV4StreamPart, seen: Seen, sink?: Sink): void {
  switch (part.type) {
    case 'text-delta':
      seen.text += part.delta.length;
      if (sink?.keepText) {
        sink.text += part.delta;
        sink.onDelta?.();
      }
      break;
    case 'reasoning-delta':
      seen.reasoning += part.delta.length;
      break;
    case 'tool-input-delta':
      seen.toolArgs += part.delta.length;
      break;
    case 'tool-call':
      seen.toolCalls++;
      break;
    case 'error':
      seen.errors++;
      break;
    case 'finish':
      seen.finish = part.finishReason.unified;
      break;
  }
}

/**
 * The floor: raw `fetch`, a minimal SSE line splitter and `JSON.parse` per chunk — no AI
 * SDK at all. It keeps what a real consumer needs (text, reasoning, tool arguments by
 * index, the finish reason) and nothing else.
 */
async function floorStream(url: string, model: string, sink?: Sink): Promise<Seen> {
  const seen = emptySeen();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` },
    body: JSON.stringify({
      model,
      messages: [{ role: 'user', content: 'Write a long answer.' }],
      stream: true,
      stream_options: { include_usage: true },
    }),
  });
  if (!response.ok || response.body === null) throw new Error(`floor: HTTP ${response.status}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const toolIds = new Set<number>();
  let partial = '';
  let done = false;
  while (!done) {
    const { done: end, value } = await reader.read();
    if (end) break;
    const text = partial + decoder.decode(value, { stream: true });
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      const line = text.slice(start, nl);
      start = nl + 1;
      if (!line.startsWith('data: ')) continue;
      const data = line.slice(6);
      if (data === '[DONE]') {
        done = true;
        break;
      }
      const chunk = JSON.parse(data);
      const choice = chunk.choices?.[0];
      if (choice === undefined) continue;
      const delta = choice.delta;
      if (typeof delta?.content === 'string') {
        seen.text += delta.content.length;
        if (sink?.keepText) {
          sink.text += delta.content;
          sink.onDelta?.();
        }
      }
      if (typeof delta?.reasoning_content === 'string')
        seen.reasoning += delta.reasoning_content.length;
      if (Array.isArray(delta?.tool_calls)) {
        for (const call of delta.tool_calls) {
          toolIds.add(call.index);
          seen.toolArgs += call.function?.arguments?.length ?? 0;
        }
      }
      if (choice.finish_reason) seen.finish = choice.finish_reason;
    }
    partial = text.slice(start);
  }
  if (!done) reader.cancel().catch(() => {});
  seen.toolCalls = toolIds.size;
  if (seen.finish === 'tool_calls') seen.finish = 'tool-calls';
  return seen;
}

// ---------------------------------------------------------------------------------------
// Request building

export type RequestTask =
  | { kind: 'floor' }
  | { kind: 'generateText'; provider: ProviderName }
  | { kind: 'doGenerate'; provider: ProviderName };

export function requestTaskName(t: RequestTask): string {
  return t.kind === 'floor' ? 'floor' : `${t.provider}:${t.kind}`;
}

export function requestTasks(): RequestTask[] {
  const tasks: RequestTask[] = [{ kind: 'floor' }];
  for (const p of PROVIDERS) {
    tasks.push({ kind: 'generateText', provider: p.name });
    tasks.push({ kind: 'doGenerate', provider: p.name });
  }
  return tasks;
}

export type RequestSeen = { text: string; requestBytes: number };

type RequestInputs = {
  messages: ModelMessage[];
  prompt: LanguageModelV4Prompt;
  tools: ToolSet;
  v4Tools: LanguageModelV4FunctionTool[];
  images: Uint8Array[];
  wireMessages: (images: string[]) => unknown[];
};

/** The large prompt in the three shapes the tasks need: `ai` messages, a V4 prompt, wire JSON. */
export function buildRequestInputs(r: RequestScenario): RequestInputs {
  const slots = imageSlots(r);
  const images: Uint8Array[] = [];
  const messages: ModelMessage[] = [];
  const prompt: LanguageModelV4Prompt = [];
  for (let i = 0; i < r.messages; i++) {
    if (i % 2 === 1) {
      messages.push({ role: 'assistant', content: assistantText(i) });
      prompt.push({ role: 'assistant', content: [{ type: 'text', text: assistantText(i) }] });
      continue;
    }
    if (slots.has(i)) {
      const bytes = imageBytes(images.length, r.imageBytes);
      images.push(bytes);
      messages.push({
        role: 'user',
        content: [
          { type: 'text', text: userText(i) },
          { type: 'image', image: bytes, mediaType: 'image/png' },
        ],
      });
      prompt.push({
        role: 'user',
        content: [
          { type: 'text', text: userText(i) },
          { type: 'file', mediaType: 'image/png', data: { type: 'data', data: bytes } },
        ],
      });
    } else {
      messages.push({ role: 'user', content: userText(i) });
      prompt.push({ role: 'user', content: [{ type: 'text', text: userText(i) }] });
    }
  }
  const tools: ToolSet = {};
  const v4Tools: LanguageModelV4FunctionTool[] = [];
  for (let t = 0; t < r.tools; t++) {
    tools[`tool_${t}`] = tool({
      description: toolDescription(t),
      inputSchema: z.object({
        query: z.string().describe(`What tool ${t} should look up.`),
        limit: z.number().int().min(1).max(50).optional(),
        filters: z
          .object({ region: z.enum(['eu', 'us', 'apac']).optional(), since: z.string().optional() })
          .strict()
          .optional(),
      }),
    });
    v4Tools.push({
      type: 'function',
      name: `tool_${t}`,
      description: toolDescription(t),
      inputSchema: toolSchema(t) as never,
    });
  }
  const wireMessages = (dataUrls: string[]) => {
    let image = 0;
    return prompt.map((m) => {
      if (m.role !== 'user')
        return { role: m.role, content: (m.content[0] as { text: string }).text };
      if (m.content.length === 1)
        return { role: 'user', content: (m.content[0] as { text: string }).text };
      return {
        role: 'user',
        content: [
          { type: 'text', text: (m.content[0] as { text: string }).text },
          { type: 'image_url', image_url: { url: dataUrls[image++] } },
        ],
      };
    });
  };
  return { messages, prompt, tools, v4Tools, images, wireMessages };
}

export function createRequestRunner(
  task: RequestTask,
  inputs: RequestInputs,
  baseURL: string,
  modelId: string,
): () => Promise<RequestSeen> {
  switch (task.kind) {
    case 'floor':
      return async () => {
        const dataUrls = inputs.images.map(
          (b) => `data:image/png;base64,${Buffer.from(b).toString('base64')}`,
        );
        const body = JSON.stringify({
          model: modelId,
          messages: inputs.wireMessages(dataUrls),
          tools: inputs.v4Tools.map((t) => ({
            type: 'function',
            function: { name: t.name, description: t.description, parameters: t.inputSchema },
          })),
        });
        const response = await fetch(`${baseURL}/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` },
          body,
        });
        const json = (await response.json()) as {
          choices: Array<{ message: { content: string } }>;
        };
        return {
          text: json.choices[0]!.message.content,
          requestBytes: Number(response.headers.get('x-bench-request-bytes')),
        };
      };
    case 'generateText': {
      const model = createModel(task.provider, baseURL, modelId);
      return async () => {
        const result = await generateText({
          model,
          messages: inputs.messages,
          tools: inputs.tools,
          maxRetries: 0,
        });
        return {
          text: result.text,
          requestBytes: Number(result.response.headers?.['x-bench-request-bytes']),
        };
      };
    }
    case 'doGenerate': {
      const model = createModel(task.provider, baseURL, modelId);
      return async () => {
        const result = await model.doGenerate({ prompt: inputs.prompt, tools: inputs.v4Tools });
        const text = result.content.find((c) => c.type === 'text');
        return {
          text: text?.type === 'text' ? text.text : '',
          requestBytes: Number(result.response?.headers?.['x-bench-request-bytes']),
        };
      };
    }
  }
}
