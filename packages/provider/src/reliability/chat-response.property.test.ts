import { readFileSync } from 'node:fs';
import {
  AISDKError,
  APICallError,
  InvalidResponseDataError,
  type LanguageModelV4Content,
  type LanguageModelV4GenerateResult,
} from '@ai-sdk/provider';
import { DownloadError } from '@ai-sdk/provider-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMixRouter } from '../mixrouter-main';
import { readJsonFixture } from '../test-utils/sse';
import { applyMutations, mutationsArb } from './helpers/json-mutations';
import { counterIds, readAll, streamContractViolations } from './helpers/stream-checks';

const BASE_URL = 'https://api.mixrouter.test/v1';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const WAV = new Uint8Array([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x41, 0x56, 0x45]);

const CHAT_FIXTURES = [
  'claude-opus-4-5-budget-thinking',
  'claude-sonnet-4-5-tool-calls',
  'deepseek-reasoner',
  'gemini-2.0-flash',
  'gemini-2.5-flash-image-markdown',
  'gemini-2.5-flash-image',
  'gemini-3-pro-preview-tool-call',
  'gpt-4o-annotations',
  'gpt-4o-audio-preview',
  'kimi-k2-tool-call-stop',
  'minimax-m2-think',
  'qwen2.5-vl-72b-instruct-doc-example',
  'qwen3-max',
].map((name) => readJsonFixture(name));

function fixture(path: string): unknown {
  return JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8'));
}

/**
 * A provider whose fetch answers the API route with `body` (JSON) and any other URL
 * (a download) with a small file.
 */
function providerAnswering(body: unknown, { contentType = 'application/json' } = {}) {
  return createMixRouter({
    apiKey: 'sk-mutation-test',
    baseURL: BASE_URL,
    generateId: counterIds(),
    fetch: async (input) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.includes('/files/') || !url.startsWith(BASE_URL)) {
        return new Response(url.includes('.wav') ? WAV : PNG, { status: 200 });
      }
      return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
        status: 200,
        headers: { 'content-type': contentType },
      });
    },
  });
}

// (A SyntaxError from JSON.parse is a legitimate cause of "not JSON" errors.)
const NATIVE_ERROR_TYPES = [TypeError, RangeError, ReferenceError];

/**
 * A failure must be one of the AI SDK's own errors with a readable message — never a
 * `TypeError` (or similar) from inside the package, and never the wrapper provider-utils
 * puts around a crash in a response handler ("Failed to process successful response").
 */
function expectCleanError(error: unknown, allowed: Array<{ isInstance(e: unknown): boolean }>) {
  if (!allowed.some((kind) => kind.isInstance(error))) {
    throw new Error(
      `unexpected error type: ${(error as Error)?.name}: ${(error as Error)?.message}\n${(error as Error)?.stack}`,
    );
  }
  const message = (error as Error).message;
  expect(typeof message).toBe('string');
  expect(message.trim().length).toBeGreaterThan(0);
  expect(message).not.toContain('[object Object]');
  expect(message).not.toMatch(/^Failed to process/);
  const cause = (error as { cause?: unknown }).cause;
  for (const native of NATIVE_ERROR_TYPES) {
    if (cause instanceof native && !AISDKError.isInstance(cause)) {
      throw new Error(
        `${(error as Error).name} wraps a ${native.name}: ${(cause as Error).message}\n${(cause as Error).stack}`,
      );
    }
  }
}

const UNIFIED = new Set([
  'stop',
  'length',
  'content-filter',
  'tool-calls',
  'error',
  'interrupted',
  'other',
]);

function expectNumberOrUndefined(value: unknown) {
  if (value !== undefined) {
    expect(typeof value).toBe('number');
    expect(Number.isFinite(value)).toBe(true);
  }
}

function expectWellFormedContent(content: LanguageModelV4Content[]) {
  for (const part of content) {
    switch (part.type) {
      case 'text':
      case 'reasoning':
        expect(typeof part.text).toBe('string');
        break;
      case 'tool-call':
        expect(typeof part.toolCallId).toBe('string');
        expect(typeof part.toolName).toBe('string');
        expect(part.toolName.length).toBeGreaterThan(0);
        expect(typeof part.input).toBe('string');
        break;
      case 'file':
        expect(typeof part.mediaType).toBe('string');
        if (part.data.type === 'data')
          expect(typeof part.data.data === 'string' || part.data.data instanceof Uint8Array).toBe(
            true,
          );
        else if (part.data.type === 'url')
          expect(['http:', 'https:']).toContain(part.data.url.protocol);
        else throw new Error(`unexpected file data ${(part.data as { type: string }).type}`);
        break;
      case 'source':
        expect(part.sourceType === 'url' ? typeof part.url : 'string').toBe('string');
        break;
      default:
        throw new Error(`unexpected content part ${part.type}`);
    }
  }
}

function expectWellFormedResult(result: LanguageModelV4GenerateResult) {
  expect(Array.isArray(result.content)).toBe(true);
  expectWellFormedContent(result.content);
  expect(UNIFIED.has(result.finishReason.unified)).toBe(true);
  const { inputTokens, outputTokens } = result.usage;
  for (const value of [...Object.values(inputTokens), ...Object.values(outputTokens)])
    expectNumberOrUndefined(value);
  const timestamp = result.response?.timestamp;
  if (timestamp !== undefined) {
    expect(timestamp).toBeInstanceOf(Date);
    expect(Number.isFinite(timestamp.getTime())).toBe(true);
  }
  // Provider metadata must be JSON (it is persisted in message histories).
  expect(() => JSON.stringify(result.providerMetadata)).not.toThrow();
}

const CHAT_MODELS = ['gpt-4o', 'claude-sonnet-4-5', 'deepseek-reasoner', 'gemini-2.5-flash-image'];

describe('non-stream chat: mutated bodies give a result or a clean AI SDK error', () => {
  it('random mutations of recorded gateway bodies (doGenerate)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CHAT_FIXTURES),
        mutationsArb,
        fc.constantFrom(...CHAT_MODELS),
        async (seed, mutations, modelId) => {
          const body = applyMutations(seed, mutations);
          const model = providerAnswering(body).chat(modelId);
          let result: LanguageModelV4GenerateResult;
          try {
            result = await model.doGenerate({
              prompt: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
            });
          } catch (error) {
            expectCleanError(error, [APICallError, InvalidResponseDataError]);
            return;
          }
          expectWellFormedResult(result);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the same bodies answered to a stream request as application/json keep the stream contract', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHAT_FIXTURES), mutationsArb, async (seed, mutations) => {
        const body = applyMutations(seed, mutations);
        const model = providerAnswering(body).chat('gpt-4o');
        let stream: ReadableStream<import('@ai-sdk/provider').LanguageModelV4StreamPart>;
        try {
          ({ stream } = await model.doStream({
            prompt: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
          }));
        } catch (error) {
          expectCleanError(error, [APICallError, InvalidResponseDataError]);
          return;
        }
        const parts = await readAll(stream);
        expect(streamContractViolations(parts)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('bodies that are not chat responses at all', async () => {
    const bodies: unknown[] = [
      null,
      0,
      'text',
      [],
      [{}],
      {},
      { choices: {} },
      { choices: [{ message: 'hi' }] },
      '<html>502</html>',
      '',
    ];
    for (const body of bodies) {
      const model = providerAnswering(typeof body === 'string' ? body : JSON.stringify(body)).chat(
        'gpt-4o',
      );
      try {
        expectWellFormedResult(
          await model.doGenerate({
            prompt: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
          }),
        );
      } catch (error) {
        expectCleanError(error, [APICallError, InvalidResponseDataError]);
      }
    }
  });

  it('a created time outside the Date range gives no timestamp rather than an Invalid Date', async () => {
    const body = { ...(CHAT_FIXTURES[11] as object), created: 1e300 };
    const result = await providerAnswering(body)
      .chat('gpt-4o')
      .doGenerate({
        prompt: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
      });
    expect(result.response?.timestamp).toBeUndefined();
  });
});

describe('non-stream media models: mutated bodies give a result or a clean AI SDK error', () => {
  const MEDIA_ERRORS = [APICallError, InvalidResponseDataError, DownloadError];

  it('embeddings', async () => {
    const seeds = [
      fixture('embedding/__fixtures__/embeddings-float.json'),
      fixture('embedding/__fixtures__/embeddings-base64.json'),
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...seeds), mutationsArb, async (seed, mutations) => {
        const model = providerAnswering(applyMutations(seed, mutations)).embedding(
          'text-embedding-3-small',
        );
        try {
          const result = await model.doEmbed({ values: ['a', 'b'] });
          expect(result.embeddings).toHaveLength(2);
          for (const vector of result.embeddings)
            for (const x of vector) expect(typeof x).toBe('number');
          expectNumberOrUndefined(result.usage?.tokens);
        } catch (error) {
          expectCleanError(error, MEDIA_ERRORS);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('images (b64, same-origin URL, CDN URL)', async () => {
    const seeds = [
      fixture('image/__fixtures__/gateway-built-mixed.json'),
      fixture('image/__fixtures__/gpt-image-b64.json'),
      fixture('image/__fixtures__/dall-e-3-url.json'),
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...seeds), mutationsArb, async (seed, mutations) => {
        const model = providerAnswering(applyMutations(seed, mutations)).image('gpt-image-1');
        try {
          const result = await model.doGenerate({
            prompt: 'a cat',
            n: 1,
            size: undefined,
            aspectRatio: undefined,
            seed: undefined,
            files: undefined,
            mask: undefined,
            providerOptions: {},
          });
          for (const image of result.images)
            expect(typeof image === 'string' || image instanceof Uint8Array).toBe(true);
          expect(() => JSON.stringify(result.providerMetadata)).not.toThrow();
        } catch (error) {
          expectCleanError(error, MEDIA_ERRORS);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('speech (JSON audio_url answer)', async () => {
    const seeds = [
      fixture('speech/__fixtures__/qwen3-tts-flash-url.json'),
      fixture('speech/__fixtures__/speech-error-success-false.json'),
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...seeds), mutationsArb, async (seed, mutations) => {
        const model = providerAnswering(applyMutations(seed, mutations)).speech('qwen3-tts-flash');
        try {
          const result = await model.doGenerate({ text: '你好' });
          expect(result.audio instanceof Uint8Array || typeof result.audio === 'string').toBe(true);
        } catch (error) {
          expectCleanError(error, MEDIA_ERRORS);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('transcription', async () => {
    const seeds = [
      fixture('transcription/__fixtures__/whisper-verbose.json'),
      fixture('transcription/__fixtures__/gpt-4o-transcribe-json.json'),
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...seeds), mutationsArb, async (seed, mutations) => {
        const model = providerAnswering(applyMutations(seed, mutations)).transcription('whisper-1');
        try {
          const result = await model.doGenerate({ audio: WAV, mediaType: 'audio/wav' });
          expect(typeof result.text).toBe('string');
          for (const segment of result.segments) {
            expect(typeof segment.text).toBe('string');
            expectNumberOrUndefined(segment.startSecond);
          }
          expectNumberOrUndefined(result.durationInSeconds);
        } catch (error) {
          expectCleanError(error, MEDIA_ERRORS);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('video task status', async () => {
    const seeds = [
      'openai-video-completed',
      'openai-video-failed',
      'envelope-success-result-url',
      'envelope-failure',
      'envelope-vendor-only',
      'envelope-dec25-fail-reason-url',
      'flat-gemini-succeeded',
    ].map((name) => fixture(`video/__fixtures__/${name}.json`));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...seeds), mutationsArb, async (seed, mutations) => {
        const model = providerAnswering(applyMutations(seed, mutations)).video(
          'veo-3.1-generate-preview',
        );
        if (model.doStatus === undefined) throw new Error('video model has no doStatus');
        try {
          const result = await model.doStatus({
            operation: { taskId: 'task_A', endpoint: 'video/generations' },
          });
          expect(['pending', 'completed', 'error']).toContain(result.status);
          if (result.status === 'error') expect(typeof result.error).toBe('string');
          expect(() => JSON.stringify(result.providerMetadata)).not.toThrow();
        } catch (error) {
          expectCleanError(error, MEDIA_ERRORS);
        }
      }),
      { numRuns: 60 },
    );
  });
});
