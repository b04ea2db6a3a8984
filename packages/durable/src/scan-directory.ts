import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, zstdDecompressSync } from 'node:zlib';

/**
 * Payloads as Workflow DevKit stores them: a 4-byte format prefix (`devl` devalue text,
 * `zstd` / `gzip` wrapping another prefixed payload above 1 KB, `encr`/`encp` when the
 * world encrypts), base64-encoded inside the world's JSON files. Unwraps everything it
 * can read so a key inside a compressed payload is found too.
 */
function unwrap(bytes: Buffer, depth = 0): Buffer[] {
  const prefix = bytes.subarray(0, 4).toString('latin1');
  const rest = bytes.subarray(4);
  if (depth > 4) return [bytes];
  try {
    if (prefix === 'zstd') return [bytes, ...unwrap(zstdDecompressSync(rest), depth + 1)];
    if (prefix === 'gzip') return [bytes, ...unwrap(gunzipSync(rest), depth + 1)];
  } catch {
    // Not what the prefix claims: keep the raw bytes.
  }
  return [bytes];
}

/** Every decodable base64 run (long enough to hold a payload) in a text. */
function base64Payloads(text: string): Buffer[] {
  const payloads: Buffer[] = [];
  for (const match of text.matchAll(/[A-Za-z0-9+/]{16,}={0,2}/g)) {
    payloads.push(...unwrap(Buffer.from(match[0], 'base64')));
  }
  return payloads;
}

/**
 * Every file under `dir` whose bytes contain `secret`: as stored, and inside the
 * base64 / compressed payloads in it. Returns the hits and how many files were read.
 */
export async function findSecretInDirectory(
  dir: string,
  secret: string,
): Promise<{ files: number; hits: string[]; decodedPayloads: number }> {
  const needle = Buffer.from(secret);
  const hits: string[] = [];
  let files = 0;
  let decodedPayloads = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    // A world writes atomically (temporary file, then rename): one may vanish mid-scan.
    const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (bytes === undefined) continue;
    files++;
    const payloads = base64Payloads(bytes.toString('latin1'));
    decodedPayloads += payloads.length;
    if ([bytes, ...unwrap(bytes), ...payloads].some((candidate) => candidate.includes(needle))) {
      hits.push(path);
    }
  }
  return { files, hits, decodedPayloads };
}

/** Files under `dir` whose stored or decoded bytes contain `text` (to prove the scan sees the model state). */
export async function filesContaining(dir: string, text: string): Promise<number> {
  const { hits } = await findSecretInDirectory(dir, text);
  return hits.length;
}
