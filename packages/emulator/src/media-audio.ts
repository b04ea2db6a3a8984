/**
 * Speech-like audio a person can hear: one voiced "syllable" per vowel group of the
 * text, its timbre shaped by that vowel's formants and its pitch by the letters, with
 * pauses between words and longer ones at punctuation. Deterministic: the same text
 * and voice give the same samples. Encoded as WAV, raw PCM, FLAC (written here,
 * verbatim subframes) or MP3 (LAME, through @breezystack/lamejs).
 */
import { Mp3Encoder } from '@breezystack/lamejs';
import { hashText } from './media-png.ts';

/** OpenAI's speech output rate (24 kHz, 16-bit mono; `pcm` is exactly this). */
export const SPEECH_SAMPLE_RATE = 24_000;
const MAX_SECONDS = 20;

// First two formants (Hz) of the vowels, so "a" and "i" sound different.
const FORMANTS: Record<string, [number, number]> = {
  a: [800, 1200],
  e: [500, 1900],
  i: [320, 2300],
  o: [500, 900],
  u: [350, 800],
  y: [320, 2000],
};

type Syllable = { vowel: string; pitch: number; seconds: number; pauseAfter: number };

function syllables(text: string, voice: string): Syllable[] {
  const base = 110 + (hashText(voice) % 90); // 110–200 Hz, per voice
  const out: Syllable[] = [];
  const words = text.toLowerCase().match(/[\p{L}\p{N}']+|[.,;:!?]/gu) ?? [];
  for (const word of words) {
    if (/^[.,;:!?]$/.test(word)) {
      const last = out.at(-1);
      if (last) last.pauseAfter = /[.!?]/.test(word) ? 0.35 : 0.2;
      continue;
    }
    const groups = word.match(/[aeiouy]+/g) ?? [word.includes('4') ? 'o' : 'a'];
    groups.forEach((group, i) => {
      const code = word.charCodeAt(i % word.length);
      out.push({
        vowel: group[0]!,
        pitch: base * (1 + ((code % 7) - 3) * 0.03) * (i === 0 ? 1.06 : 1),
        seconds: 0.11 + (code % 5) * 0.02,
        pauseAfter: i === groups.length - 1 ? 0.07 : 0.015,
      });
    });
  }
  return out.length > 0 ? out : [{ vowel: 'a', pitch: base, seconds: 0.3, pauseAfter: 0.1 }];
}

/** 16-bit mono samples at SPEECH_SAMPLE_RATE (at most MAX_SECONDS). */
export function synthesizeSpeech(text: string, voice = 'alloy', speed = 1): Int16Array {
  const rate = SPEECH_SAMPLE_RATE;
  const tempo = Math.min(4, Math.max(0.25, speed || 1));
  const plan = syllables(text, voice);
  const total = Math.min(
    MAX_SECONDS * rate,
    Math.ceil(plan.reduce((s, p) => s + (p.seconds + p.pauseAfter) / tempo, 0.1) * rate),
  );
  const samples = new Int16Array(total);
  let at = Math.floor(0.05 * rate);
  for (const syl of plan) {
    const length = Math.floor((syl.seconds / tempo) * rate);
    if (at + length > total) break;
    const [f1, f2] = FORMANTS[syl.vowel] ?? FORMANTS.a!;
    // Harmonics of the pitch below 4 kHz, weighted by closeness to the two formants.
    const harmonics: Array<[number, number]> = [];
    for (let k = 1; k * syl.pitch < 4000; k++) {
      const f = k * syl.pitch;
      const weight =
        Math.exp(-(((f - f1) / 180) ** 2)) + 0.6 * Math.exp(-(((f - f2) / 220) ** 2)) + 0.08 / k;
      harmonics.push([f, weight]);
    }
    const norm = harmonics.reduce((s, [, w]) => s + w, 0);
    const attack = Math.floor(0.015 * rate);
    const release = Math.floor(0.04 * rate);
    for (let n = 0; n < length; n++) {
      const t = n / rate;
      // A slight fall of pitch across the syllable, as in speech.
      const glide = 1 - 0.08 * (n / length);
      let value = 0;
      for (const [f, w] of harmonics) value += w * Math.sin(2 * Math.PI * f * glide * t);
      const envelope = Math.min(1, n / attack, (length - n) / release);
      samples[at + n] = Math.round((value / norm) * envelope * 9000);
    }
    at += length + Math.floor((syl.pauseAfter / tempo) * rate);
  }
  return samples;
}

function pcmBytes(samples: Int16Array): Buffer {
  const out = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i++) out.writeInt16LE(samples[i]!, i * 2);
  return out;
}

/** Raw little-endian 16-bit mono PCM (OpenAI `pcm`). */
export function encodePcm(samples: Int16Array): Buffer {
  return pcmBytes(samples);
}

/** RIFF/WAVE, PCM 16-bit mono. */
export function encodeWav(samples: Int16Array, sampleRate = SPEECH_SAMPLE_RATE): Buffer {
  const pcm = pcmBytes(samples);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + pcm.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(pcm.length, 40);
  return Buffer.concat([header, pcm]);
}

/** MPEG-1 Layer III, 64 kbit/s mono. */
export function encodeMp3(samples: Int16Array, sampleRate = SPEECH_SAMPLE_RATE): Buffer {
  const encoder = new Mp3Encoder(1, sampleRate, 64);
  const parts: Buffer[] = [];
  const block = 1152;
  for (let i = 0; i < samples.length; i += block) {
    const chunk = encoder.encodeBuffer(samples.subarray(i, i + block));
    if (chunk.length > 0) parts.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
  }
  const tail = encoder.flush();
  if (tail.length > 0) parts.push(Buffer.from(tail.buffer, tail.byteOffset, tail.length));
  return Buffer.concat(parts);
}

function crc8(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff;
  }
  return crc;
}

function crc16(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let k = 0; k < 8; k++)
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x8005) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** FLAC's UTF-8-like coding of the frame number. */
function utf8Number(n: number): number[] {
  if (n < 0x80) return [n];
  const bytes: number[] = [];
  let value = n;
  let bits = 6;
  while (value >= 1 << bits) {
    bytes.unshift(0x80 | (value & 0x3f));
    value >>>= 6;
    bits--;
  }
  const lead = (0xff << (7 - bytes.length)) & 0xff;
  bytes.unshift(lead | value);
  return bytes;
}

const FLAC_BLOCK = 4096;
// Sample-rate codes FLAC frame headers can carry directly.
const FLAC_RATE_CODE: Record<number, number> = {
  8000: 4,
  16000: 5,
  22050: 6,
  24000: 7,
  32000: 8,
  44100: 9,
  48000: 10,
  96000: 11,
};

/** FLAC with verbatim (uncompressed) subframes: valid, simple, lossless. 16-bit mono. */
export function encodeFlac(samples: Int16Array, sampleRate = SPEECH_SAMPLE_RATE): Buffer {
  const info = Buffer.alloc(4 + 34);
  info[0] = 0x80; // last metadata block, type 0 = STREAMINFO
  info.writeUIntBE(34, 1, 3);
  info.writeUInt16BE(FLAC_BLOCK, 4); // min block size
  info.writeUInt16BE(FLAC_BLOCK, 6); // max block size
  // min/max frame size unknown (0); then 20 bits rate, 3 bits channels-1, 5 bits bps-1, 36 bits total.
  const packed = (BigInt(sampleRate) << 44n) | (0n << 41n) | (15n << 36n) | BigInt(samples.length);
  info.writeBigUInt64BE(packed, 14);
  // MD5 left as zeros: "unknown", which the format allows.
  const frames: Buffer[] = [];
  for (let start = 0, index = 0; start < samples.length; start += FLAC_BLOCK, index++) {
    const block = samples.subarray(start, start + FLAC_BLOCK);
    const header = [0xff, 0xf8];
    const full = block.length === FLAC_BLOCK;
    const rateCode = FLAC_RATE_CODE[sampleRate] ?? 0;
    header.push(((full ? 0b1100 : 0b0111) << 4) | rateCode);
    header.push(0b0000_100_0); // mono, 16 bits per sample
    header.push(...utf8Number(index));
    if (!full) header.push((block.length - 1) >> 8, (block.length - 1) & 0xff);
    header.push(crc8(Uint8Array.from(header)));
    const body = Buffer.alloc(1 + block.length * 2);
    body[0] = 0b0_000001_0; // VERBATIM subframe, no wasted bits
    for (let i = 0; i < block.length; i++) body.writeInt16BE(block[i]!, 1 + i * 2);
    const frame = Buffer.concat([Buffer.from(header), body, Buffer.alloc(2)]);
    frame.writeUInt16BE(crc16(frame.subarray(0, frame.length - 2)), frame.length - 2);
    frames.push(frame);
  }
  return Buffer.concat([Buffer.from('fLaC', 'ascii'), info, ...frames]);
}
