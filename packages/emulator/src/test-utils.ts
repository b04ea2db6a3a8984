/** Helpers shared by the emulator's own tests. */
import type { Emulator } from './emulator-server.ts';

export interface SseBlock {
  event?: string;
  data?: string;
  comment?: string;
  /** A line that is neither `event:`, `data:` nor a comment (e.g. a bare JSON error). */
  raw?: string;
}

/** Splits an SSE body into blocks (one per blank-line separated group, stray lines kept). */
export function parseSse(text: string): SseBlock[] {
  const blocks: SseBlock[] = [];
  for (const group of text.split('\n\n')) {
    if (group.trim() === '') continue;
    const block: SseBlock = {};
    for (const line of group.split('\n')) {
      if (line.startsWith('data: ')) block.data = line.slice(6);
      else if (line.startsWith('event: ')) block.event = line.slice(7);
      else if (line.startsWith(':')) block.comment = line;
      else if (line.trim() !== '') block.raw = line;
    }
    blocks.push(block);
  }
  return blocks;
}

export function dataPayloads(blocks: SseBlock[]): unknown[] {
  return blocks
    .filter((b) => b.data !== undefined)
    .map((b) => (b.data === '[DONE]' ? '[DONE]' : JSON.parse(b.data as string)));
}

export function client(emu: Emulator) {
  const auth = { Authorization: `Bearer ${emu.apiKey}` };
  return {
    post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
      return fetch(`${emu.origin}${path}`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    },
    postForm(
      path: string,
      form: FormData,
      headers: Record<string, string> = {},
    ): Promise<Response> {
      return fetch(`${emu.origin}${path}`, {
        method: 'POST',
        headers: { ...auth, ...headers },
        body: form,
      });
    },
    get(path: string, headers: Record<string, string> = {}): Promise<Response> {
      return fetch(`${emu.origin}${path}`, { headers: { ...auth, ...headers } });
    },
  };
}
