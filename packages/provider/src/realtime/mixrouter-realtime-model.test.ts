import { UnsupportedFunctionalityError } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import type { MixRouterConfig } from '../mixrouter-config';
import { createMixRouter } from '../mixrouter-main';
import betaEvents from './__fixtures__/beta-text-turn.json';
import { toBetaSession } from './mixrouter-realtime-beta-protocol';
import { MixRouterRealtimeModel, mixrouterRealtimeUrl } from './mixrouter-realtime-model';

const provider = createMixRouter({
  apiKey: 'sk-test',
  baseURL: 'https://api.mixrouter.test/v1',
  headers: { 'X-Title': 'my-app' },
});

async function model(protocol?: 'beta' | 'ga') {
  const m = provider.experimental_realtime('gpt-4o-realtime-preview', { protocol });
  await m.ready;
  return m;
}

describe('mixrouterRealtimeUrl', () => {
  it('maps http(s) to ws(s) and puts the model in the query', () => {
    expect(
      mixrouterRealtimeUrl('https://api.mixrouter.com/v1/realtime', 'gpt-4o-realtime-preview'),
    ).toBe('wss://api.mixrouter.com/v1/realtime?model=gpt-4o-realtime-preview');
    expect(mixrouterRealtimeUrl('http://127.0.0.1:8080/gw/v1/realtime?tenant=t', 'a b&c')).toBe(
      'ws://127.0.0.1:8080/gw/v1/realtime?tenant=t&model=a+b%26c',
    );
  });
});

describe('MixRouterRealtimeModel', () => {
  it('is a server-websocket-only V4 realtime model', async () => {
    const m = await model();
    expect(m).toMatchObject({
      specificationVersion: 'v4',
      provider: 'mixrouter.realtime',
      modelId: 'gpt-4o-realtime-preview',
      protocol: 'beta',
      capabilities: { conversation: 'turn-based', connections: ['server-websocket'] },
    });
    expect('getWebSocketConfig' in m).toBe(false);
  });

  it('getServerWebSocketConfig: wss URL, Bearer key, user agent, extra headers, no subprotocol', async () => {
    const connection = await (await model()).getServerWebSocketConfig();
    expect(connection.url).toBe(
      'wss://api.mixrouter.test/v1/realtime?model=gpt-4o-realtime-preview',
    );
    expect(connection.headers.authorization ?? connection.headers.Authorization).toBe(
      'Bearer sk-test',
    );
    expect(connection.headers['user-agent']).toContain('ai-sdk-mixrouter/');
    expect(connection.headers['x-title'] ?? connection.headers['X-Title']).toBe('my-app');
    const names = Object.keys(connection.headers).map((name) => name.toLowerCase());
    expect(names).not.toContain('sec-websocket-protocol');
    expect(connection.protocols).toBeUndefined();
  });

  it('fails at connection time, naming MIXROUTER_API_KEY, when no key is set', async () => {
    const saved = process.env.MIXROUTER_API_KEY;
    delete process.env.MIXROUTER_API_KEY;
    try {
      const m = createMixRouter({ baseURL: 'https://x.test/v1' }).experimental_realtime('m');
      await expect(m.getServerWebSocketConfig()).rejects.toThrow(/MIXROUTER_API_KEY/);
    } finally {
      if (saved !== undefined) process.env.MIXROUTER_API_KEY = saved;
    }
  });

  it('refuses browser tokens with an UnsupportedFunctionalityError that says to relay', async () => {
    const token = await provider.experimental_realtime
      .getToken({ model: 'gpt-4o-realtime-preview' })
      .catch((e: unknown) => e);
    const secret = await (await model()).doCreateClientSecret().catch((e: unknown) => e);
    for (const error of [token, secret]) {
      expect(UnsupportedFunctionalityError.isInstance(error)).toBe(true);
      expect((error as Error).message).toMatch(/relay the session through a server/i);
    }
  });

  it('refuses the transcription intent (new-api routes by ?model= only)', async () => {
    const m = await model();
    await expect(m.getServerWebSocketConfig({ intent: 'transcription' })).rejects.toSatisfy(
      UnsupportedFunctionalityError.isInstance,
    );
  });

  it('builds a beta session.update from the AI SDK session config', async () => {
    const m = await model();
    const event = await m.serializeClientEvent({
      type: 'session-update',
      config: {
        instructions: 'Be brief.',
        voice: 'verse',
        outputModalities: ['audio'],
        inputAudioFormat: { type: 'audio/pcm', rate: 24000 },
        outputAudioFormat: { type: 'audio/pcm', rate: 24000 },
        inputAudioTranscription: { model: 'whisper-1' },
        turnDetection: { type: 'disabled' },
        tools: [{ type: 'function', name: 'now', parameters: { type: 'object' } }],
      },
    });
    expect(event).toEqual({
      type: 'session.update',
      session: {
        instructions: 'Be brief.',
        modalities: ['text', 'audio'],
        voice: 'verse',
        input_audio_format: 'pcm16',
        output_audio_format: 'pcm16',
        input_audio_transcription: { model: 'whisper-1' },
        turn_detection: null,
        tools: [{ type: 'function', name: 'now', parameters: { type: 'object' } }],
        tool_choice: 'auto',
      },
    });
    expect(m.buildSessionConfig({ outputModalities: ['text'] })).toEqual({ modalities: ['text'] });
  });

  it('rejects audio formats the beta protocol does not have', () => {
    expect(() =>
      toBetaSession({ audio: { input: { format: { type: 'audio/pcm', rate: 16000 } } } }),
    ).toThrow(/24000 Hz, got 16000/);
  });

  it('serialises items and response.create for the beta protocol', async () => {
    const m = await model();
    expect(
      await m.serializeClientEvent({
        type: 'conversation-item-create',
        item: { type: 'text-message', role: 'user', text: 'Hi' },
      }),
    ).toEqual({
      type: 'conversation.item.create',
      item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Hi' }] },
    });
    expect(
      await m.serializeClientEvent({ type: 'response-create', options: { modalities: ['audio'] } }),
    ).toEqual({ type: 'response.create', response: { modalities: ['text', 'audio'] } });
    expect(await m.serializeClientEvent({ type: 'input-audio-append', audio: 'AAAA' })).toEqual({
      type: 'input_audio_buffer.append',
      audio: 'AAAA',
    });
    await expect(m.serializeClientEvent({ type: 'session-close' })).rejects.toSatisfy(
      UnsupportedFunctionalityError.isInstance,
    );
  });

  it('maps beta server events to AI SDK events, keeping the raw event', async () => {
    const m = await model();
    const events = betaEvents.map((raw) => m.parseServerEvent(raw));
    expect(events.flatMap((e) => (Array.isArray(e) ? e : [e]).map((x) => x.type))).toEqual([
      'session-created',
      'conversation-item-added',
      'response-created',
      'audio-transcript-delta',
      'audio-delta',
      'audio-done',
      'audio-transcript-done',
      'text-delta',
      'text-done',
      'response-done',
      'error',
    ]);
    expect(events[4]).toMatchObject({ delta: 'AAABAAIA', raw: betaEvents[4] });
    expect(events[9]).toMatchObject({
      usage: { inputTokens: 12, outputTokens: 45, outputAudioTokens: 36, outputTextTokens: 9 },
    });
    expect(events[10]).toMatchObject({
      message: "Unknown parameter: 'session.type'.",
      code: 'unknown_parameter',
      clientEventId: 'client_evt_1',
    });
  });

  it("protocol 'ga' passes frames as @ai-sdk/openai writes them", async () => {
    const m = await model('ga');
    expect(m.buildSessionConfig({ outputModalities: ['audio'] })).toEqual({
      type: 'realtime',
      model: 'gpt-4o-realtime-preview',
      output_modalities: ['audio'],
    });
    expect(m.parseServerEvent({ type: 'response.text.delta', delta: 'x' })).toMatchObject({
      type: 'custom',
    });
  });

  it('on the /core entry without createOpenAI, fails at creation saying what to pass', async () => {
    const { createMixRouter: createCore } = await import('../mixrouter-core');
    expect(() =>
      createCore({ apiKey: 'sk-test' }).experimental_realtime('gpt-4o-realtime-preview'),
    ).toThrow(/native: \{ openai: createOpenAI \}/);
    const { createOpenAI } = await import('@ai-sdk/openai');
    const m = createCore({
      apiKey: 'sk-test',
      native: { openai: createOpenAI },
    }).experimental_realtime('gpt-4o-realtime-preview');
    await m.ready;
    expect(m.buildSessionConfig({ voice: 'alloy' })).toEqual({ voice: 'alloy' });
  });

  it('says what to await when a synchronous method runs before the implementation loaded', () => {
    const config: MixRouterConfig = {
      provider: 'mixrouter.realtime',
      baseURL: 'https://x.test/v1',
      url: (path) => `https://x.test/v1${path}`,
      headers: () => ({}),
    };
    const m = new MixRouterRealtimeModel('m', {
      ...config,
      native: { openai: () => new Promise(() => {}) },
    });
    expect(() => m.parseServerEvent({ type: 'session.created' })).toThrow(/await model\.ready/);
  });
});
