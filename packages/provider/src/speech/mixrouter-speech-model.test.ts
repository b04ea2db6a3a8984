import { APICallError, InvalidArgumentError } from '@ai-sdk/provider';
import { createTestServer, TestResponseController } from '@ai-sdk/test-server/with-vitest';
import { generateSpeech } from 'ai';
import { describe, expect, it } from 'vitest';
import { isMixRouterError } from '../mixrouter-error';
import urlFixture from './__fixtures__/qwen3-tts-flash-url.json';
import successFalseFixture from './__fixtures__/speech-error-success-false.json';
import { MixRouterSpeechModel, type MixRouterSpeechModelConfig } from './mixrouter-speech-model';

const BASE = 'https://api.mixrouter.test/v1';
const SPEECH = `${BASE}/audio/speech`;
const AUDIO_URL = urlFixture.data.audio_url;
const server = createTestServer({ [SPEECH]: {}, [AUDIO_URL]: {} });

// "ID3" header: ai sniffs audio/mpeg; "RIFF....WAVE": audio/wav
const MP3 = Buffer.from([0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0, 0, 0, 0]);
const WAV = Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'binary');
const TIMESTAMP = new Date('2026-01-01T00:00:00Z');

const config: MixRouterSpeechModelConfig = {
  provider: 'mixrouter.speech',
  baseURL: BASE,
  url: (path) => `${BASE}${path}`,
  headers: () => ({ Authorization: 'Bearer sk-test' }),
  _internal: { currentDate: () => TIMESTAMP },
};

const tts = new MixRouterSpeechModel('gpt-4o-mini-tts', config);
const qwen = new MixRouterSpeechModel('qwen3-tts-flash', config);

describe('MixRouterSpeechModel', () => {
  it('exposes the V4 metadata', () => {
    expect(tts.specificationVersion).toBe('v4');
    expect(tts.provider).toBe('mixrouter.speech');
    expect(tts.modelId).toBe('gpt-4o-mini-tts');
  });

  it('posts the speech body and returns audio bytes', async () => {
    server.urls[SPEECH].response = {
      type: 'binary',
      body: MP3,
      headers: { 'content-type': 'audio/mpeg', 'x-oneapi-request-id': 'req-s' },
    };
    const result = await tts.doGenerate({
      text: 'Hello there',
      outputFormat: 'MP3',
      speed: 1.25,
      instructions: 'Cheerful',
    });
    const sent = await server.calls[0].requestBodyJson;
    expect(sent).toMatchInlineSnapshot(`
      {
        "input": "Hello there",
        "instructions": "Cheerful",
        "model": "gpt-4o-mini-tts",
        "response_format": "mp3",
        "speed": 1.25,
        "voice": "alloy",
      }
    `);
    expect(server.calls[0].requestHeaders.authorization).toBe('Bearer sk-test');
    expect(Buffer.from(result.audio as Uint8Array)).toEqual(MP3);
    expect(result.warnings).toEqual([]);
    expect(result.providerMetadata).toEqual({ mixrouter: { mediaType: 'audio/mpeg' } });
    expect(result.response).toMatchObject({
      timestamp: TIMESTAMP,
      modelId: 'gpt-4o-mini-tts',
      headers: expect.objectContaining({ 'x-oneapi-request-id': 'req-s' }),
    });
    expect(JSON.parse(result.request?.body as string)).toEqual(sent);
  });

  it('treats application/octet-stream as audio', async () => {
    server.urls[SPEECH].response = {
      type: 'binary',
      body: WAV,
      headers: { 'content-type': 'application/octet-stream' },
    };
    const result = await qwen.doGenerate({ text: 'hi', voice: 'Cherry' });
    expect(Buffer.from(result.audio as Uint8Array)).toEqual(WAV);
  });

  it('downloads the JSON audio_url without Authorization (other origin)', async () => {
    server.urls[SPEECH].response = { type: 'json-value', body: urlFixture };
    server.urls[AUDIO_URL].response = {
      type: 'binary',
      body: WAV,
      headers: { 'content-type': 'audio/wav' },
    };
    const result = await qwen.doGenerate({ text: '你好', voice: 'Cherry' });
    expect(server.calls[1].requestUrl).toBe(AUDIO_URL);
    expect(server.calls[1].requestHeaders.authorization).toBeUndefined();
    expect(Buffer.from(result.audio as Uint8Array)).toEqual(WAV);
    expect(result.providerMetadata).toEqual({
      mixrouter: { audioUrl: AUDIO_URL, mediaType: 'audio/wav' },
    });
    expect(result.response.body).toEqual(urlFixture);
  });

  it('turns a JSON success:false payload into an APICallError with the gateway message', async () => {
    server.urls[SPEECH].response = { type: 'json-value', body: successFalseFixture };
    const error = await qwen.doGenerate({ text: 'hi', voice: 'Cherryy' }).catch((e) => e);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.message).toContain('voice Cherryy not found');
    expect(error.isRetryable).toBe(false);
  });

  it('turns a JSON {"error":…} payload (HTTP 200) into an APICallError', async () => {
    server.urls[SPEECH].response = {
      type: 'json-value',
      body: { error: { message: '该令牌额度已用尽', code: 'insufficient_user_quota' } },
    };
    const error = await qwen.doGenerate({ text: 'hi' }).catch((e) => e);
    expect(isMixRouterError(error)).toBe(true);
    expect(error.kind).toBe('insufficient-quota');
    expect(error.message).toContain('该令牌额度已用尽');
  });

  it('maps HTTP errors', async () => {
    server.urls[SPEECH].response = {
      type: 'error',
      status: 401,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ error: { message: 'Invalid token', type: 'new_api_error' } }),
    };
    const error = await tts.doGenerate({ text: 'hi' }).catch((e) => e);
    expect(isMixRouterError(error)).toBe(true);
    expect(error.statusCode).toBe(401);
  });

  it('rejects JSON without an audio URL and HTML pretending to be audio', async () => {
    server.urls[SPEECH].response = { type: 'json-value', body: { success: true, data: {} } };
    await expect(qwen.doGenerate({ text: 'hi' })).rejects.toThrow(/without an audio URL/);

    server.urls[SPEECH].response = {
      type: 'binary',
      body: Buffer.from('<html>maintenance</html>'),
      headers: { 'content-type': 'text/html' },
    };
    await expect(qwen.doGenerate({ text: 'hi' })).rejects.toThrow(/text\/html instead of audio/);
  });

  it('warns about an unsupported outputFormat and language', async () => {
    server.urls[SPEECH].response = {
      type: 'binary',
      body: MP3,
      headers: { 'content-type': 'audio/mpeg' },
    };
    const result = await tts.doGenerate({ text: 'hi', outputFormat: 'ogg', language: 'fr' });
    expect((await server.calls[0].requestBodyJson).response_format).toBeUndefined();
    expect(result.warnings.map((w) => ('feature' in w ? w.feature : w.type))).toEqual([
      'outputFormat',
      'language',
    ]);
  });

  it('passes responseFormat and extraBody from the provider options', async () => {
    server.urls[SPEECH].response = {
      type: 'binary',
      body: MP3,
      headers: { 'content-type': 'audio/mpeg' },
    };
    await new MixRouterSpeechModel('eleven_v3', config).doGenerate({
      text: 'hi',
      voice: 'Rachel',
      providerOptions: {
        mixrouter: { responseFormat: 'mp3_44100_128', extraBody: { stability: 0.4 } },
      },
    });
    expect(await server.calls[0].requestBodyJson).toMatchInlineSnapshot(`
      {
        "input": "hi",
        "model": "eleven_v3",
        "response_format": "mp3_44100_128",
        "stability": 0.4,
        "voice": "Rachel",
      }
    `);
  });

  it('rejects invalid provider options before any request', async () => {
    await expect(
      tts.doGenerate({ text: 'hi', providerOptions: { mixrouter: { extraBody: 'x' } } }),
    ).rejects.toSatisfy(InvalidArgumentError.isInstance);
    expect(server.calls).toHaveLength(0);
  });

  it('aborts promptly while downloading the audio URL', async () => {
    server.urls[SPEECH].response = { type: 'json-value', body: urlFixture };
    const controller = new TestResponseController();
    server.urls[AUDIO_URL].response = { type: 'controlled-stream', controller };
    const abort = new AbortController();
    const promise = qwen.doGenerate({ text: 'hi', abortSignal: abort.signal });
    await controller.write('RIFF');
    setTimeout(() => abort.abort(), 10);
    await expect(promise).rejects.toThrow(/abort/i);
  });

  describe('through ai', () => {
    it('generateSpeech with audio bytes', async () => {
      server.urls[SPEECH].response = {
        type: 'binary',
        body: MP3,
        headers: { 'content-type': 'audio/mpeg' },
      };
      const { audio } = await generateSpeech({
        model: tts,
        text: 'Hello',
        voice: 'nova',
        maxRetries: 0,
      });
      expect(audio.mediaType).toBe('audio/mpeg');
      expect(Buffer.from(audio.uint8Array)).toEqual(MP3);
      expect(server.calls[0].requestUserAgent).toMatch(/ai\/7.* ai-sdk-mixrouter\//);
    });

    it('generateSpeech with a JSON audio_url', async () => {
      server.urls[SPEECH].response = { type: 'json-value', body: urlFixture };
      server.urls[AUDIO_URL].response = {
        type: 'binary',
        body: WAV,
        headers: { 'content-type': 'audio/wav' },
      };
      const { audio, providerMetadata } = await generateSpeech({
        model: qwen,
        text: '你好',
        voice: 'Cherry',
        maxRetries: 0,
      });
      expect(audio.mediaType).toBe('audio/wav');
      expect(providerMetadata.mixrouter.audioUrl).toBe(AUDIO_URL);
    });
  });
});
