/** Tiny but valid media files built in memory (PNG, WAV, fake MP3/MP4 and friends). */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A size×size RGB PNG whose colour is derived from `seed`. */
export function makePng(seed = 1, size = 2): Buffer {
  const r = (seed * 97) % 256;
  const g = (seed * 57 + 80) % 256;
  const b = (seed * 31 + 160) % 256;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type RGB
  const row = Buffer.alloc(1 + size * 3); // filter byte 0
  for (let x = 0; x < size; x++) {
    row[1 + x * 3] = r;
    row[2 + x * 3] = g;
    row[3 + x * 3] = b;
  }
  const raw = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** 16-bit mono PCM samples of a short sine tone. */
export function makePcm(durationMs = 100, sampleRate = 8000): Buffer {
  const samples = Math.floor((sampleRate * durationMs) / 1000);
  const pcm = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) {
    pcm.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / sampleRate) * 8000), i * 2);
  }
  return pcm;
}

/** A valid RIFF/WAVE file (PCM 16-bit mono). */
export function makeWav(durationMs = 100, sampleRate = 8000): Buffer {
  const pcm = makePcm(durationMs, sampleRate);
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

/** Fake MP3: an ID3v2.3 header followed by three silent MPEG-1 Layer III frames. */
export function makeMp3(): Buffer {
  const id3 = Buffer.from([0x49, 0x44, 0x33, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
  const frame = Buffer.alloc(417);
  frame.set([0xff, 0xfb, 0x90, 0x64]);
  return Buffer.concat([id3, frame, frame, frame]);
}

/** Fake MP4: `ftyp` + `free` + `mdat` boxes. */
export function makeMp4(seed = 'video'): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftypisom', 4, 'ascii');
  ftyp.writeUInt32BE(0x200, 12);
  ftyp.write('isommp41', 16, 'ascii');
  const free = Buffer.from([0, 0, 0, 8, 0x66, 0x72, 0x65, 0x65]);
  const payload = Buffer.from(`emulated video ${seed}`.padEnd(48, '.'), 'utf8');
  const mdatHeader = Buffer.alloc(8);
  mdatHeader.writeUInt32BE(8 + payload.length, 0);
  mdatHeader.write('mdat', 4, 'ascii');
  return Buffer.concat([ftyp, free, mdatHeader, payload]);
}

/** Audio bytes + content type for an OpenAI `response_format`. */
export function makeAudio(format: string | undefined): { bytes: Buffer; contentType: string } {
  switch (format) {
    case 'wav':
      return { bytes: makeWav(), contentType: 'audio/wav' };
    case 'pcm':
    case 'pcm16':
      return { bytes: makePcm(), contentType: 'audio/pcm' };
    case 'opus':
      return {
        bytes: Buffer.concat([Buffer.from('OggS'), Buffer.alloc(60)]),
        contentType: 'audio/ogg',
      };
    case 'aac':
      return {
        bytes: Buffer.concat([Buffer.from([0xff, 0xf1, 0x50, 0x80]), Buffer.alloc(60)]),
        contentType: 'audio/aac',
      };
    case 'flac':
      return {
        bytes: Buffer.concat([Buffer.from('fLaC'), Buffer.alloc(60)]),
        contentType: 'audio/flac',
      };
    default:
      return { bytes: makeMp3(), contentType: 'audio/mpeg' };
  }
}
