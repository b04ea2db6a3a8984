import { InvalidArgumentError } from '@ai-sdk/provider';
import type { FetchFunction } from '@ai-sdk/provider-utils';
import { createTestServer, TestResponseController } from '@ai-sdk/test-server/with-vitest';
import { transcribe } from 'ai';
import { describe, expect, it } from 'vitest';
import { isMixRouterError } from '../mixrouter-error';
import plainFixture from './__fixtures__/gpt-4o-transcribe-json.json';
import verboseFixture from './__fixtures__/whisper-verbose.json';
import { mapTranscriptionLanguage } from './map-transcription-language';
import {
  MixRouterTranscriptionModel,
  type MixRouterTranscriptionModelConfig,
} from './mixrouter-transcription-model';

const BASE = 'https://api.mixrouter.test/v1';
const TRANSCRIPTIONS = `${BASE}/audio/transcriptions`;
const server = createTestServer({ [TRANSCRIPTIONS]: {} });

const WAV = new Uint8Array(Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'binary'));
const TIMESTAMP = new Date('2026-01-01T00:00:00Z');

function setup(modelId: string) {
  const forms: FormData[] = [];
  const fetch: FetchFunction = async (input, init) => {
    if (init?.body instanceof FormData) forms.push(init.body);
    return globalThis.fetch(input, init);
  };
  const config: MixRouterTranscriptionModelConfig = {
    provider: 'mixrouter.transcription',
    baseURL: BASE,
    url: (path) => `${BASE}${path}`,
    headers: () => ({ Authorization: 'Bearer sk-test' }),
    fetch,
    _internal: { currentDate: () => TIMESTAMP },
  };
  return { model: new MixRouterTranscriptionModel(modelId, config), forms };
}

function describeForm(form: FormData) {
  return [...form.entries()].map(([key, value]) => [
    key,
    typeof value === 'string' ? value : `<file ${value.name} ${value.type} ${value.size}B>`,
  ]);
}

describe('MixRouterTranscriptionModel', () => {
  it('exposes the V4 metadata', () => {
    const { model } = setup('whisper-1');
    expect(model.specificationVersion).toBe('v4');
    expect(model.provider).toBe('mixrouter.transcription');
    expect(model.modelId).toBe('whisper-1');
  });

  it('uploads the file as multipart verbose_json and maps segments, words, language, duration', async () => {
    server.urls[TRANSCRIPTIONS].response = {
      type: 'json-value',
      body: verboseFixture,
      headers: { 'x-oneapi-request-id': 'req-t' },
    };
    const { model, forms } = setup('whisper-1');
    const result = await model.doGenerate({
      audio: WAV,
      mediaType: 'audio/wav',
      timestampGranularities: ['segment', 'word'],
      providerOptions: { mixrouter: { language: 'en', prompt: 'Greetings', temperature: 0 } },
    });

    expect(server.calls[0].requestHeaders.authorization).toBe('Bearer sk-test');
    expect(describeForm(forms[0])).toMatchInlineSnapshot(`
      [
        [
          "file",
          "<file audio.wav audio/wav 16B>",
        ],
        [
          "model",
          "whisper-1",
        ],
        [
          "response_format",
          "verbose_json",
        ],
        [
          "language",
          "en",
        ],
        [
          "prompt",
          "Greetings",
        ],
        [
          "temperature",
          "0",
        ],
        [
          "timestamp_granularities[]",
          "segment",
        ],
        [
          "timestamp_granularities[]",
          "word",
        ],
      ]
    `);
    expect(result).toMatchObject({
      text: 'Hello world. How are you?',
      segments: [
        { text: ' Hello world.', startSecond: 0, endSecond: 1.4 },
        { text: ' How are you?', startSecond: 1.4, endSecond: 3.52 },
      ],
      words: [
        { text: 'Hello', startSecond: 0, endSecond: 0.5 },
        { text: 'world', startSecond: 0.5, endSecond: 1.4 },
      ],
      language: 'en',
      durationInSeconds: 3.52,
      warnings: [],
      usage: { type: 'duration', seconds: 4 },
      providerMetadata: { mixrouter: { language: 'english' } },
      response: {
        timestamp: TIMESTAMP,
        modelId: 'whisper-1',
        headers: expect.objectContaining({ 'x-oneapi-request-id': 'req-t' }),
        body: verboseFixture,
      },
    });
  });

  it('accepts plain json {text} (no segments) and uses json for gpt-4o-transcribe', async () => {
    server.urls[TRANSCRIPTIONS].response = { type: 'json-value', body: plainFixture };
    const { model, forms } = setup('gpt-4o-transcribe');
    const result = await model.doGenerate({
      audio: Buffer.from(WAV).toString('base64'),
      mediaType: 'audio/mpeg',
      timestampGranularities: ['word'],
    });
    expect(forms[0].get('response_format')).toBe('json');
    expect((forms[0].get('file') as File).name).toBe('audio.mp3');
    expect(forms[0].getAll('timestamp_granularities[]')).toEqual([]);
    expect(result.text).toBe('Bonjour tout le monde.');
    expect(result.segments).toEqual([]);
    expect(result.words).toBeUndefined();
    expect(result.language).toBeUndefined();
    expect(result.durationInSeconds).toBeUndefined();
    expect(result.warnings).toEqual([
      {
        type: 'unsupported',
        feature: 'timestampGranularities',
        details:
          'Timestamps need response_format verbose_json, which gpt-4o-transcribe does not support.',
      },
    ]);
  });

  it('reads text/srt answers as text', async () => {
    server.urls[TRANSCRIPTIONS].response = {
      type: 'binary',
      body: Buffer.from('1\n00:00:00,000 --> 00:00:01,400\nHello world.\n'),
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    };
    const { model } = setup('whisper-1');
    const result = await model.doGenerate({
      audio: WAV,
      mediaType: 'audio/wav',
      providerOptions: { mixrouter: { responseFormat: 'srt' } },
    });
    expect(result.text).toContain('Hello world.');
  });

  it('names files by media type and sniffs a generic one', async () => {
    server.urls[TRANSCRIPTIONS].response = { type: 'json-value', body: { text: 'x' } };
    const { model, forms } = setup('whisper-1');
    await model.doGenerate({ audio: WAV, mediaType: 'audio/webm' });
    await model.doGenerate({ audio: WAV, mediaType: 'audio' });
    expect((forms[0].get('file') as File).name).toBe('audio.webm');
    expect((forms[1].get('file') as File).name).toBe('audio.wav');
  });

  it('maps gateway errors, also inside HTTP 200', async () => {
    const { model } = setup('whisper-1');
    server.urls[TRANSCRIPTIONS].response = {
      type: 'error',
      status: 429,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ error: { message: 'slow down', type: 'new_api_error' } }),
    };
    const httpError = await model
      .doGenerate({ audio: WAV, mediaType: 'audio/wav' })
      .catch((e) => e);
    expect(isMixRouterError(httpError)).toBe(true);
    expect(httpError.isRetryable).toBe(true);

    server.urls[TRANSCRIPTIONS].response = {
      type: 'json-value',
      body: { error: { message: 'audio too long', code: 'invalid_request' } },
    };
    const okError = await model.doGenerate({ audio: WAV, mediaType: 'audio/wav' }).catch((e) => e);
    expect(okError.message).toContain('audio too long');
    expect(okError.isRetryable).toBe(false);
  });

  it('rejects invalid provider options before any request', async () => {
    const { model } = setup('whisper-1');
    await expect(
      model.doGenerate({
        audio: WAV,
        mediaType: 'audio/wav',
        providerOptions: { mixrouter: { temperature: 3 } },
      }),
    ).rejects.toSatisfy(InvalidArgumentError.isInstance);
    expect(server.calls).toHaveLength(0);
  });

  it('aborts promptly', async () => {
    const controller = new TestResponseController();
    server.urls[TRANSCRIPTIONS].response = { type: 'controlled-stream', controller };
    const { model } = setup('whisper-1');
    const abort = new AbortController();
    const promise = model.doGenerate({
      audio: WAV,
      mediaType: 'audio/wav',
      abortSignal: abort.signal,
    });
    setTimeout(() => abort.abort(), 10);
    await expect(promise).rejects.toThrow(/abort/i);
  });

  it('maps language names to ISO-639-1', () => {
    expect(mapTranscriptionLanguage('english')).toBe('en');
    expect(mapTranscriptionLanguage('Chinese')).toBe('zh');
    expect(mapTranscriptionLanguage('FR')).toBe('fr');
    expect(mapTranscriptionLanguage('pt-BR')).toBe('pt');
    expect(mapTranscriptionLanguage('klingon')).toBeUndefined();
    expect(mapTranscriptionLanguage(null)).toBeUndefined();
  });

  it('works through transcribe', async () => {
    server.urls[TRANSCRIPTIONS].response = { type: 'json-value', body: verboseFixture };
    const { model } = setup('whisper-1');
    const result = await transcribe({ model, audio: WAV, maxRetries: 0 });
    expect(result.text).toBe('Hello world. How are you?');
    expect(result.segments).toHaveLength(2);
    expect(result.language).toBe('en');
    expect(result.durationInSeconds).toBe(3.52);
    expect(server.calls[0].requestUserAgent).toMatch(/ai\/7.* ai-sdk-mixrouter\//);
  });
});
