import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from './index.ts';
import { client, dataPayloads, parseSse } from './test-utils.ts';

let emu: Emulator;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  emu = await startEmulator();
  api = client(emu);
});
afterAll(() => emu.close());

const streamed = (content: string) => ({
  model: 'gpt-4o',
  stream: true,
  messages: [{ role: 'user', content }],
});

function deltas(text: string): string {
  return dataPayloads(parseSse(text))
    .filter((p): p is { choices: { delta: { content?: string } }[] } => typeof p === 'object')
    .map((p) => p.choices[0]?.delta.content ?? '')
    .join('');
}

describe('403-quota fault', () => {
  it('answers like new-api when the balance cannot cover the request', async () => {
    const res = await api.post('/v1/chat/completions', streamed('Hi'), {
      'x-emulator-fault': '403-quota',
    });
    expect(res.status).toBe(403);
    const body = await res.json();
    expect(body.error.code).toBe('insufficient_user_quota');
    expect(body.error.message).toMatch(/^用户额度不足, 剩余额度: ＄0\.000000 \(request id: /);
  });
});

describe('long answers', () => {
  it('"long answer" in the prompt streams twelve paragraphs', async () => {
    const res = await api.post('/v1/chat/completions', streamed('Give me a long answer on rivers'));
    const text = deltas(await res.text());
    expect(text).toMatch(/^1\. Emulated gpt-4o long answer, part 1 of 12, about: Give me a long/);
    expect(text.split('\n\n')).toHaveLength(13);
    expect(text.endsWith('End of the long answer.')).toBe(true);
  });
});

describe('x-emulator-chunk-delay-ms', () => {
  it('paces every event of a stream', async () => {
    const started = performance.now();
    const res = await api.post('/v1/chat/completions', streamed('Hello there'), {
      'x-emulator-chunk-delay-ms': '20',
    });
    const blocks = parseSse(await res.text());
    const elapsed = performance.now() - started;
    // Timers may fire late but never early: n events take at least n × 20 ms.
    expect(elapsed).toBeGreaterThanOrEqual(blocks.length * 20 - 5);
  });
});
