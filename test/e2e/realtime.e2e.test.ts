import { createMixRouter, type MixRouterProvider } from '@mixrouter/ai-sdk-provider';
import { type Emulator, startEmulator } from '@mixrouter/emulator';
import {
  Experimental_AbstractRealtimeSession as AbstractRealtimeSession,
  experimental_decodeRealtimeAudio as decodeRealtimeAudio,
  type Experimental_RealtimeServerEvent as RealtimeServerEvent,
  type Experimental_RealtimeState as RealtimeState,
} from 'ai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type RealtimeRelay, startRealtimeRelay } from './realtime-relay';

// ai's realtime session is written for browsers: it plays audio through Web Audio. Node
// has WebSocket but no AudioContext, so this stand-in records what would be played.
const played: Float32Array[] = [];
class RecordingAudioContext {
  state = 'running';
  currentTime = 0;
  destination = {};
  onstatechange: (() => void) | null = null;
  constructor(readonly options: { sampleRate: number }) {}
  createBuffer(_channels: number, length: number, sampleRate: number) {
    const data = new Float32Array(length);
    return { duration: length / sampleRate, getChannelData: () => data };
  }
  createBufferSource() {
    const source = {
      buffer: undefined as { getChannelData(): Float32Array } | undefined,
      onended: null as (() => void) | null,
      connect() {},
      disconnect() {},
      start() {
        if (source.buffer) played.push(source.buffer.getChannelData());
      },
      stop() {},
    };
    return source;
  }
  async resume() {}
  async close() {}
}

class TestRealtimeSession extends AbstractRealtimeSession {
  readonly states: RealtimeState[] = [];
  protected setState<K extends keyof RealtimeState>(key: K, value: RealtimeState[K]): void {
    this.states.push({ ...this.state, [key]: value });
  }
  get current(): RealtimeState {
    return this.state;
  }
}

let emulator: Emulator;
let mixrouter: MixRouterProvider;
let relay: RealtimeRelay | undefined;
let previousAudioContext: unknown;

beforeAll(async () => {
  emulator = await startEmulator();
  mixrouter = createMixRouter({ apiKey: emulator.apiKey, baseURL: emulator.baseURL });
  previousAudioContext = (globalThis as { AudioContext?: unknown }).AudioContext;
  (globalThis as { AudioContext?: unknown }).AudioContext = RecordingAudioContext;
});
afterAll(async () => {
  (globalThis as { AudioContext?: unknown }).AudioContext = previousAudioContext;
  await emulator.close();
});
afterEach(async () => {
  await relay?.close();
  relay = undefined;
  played.length = 0;
  emulator.requests.length = 0;
  emulator.realtimeEvents.length = 0;
});

function waitFor<T>(predicate: () => T | undefined, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      const value = predicate();
      if (value !== undefined) {
        clearInterval(timer);
        resolve(value);
      } else if (Date.now() - started > 10_000) {
        clearInterval(timer);
        reject(new Error(`timed out waiting for ${what}`));
      }
    }, 10);
  });
}

describe('a realtime session through ai@7 against the emulated gateway', () => {
  it('sends text, receives transcript and audio, and ends with usage', async () => {
    const model = mixrouter.experimental_realtime('gpt-4o-realtime-preview');
    relay = await startRealtimeRelay(model);
    const events: RealtimeServerEvent[] = [];
    const errors: Error[] = [];
    const session = new TestRealtimeSession({
      model,
      api: { websocket: relay.url },
      sessionConfig: {
        instructions: 'Answer briefly.',
        voice: 'alloy',
        outputModalities: ['audio'],
        turnDetection: { type: 'disabled' },
      },
      onEvent: (event) => events.push(event),
      onError: (error) => errors.push(error),
    });

    await session.connect();
    await waitFor(() => events.find((e) => e.type === 'session-updated'), 'session.updated');
    session.sendTextMessage('What is MixRouter?'); // also sends response.create
    const done = await waitFor(
      () => events.find((e) => e.type === 'response-done'),
      'response.done',
    );
    expect(errors).toEqual([]);

    const transcript = events
      .filter((e) => e.type === 'audio-transcript-delta')
      .map((e) => (e as { delta: string }).delta)
      .join('');
    expect(transcript).toBe('You said: What is MixRouter?');
    const audio = events.filter((e) => e.type === 'audio-delta');
    expect(audio.length).toBeGreaterThan(0);
    const samples = decodeRealtimeAudio((audio[0] as { delta: string }).delta);
    expect(samples.length).toBe(2880); // 120 ms at 24 kHz
    expect(played.length).toBe(audio.length);
    expect(done).toMatchObject({
      status: 'completed',
      usage: { inputTokens: expect.any(Number), outputAudioTokens: expect.any(Number) },
    });
    expect(JSON.stringify(session.current.messages)).toContain('You said: What is MixRouter?');

    // The gateway got beta-protocol frames, the key in Authorization and no subprotocol.
    expect(emulator.realtimeEvents[0]).toEqual({
      type: 'session.update',
      session: {
        instructions: 'Answer briefly.',
        modalities: ['text', 'audio'],
        voice: 'alloy',
        turn_detection: null,
      },
    });
    const handshake = emulator.requests.find((r) => r.path === '/v1/realtime');
    expect(handshake?.query).toEqual({ model: 'gpt-4o-realtime-preview' });
    expect(handshake?.headers.authorization).toBe(`Bearer ${emulator.apiKey}`);
    expect(handshake?.headers['user-agent']).toContain('ai-sdk-mixrouter/');
    expect(handshake?.headers['sec-websocket-protocol']).toBeUndefined();

    session.disconnect();
    expect(session.current.status).toBe('disconnected');
  });

  it('runs a tool call: the session calls onToolCall and sends the output back', async () => {
    const model = mixrouter.experimental_realtime('gpt-4o-realtime-preview');
    relay = await startRealtimeRelay(model);
    const events: RealtimeServerEvent[] = [];
    const calls: unknown[] = [];
    const session = new TestRealtimeSession({
      model,
      api: { websocket: relay.url },
      sessionConfig: {
        outputModalities: ['text'],
        tools: [
          {
            type: 'function',
            name: 'get_time',
            description: 'The current time in a city',
            parameters: {
              type: 'object',
              properties: { city: { type: 'string' } },
              required: ['city'],
            },
          },
        ],
      },
      onToolCall: ({ toolCall }) => {
        calls.push(toolCall);
        return { time: '12:00' };
      },
      onEvent: (event) => events.push(event),
      onError: () => {},
    });
    await session.connect();
    await waitFor(() => events.find((e) => e.type === 'session-updated'), 'session.updated');
    session.sendTextMessage('Please use get_time for Paris.');
    await waitFor(
      () => (events.filter((e) => e.type === 'response-done').length === 2 ? true : undefined),
      'the second response.done',
    );
    expect(calls).toEqual([
      {
        toolCallId: expect.stringMatching(/^call_/),
        toolName: 'get_time',
        args: { city: 'emulator' },
      },
    ]);
    const text = events
      .filter((e) => e.type === 'text-delta')
      .map((e) => (e as { delta: string }).delta)
      .join('');
    expect(text).toBe('The tool returned: {"time":"12:00"}');
    expect(emulator.realtimeEvents).toContainEqual({
      type: 'conversation.item.create',
      item: {
        type: 'function_call_output',
        call_id: (calls[0] as { toolCallId: string }).toolCallId,
        output: '{"time":"12:00"}',
      },
    });
    session.disconnect();
  });

  it('reports a gateway error event from the session (an unknown voice)', async () => {
    const model = mixrouter.experimental_realtime('gpt-4o-mini-realtime-preview');
    relay = await startRealtimeRelay(model);
    const events: RealtimeServerEvent[] = [];
    const session = new TestRealtimeSession({
      model,
      api: { websocket: relay.url },
      sessionConfig: { voice: 'nobody', outputModalities: ['text'] },
      onEvent: (event) => events.push(event),
      onError: () => {},
    });
    await session.connect();
    const error = await waitFor(() => events.find((e) => e.type === 'error'), 'error');
    expect(error).toMatchObject({ code: 'invalid_value' });
    expect((error as { message: string }).message).toContain("Invalid value: 'nobody'");
    session.disconnect();
  });

  it('refuses browser tokens: a session with api.token is rejected before connecting', async () => {
    const model = mixrouter.experimental_realtime('gpt-4o-realtime-preview');
    const errors: Error[] = [];
    const session = new TestRealtimeSession({
      model,
      api: { token: 'http://127.0.0.1:1/token' },
      onError: (error) => errors.push(error),
    });
    await session.connect();
    expect(session.current.status).toBe('error');
    expect(errors[0]?.message).toContain('client-secret-websocket');
    await expect(
      mixrouter.experimental_realtime.getToken({ model: 'gpt-4o-realtime-preview' }),
    ).rejects.toThrow(/relay the session through a server/i);
  });
});

describe('the emulated gateway handshake (new-api TokenAuth)', () => {
  it('rejects a subprotocol without a key part as an invalid token', async () => {
    const model = mixrouter.experimental_realtime('gpt-4o-realtime-preview');
    const { url, headers } = await model.getServerWebSocketConfig();
    const status = await new Promise<number | undefined>((resolve) => {
      const ws = new WebSocket(url, ['realtime'], { headers });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode));
      ws.on('open', () => resolve(101));
    });
    expect(status).toBe(401);
  });

  it('answers model_not_found for a model without a realtime channel', async () => {
    const model = mixrouter.experimental_realtime('gpt-4o');
    const { url, headers } = await model.getServerWebSocketConfig();
    const status = await new Promise<number | undefined>((resolve) => {
      const ws = new WebSocket(url, { headers });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode));
      ws.on('open', () => resolve(101));
    });
    expect(status).toBe(503);
  });
});
