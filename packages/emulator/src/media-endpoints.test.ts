import { crc32, inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from './index.ts';
import { client } from './test-utils.ts';

let emu: Emulator;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  emu = await startEmulator();
  api = client(emu);
});
afterAll(() => emu.close());

/** Walks PNG chunks, checking each CRC; returns the decoded IHDR size. */
function checkPng(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  );
  let pos = 8;
  let size = { width: 0, height: 0 };
  const idat: Buffer[] = [];
  while (pos < bytes.length) {
    const length = bytes.readUInt32BE(pos);
    const type = bytes.toString('ascii', pos + 4, pos + 8);
    const data = bytes.subarray(pos + 8, pos + 8 + length);
    expect(bytes.readUInt32BE(pos + 8 + length)).toBe(
      crc32(bytes.subarray(pos + 4, pos + 8 + length)),
    );
    if (type === 'IHDR') size = { width: data.readUInt32BE(0), height: data.readUInt32BE(4) };
    if (type === 'IDAT') idat.push(data);
    pos += 12 + length;
  }
  expect(inflateSync(Buffer.concat(idat)).length).toBe(size.height * (1 + size.width * 3));
  return size;
}

function png(): Blob {
  return new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], { type: 'image/png' });
}

describe('images', () => {
  it('gpt-image returns b64_json with usage', async () => {
    const res = await api.post('/v1/images/generations', {
      model: 'gpt-image-1',
      prompt: 'A fox',
      n: 2,
    });
    const body = await res.json();
    expect(body.data).toHaveLength(2);
    checkPng(Buffer.from(body.data[0].b64_json, 'base64'));
    expect(body.usage).toMatchObject({
      input_tokens_details: { text_tokens: expect.any(Number), image_tokens: 0 },
    });
  });

  it('dall-e-3 returns downloadable URLs and rejects n>1', async () => {
    const res = await api.post('/v1/images/generations', {
      model: 'dall-e-3',
      prompt: 'A fox',
      response_format: 'url',
    });
    const { data } = await res.json();
    expect(data[0].revised_prompt).toContain('A fox');
    const file = await fetch(data[0].url);
    expect(file.headers.get('content-type')).toBe('image/png');
    // dall-e-3's default size; the picture itself is checked in media.test.ts.
    expect(checkPng(Buffer.from(await file.arrayBuffer()))).toEqual({ width: 1024, height: 1024 });
    const many = await api.post('/v1/images/generations', {
      model: 'dall-e-3',
      prompt: 'A fox',
      n: 2,
    });
    expect(many.status).toBe(400);
  });

  it('uses the gateway-built shape for other models and refuses Gemini image models', async () => {
    const res = await api.post('/v1/images/generations', { model: 'qwen-image', prompt: 'A fox' });
    const body = await res.json();
    expect(Object.keys(body)).toEqual(['data', 'created']);
    expect(body.data[0]).toMatchObject({
      url: '',
      revised_prompt: '',
      b64_json: expect.any(String),
    });
    const gemini = await api.post('/v1/images/generations', {
      model: 'gemini-2.5-flash-image',
      prompt: 'A fox',
    });
    expect(gemini.status).toBe(400);
  });

  it('parses multipart edits and records the files', async () => {
    const form = new FormData();
    form.append('model', 'gpt-image-1');
    form.append('prompt', 'Add a hat');
    form.append('image[]', png(), 'a.png');
    form.append('image[]', png(), 'b.webp');
    form.append('mask', png(), 'mask.png');
    const before = emu.requests.length;
    const res = await api.postForm('/v1/images/edits', form);
    expect(res.status).toBe(200);
    expect((await res.json()).data[0].b64_json).toEqual(expect.any(String));
    expect(emu.requests[before].body).toEqual({
      fields: { model: 'gpt-image-1', prompt: 'Add a hat' },
      files: [
        { field: 'image[]', filename: 'a.png', contentType: 'image/png', size: 7 },
        { field: 'image[]', filename: 'b.webp', contentType: 'image/png', size: 7 },
        { field: 'mask', filename: 'mask.png', contentType: 'image/png', size: 7 },
      ],
    });
  });

  it('rejects edit files without an extension', async () => {
    const form = new FormData();
    form.append('model', 'gpt-image-1');
    form.append('prompt', 'Add a hat');
    form.append('image', png(), 'image');
    const res = await api.postForm('/v1/images/edits', form);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('unsupported_file_mimetype');
  });
});

describe('audio', () => {
  it('returns MP3 bytes, WAV on request, JSON for qwen3-tts-flash', async () => {
    const mp3 = await api.post('/v1/audio/speech', {
      model: 'gpt-4o-mini-tts',
      input: 'Hello',
      voice: 'alloy',
    });
    expect(mp3.headers.get('content-type')).toBe('audio/mpeg');
    // An MPEG audio frame header (the frames themselves are checked in media.test.ts).
    const mp3Bytes = Buffer.from(await mp3.arrayBuffer());
    expect([mp3Bytes[0], mp3Bytes[1]! & 0xe0]).toEqual([0xff, 0xe0]);
    const wav = await api.post('/v1/audio/speech', {
      model: 'gpt-4o-mini-tts',
      input: 'Hello',
      response_format: 'wav',
    });
    expect(wav.headers.get('content-type')).toBe('audio/wav');
    const qwen = await api.post('/v1/audio/speech', {
      model: 'qwen3-tts-flash',
      input: 'Hello',
      voice: 'Cherry',
    });
    const json = await qwen.json();
    expect(json).toMatchObject({
      success: true,
      message: '',
      data: { audio_url: expect.stringMatching(/\/files\/audio\/\d+\.wav$/) },
    });
    const file = await fetch(json.data.audio_url);
    expect(
      Buffer.from(await file.arrayBuffer())
        .subarray(8, 12)
        .toString(),
    ).toBe('WAVE');
  });

  it('transcribes multipart uploads in json, verbose_json and text', async () => {
    const send = (format: string) => {
      const form = new FormData();
      form.append('model', 'whisper-1');
      form.append('response_format', format);
      form.append('file', new Blob([new Uint8Array(1234)], { type: 'audio/mpeg' }), 'speech.mp3');
      return api.postForm('/v1/audio/transcriptions', form);
    };
    expect(await (await send('json')).json()).toEqual({
      text: 'Transcribed 1234 bytes of speech.mp3',
    });
    const verbose = await (await send('verbose_json')).json();
    expect(verbose).toMatchObject({
      task: 'transcribe',
      language: 'english',
      text: 'Transcribed 1234 bytes of speech.mp3',
    });
    expect(verbose.segments.length).toBeGreaterThan(0);
    expect(await (await send('text')).text()).toBe('Transcribed 1234 bytes of speech.mp3\n');
  });
});

describe('embeddings', () => {
  it('returns deterministic unit vectors with the right dimensions', async () => {
    const res = await api.post('/v1/embeddings', {
      model: 'text-embedding-3-small',
      input: ['alpha', 'beta', 'alpha'],
    });
    const body = await res.json();
    expect(body.data).toHaveLength(3);
    const [a, b, a2] = body.data.map((d: { embedding: number[] }) => d.embedding);
    expect(a).toHaveLength(1536);
    expect(a).toEqual(a2);
    expect(a).not.toEqual(b);
    expect(Math.hypot(...a)).toBeCloseTo(1, 5);
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens);

    const large = await (
      await api.post('/v1/embeddings', { model: 'text-embedding-3-large', input: 'x' })
    ).json();
    expect(large.data[0].embedding).toHaveLength(3072);
  });

  it('honours dimensions and base64', async () => {
    const body = await (
      await api.post('/v1/embeddings', {
        model: 'text-embedding-3-small',
        input: 'x',
        dimensions: 8,
        encoding_format: 'base64',
      })
    ).json();
    const bytes = Buffer.from(body.data[0].embedding, 'base64');
    expect(bytes.length).toBe(32);
    const floats = Array.from({ length: 8 }, (_, i) => bytes.readFloatLE(i * 4));
    expect(Math.hypot(...floats)).toBeCloseTo(1, 5);
  });

  it('rejects more than 2048 inputs', async () => {
    const res = await api.post('/v1/embeddings', {
      model: 'text-embedding-3-small',
      input: Array(2049).fill('x'),
    });
    expect(res.status).toBe(400);
  });
});
