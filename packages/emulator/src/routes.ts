/** The route table: path patterns, auth mode and error style per route. */
import { handleMessages } from './anthropic-messages.ts';
import { handleSpeech, handleTranscription } from './audio.ts';
import { handleBillingSubscription, handleBillingUsage } from './billing.ts';
import { handleChatCompletions } from './chat-completions.ts';
import { type Ctx, type ErrorStyle, sendBytes } from './context.ts';
import { handleEmbeddings } from './embeddings.ts';
import { sendNotImplemented } from './errors.ts';
import { handleGeminiModelList, handleGenerateContent } from './gemini-native.ts';
import { handleImageEdits, handleImageGenerations } from './images.ts';
import { handleModelGet, handleModelList } from './models-list.ts';
import { handleRerank } from './rerank.ts';
import { handleResponses } from './responses-api.ts';
import {
  handleVideoContent,
  handleVideoGenerationGet,
  handleVideoGet,
  handleVideoSubmit,
} from './video-tasks.ts';

/**
 * none: public; bearer: Authorization only; anthropic: + x-api-key;
 * gemini: + x-goog-api-key / ?key= (protocol §1).
 */
export type AuthMode = 'none' | 'bearer' | 'anthropic' | 'gemini';

export interface Route {
  method: string;
  pattern: RegExp;
  auth: AuthMode;
  style: ErrorStyle;
  handler: (ctx: Ctx) => Promise<void> | void;
}

async function serveFile(ctx: Ctx): Promise<void> {
  const file = ctx.state.files.get(ctx.path);
  if (!file) {
    sendBytes(ctx, 404, 'text/plain; charset=utf-8', 'Not Found');
    return;
  }
  sendBytes(ctx, 200, file.contentType, file.body, { 'Cache-Control': 'public, max-age=3600' });
}

const GEMINI_METHOD = '(generateContent|streamGenerateContent|embedContent|batchEmbedContents)';

export const ROUTES: Route[] = [
  {
    method: 'GET',
    pattern: /^\/files\/(images|audio|videos)\/[^/]+$/,
    auth: 'none',
    style: 'openai',
    handler: serveFile,
  },
  {
    method: 'GET',
    pattern: /^\/v1\/models$/,
    auth: 'anthropic',
    style: 'openai',
    handler: handleModelList,
  },
  {
    method: 'GET',
    pattern: /^\/v1\/models\/([^/:]+)$/,
    auth: 'gemini',
    style: 'openai',
    handler: handleModelGet,
  },
  {
    method: 'POST',
    pattern: /^\/v1\/chat\/completions$/,
    auth: 'bearer',
    style: 'openai',
    handler: handleChatCompletions,
  },
  {
    method: 'POST',
    pattern: /^\/v1\/embeddings$/,
    auth: 'bearer',
    style: 'openai',
    handler: handleEmbeddings,
  },
  {
    method: 'POST',
    pattern: /^\/v1\/images\/generations$/,
    auth: 'bearer',
    style: 'openai',
    handler: handleImageGenerations,
  },
  {
    method: 'POST',
    pattern: /^\/v1\/images\/edits$/,
    auth: 'bearer',
    style: 'openai',
    handler: handleImageEdits,
  },
  {
    method: 'POST',
    pattern: /^\/v1\/images\/variations$/,
    auth: 'bearer',
    style: 'openai',
    handler: sendNotImplemented,
  },
  {
    method: 'POST',
    pattern: /^\/v1\/audio\/speech$/,
    auth: 'bearer',
    style: 'openai',
    handler: handleSpeech,
  },
  {
    method: 'POST',
    pattern: /^\/v1\/audio\/transcriptions$/,
    auth: 'bearer',
    style: 'openai',
    handler: (ctx) => handleTranscription(ctx, 'transcribe'),
  },
  {
    method: 'POST',
    pattern: /^\/v1\/audio\/translations$/,
    auth: 'bearer',
    style: 'openai',
    handler: (ctx) => handleTranscription(ctx, 'translate'),
  },
  {
    method: 'POST',
    pattern: /^\/v1\/responses$/,
    auth: 'bearer',
    style: 'openai',
    handler: handleResponses,
  },
  {
    method: 'POST',
    pattern: /^\/v1\/messages$/,
    auth: 'anthropic',
    style: 'anthropic',
    handler: handleMessages,
  },
  {
    method: 'POST',
    pattern: /^\/v1\/video\/generations$/,
    auth: 'bearer',
    style: 'task',
    handler: handleVideoSubmit,
  },
  {
    method: 'GET',
    pattern: /^\/v1\/video\/generations\/([^/]+)$/,
    auth: 'bearer',
    style: 'task',
    handler: handleVideoGenerationGet,
  },
  {
    method: 'POST',
    pattern: /^\/v1\/videos$/,
    auth: 'bearer',
    style: 'task',
    handler: handleVideoSubmit,
  },
  {
    method: 'GET',
    pattern: /^\/v1\/videos\/([^/]+)$/,
    auth: 'bearer',
    style: 'task',
    handler: handleVideoGet,
  },
  {
    method: 'GET',
    pattern: /^\/v1\/videos\/([^/]+)\/content$/,
    auth: 'bearer',
    style: 'task',
    handler: handleVideoContent,
  },
  {
    method: 'GET',
    pattern: /^\/v1beta\/models$/,
    auth: 'gemini',
    style: 'openai',
    handler: handleGeminiModelList,
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/v1beta/models/([^/:]+):${GEMINI_METHOD}$`),
    auth: 'gemini',
    style: 'openai',
    handler: handleGenerateContent,
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/v1/models/([^/:]+):${GEMINI_METHOD}$`),
    auth: 'gemini',
    style: 'openai',
    handler: handleGenerateContent,
  },
  {
    method: 'POST',
    pattern: /^\/v1\/rerank$/,
    auth: 'bearer',
    style: 'openai',
    handler: handleRerank,
  },
  {
    method: 'GET',
    pattern: /^(\/v1)?\/dashboard\/billing\/subscription$/,
    auth: 'bearer',
    style: 'openai',
    handler: handleBillingSubscription,
  },
  {
    method: 'GET',
    pattern: /^(\/v1)?\/dashboard\/billing\/usage$/,
    auth: 'bearer',
    style: 'openai',
    handler: handleBillingUsage,
  },
  {
    method: 'POST',
    pattern: /^\/v1\/files/,
    auth: 'bearer',
    style: 'openai',
    handler: sendNotImplemented,
  },
];

export function matchRoute(
  method: string,
  path: string,
): { route: Route; params: string[] } | undefined {
  for (const route of ROUTES) {
    if (route.method !== method && !(method === 'HEAD' && route.method === 'GET')) continue;
    const m = path.match(route.pattern);
    if (m) return { route, params: m.slice(1) };
  }
  return undefined;
}
