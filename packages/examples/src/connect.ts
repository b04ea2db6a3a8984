import { createMixRouter, type MixRouterProvider } from '@mixrouter/ai-sdk-provider';
import { startEmulator } from '@mixrouter/emulator';

/**
 * With MIXROUTER_API_KEY set, talk to the real gateway; otherwise start the local
 * emulator on 127.0.0.1. Either way, say which one it is.
 */
export async function connect(log: (line: string) => void): Promise<{
  provider: MixRouterProvider;
  live: boolean;
  close(): Promise<void>;
}> {
  if (process.env.MIXROUTER_API_KEY) {
    const provider = createMixRouter();
    log(
      `Talking to MixRouter at ${process.env.MIXROUTER_BASE_URL ?? 'https://api.mixrouter.com/v1'}`,
    );
    return { provider, live: true, close: async () => {} };
  }
  const emulator = await startEmulator();
  log(`No MIXROUTER_API_KEY set: using the local MixRouter emulator at ${emulator.baseURL}`);
  const provider = createMixRouter({ apiKey: emulator.apiKey, baseURL: emulator.baseURL });
  return { provider, live: false, close: () => emulator.close() };
}
