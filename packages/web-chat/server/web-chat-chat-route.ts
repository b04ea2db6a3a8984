/**
 * `POST /api/chat`: the AI SDK UI round trip. The page sends its UI messages plus the
 * model picked for this turn; the answer streams back as a UI message stream with
 * reasoning, sources, tool calls and results, files, and per-answer metadata (model,
 * usage, warnings). Errors reach the page as JSON in the stream's error text.
 */
import { getMixRouterModelInfo, isMixRouterError } from '@mixrouter/ai-sdk-provider';
import {
  APICallError,
  convertToModelMessages,
  isStepCount,
  RetryError,
  safeValidateUIMessages,
  streamText,
  type UIMessage,
} from 'ai';
import { z } from 'zod';
import {
  type ChatErrorPayload,
  type ChatMessageMetadata,
  SIMULATIONS,
} from '../src/web-chat-types';
import type { WebChatGateway } from './web-chat-gateway';
import { webChatTools } from './web-chat-tools';

const MAX_STEPS = 5;

const requestSchema = z.object({
  messages: z.array(z.unknown()).min(1).max(200),
  model: z.string().min(1).max(200),
  simulate: z.enum(SIMULATIONS).optional(),
});

const INSTRUCTIONS =
  'You are a helpful assistant in a demo chat. Use the weather tool for weather questions and ' +
  'the calculator for arithmetic; say that weather reports are demo data.';

/** What the page shows for a failed answer: the gateway's own message and its kind. */
export function describeChatError(error: unknown): ChatErrorPayload {
  // After retries the SDK wraps the last failure; the page wants the gateway's words.
  const cause = RetryError.isInstance(error) ? (error.lastError ?? error) : error;
  if (isMixRouterError(cause)) {
    return { kind: cause.kind, message: cause.message, statusCode: cause.statusCode };
  }
  if (APICallError.isInstance(cause)) {
    return { kind: 'api-call', message: cause.message, statusCode: cause.statusCode };
  }
  return { kind: 'error', message: cause instanceof Error ? cause.message : String(cause) };
}

type Warning = { type: string; feature?: string; details?: string; message?: string };

export function formatWarning(warning: Warning): string {
  if (warning.message !== undefined) return warning.message;
  const head = `${warning.type}: ${warning.feature ?? 'setting'}`;
  return warning.details ? `${head} — ${warning.details}` : head;
}

function jsonError(status: number, message: string): Response {
  return Response.json({ error: message }, { status });
}

export async function handleChatRequest(
  request: Request,
  gateway: WebChatGateway,
): Promise<Response> {
  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    return jsonError(400, 'The request body is not JSON.');
  }
  const parsed = requestSchema.safeParse(raw);
  if (!parsed.success) return jsonError(400, `Invalid chat request: ${parsed.error.message}`);
  const { model, simulate } = parsed.data;

  const info = getMixRouterModelInfo(model);
  if (info.kind !== 'chat') {
    return jsonError(400, `${model} is a ${info.kind} model, not a chat model.`);
  }
  const tools = info.tools ? webChatTools : undefined;
  const validated = await safeValidateUIMessages<UIMessage>({
    messages: parsed.data.messages,
    tools,
  });
  if (!validated.success) return jsonError(400, `Invalid messages: ${validated.error.message}`);

  const result = streamText({
    model: gateway.provider(model),
    instructions: INSTRUCTIONS,
    messages: await convertToModelMessages(validated.data, {
      tools,
      ignoreIncompleteToolCalls: true,
    }),
    tools,
    stopWhen: isStepCount(MAX_STEPS),
    headers: gateway.simulationHeaders(simulate),
    // The page's stop button aborts the fetch; the gateway request is aborted with it.
    abortSignal: request.signal,
    // One line in the server log instead of the SDK's default dump; the page gets the details.
    onError: ({ error }) => {
      if (request.signal.aborted) return; // the page stopped the answer
      const { kind, message } = describeChatError(error);
      console.warn(`web-chat: ${model}: ${kind}: ${message}`);
    },
  });

  const warnings: string[] = [];
  let steps = 0;
  return result.toUIMessageStreamResponse({
    sendReasoning: true,
    sendSources: true,
    onError: (error) => JSON.stringify(describeChatError(error)),
    messageMetadata: ({ part }): ChatMessageMetadata | undefined => {
      switch (part.type) {
        case 'start':
          return { model, startedAt: Date.now() };
        case 'start-step': {
          steps++;
          if (part.warnings.length === 0) return undefined;
          warnings.push(...part.warnings.map((w) => formatWarning(w as Warning)));
          return { warnings: [...warnings] };
        }
        case 'finish': {
          const usage = part.totalUsage;
          return {
            finishReason: part.finishReason,
            steps,
            usage: {
              inputTokens: usage.inputTokens,
              outputTokens: usage.outputTokens,
              reasoningTokens: usage.outputTokenDetails.reasoningTokens,
              cachedInputTokens: usage.inputTokenDetails.cacheReadTokens,
              totalTokens: usage.totalTokens,
            },
          };
        }
        default:
          return undefined;
      }
    },
  });
}
