/**
 * Images a person can look at: a PNG of the requested size whose colours, shapes and
 * caption come from the prompt (same prompt → same picture). Pixels are drawn into an
 * RGB buffer and written with zlib's deflate; no image library involved.
 */
import { crc32, deflateSync } from 'node:zlib';

/** Largest side the emulator draws (bigger requests are scaled down, aspect kept). */
export const MAX_IMAGE_SIDE = 2048;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

/** Encodes 8-bit RGB pixels (row-major, no padding) as a PNG. */
export function encodePng(width: number, height: number, rgb: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  const stride = width * 3;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    raw.set(rgb.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 6 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** FNV-1a over UTF-16 code units: a stable seed per prompt. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A small deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rgb = [number, number, number];

function hsl(h: number, s: number, l: number): Rgb {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return [Math.round(f(0) * 255), Math.round(f(8) * 255), Math.round(f(4) * 255)];
}

// 5×7 glyphs, one 5-bit row per entry (most significant bit = leftmost pixel).
const GLYPHS: Record<string, number[]> = {
  A: [14, 17, 17, 17, 31, 17, 17],
  B: [30, 17, 17, 30, 17, 17, 30],
  C: [14, 17, 16, 16, 16, 17, 14],
  D: [28, 18, 17, 17, 17, 18, 28],
  E: [31, 16, 16, 30, 16, 16, 31],
  F: [31, 16, 16, 30, 16, 16, 16],
  G: [14, 17, 16, 23, 17, 17, 15],
  H: [17, 17, 17, 31, 17, 17, 17],
  I: [14, 4, 4, 4, 4, 4, 14],
  J: [7, 2, 2, 2, 2, 18, 12],
  K: [17, 18, 20, 24, 20, 18, 17],
  L: [16, 16, 16, 16, 16, 16, 31],
  M: [17, 27, 21, 21, 17, 17, 17],
  N: [17, 17, 25, 21, 19, 17, 17],
  O: [14, 17, 17, 17, 17, 17, 14],
  P: [30, 17, 17, 30, 16, 16, 16],
  Q: [14, 17, 17, 17, 21, 18, 13],
  R: [30, 17, 17, 30, 20, 18, 17],
  S: [15, 16, 16, 14, 1, 1, 30],
  T: [31, 4, 4, 4, 4, 4, 4],
  U: [17, 17, 17, 17, 17, 17, 14],
  V: [17, 17, 17, 17, 17, 10, 4],
  W: [17, 17, 17, 21, 21, 21, 10],
  X: [17, 17, 10, 4, 10, 17, 17],
  Y: [17, 17, 17, 10, 4, 4, 4],
  Z: [31, 1, 2, 4, 8, 16, 31],
  '0': [14, 17, 19, 21, 25, 17, 14],
  '1': [4, 12, 4, 4, 4, 4, 14],
  '2': [14, 17, 1, 2, 4, 8, 31],
  '3': [31, 2, 4, 2, 1, 17, 14],
  '4': [2, 6, 10, 18, 31, 2, 2],
  '5': [31, 16, 30, 1, 1, 17, 14],
  '6': [6, 8, 16, 30, 17, 17, 14],
  '7': [31, 1, 2, 4, 8, 8, 8],
  '8': [14, 17, 17, 14, 17, 17, 14],
  '9': [14, 17, 17, 15, 1, 2, 12],
  ' ': [0, 0, 0, 0, 0, 0, 0],
  '.': [0, 0, 0, 0, 0, 12, 12],
  ',': [0, 0, 0, 0, 12, 4, 8],
  '!': [4, 4, 4, 4, 0, 0, 4],
  '?': [14, 17, 1, 2, 4, 0, 4],
  '-': [0, 0, 0, 31, 0, 0, 0],
  "'": [12, 4, 8, 0, 0, 0, 0],
  ':': [0, 12, 12, 0, 12, 12, 0],
  '/': [0, 1, 2, 4, 8, 16, 0],
  '(': [2, 4, 8, 8, 8, 4, 2],
  ')': [8, 4, 2, 2, 2, 4, 8],
  '+': [0, 4, 4, 31, 4, 4, 0],
  '=': [0, 0, 31, 0, 31, 0, 0],
  '&': [12, 18, 20, 8, 21, 18, 13],
};
const UNKNOWN_GLYPH = [31, 17, 17, 17, 17, 17, 31];

/** Greedy word wrap into at most `maxLines` lines of `width` characters. */
export function wrapCaption(text: string, width: number, maxLines: number): string[] {
  const words = text.toUpperCase().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const piece = word.length > width ? `${word.slice(0, width - 1)}-` : word;
    if (line === '') line = piece;
    else if (line.length + 1 + piece.length <= width) line += ` ${piece}`;
    else {
      lines.push(line);
      line = piece;
    }
    if (lines.length === maxLines) break;
  }
  if (line && lines.length < maxLines) lines.push(line);
  if (lines.length === maxLines && words.join(' ').length > lines.join(' ').length) {
    const last = lines[maxLines - 1]!;
    lines[maxLines - 1] = `${last.slice(0, Math.max(0, width - 3))}...`;
  }
  return lines;
}

class Canvas {
  readonly rgb: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.rgb = new Uint8Array(width * height * 3);
  }

  /** Blends `colour` into the pixel with opacity `alpha` (0–1). */
  blend(x: number, y: number, colour: Rgb, alpha: number): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const i = (y * this.width + x) * 3;
    for (let c = 0; c < 3; c++) {
      this.rgb[i + c] = Math.round(this.rgb[i + c]! * (1 - alpha) + colour[c]! * alpha);
    }
  }

  gradient(top: Rgb, bottom: Rgb): void {
    for (let y = 0; y < this.height; y++) {
      const t = this.height > 1 ? y / (this.height - 1) : 0;
      const row: Rgb = [0, 1, 2].map((c) =>
        Math.round(top[c]! + (bottom[c]! - top[c]!) * t),
      ) as Rgb;
      for (let x = 0; x < this.width; x++) this.rgb.set(row, (y * this.width + x) * 3);
    }
  }

  disc(cx: number, cy: number, r: number, colour: Rgb, alpha: number): void {
    const r2 = r * r;
    for (let y = Math.max(0, Math.floor(cy - r)); y <= Math.min(this.height - 1, cy + r); y++) {
      for (let x = Math.max(0, Math.floor(cx - r)); x <= Math.min(this.width - 1, cx + r); x++) {
        if ((x - cx) ** 2 + (y - cy) ** 2 <= r2) this.blend(x, y, colour, alpha);
      }
    }
  }

  rect(x0: number, y0: number, w: number, h: number, colour: Rgb, alpha: number): void {
    for (let y = Math.max(0, y0); y < Math.min(this.height, y0 + h); y++) {
      for (let x = Math.max(0, x0); x < Math.min(this.width, x0 + w); x++) {
        this.blend(x, y, colour, alpha);
      }
    }
  }

  text(line: string, x0: number, y0: number, scale: number, colour: Rgb): void {
    for (let i = 0; i < line.length; i++) {
      const glyph = GLYPHS[line[i]!] ?? UNKNOWN_GLYPH;
      for (let row = 0; row < 7; row++) {
        for (let col = 0; col < 5; col++) {
          if ((glyph[row]! >> (4 - col)) & 1) {
            this.rect(x0 + (i * 6 + col) * scale, y0 + row * scale, scale, scale, colour, 1);
          }
        }
      }
    }
  }
}

/**
 * The picture for a prompt: a two-colour gradient and translucent discs chosen from the
 * prompt's hash (plus `variant`, so the n images of one request differ), and the prompt
 * itself as a caption on a dark band.
 */
export function renderPromptImage(options: {
  prompt: string;
  width: number;
  height: number;
  variant?: number;
}): Buffer {
  return encodePng(options.width, options.height, renderPromptPixels(options));
}

/** The RGB pixels of renderPromptImage (also the frames of the emulated videos). */
export function renderPromptPixels({
  prompt,
  width,
  height,
  variant = 0,
}: {
  prompt: string;
  width: number;
  height: number;
  variant?: number;
}): Uint8Array {
  const canvas = new Canvas(width, height);
  const next = random(hashText(prompt) + variant * 7919);
  const hue = next() * 360;
  canvas.gradient(hsl(hue, 0.65, 0.62), hsl((hue + 40 + next() * 60) % 360, 0.7, 0.28));
  const side = Math.min(width, height);
  const discs = 3 + Math.floor(next() * 4);
  for (let i = 0; i < discs; i++) {
    canvas.disc(
      next() * width,
      next() * height * 0.75,
      side * (0.08 + next() * 0.22),
      hsl((hue + 120 + next() * 120) % 360, 0.8, 0.6),
      0.55,
    );
  }
  const caption = prompt.trim() || 'emulated image';
  const columns = Math.max(8, Math.min(28, Math.floor(width / 12)));
  const lines = wrapCaption(caption, columns, 3);
  const longest = Math.max(...lines.map((l) => l.length), 1);
  // As large as fits 90% of the width, and at most ~12% of the height per line.
  const textScale = Math.max(
    1,
    Math.min(Math.floor((width * 0.9) / (longest * 6)), Math.floor((height * 0.12) / 9)),
  );
  const lineHeight = 9 * textScale;
  const bandHeight = lines.length * lineHeight + 2 * textScale * 2;
  const bandTop = height - bandHeight - Math.floor(height * 0.05);
  canvas.rect(0, bandTop, width, bandHeight, [10, 12, 20], 0.6);
  lines.forEach((line, i) => {
    const x = Math.floor((width - line.length * 6 * textScale) / 2);
    const y = bandTop + textScale * 2 + i * lineHeight;
    canvas.text(line, x + textScale, y + textScale, textScale, [0, 0, 0]);
    canvas.text(line, x, y, textScale, [255, 255, 255]);
  });
  return canvas.rgb;
}

/**
 * Pixel size from an OpenAI `size` (`1024x1024`, `1536x1024`; Ali's `1024*1024`) or an
 * aspect ratio (`16:9`, Gemini/Imagen), else `fallback`; the longer side is capped at
 * MAX_IMAGE_SIDE with the aspect kept.
 */
export function imageDimensions(
  size: string | undefined,
  aspectRatio: string | undefined,
  fallback = 1024,
): { width: number; height: number } {
  let width = fallback;
  let height = fallback;
  const bySize = size?.match(/^\s*(\d{1,5})\s*[x*×]\s*(\d{1,5})\s*$/i);
  const byRatio = aspectRatio?.match(/^\s*(\d{1,3})\s*:\s*(\d{1,3})\s*$/);
  if (bySize) {
    width = Number(bySize[1]);
    height = Number(bySize[2]);
  } else if (byRatio && Number(byRatio[1]) > 0 && Number(byRatio[2]) > 0) {
    const [w, h] = [Number(byRatio[1]), Number(byRatio[2])];
    if (w >= h) height = Math.round((fallback * h) / w);
    else width = Math.round((fallback * w) / h);
  }
  width = Math.max(1, width);
  height = Math.max(1, height);
  const scale = Math.min(1, MAX_IMAGE_SIDE / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}
