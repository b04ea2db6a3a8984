/**
 * MixRouter relays OpenAI realtime sessions in the **beta** protocol: new-api dials the
 * upstream with `OpenAI-Beta: realtime=v1` (or the `openai-beta.realtime-v1`
 * subprotocol) in every version (relay/channel/openai/adaptor.go `SetupRequestHeader`)
 * and forwards frames unchanged. `@ai-sdk/openai`'s realtime model speaks the GA
 * protocol. These pure functions translate between the two, so the official
 * implementation does the mapping to AI SDK events and only the differences are ours
 * (OpenAI's beta-to-GA migration guide lists them):
 * - `session.update`: GA `type`, `model`, `output_modalities`, `audio.{input,output}`
 *   become beta `modalities`, `voice`, `input_audio_format`, `output_audio_format`,
 *   `input_audio_transcription`, `turn_detection`;
 * - `response.create`: `response.output_modalities` becomes `response.modalities`;
 * - server events: beta `response.text.*`, `response.audio.*`,
 *   `response.audio_transcript.*` and `conversation.item.created` get their GA names.
 */

type JsonRecord = Record<string, unknown>;

const isRecord = (value: unknown): value is JsonRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** GA audio format → beta format name; the beta protocol has 24 kHz PCM16 only. */
function toBetaAudioFormat(format: unknown, where: string): string {
  const { type, rate } = isRecord(format) ? format : {};
  switch (type) {
    case 'audio/pcm':
      if (rate !== undefined && rate !== 24000) {
        throw new Error(
          `MixRouter realtime (OpenAI beta protocol): ${where} PCM must be 24000 Hz, got ${String(rate)}.`,
        );
      }
      return 'pcm16';
    case 'audio/pcmu':
      return 'g711_ulaw';
    case 'audio/pcma':
      return 'g711_alaw';
    default:
      throw new Error(
        `MixRouter realtime (OpenAI beta protocol): unsupported ${where} audio format ${JSON.stringify(type)} (use audio/pcm at 24000 Hz, audio/pcmu or audio/pcma).`,
      );
  }
}

/**
 * Beta output modalities: `['text']` or `['audio', 'text']` — audio always comes with its
 * transcript as text, and `['audio']` alone is rejected by the beta API.
 */
function toBetaModalities(modalities: unknown): unknown {
  if (!Array.isArray(modalities)) return modalities;
  return modalities.includes('audio') ? ['text', 'audio'] : ['text'];
}

/** GA `session` object (from `@ai-sdk/openai`'s `buildSessionConfig`) → beta `session`. */
export function toBetaSession(session: JsonRecord): JsonRecord {
  const {
    type: _type,
    model: _model,
    output_modalities: outputModalities,
    audio,
    ...rest
  } = session;
  const beta: JsonRecord = { ...rest };
  if (outputModalities !== undefined) beta.modalities = toBetaModalities(outputModalities);
  const input = isRecord(audio) && isRecord(audio.input) ? audio.input : undefined;
  const output = isRecord(audio) && isRecord(audio.output) ? audio.output : undefined;
  if (input?.format !== undefined)
    beta.input_audio_format = toBetaAudioFormat(input.format, 'input');
  if (input !== undefined && 'turn_detection' in input) beta.turn_detection = input.turn_detection;
  if (input?.transcription !== undefined) beta.input_audio_transcription = input.transcription;
  if (output?.format !== undefined)
    beta.output_audio_format = toBetaAudioFormat(output.format, 'output');
  if (output?.voice !== undefined) beta.voice = output.voice;
  return beta;
}

/** A GA client event (from `serializeClientEvent`) → the beta event MixRouter relays. */
export function toBetaClientEvent(event: unknown): unknown {
  if (!isRecord(event)) return event;
  if (event.type === 'session.update' && isRecord(event.session)) {
    return { ...event, session: toBetaSession(event.session) };
  }
  if (event.type === 'response.create' && isRecord(event.response)) {
    const { output_modalities: modalities, ...response } = event.response;
    return {
      ...event,
      response:
        modalities === undefined
          ? response
          : { ...response, modalities: toBetaModalities(modalities) },
    };
  }
  return event;
}

const GA_EVENT_TYPES: Readonly<Record<string, string>> = {
  'response.text.delta': 'response.output_text.delta',
  'response.text.done': 'response.output_text.done',
  'response.audio.delta': 'response.output_audio.delta',
  'response.audio.done': 'response.output_audio.done',
  'response.audio_transcript.delta': 'response.output_audio_transcript.delta',
  'response.audio_transcript.done': 'response.output_audio_transcript.done',
  'conversation.item.created': 'conversation.item.added',
};

/** A beta server event → its GA spelling (events the protocols share pass unchanged). */
export function toGaServerEvent(raw: unknown): unknown {
  if (!isRecord(raw) || typeof raw.type !== 'string') return raw;
  const type = GA_EVENT_TYPES[raw.type];
  return type === undefined ? raw : { ...raw, type };
}
