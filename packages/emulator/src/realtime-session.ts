/**
 * One OpenAI realtime session in the **beta** protocol, which is what MixRouter relays:
 * new-api dials OpenAI with `OpenAI-Beta: realtime=v1` and forwards frames unchanged
 * (relay/channel/openai/adaptor.go). Event shapes follow OpenAI's Realtime API reference
 * (beta): `session.created/updated`, `conversation.item.created`, `response.created`,
 * `response.output_item.added`, `response.content_part.added`, `response.text.delta`
 * or `response.audio.delta` + `response.audio_transcript.delta`, the `.done` events and
 * `response.done` with usage; errors are `{type:"error", error:{type, code, message,
 * param, event_id}}`. Enough for text-in / text-and-audio-out turns; no VAD.
 */
import { hashBase62 } from './ids.ts';
import { isObject, type JsonObject, tokenCount } from './json-util.ts';

export type SendEvent = (event: JsonObject) => void;

const BETA_SESSION_KEYS = new Set([
  'modalities',
  'instructions',
  'voice',
  'input_audio_format',
  'output_audio_format',
  'input_audio_transcription',
  'input_audio_noise_reduction',
  'turn_detection',
  'tools',
  'tool_choice',
  'temperature',
  'max_response_output_tokens',
  'speed',
  'tracing',
  'model',
]);
const AUDIO_FORMATS = ['pcm16', 'g711_ulaw', 'g711_alaw'];
const VOICES = ['alloy', 'ash', 'ballad', 'coral', 'echo', 'sage', 'shimmer', 'verse'];
const CLIENT_EVENTS = [
  'session.update',
  'input_audio_buffer.append',
  'input_audio_buffer.commit',
  'input_audio_buffer.clear',
  'conversation.item.create',
  'conversation.item.truncate',
  'conversation.item.delete',
  'response.create',
  'response.cancel',
];
/** PCM16 mono at 24 kHz: the beta protocol's only PCM rate. */
export const REALTIME_SAMPLE_RATE = 24_000;

class RealtimeError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly param: string | null = null,
  ) {
    super(message);
  }
}

/** A short tone per word, as base64 PCM16 chunks: a deterministic stand-in for speech. */
export function synthesizeSpeech(words: string[]): string[] {
  return words.map((word, index) => {
    const samples = Math.round(REALTIME_SAMPLE_RATE * 0.12);
    const pcm = Buffer.alloc(samples * 2);
    const frequency = 220 + ((word.length * 37 + index * 11) % 440);
    for (let i = 0; i < samples; i++) {
      const envelope = Math.min(1, i / 240, (samples - i) / 240);
      const value = Math.sin((2 * Math.PI * frequency * i) / REALTIME_SAMPLE_RATE) * envelope;
      pcm.writeInt16LE(Math.round(value * 12_000), i * 2);
    }
    return pcm.toString('base64');
  });
}

/** Arguments that satisfy a simple JSON schema (required properties only), for tool calls. */
export function sampleArguments(schema: unknown): JsonObject {
  if (!isObject(schema) || !isObject(schema.properties)) return {};
  const required = Array.isArray(schema.required) ? schema.required : [];
  const args: JsonObject = {};
  for (const [key, property] of Object.entries(schema.properties)) {
    if (!required.includes(key)) continue;
    const type = isObject(property) ? property.type : undefined;
    args[key] =
      type === 'number' || type === 'integer' ? 1 : type === 'boolean' ? true : 'emulator';
  }
  return args;
}

export class RealtimeSession {
  private readonly session: JsonObject;
  private readonly items: JsonObject[] = [];
  private audioBuffer: Buffer[] = [];
  private counter = 0;

  constructor(
    readonly model: string,
    private readonly send: SendEvent,
    seed: string,
  ) {
    this.session = {
      id: `sess_${hashBase62(`session:${seed}`, 22)}`,
      object: 'realtime.session',
      model,
      expires_at: Math.floor(Date.now() / 1000) + 1800,
      modalities: ['text', 'audio'],
      instructions: '',
      voice: 'alloy',
      input_audio_format: 'pcm16',
      output_audio_format: 'pcm16',
      input_audio_transcription: null,
      turn_detection: {
        type: 'server_vad',
        threshold: 0.5,
        prefix_padding_ms: 300,
        silence_duration_ms: 200,
        create_response: true,
        interrupt_response: true,
      },
      tools: [],
      tool_choice: 'auto',
      temperature: 0.8,
      max_response_output_tokens: 'inf',
    };
  }

  private id(prefix: string): string {
    return `${prefix}_${hashBase62(`${this.session.id}:${prefix}:${++this.counter}`, 20)}`;
  }

  private emit(type: string, fields: JsonObject): void {
    this.send({ type, event_id: this.id('event'), ...fields });
  }

  start(): void {
    this.emit('session.created', { session: this.session });
  }

  /** Handles one client frame (already JSON-parsed). */
  handle(event: unknown): void {
    const eventId = isObject(event) && typeof event.event_id === 'string' ? event.event_id : null;
    try {
      if (!isObject(event) || typeof event.type !== 'string') {
        throw new RealtimeError(
          "Missing required parameter: 'type'.",
          'missing_required_parameter',
          'type',
        );
      }
      switch (event.type) {
        case 'session.update':
          this.updateSession(event.session);
          return;
        case 'conversation.item.create':
          this.createItem(event.item, event.previous_item_id);
          return;
        case 'input_audio_buffer.append':
          if (typeof event.audio !== 'string')
            throw new RealtimeError(
              "Missing required parameter: 'audio'.",
              'missing_required_parameter',
              'audio',
            );
          this.audioBuffer.push(Buffer.from(event.audio, 'base64'));
          return;
        case 'input_audio_buffer.clear':
          this.audioBuffer = [];
          this.emit('input_audio_buffer.cleared', {});
          return;
        case 'input_audio_buffer.commit':
          this.commitAudio();
          return;
        case 'response.create':
          this.respond(isObject(event.response) ? event.response : {});
          return;
        case 'response.cancel':
          throw new RealtimeError(
            'Cancellation failed: no active response found',
            'response_cancel_not_active',
          );
        default:
          if (CLIENT_EVENTS.includes(event.type)) return;
          throw new RealtimeError(
            `Invalid value: '${event.type}'. Supported values are: ${CLIENT_EVENTS.map((t) => `'${t}'`).join(', ')}.`,
            'invalid_value',
            'type',
          );
      }
    } catch (error) {
      if (!(error instanceof RealtimeError)) throw error;
      this.emit('error', {
        error: {
          type: 'invalid_request_error',
          code: error.code,
          message: error.message,
          param: error.param,
          event_id: eventId,
        },
      });
    }
  }

  private updateSession(update: unknown): void {
    if (!isObject(update)) {
      throw new RealtimeError(
        "Missing required parameter: 'session'.",
        'missing_required_parameter',
        'session',
      );
    }
    for (const key of Object.keys(update)) {
      // GA-only keys (`type`, `audio`, `output_modalities`) are unknown to the beta API.
      if (!BETA_SESSION_KEYS.has(key)) {
        throw new RealtimeError(
          `Unknown parameter: 'session.${key}'.`,
          'unknown_parameter',
          `session.${key}`,
        );
      }
    }
    const modalities = update.modalities;
    if (modalities !== undefined) {
      const set = Array.isArray(modalities) ? [...new Set(modalities)].sort().join(',') : '';
      if (set !== 'text' && set !== 'audio,text') {
        throw new RealtimeError(
          `Invalid modalities: ${JSON.stringify(modalities).replace(/"/g, "'")}. Supported combinations are: ['text'] and ['audio', 'text'].`,
          'invalid_value',
          'session.modalities',
        );
      }
    }
    for (const key of ['input_audio_format', 'output_audio_format']) {
      const value = update[key];
      if (value !== undefined && !AUDIO_FORMATS.includes(String(value))) {
        throw new RealtimeError(
          `Invalid value: '${String(value)}'. Supported values are: 'pcm16', 'g711_ulaw', and 'g711_alaw'.`,
          'invalid_value',
          `session.${key}`,
        );
      }
    }
    if (update.voice !== undefined && !VOICES.includes(String(update.voice))) {
      throw new RealtimeError(
        `Invalid value: '${String(update.voice)}'. Supported values are: ${VOICES.map((v) => `'${v}'`).join(', ')}.`,
        'invalid_value',
        'session.voice',
      );
    }
    const { model: _model, ...rest } = update;
    Object.assign(this.session, rest);
    this.emit('session.updated', { session: this.session });
  }

  private addItem(item: JsonObject): void {
    const previous = this.items.at(-1);
    this.items.push(item);
    this.emit('conversation.item.created', {
      previous_item_id: previous ? previous.id : null,
      item,
    });
  }

  private createItem(item: unknown, _previous: unknown): void {
    if (!isObject(item)) {
      throw new RealtimeError(
        "Missing required parameter: 'item'.",
        'missing_required_parameter',
        'item',
      );
    }
    if (item.type === 'function_call_output') {
      if (typeof item.call_id !== 'string' || typeof item.output !== 'string') {
        throw new RealtimeError(
          "Missing required parameter: 'item.call_id'.",
          'missing_required_parameter',
          'item.call_id',
        );
      }
      this.addItem({ id: this.id('item'), object: 'realtime.item', ...item, status: 'completed' });
      return;
    }
    if (item.type !== 'message') {
      throw new RealtimeError(
        `Invalid value: '${String(item.type)}'. Supported values are: 'message', 'function_call', and 'function_call_output'.`,
        'invalid_value',
        'item.type',
      );
    }
    if (!['user', 'system', 'assistant'].includes(String(item.role))) {
      throw new RealtimeError(
        `Invalid value: '${String(item.role)}'. Supported values are: 'user', 'assistant', and 'system'.`,
        'invalid_value',
        'item.role',
      );
    }
    const content = Array.isArray(item.content) ? item.content : [];
    const allowed = item.role === 'assistant' ? ['text', 'audio'] : ['input_text', 'input_audio'];
    for (const [index, part] of content.entries()) {
      if (!isObject(part) || !allowed.includes(String(part.type))) {
        throw new RealtimeError(
          `Invalid value: '${isObject(part) ? String(part.type) : typeof part}'. Supported values are: ${allowed.map((t) => `'${t}'`).join(' and ')}.`,
          'invalid_value',
          `item.content[${index}].type`,
        );
      }
    }
    this.addItem({
      id: this.id('item'),
      object: 'realtime.item',
      type: 'message',
      status: 'completed',
      role: item.role,
      content,
    });
  }

  private commitAudio(): void {
    const bytes = this.audioBuffer.reduce((sum, chunk) => sum + chunk.length, 0);
    const ms = (bytes / 2 / REALTIME_SAMPLE_RATE) * 1000;
    if (ms < 100) {
      throw new RealtimeError(
        `Error committing input audio buffer: buffer too small. Expected at least 100ms of audio, but buffer only has ${ms.toFixed(2)}ms of audio.`,
        'input_audio_buffer_commit_empty',
      );
    }
    const audio = Buffer.concat(this.audioBuffer).toString('base64');
    this.audioBuffer = [];
    const id = this.id('item');
    this.emit('input_audio_buffer.committed', {
      previous_item_id: this.items.at(-1)?.id ?? null,
      item_id: id,
    });
    this.addItem({
      id,
      object: 'realtime.item',
      type: 'message',
      status: 'completed',
      role: 'user',
      content: [{ type: 'input_audio', transcript: null, audio }],
    });
  }

  /** The reply: echoes the last user text (or tool output), so tests can check the round trip. */
  private replyText(): string {
    for (let i = this.items.length - 1; i >= 0; i--) {
      const item = this.items[i];
      if (item?.type === 'function_call_output') return `The tool returned: ${String(item.output)}`;
      if (item?.role !== 'user' || !Array.isArray(item.content)) continue;
      for (const part of item.content) {
        if (isObject(part) && typeof part.text === 'string') return `You said: ${part.text}`;
        if (isObject(part) && part.type === 'input_audio') return 'I heard your audio.';
      }
    }
    return 'Hello from the MixRouter emulator.';
  }

  /** A function call when the last user text names one of the session's tools. */
  private pendingToolCall(): { name: string; arguments: string } | undefined {
    const last = this.items.at(-1);
    const tools = Array.isArray(this.session.tools) ? this.session.tools : [];
    if (last?.role !== 'user' || !Array.isArray(last.content) || tools.length === 0)
      return undefined;
    const text = last.content
      .map((part) => (isObject(part) && typeof part.text === 'string' ? part.text : ''))
      .join(' ');
    for (const tool of tools) {
      if (isObject(tool) && typeof tool.name === 'string' && text.includes(tool.name)) {
        return { name: tool.name, arguments: JSON.stringify(sampleArguments(tool.parameters)) };
      }
    }
    return undefined;
  }

  /** Ends a response: the output item is done, then `response.done` with beta usage. */
  private finish(response: JsonObject, item: JsonObject, outputText: number, outputAudio: number) {
    item.status = 'completed';
    this.emit('response.output_item.done', { response_id: response.id, output_index: 0, item });
    const inputText = tokenCount(JSON.stringify(this.items.slice(0, -1)));
    response.status = 'completed';
    response.output = [item];
    response.usage = {
      total_tokens: inputText + outputText + outputAudio,
      input_tokens: inputText,
      output_tokens: outputText + outputAudio,
      input_token_details: {
        text_tokens: inputText,
        audio_tokens: 0,
        cached_tokens: 0,
        cached_tokens_details: { text_tokens: 0, audio_tokens: 0 },
      },
      output_token_details: { text_tokens: outputText, audio_tokens: outputAudio },
    };
    this.emit('response.done', { response });
    this.emit('rate_limits.updated', {
      rate_limits: [
        { name: 'requests', limit: 5000, remaining: 4999, reset_seconds: 0.012 },
        { name: 'tokens', limit: 400000, remaining: 399000, reset_seconds: 0.15 },
      ],
    });
  }

  private callTool(response: JsonObject, call: { name: string; arguments: string }): void {
    const responseId = response.id;
    const itemId = this.id('item');
    const callId = this.id('call');
    const item: JsonObject = {
      id: itemId,
      object: 'realtime.item',
      type: 'function_call',
      status: 'in_progress',
      name: call.name,
      call_id: callId,
      arguments: '',
    };
    this.emit('response.output_item.added', { response_id: responseId, output_index: 0, item });
    this.addItem(item);
    const base = { response_id: responseId, item_id: itemId, output_index: 0, call_id: callId };
    this.emit('response.function_call_arguments.delta', { ...base, delta: call.arguments });
    this.emit('response.function_call_arguments.done', {
      ...base,
      name: call.name,
      arguments: call.arguments,
    });
    item.arguments = call.arguments;
    this.finish(response, item, tokenCount(call.arguments), 0);
  }

  private respond(options: JsonObject): void {
    const modalities = Array.isArray(options.modalities)
      ? options.modalities
      : (this.session.modalities as unknown[]);
    const audio = modalities.includes('audio');
    const responseId = this.id('resp');
    const itemId = this.id('item');
    const base = { response_id: responseId, item_id: itemId, output_index: 0, content_index: 0 };
    const response = {
      object: 'realtime.response',
      id: responseId,
      status: 'in_progress',
      status_details: null,
      output: [] as JsonObject[],
      conversation_id: 'conv_emulator',
      modalities,
      voice: this.session.voice,
      output_audio_format: this.session.output_audio_format,
      temperature: this.session.temperature,
      max_output_tokens: 'inf',
      usage: null as JsonObject | null,
      metadata: isObject(options.metadata) ? options.metadata : null,
    };
    this.emit('response.created', { response });
    const call = this.pendingToolCall();
    if (call) {
      this.callTool(response, call);
      return;
    }
    const item: JsonObject = {
      id: itemId,
      object: 'realtime.item',
      type: 'message',
      status: 'in_progress',
      role: 'assistant',
      content: [],
    };
    this.emit('response.output_item.added', { response_id: responseId, output_index: 0, item });
    this.addItem(item);

    const text = this.replyText();
    const words = text.split(/(?<= )/);
    if (audio) {
      this.emit('response.content_part.added', {
        ...base,
        part: { type: 'audio', transcript: '' },
      });
      const chunks = synthesizeSpeech(words);
      words.forEach((word, i) => {
        this.emit('response.audio_transcript.delta', { ...base, delta: word });
        this.emit('response.audio.delta', { ...base, delta: chunks[i] });
      });
      this.emit('response.audio.done', base);
      this.emit('response.audio_transcript.done', { ...base, transcript: text });
      const part = { type: 'audio', transcript: text };
      this.emit('response.content_part.done', { ...base, part });
      item.content = [part];
    } else {
      this.emit('response.content_part.added', { ...base, part: { type: 'text', text: '' } });
      for (const word of words) this.emit('response.text.delta', { ...base, delta: word });
      this.emit('response.text.done', { ...base, text });
      const part = { type: 'text', text };
      this.emit('response.content_part.done', { ...base, part });
      item.content = [part];
    }
    this.finish(response, item, tokenCount(text), audio ? words.length * 3 : 0);
  }
}
