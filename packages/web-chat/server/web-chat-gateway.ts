/**
 * Where the chat's requests go: the real MixRouter API when `MIXROUTER_API_KEY` is set,
 * otherwise a local emulator started on an ephemeral loopback port.
 */
import {
  createMixRouter,
  MIXROUTER_DEFAULT_BASE_URL,
  type MixRouterProvider,
} from '@mixrouter/ai-sdk-provider';
import { startEmulator } from '@mixrouter/emulator';
import type { GatewayTarget, Simulation } from '../src/web-chat-types';

export interface WebChatGateway {
  target: GatewayTarget;
  baseURL: string;
  provider: MixRouterProvider;
  /** Extra request headers for a simulated gateway condition (emulator only). */
  simulationHeaders(simulation: Simulation | undefined): Record<string, string>;
  close(): Promise<void>;
}

/** Pause between streamed chunks on the emulator, so answers visibly stream and can be stopped. */
const EMULATOR_CHUNK_DELAY_MS = 25;

const EMULATOR_FAULTS: Record<Exclude<Simulation, 'none'>, string> = {
  quota: '403-quota',
  'rate-limit': '429',
};

export async function openWebChatGateway(
  env: Record<string, string | undefined> = process.env,
): Promise<WebChatGateway> {
  if (env.MIXROUTER_API_KEY) {
    const baseURL = env.MIXROUTER_BASE_URL ?? MIXROUTER_DEFAULT_BASE_URL;
    return {
      target: 'mixrouter',
      baseURL,
      provider: createMixRouter({ apiKey: env.MIXROUTER_API_KEY, baseURL }),
      // The real gateway cannot be asked to fail; the page hides the control.
      simulationHeaders: () => ({}),
      close: async () => {},
    };
  }
  const emulator = await startEmulator({ port: 0, host: '127.0.0.1' });
  return {
    target: 'emulator',
    baseURL: emulator.baseURL,
    provider: createMixRouter({ apiKey: emulator.apiKey, baseURL: emulator.baseURL }),
    simulationHeaders(simulation) {
      const headers: Record<string, string> = {
        'x-emulator-chunk-delay-ms': String(EMULATOR_CHUNK_DELAY_MS),
      };
      if (simulation !== undefined && simulation !== 'none') {
        headers['x-emulator-fault'] = EMULATOR_FAULTS[simulation];
      }
      return headers;
    },
    close: () => emulator.close(),
  };
}
