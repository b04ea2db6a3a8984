/**
 * The web chat's HTTP server (Hono on Node): the built page from `dist/`, the chat route
 * and the models route.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { handleChatRequest } from './web-chat-chat-route';
import type { WebChatGateway } from './web-chat-gateway';
import { loadModels } from './web-chat-models';

export const WEB_CHAT_DIST = resolve(import.meta.dirname, '..', 'dist');

/** Attachments travel as data URLs inside the JSON body: allow a few large images or PDFs. */
const MAX_CHAT_BODY_BYTES = 32 * 1024 * 1024;

/** The picker's first choice unless WEB_CHAT_MODEL names another. */
const DEFAULT_MODEL = 'gpt-4o';

export function createWebChatApp({
  gateway,
  staticDir = WEB_CHAT_DIST,
  preferredModel = process.env.WEB_CHAT_MODEL ?? DEFAULT_MODEL,
}: {
  gateway: WebChatGateway;
  staticDir?: string;
  preferredModel?: string;
}): Hono {
  if (!existsSync(resolve(staticDir, 'index.html'))) {
    throw new Error(
      `The page is not built (${staticDir}/index.html is missing): run \`pnpm --filter @mixrouter/web-chat build\`.`,
    );
  }
  const app = new Hono();
  app.get('/api/models', async (c) =>
    c.json(
      await loadModels({
        provider: gateway.provider,
        target: gateway.target,
        baseURL: gateway.baseURL,
        preferredModel,
        abortSignal: c.req.raw.signal,
      }),
    ),
  );
  app.post(
    '/api/chat',
    bodyLimit({
      maxSize: MAX_CHAT_BODY_BYTES,
      onError: (c) => c.json({ error: 'The message and its attachments are too large.' }, 413),
    }),
    (c) => handleChatRequest(c.req.raw, gateway),
  );
  app.use('/*', serveStatic({ root: staticDir }));
  return app;
}

export interface RunningWebChat {
  url: string;
  close(): Promise<void>;
}

export function startWebChatServer({
  gateway,
  port = 0,
  host = '127.0.0.1',
  staticDir,
}: {
  gateway: WebChatGateway;
  port?: number;
  host?: string;
  staticDir?: string;
}): Promise<RunningWebChat> {
  const app = createWebChatApp({ gateway, staticDir });
  return new Promise((resolveStart, rejectStart) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => {
      const shownHost = info.address.includes(':') ? `[${info.address}]` : info.address;
      resolveStart({
        url: `http://${shownHost}:${info.port}/`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Streams still open (an answer in flight) must not keep the process alive.
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', rejectStart);
  });
}
