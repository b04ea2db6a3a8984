import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { makeImage, makeSpeech, makeVideo, SPEECH_SAMPLE_RATE } from './media.ts';
import { imageDimensions } from './media-png.ts';

/** IHDR size and the decoded RGB rows of a PNG written by media-png.ts (CRC-checked). */
function decodePng(bytes: Buffer): { width: number; height: number; rgb: Buffer } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let pos = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (pos < bytes.length) {
    const length = bytes.readUInt32BE(pos);
    const type = bytes.subarray(pos + 4, pos + 8).toString('ascii');
    const data = bytes.subarray(pos + 8, pos + 8 + length);
    expect(bytes.readUInt32BE(pos + 8 + length)).toBe(
      crc32(bytes.subarray(pos + 4, pos + 8 + length)),
    );
    if (type === 'IHDR') [width, height] = [data.readUInt32BE(0), data.readUInt32BE(4)];
    if (type === 'IDAT') idat.push(data);
    pos += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  expect(raw.length).toBe((width * 3 + 1) * height);
  const rgb = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    raw.copy(rgb, y * width * 3, y * (width * 3 + 1) + 1, (y + 1) * (width * 3 + 1));
  return { width, height, rgb };
}

const work = mkdtempSync(join(tmpdir(), 'emulator-media-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// When Debian's ffmpeg is installed, a real decoder checks the files too.
const ffprobe = spawnSync('ffprobe', ['-version']).status === 0;
function probe(name: string, bytes: Buffer): Record<string, string> {
  const path = join(work, name);
  writeFileSync(path, bytes);
  const out = spawnSync('ffprobe', ['-v', 'error', '-show_streams', '-of', 'flat', path], {
    encoding: 'utf8',
  });
  expect(out.stderr).toBe('');
  const decode = spawnSync('ffmpeg', ['-v', 'error', '-i', path, '-f', 'null', '-'], {
    encoding: 'utf8',
  });
  expect(decode.stderr).toBe('');
  return Object.fromEntries(
    out.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [key, value] = line.split('=');
        return [key!.replace(/^streams\.stream\.0\./, ''), value!.replace(/^"|"$/g, '')];
      }),
  );
}

describe('images', () => {
  it('have the requested size and visible, prompt-derived content', () => {
    const { width, height, rgb } = decodePng(
      makeImage({ prompt: 'A red fox in snow', size: '1536x1024' }),
    );
    expect({ width, height }).toEqual({ width: 1536, height: 1024 });
    const colours = new Set<number>();
    for (let i = 0; i < rgb.length; i += 3 * 97) colours.add(rgb.readUIntBE(i, 3));
    expect(colours.size).toBeGreaterThan(50); // a picture, not a flat fill
    const white = [...Array(rgb.length / 3).keys()].filter(
      (p) => rgb[p * 3] === 255 && rgb[p * 3 + 1] === 255 && rgb[p * 3 + 2] === 255,
    );
    expect(white.length).toBeGreaterThan(1000); // the caption
  });

  it('are deterministic per prompt and differ between prompts and between the n of one request', () => {
    const a = makeImage({ prompt: 'lighthouse', size: '256x256' });
    expect(makeImage({ prompt: 'lighthouse', size: '256x256' }).equals(a)).toBe(true);
    expect(makeImage({ prompt: 'lighthouse', size: '256x256', variant: 1 }).equals(a)).toBe(false);
    expect(makeImage({ prompt: 'harbour', size: '256x256' }).equals(a)).toBe(false);
  });

  it.each([
    ['1024x1024', undefined, { width: 1024, height: 1024 }],
    ['1024*768', undefined, { width: 1024, height: 768 }],
    [undefined, '16:9', { width: 1024, height: 576 }],
    [undefined, '9:16', { width: 576, height: 1024 }],
    ['8000x4000', undefined, { width: 2048, height: 1024 }],
    ['auto', undefined, { width: 1024, height: 1024 }],
  ])('size %s / aspect %s → %o', (size, aspect, expected) => {
    expect(imageDimensions(size, aspect)).toEqual(expected);
  });

  it.skipIf(!ffprobe)('decode with ffmpeg', () => {
    expect(probe('a.png', makeImage({ prompt: 'cat', size: '640x480' }))).toMatchObject({
      codec_name: 'png',
      width: '640',
      height: '480',
    });
  });
});

describe('speech', () => {
  const text = 'Hello there. MixRouter speaks every format the speech route lists.';

  it('WAV is audible, speech-paced, 24 kHz 16-bit mono', () => {
    const { bytes, contentType } = makeSpeech(text, { format: 'wav' });
    expect(contentType).toBe('audio/wav');
    expect(bytes.subarray(0, 4).toString()).toBe('RIFF');
    expect(bytes.readUInt32LE(24)).toBe(SPEECH_SAMPLE_RATE);
    const samples = (bytes.length - 44) / 2;
    const seconds = samples / SPEECH_SAMPLE_RATE;
    expect(seconds).toBeGreaterThan(2);
    expect(seconds).toBeLessThan(8);
    let energy = 0;
    let silent = 0;
    for (let i = 0; i < samples; i++) {
      const v = bytes.readInt16LE(44 + i * 2);
      energy += v * v;
      if (v === 0) silent++;
    }
    expect(Math.sqrt(energy / samples)).toBeGreaterThan(1000); // audible
    expect(silent / samples).toBeGreaterThan(0.1); // with pauses between words
  });

  it('speed shortens it; the same text and voice give the same audio', () => {
    const normal = makeSpeech(text, { format: 'pcm' }).bytes;
    expect(makeSpeech(text, { format: 'pcm', speed: 2 }).bytes.length).toBeLessThan(
      normal.length * 0.6,
    );
    expect(makeSpeech(text, { format: 'pcm' }).bytes.equals(normal)).toBe(true);
    expect(makeSpeech(text, { format: 'pcm', voice: 'onyx' }).bytes.equals(normal)).toBe(false);
  });

  it('MP3 is a sequence of MPEG Layer III frames (MPEG-2 at 24 kHz, as TTS APIs send)', () => {
    const { bytes, contentType } = makeSpeech(text);
    expect(contentType).toBe('audio/mpeg');
    const MPEG2_KBPS = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
    let pos = 0;
    let frames = 0;
    while (pos + 4 <= bytes.length) {
      expect(bytes[pos]).toBe(0xff);
      expect(bytes[pos + 1]! & 0xfe).toBe(0xf2); // sync, MPEG-2, Layer III
      expect((bytes[pos + 2]! >> 2) & 3).toBe(1); // 24000 Hz
      const kbps = MPEG2_KBPS[bytes[pos + 2]! >> 4]!;
      const padding = (bytes[pos + 2]! >> 1) & 1;
      pos += Math.floor((72 * kbps * 1000) / 24000) + padding;
      frames++;
    }
    expect(pos).toBe(bytes.length);
    expect(frames).toBeGreaterThan(50);
  });

  it('FLAC has a STREAMINFO block and frames', () => {
    const { bytes } = makeSpeech(text, { format: 'flac' });
    expect(bytes.subarray(0, 4).toString()).toBe('fLaC');
    expect(bytes[4]! & 0x7f).toBe(0); // STREAMINFO
    expect([bytes[42], bytes[43]! & 0xfe]).toEqual([0xff, 0xf8]);
  });

  it.skipIf(!ffprobe)('decode with ffmpeg (mp3, wav, flac)', () => {
    expect(probe('a.mp3', makeSpeech(text).bytes)).toMatchObject({
      codec_name: 'mp3',
      channels: '1',
    });
    expect(probe('a.wav', makeSpeech(text, { format: 'wav' }).bytes)).toMatchObject({
      codec_name: 'pcm_s16le',
      sample_rate: '24000',
    });
    expect(probe('a.flac', makeSpeech(text, { format: 'flac' }).bytes)).toMatchObject({
      codec_name: 'flac',
      sample_rate: '24000',
    });
  });
});

describe('video', () => {
  function boxes(bytes: Buffer, from = 0, to = bytes.length): Map<string, Buffer> {
    const out = new Map<string, Buffer>();
    for (let pos = from; pos < to; ) {
      const size = bytes.readUInt32BE(pos);
      out.set(
        bytes.subarray(pos + 4, pos + 8).toString('ascii'),
        bytes.subarray(pos + 8, pos + size),
      );
      pos += size;
    }
    return out;
  }

  it('is an MP4 with one H.264 track: key frames twice a second, the requested length', () => {
    const mp4 = makeVideo({
      prompt: 'Waves rolling onto a beach at sunset',
      size: '1280x720',
      seconds: '4',
    });
    const top = boxes(mp4);
    expect([...top.keys()]).toEqual(['ftyp', 'moov', 'mdat']);
    const find = (haystack: Buffer, type: string) => {
      const at = haystack.indexOf(type);
      return haystack.subarray(at + 4, at - 4 + haystack.readUInt32BE(at - 4));
    };
    const moov = top.get('moov')!;
    const avcC = find(moov, 'avcC');
    expect(avcC[1]).toBe(66); // Baseline
    const stsz = find(moov, 'stsz');
    expect(stsz.readUInt32BE(8)).toBe(32); // 4 s × 8 fps
    const stss = find(moov, 'stss');
    expect(stss.readUInt32BE(4)).toBe(8); // a key frame every 4 frames
    const mdhd = find(moov, 'mdhd');
    expect(mdhd.readUInt32BE(16) / mdhd.readUInt32BE(12)).toBe(4);
  });

  it.skipIf(!ffprobe)('plays: ffprobe and a full decode with ffmpeg', () => {
    const info = probe(
      'a.mp4',
      makeVideo({ prompt: 'A drone flight over a forest', size: '1280x720', seconds: 3 }),
    );
    expect(info).toMatchObject({
      codec_name: 'h264',
      profile: 'Constrained Baseline',
      nb_frames: '24',
      width: '320',
      height: '176',
    });
  });
});
