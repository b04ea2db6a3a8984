import { createHash } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const HEX = '0123456789abcdef';

function fromAlphabet(seed: string, length: number, alphabet: string): string {
  let out = '';
  let round = 0;
  while (out.length < length) {
    const digest = createHash('sha256').update(`${seed}#${round++}`).digest();
    for (const byte of digest) {
      if (out.length >= length) break;
      out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

export const hashBase62 = (seed: string, length: number): string =>
  fromAlphabet(seed, length, BASE62);
export const hashLetters = (seed: string, length: number): string =>
  fromAlphabet(seed, length, LETTERS);
export const hashHex = (seed: string, length: number): string => fromAlphabet(seed, length, HEX);

/** A UUID-shaped (v4 layout) string derived from a seed. */
export function hashUuid(seed: string): string {
  const h = hashHex(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** UTC `yyyymmddhhmmss`. */
export function utcStamp(date = new Date()): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

export function unixSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Per-emulator monotonically increasing counters, one per kind. */
export class Counters {
  private readonly values = new Map<string, number>();

  next(kind: string): number {
    const n = (this.values.get(kind) ?? 0) + 1;
    this.values.set(kind, n);
    return n;
  }
}

/** new-api style request id: UTC yyyymmddhhmmss + 9 digits + 8 letters. */
export function makeRequestId(counter: number): string {
  return `${utcStamp()}${String(counter).padStart(9, '0')}${hashLetters(`rid:${counter}`, 8)}`;
}
