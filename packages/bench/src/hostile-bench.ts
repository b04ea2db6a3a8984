/**
 * Scenario 5: worst-case inputs for the package's scanners of untrusted text (issue 13
 * item 2). Each input from `HOSTILE_INPUTS` (shared with the provider's unit tests, which
 * check the results on the same inputs) is served by the bench server at 1 MB and read
 * through the public API: an error body through `doGenerate`'s error path, model text
 * through `doGenerate` (one JSON answer) and `doStream` (1 KB deltas), a raw stream body
 * through `doStream`. The floor is `fetch` + reading the same body: the transfer alone.
 */
import { createMixRouter } from '@mixrouter/ai-sdk-provider';
import {
  HOSTILE_INPUTS,
  type HostileInputKind,
} from '../../provider/src/test-utils/hostile-inputs';
import { STREAM_PROMPT } from './fixtures';
import { measure, type Summary, summarize } from './harness';
import { HOSTILE_BYTES, HOSTILE_MODEL, type HostilePath, hostilePaths } from './hostile-fixtures';
import { API_KEY } from './impls';

export type HostileResult = {
  name: string;
  kind: HostileInputKind;
  description: string;
  path: HostilePath;
  bytes: number;
  modelId: string;
  wall: Summary;
  floor: Summary;
  /** What the call ended with, checked against the input (empty = as expected). */
  problems: string[];
};

async function runOnce(
  kind: HostileInputKind,
  path: HostilePath,
  baseURL: string,
  modelId: string,
  input: string,
): Promise<string[]> {
  const model = createMixRouter({ apiKey: API_KEY, baseURL })(modelId);
  if (kind === 'error-body') {
    try {
      await model.doGenerate({ prompt: STREAM_PROMPT });
      return ['no error raised'];
    } catch (error) {
      const message = (error as Error).message;
      return message.length < 400 ? [] : [`error message of ${message.length} characters`];
    }
  }
  if (path === 'generate') {
    const result = await model.doGenerate({ prompt: STREAM_PROMPT });
    const chars = result.content.reduce(
      (n, c) => n + (c.type === 'text' || c.type === 'reasoning' ? c.text.length : 0),
      0,
    );
    return chars > 0 && chars <= input.length
      ? []
      : [`${chars} characters of ${input.length} came back`];
  }
  const { stream } = await model.doStream({ prompt: STREAM_PROMPT, includeRawChunks: false });
  const reader = stream.getReader();
  let chars = 0;
  let finish = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (value.type === 'text-delta' || value.type === 'reasoning-delta')
      chars += value.delta.length;
    if (value.type === 'finish') finish = value.finishReason.unified;
  }
  if (kind === 'sse-body') return finish === '' ? ['no finish part'] : [];
  return chars > 0 && chars <= input.length && finish === 'stop'
    ? []
    : [`${chars} characters of ${input.length}, finish ${finish}`];
}

async function floorOnce(url: string, path: HostilePath): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` },
    body: JSON.stringify({ model: 'x', messages: [], stream: path === 'stream' }),
  });
  await response.text();
}

export async function benchHostile(
  origin: string,
  rounds: { warmup: number; measured: number },
  log: (line: string) => void,
): Promise<HostileResult[]> {
  const results: HostileResult[] = [];
  for (const input of HOSTILE_INPUTS) {
    const text = input.build(HOSTILE_BYTES);
    const baseURL = `${origin}/h/${input.name}/v1`;
    const modelId = HOSTILE_MODEL[input.kind];
    for (const path of hostilePaths(input.kind)) {
      const wall: number[] = [];
      const floor: number[] = [];
      const problems = new Set<string>();
      for (let r = 0; r < rounds.warmup + rounds.measured; r++) {
        const { sample, value } = await measure(() =>
          runOnce(input.kind, path, baseURL, modelId, text),
        );
        const f = await measure(() => floorOnce(`${baseURL}/chat/completions`, path));
        if (r < rounds.warmup) continue;
        wall.push(sample.wallMs);
        floor.push(f.sample.wallMs);
        for (const p of value) problems.add(p);
      }
      const summary = summarize(wall);
      log(`  ${input.name} ${path}: ${summary.median.toFixed(1)} ms`);
      results.push({
        name: input.name,
        kind: input.kind,
        description: input.description,
        path,
        bytes: text.length,
        modelId,
        wall: summary,
        floor: summarize(floor),
        problems: [...problems],
      });
    }
  }
  return results;
}
