/** POST /v1/embeddings (protocol §7). */
import { createHash } from 'node:crypto';
import { type Ctx, sendJson } from './context.ts';
import { embeddingBatchViolation } from './contracts/embeddings-contract.ts';
import { contractsEnforced } from './contracts/strict-mode.ts';
import {
  requireJsonBody,
  sendInvalidRequest,
  sendMissingModel,
  sendModelNotFound,
  sendUpstreamError,
} from './errors.ts';
import { asNumber, asString, tokenCount } from './json-util.ts';
import { isKnownModel } from './known-models.ts';

const MAX_INPUTS = 2048;

function defaultDimensions(model: string): number {
  if (/3-large/.test(model)) return 3072;
  if (/gemini-embedding|text-embedding-004/.test(model)) return 768;
  return 1536;
}

function supportsDimensions(model: string): boolean {
  return !/ada-002/.test(model);
}

/** A deterministic unit-length vector for a text. */
export function embedText(text: string, model: string, dims: number): number[] {
  let seed = createHash('sha256').update(`${model}\n${text}`).digest().readUInt32LE(0);
  const random = (): number => {
    // mulberry32
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const v = Array.from({ length: dims }, () => random() * 2 - 1);
  const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0)) || 1;
  return v.map((x) => Math.fround(x / norm));
}

function toBase64(vector: number[]): string {
  const buf = Buffer.alloc(vector.length * 4);
  vector.forEach((x, i) => {
    buf.writeFloatLE(x, i * 4);
  });
  return buf.toString('base64');
}

export async function handleEmbeddings(ctx: Ctx): Promise<void> {
  const body = requireJsonBody(ctx);
  if (!body) return;
  const model = asString(body.model);
  if (!model) return sendMissingModel(ctx);
  if (!isKnownModel(model)) return sendModelNotFound(ctx, model);
  const raw = body.input;
  if (raw === undefined || raw === null || raw === '') {
    return sendInvalidRequest(ctx, 'input is empty');
  }
  const inputs: string[] = Array.isArray(raw)
    ? raw.every((x) => typeof x === 'number')
      ? [JSON.stringify(raw)]
      : raw.map((x) => (typeof x === 'string' ? x : JSON.stringify(x)))
    : [String(raw)];
  if (inputs.length > MAX_INPUTS) {
    return sendUpstreamError(
      ctx,
      400,
      `'$.input' is invalid. Please check the API reference: the maximum number of inputs is ${MAX_INPUTS}.`,
      'invalid_request_error',
      '',
      'input',
    );
  }
  const batch = contractsEnforced(ctx)
    ? embeddingBatchViolation(model.replace(/^emulator-/, ''), inputs.length)
    : undefined;
  if (batch) {
    return sendUpstreamError(ctx, batch.status, batch.message, batch.type, batch.code, batch.param);
  }
  const requested = asNumber(body.dimensions);
  if (requested !== undefined && !supportsDimensions(model)) {
    return sendUpstreamError(
      ctx,
      400,
      'This model does not support specifying dimensions.',
      'invalid_request_error',
      '',
      'dimensions',
    );
  }
  if (requested !== undefined && (requested < 1 || !Number.isInteger(requested))) {
    return sendUpstreamError(
      ctx,
      400,
      `Invalid value for 'dimensions' = ${requested}. Must be a positive integer.`,
      'invalid_request_error',
      '',
      'dimensions',
    );
  }
  const dims = requested ?? defaultDimensions(model);
  const base64 = body.encoding_format === 'base64';
  const promptTokens = inputs.reduce((s, t) => s + Math.max(1, tokenCount(t)), 0);
  sendJson(ctx, 200, {
    object: 'list',
    data: inputs.map((text, index) => {
      const vector = embedText(text, model, dims);
      return { object: 'embedding', index, embedding: base64 ? toBase64(vector) : vector };
    }),
    model,
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  });
}
