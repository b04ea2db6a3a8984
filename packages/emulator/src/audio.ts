/** POST /v1/audio/speech, /v1/audio/transcriptions and /v1/audio/translations (protocol §8). */
import { type Ctx, sendBytes, sendJson } from './context.ts';
import {
  requireJsonBody,
  sendInvalidBody,
  sendInvalidRequest,
  sendMissingModel,
  sendModelNotFound,
  sendUpstreamError,
} from './errors.ts';
import { asNumber, asString, tokenCount } from './json-util.ts';
import { isKnownModel } from './known-models.ts';
import { makeSpeech } from './media.ts';
import { fieldValue } from './multipart.ts';
import { SseWriter } from './sse.ts';
import { storeFile } from './state.ts';

export async function handleSpeech(ctx: Ctx): Promise<void> {
  const body = requireJsonBody(ctx);
  if (!body) return;
  const model = asString(body.model);
  if (!model) return sendMissingModel(ctx);
  if (!isKnownModel(model)) return sendModelNotFound(ctx, model);
  const input = asString(body.input);
  if (!input) return sendInvalidRequest(ctx, 'input is required');

  if (/qwen3-tts-flash/.test(model)) {
    // MixRouter customisation: JSON with a downloadable URL instead of bytes.
    const n = ctx.state.counters.next('audio');
    const { bytes } = makeSpeech(input, { format: 'wav', voice: asString(body.voice) });
    const url = storeFile(ctx.state, `/files/audio/${n}.wav`, 'audio/wav', bytes);
    return sendJson(ctx, 200, { success: true, message: '', data: { audio_url: url } });
  }

  const format = asString(body.response_format) ?? 'mp3';
  const { bytes, contentType } = makeSpeech(input, {
    format,
    voice: asString(body.voice),
    speed: asNumber(body.speed),
  });
  if (body.stream_format === 'sse') {
    const sse = new SseWriter(ctx);
    sse.start();
    const half = Math.ceil(bytes.length / 2);
    for (const part of [bytes.subarray(0, half), bytes.subarray(half)]) {
      await sse.data({ type: 'speech.audio.delta', audio: part.toString('base64') });
    }
    const tokens = tokenCount(input);
    await sse.data({
      type: 'speech.audio.done',
      usage: { input_tokens: tokens, output_tokens: 40, total_tokens: tokens + 40 },
    });
    return sse.end();
  }
  sendBytes(ctx, 200, contentType, bytes);
}

function formatTimestamp(seconds: number, separator: string): string {
  const ms = Math.round(seconds * 1000);
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${pad(Math.floor(ms / 3600000))}:${pad(Math.floor(ms / 60000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}${separator}${pad(ms % 1000, 3)}`;
}

/** Duration of a WAV file from its header, else an estimate from the byte size. */
function audioDuration(data: Buffer): number {
  if (
    data.length >= 44 &&
    data.toString('ascii', 0, 4) === 'RIFF' &&
    data.toString('ascii', 8, 12) === 'WAVE'
  ) {
    const byteRate = data.readUInt32LE(28);
    if (byteRate > 0) return Math.round(((data.length - 44) / byteRate) * 100) / 100;
  }
  return Math.round((data.length / 16000) * 100) / 100 || 0.1;
}

export async function handleTranscription(
  ctx: Ctx,
  task: 'transcribe' | 'translate',
): Promise<void> {
  const mp = ctx.multipart;
  if (!mp)
    return sendInvalidBody(ctx, ctx.jsonError ?? 'expected multipart/form-data with a file field');
  const model = fieldValue(mp, 'model');
  if (!model) return sendMissingModel(ctx);
  if (!isKnownModel(model)) return sendModelNotFound(ctx, model);
  const file = mp.files.find((f) => f.field === 'file');
  if (!file) {
    return sendUpstreamError(
      ctx,
      400,
      "Missing required parameter: 'file'.",
      'invalid_request_error',
      'missing_required_parameter',
      'file',
    );
  }
  const format = fieldValue(mp, 'response_format') ?? 'json';
  const gpt4o = /gpt-4o/.test(model);
  if (gpt4o && !['json', 'text'].includes(format)) {
    return sendUpstreamError(
      ctx,
      400,
      `response_format '${format}' is not compatible with model '${model}'. Use 'json' or 'text' instead.`,
      'invalid_request_error',
      'unsupported_value',
      'response_format',
    );
  }
  const verb = task === 'translate' ? 'Translated' : 'Transcribed';
  const text = `${verb} ${file.data.length} bytes of ${file.filename}`;
  const duration = audioDuration(file.data);
  const segments = [
    {
      id: 0,
      seek: 0,
      start: 0,
      end: duration / 2,
      text: text.split(' of ')[0],
      tokens: [],
      temperature: 0,
      avg_logprob: -0.1,
      compression_ratio: 1,
      no_speech_prob: 0,
    },
    {
      id: 1,
      seek: 0,
      start: duration / 2,
      end: duration,
      text: `of ${file.filename}`,
      tokens: [],
      temperature: 0,
      avg_logprob: -0.1,
      compression_ratio: 1,
      no_speech_prob: 0,
    },
  ];
  switch (format) {
    case 'text':
      return sendBytes(ctx, 200, 'text/plain; charset=utf-8', `${text}\n`);
    case 'srt':
      return sendBytes(
        ctx,
        200,
        'text/plain; charset=utf-8',
        segments
          .map(
            (s, i) =>
              `${i + 1}\n${formatTimestamp(s.start, ',')} --> ${formatTimestamp(s.end, ',')}\n${s.text}\n`,
          )
          .join('\n'),
      );
    case 'vtt':
      return sendBytes(
        ctx,
        200,
        'text/vtt; charset=utf-8',
        `WEBVTT\n\n${segments.map((s) => `${formatTimestamp(s.start, '.')} --> ${formatTimestamp(s.end, '.')}\n${s.text}\n`).join('\n')}`,
      );
    case 'verbose_json': {
      const language = fieldValue(mp, 'language') === 'zh' ? 'chinese' : 'english';
      return sendJson(ctx, 200, { task, language, duration, text, segments });
    }
    default: {
      const result: Record<string, unknown> = { text };
      if (gpt4o) {
        const audioTokens = Math.max(1, Math.round(duration * 10));
        const out = tokenCount(text);
        result.usage = {
          type: 'tokens',
          input_tokens: audioTokens,
          input_token_details: { text_tokens: 0, audio_tokens: audioTokens },
          output_tokens: out,
          total_tokens: audioTokens + out,
        };
      }
      return sendJson(ctx, 200, result);
    }
  }
}
