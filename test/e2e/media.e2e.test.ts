import {
  cosineSimilarity,
  embedMany,
  generateImage,
  generateSpeech,
  experimental_generateVideo as generateVideo,
  transcribe,
} from 'ai';
import { describe, expect, it } from 'vitest';
import { useEmulator } from './use-emulator';

const env = useEmulator();
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];
const requestsTo = (suffix: string) => env.emulator.requests.filter((r) => r.path.endsWith(suffix));

describe('embeddings', () => {
  it('embedMany returns stable vectors, honours dimensions and reports usage', async () => {
    const model = env.mixrouter.embedding('text-embedding-3-small');
    const { embeddings, usage } = await embedMany({
      model,
      values: ['alpha', 'beta', 'alpha'],
      providerOptions: { mixrouter: { dimensions: 256 } },
    });
    expect(embeddings).toHaveLength(3);
    expect(embeddings[0]).toHaveLength(256);
    expect(cosineSimilarity(embeddings[0]!, embeddings[2]!)).toBeCloseTo(1, 6);
    expect(usage.tokens).toBeGreaterThan(0);
    expect(requestsTo('/embeddings')[0]!.body).toMatchObject({
      model: 'text-embedding-3-small',
      input: ['alpha', 'beta', 'alpha'],
      dimensions: 256,
    });
  });

  it('decodes base64 embeddings', async () => {
    const model = env.mixrouter.embedding('text-embedding-3-small');
    const plain = await embedMany({ model, values: ['x'] });
    const base64 = await embedMany({
      model,
      values: ['x'],
      providerOptions: { mixrouter: { encodingFormat: 'base64' } },
    });
    expect(base64.embeddings[0]![0]).toBeCloseTo(plain.embeddings[0]![0]!, 5);
  });
});

describe('images', () => {
  it('generates with gpt-image-1 (b64_json)', async () => {
    const { images, usage } = await generateImage({
      model: env.mixrouter.image('gpt-image-1'),
      prompt: 'a fox',
      size: '1024x1024',
      n: 2,
    });
    expect(images).toHaveLength(2);
    expect([...images[0]!.uint8Array.slice(0, 4)]).toEqual(PNG_SIGNATURE);
    expect(usage.totalTokens).toBeGreaterThan(0);
  });

  it('downloads URL results (dall-e-3 response_format url) and splits n by maxImagesPerCall', async () => {
    const { images } = await generateImage({
      model: env.mixrouter.image('dall-e-3'),
      prompt: 'a lighthouse',
      n: 2,
      providerOptions: { mixrouter: { responseFormat: 'url' } },
    });
    expect(images).toHaveLength(2);
    expect(requestsTo('/images/generations')).toHaveLength(2);
    expect([...images[1]!.uint8Array.slice(0, 4)]).toEqual(PNG_SIGNATURE);
  });

  it('edits with multipart image[] files that carry real extensions', async () => {
    const source = (
      await generateImage({ model: env.mixrouter.image('gpt-image-1'), prompt: 'base' })
    ).image.uint8Array;
    await generateImage({
      model: env.mixrouter.image('gpt-image-1'),
      prompt: { text: 'add a hat', images: [source, source], mask: source },
    });
    const edit = requestsTo('/images/edits')[0]!.body as {
      fields: Record<string, string>;
      files: Array<{ field: string; filename: string }>;
    };
    expect(edit.files.map((f) => f.field)).toEqual(['image[]', 'image[]', 'mask']);
    expect(edit.files.every((f) => /\.png$/.test(f.filename))).toBe(true);
    expect(edit.fields).toMatchObject({ model: 'gpt-image-1', prompt: 'add a hat' });
  });

  it('serves Gemini image models through chat completions', async () => {
    const { image } = await generateImage({
      model: env.mixrouter.image('gemini-2.5-flash-image'),
      prompt: 'a watercolor boat',
      aspectRatio: '16:9',
    });
    expect([...image.uint8Array.slice(0, 4)]).toEqual(PNG_SIGNATURE);
    const chat = requestsTo('/chat/completions')[0]!.body as {
      model: string;
      extra_body: { google: { image_config: unknown } };
    };
    expect(chat.model).toBe('gemini-2.5-flash-image');
    expect(chat.extra_body.google.image_config).toMatchObject({ aspect_ratio: '16:9' });
    // The image URL from the chat answer was downloaded (same origin as the gateway here,
    // so with the key; other origins never get it — see the reliability tests).
    expect(env.emulator.requests.some((r) => r.path.startsWith('/files/images/'))).toBe(true);
  });
});

describe('speech and transcription', () => {
  it('returns audio bytes from an OpenAI voice', async () => {
    const { audio } = await generateSpeech({
      model: env.mixrouter.speech('gpt-4o-mini-tts'),
      text: 'hello',
      voice: 'alloy',
    });
    // An MPEG audio frame header: real MP3 frames (decoded in the emulator's media tests).
    expect([audio.uint8Array[0], audio.uint8Array[1]! & 0xe0]).toEqual([0xff, 0xe0]);
    expect(requestsTo('/audio/speech')[0]!.body).toMatchObject({
      model: 'gpt-4o-mini-tts',
      input: 'hello',
      voice: 'alloy',
    });
  });

  it('follows the JSON audio_url answer of qwen3-tts-flash', async () => {
    const { audio } = await generateSpeech({
      model: env.mixrouter.speech('qwen3-tts-flash'),
      text: 'hello',
      voice: 'Cherry',
    });
    expect(new TextDecoder().decode(audio.uint8Array.slice(0, 4))).toBe('RIFF');
  });

  it('transcribes with segments, language and duration', async () => {
    const { audio } = await generateSpeech({
      model: env.mixrouter.speech('gpt-4o-mini-tts'),
      text: 'hello',
      voice: 'alloy',
    });
    const result = await transcribe({
      model: env.mixrouter.transcription('whisper-1'),
      audio: audio.uint8Array,
    });
    expect(result.text).toMatch(/Transcribed \d+ bytes/);
    expect(result.segments.length).toBeGreaterThan(0);
    expect(result.durationInSeconds).toBeGreaterThan(0);
    const upload = requestsTo('/audio/transcriptions')[0]!.body as {
      fields: Record<string, string>;
      files: Array<{ filename: string }>;
    };
    expect(upload.fields).toMatchObject({ model: 'whisper-1', response_format: 'verbose_json' });
    expect(upload.files[0]!.filename).toMatch(/\.mp3$/);
  });
});

describe('video', () => {
  it('submits, polls queued → in_progress → completed and downloads the video', async () => {
    const result = await generateVideo({
      model: env.mixrouter.video('doubao-seedance-1-0-lite-i2v-250428'),
      prompt: 'waves at sunset',
      duration: 5,
      poll: { intervalMs: 5 },
    });
    expect(new TextDecoder().decode(result.video.uint8Array.slice(4, 8))).toBe('ftyp');
    const polls = env.emulator.requests.filter(
      (r) => r.method === 'GET' && /\/video/.test(r.path) && !r.path.endsWith('.mp4'),
    );
    expect(polls.length).toBeGreaterThanOrEqual(3);
    expect(requestsTo('/video/generations')[0]!.body).toMatchObject({
      model: 'doubao-seedance-1-0-lite-i2v-250428',
      prompt: 'waves at sunset',
      duration: 5,
    });
  });

  it('reports a failed task with the gateway reason', async () => {
    const error = await generateVideo({
      model: env.mixrouter.video('sora-2'),
      prompt: 'please fail',
      poll: { intervalMs: 5 },
    }).catch((e) => e);
    expect(String(error.message)).toMatch(/fail/i);
  });
});
