import type { FetchFunction } from '@ai-sdk/provider-utils';
import { createMixRouter } from '../../mixrouter-main';
import type { MixRouterProviderSettings } from '../../mixrouter-provider';
import { counterIds } from './stream-checks';

export const TEST_KEY = 'sk-reliability-SECRET-7f3a9c2e51b84d06';

export const USER_PROMPT = [
  { role: 'user' as const, content: [{ type: 'text' as const, text: 'hi' }] },
];

/** Every `ImageModelV4CallOptions` key must be present. */
export const IMAGE_CALL = {
  prompt: 'a cat',
  n: 1,
  size: undefined,
  aspectRatio: undefined,
  seed: undefined,
  files: undefined,
  mask: undefined,
  providerOptions: {},
};

/** Every `VideoModelV4CallOptions` key must be present. */
export const VIDEO_CALL = {
  prompt: 'waves at dusk',
  n: 1,
  aspectRatio: undefined,
  resolution: undefined,
  duration: undefined,
  fps: undefined,
  seed: undefined,
  image: undefined,
  frameImages: undefined,
  inputReferences: undefined,
  generateAudio: undefined,
  providerOptions: {},
};

export function testProvider(settings: MixRouterProviderSettings = {}) {
  return createMixRouter({ apiKey: TEST_KEY, generateId: counterIds(), ...settings });
}

/** A fetch that answers every request with the same status/body/headers. */
export function answerWith(
  status: number,
  body: string | object | undefined,
  headers: Record<string, string> = {},
): FetchFunction {
  return async () =>
    new Response(
      body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
      {
        status,
        headers:
          typeof body === 'object' ? { 'content-type': 'application/json', ...headers } : headers,
      },
    );
}

/** One call per model type, each returning the thrown error (or failing if none). */
export function callsForEveryModelType(provider: ReturnType<typeof testProvider>) {
  return {
    'chat generate': () => provider.chat('gpt-4o').doGenerate({ prompt: USER_PROMPT }),
    'chat stream': () => provider.chat('gpt-4o').doStream({ prompt: USER_PROMPT }),
    'messages route': () =>
      provider.messages('claude-sonnet-4-5-20250929').doGenerate({ prompt: USER_PROMPT }),
    'responses route': () =>
      provider.responses('gpt-5.1-codex').doGenerate({ prompt: USER_PROMPT }),
    'gemini route': () => provider.gemini('gemini-2.5-pro').doGenerate({ prompt: USER_PROMPT }),
    embedding: () => provider.embedding('text-embedding-3-small').doEmbed({ values: ['a'] }),
    image: () => provider.image('gpt-image-1').doGenerate(IMAGE_CALL),
    speech: () => provider.speech('tts-1').doGenerate({ text: 'hi' }),
    transcription: () =>
      provider
        .transcription('whisper-1')
        .doGenerate({ audio: new Uint8Array([1, 2, 3, 4]), mediaType: 'audio/wav' }),
    'video submit': () => provider.video('veo-3.1-generate-preview').doStart!(VIDEO_CALL),
    'video status': () =>
      provider.video('veo-3.1-generate-preview').doStatus!({
        operation: { taskId: 't1', endpoint: 'video/generations' },
      }),
    reranking: () =>
      provider.reranking('bge-reranker-v2-m3').doRerank({
        documents: { type: 'text', values: ['a', 'b'] },
        query: 'q',
      }),
    'list models': () => provider.listModels(),
    credits: () => provider.getCredits(),
  } satisfies Record<string, () => PromiseLike<unknown>>;
}

export async function errorOf(call: () => PromiseLike<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}
