import type {
  LanguageModelV4CallOptions,
  LanguageModelV4Prompt,
  LanguageModelV4StreamPart,
  LanguageModelV4ToolResultOutput,
} from '@ai-sdk/provider';
import { convertReadableStreamToArray, mockId } from '@ai-sdk/provider-utils/test';
import type { UrlResponse } from '@ai-sdk/test-server/with-vitest';
import { createMixRouter } from '../mixrouter-main';
import type { MixRouterProviderSettings } from '../mixrouter-provider';
import { type SseOptions, sseFixture, toSseEvents } from './sse';

export const TEST_BASE_URL = 'https://api.mixrouter.test/v1';
export const CHAT_URL = `${TEST_BASE_URL}/chat/completions`;
export const TEST_API_KEY = 'sk-test';

export const TEST_PROMPT: LanguageModelV4Prompt = [
  { role: 'user', content: [{ type: 'text', text: 'Hello' }] },
];

/** One tool-call round as the AI SDK replays it: question, reasoning + call, tool result. */
export function toolRoundPrompt({
  question,
  reasoning,
  callId,
  output,
}: {
  question: string;
  reasoning: string;
  callId: string;
  output: LanguageModelV4ToolResultOutput;
}): LanguageModelV4Prompt {
  return [
    { role: 'user', content: [{ type: 'text', text: question }] },
    {
      role: 'assistant',
      content: [
        { type: 'reasoning', text: reasoning },
        { type: 'tool-call', toolCallId: callId, toolName: 'weather', input: { city: 'Paris' } },
      ],
    },
    {
      role: 'tool',
      content: [{ type: 'tool-result', toolCallId: callId, toolName: 'weather', output }],
    },
  ];
}

/** The provider under test, with a fresh deterministic id generator (`id-0`, `id-1`, …). */
export function createTestProvider(settings: MixRouterProviderSettings = {}) {
  return createMixRouter({
    apiKey: TEST_API_KEY,
    baseURL: TEST_BASE_URL,
    generateId: mockId(),
    ...settings,
  });
}

/** A chat model from a fresh test provider. */
export function testModel(modelId: string) {
  return createTestProvider().chat(modelId);
}

/** Call options with the test prompt; override any field. */
export function callOptions(
  overrides: Partial<LanguageModelV4CallOptions> = {},
): LanguageModelV4CallOptions {
  return { prompt: TEST_PROMPT, ...overrides };
}

/** Runs `doStream` and collects every part. */
export async function streamParts(
  modelId: string,
  overrides: Partial<LanguageModelV4CallOptions> = {},
): Promise<LanguageModelV4StreamPart[]> {
  const { stream } = await testModel(modelId).doStream(callOptions(overrides));
  return convertReadableStreamToArray(stream);
}

/** A JSON 200 response. */
export function jsonResponse(body: unknown, headers?: Record<string, string>): UrlResponse {
  return { type: 'json-value', body: body as never, headers };
}

/** An SSE response from a recorded `.chunks.txt` fixture. */
export function sseFixtureResponse(
  name: string,
  options?: SseOptions,
  headers?: Record<string, string>,
): UrlResponse {
  return { type: 'stream-chunks', chunks: sseFixture(name, options), headers };
}

/** An SSE response from chunk objects. */
export function sseResponse(chunks: unknown[], options?: SseOptions): UrlResponse {
  return {
    type: 'stream-chunks',
    chunks: toSseEvents(
      chunks.map((chunk) => JSON.stringify(chunk)),
      options,
    ),
  };
}

/** A gateway error response (JSON body by default). */
export function errorResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): UrlResponse {
  return {
    type: 'error',
    status,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers:
      typeof body === 'string' ? headers : { 'content-type': 'application/json', ...headers },
  };
}

/** A minimal streamed chunk with one delta (OpenAI shape). */
export function deltaChunk(
  delta: Record<string, unknown>,
  finishReason: string | null = null,
  extra: Record<string, unknown> = {},
) {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion.chunk',
    created: 1767268800,
    model: 'test-model',
    choices: [{ index: 0, delta, finish_reason: finishReason }],
    ...extra,
  };
}

/** A minimal non-stream response with one message (OpenAI shape). */
export function messageResponse(
  message: Record<string, unknown>,
  finishReason: string | null = 'stop',
  extra: Record<string, unknown> = {},
) {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 1767268800,
    model: 'test-model',
    choices: [
      { index: 0, message: { role: 'assistant', ...message }, finish_reason: finishReason },
    ],
    usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 },
    ...extra,
  };
}

/** Only the part types of a stream, for order checks. */
export function partTypes(parts: LanguageModelV4StreamPart[]): string[] {
  return parts.map((part) => part.type);
}

/** One stream part type. */
export type StreamPartOf<T extends LanguageModelV4StreamPart['type']> = Extract<
  LanguageModelV4StreamPart,
  { type: T }
>;

/** The parts of one type, typed. */
export function partsOfType<T extends LanguageModelV4StreamPart['type']>(
  parts: LanguageModelV4StreamPart[],
  type: T,
): Array<StreamPartOf<T>> {
  return parts.filter((part): part is StreamPartOf<T> => part.type === type);
}

/** The final `finish` part; throws when the stream did not end with one. */
export function finishPart(parts: LanguageModelV4StreamPart[]): StreamPartOf<'finish'> {
  const last = parts.at(-1);
  if (last?.type !== 'finish') throw new Error(`stream did not end with finish: ${last?.type}`);
  return last;
}
