/**
 * `npm run web`: serves the chat on http://127.0.0.1:<PORT> (default 5180). Talks to the
 * real MixRouter API when MIXROUTER_API_KEY is set, otherwise to a local emulator.
 */
import { openWebChatGateway } from './web-chat-gateway';
import { startWebChatServer } from './web-chat-server';

const port = Number(process.env.PORT ?? 5180);
const host = process.env.HOST ?? '127.0.0.1';

const gateway = await openWebChatGateway();
const chat = await startWebChatServer({ gateway, port, host });
const where =
  gateway.target === 'mixrouter'
    ? `the MixRouter API at ${gateway.baseURL} (MIXROUTER_API_KEY is set)`
    : `the local MixRouter emulator at ${gateway.baseURL} (set MIXROUTER_API_KEY to use the real API)`;
console.log(`MixRouter web chat: ${chat.url}\nanswers come from ${where}`);

const shutdown = async () => {
  await chat.close();
  await gateway.close();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
