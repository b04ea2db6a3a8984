/**
 * The bodies of scenario 5 (worst-case inputs), built by the server process from the
 * provider's shared `HOSTILE_INPUTS`, and the constants both processes agree on.
 */
import {
  HOSTILE_INPUTS,
  type HostileInputKind,
} from '../../provider/src/test-utils/hostile-inputs';
import { CHUNK_ID, CREATED } from './fixtures';

/** Size of every worst-case input. */
export const HOSTILE_BYTES = 1_000_000;
/** Deltas the model-text inputs are streamed in. */
export const HOSTILE_DELTA_CHARS = 1024;

export type HostilePath = 'generate' | 'stream';

/** Which model reads which kind of input (the scanners run only for these families). */
export const HOSTILE_MODEL: Record<HostileInputKind, string> = {
  'error-body': 'gpt-4o',
  'image-text': 'gemini-2.5-flash-image',
  'think-text': 'minimax-m2',
  'sse-body': 'gpt-4o',
};

export function hostilePaths(kind: HostileInputKind): HostilePath[] {
  if (kind === 'sse-body') return ['stream'];
  if (kind === 'error-body') return ['generate'];
  return ['generate', 'stream'];
}

export type HostileBody = { status: number; contentType: string; body: Buffer };

/** Both answers of one input: to a non-stream and to a stream request. */
export function buildHostileBodies(
  name: string,
): { generate: HostileBody; stream: HostileBody } | undefined {
  const input = HOSTILE_INPUTS.find((i) => i.name === name);
  if (input === undefined) return undefined;
  const text = input.build(HOSTILE_BYTES);
  const model = HOSTILE_MODEL[input.kind];
  if (input.kind === 'error-body') {
    const page = { status: 502, contentType: 'text/html', body: Buffer.from(text) };
    return { generate: page, stream: page };
  }
  if (input.kind === 'sse-body') {
    const raw = { status: 200, contentType: 'text/event-stream', body: Buffer.from(text) };
    return { generate: raw, stream: raw };
  }
  const json = {
    id: CHUNK_ID,
    object: 'chat.completion',
    created: CREATED,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 10, completion_tokens: 1000, total_tokens: 1010 },
  };
  const events: string[] = [];
  const chunk = (delta: unknown, finish: string | null) =>
    `data: ${JSON.stringify({ id: CHUNK_ID, object: 'chat.completion.chunk', created: CREATED, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  for (let i = 0; i < text.length; i += HOSTILE_DELTA_CHARS)
    events.push(chunk({ content: text.slice(i, i + HOSTILE_DELTA_CHARS) }, null));
  events.push(chunk({}, 'stop'), 'data: [DONE]\n\n');
  return {
    generate: {
      status: 200,
      contentType: 'application/json',
      body: Buffer.from(JSON.stringify(json)),
    },
    stream: { status: 200, contentType: 'text/event-stream', body: Buffer.from(events.join('')) },
  };
}
