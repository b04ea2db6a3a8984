import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { type Emulator, startEmulator } from '@mixrouter/emulator';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findSecretInDirectory } from './scan-directory';
import { askTwice } from './workflows/ask-twice';

// A run is killed (SIGKILL) while it sleeps between two model steps; a new process on the
// same data directory finishes it. The emulator lives in this process and counts the
// model calls, so a repeated first call would show.
const KEY = 'sk-durable-RESUME-SECRET-7c41b9e0a2';
const ROOT = resolve(import.meta.dirname, '..');
const SCRIPT = join(ROOT, 'src', 'durable-process.mjs');

let emulator: Emulator;
let dataDir: string;
beforeAll(async () => {
  emulator = await startEmulator({ apiKey: KEY });
  dataDir = await mkdtemp(join(tmpdir(), 'mixrouter-durable-'));
});
afterAll(async () => {
  await emulator.close();
  await rm(dataDir, { recursive: true, force: true });
});

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

function launch(args: string[]) {
  const child = spawn(process.execPath, [SCRIPT, ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      MIXROUTER_API_KEY: KEY,
      WORKFLOW_LOCAL_DATA_DIR: dataDir,
      WORKFLOW_BUNDLE: join(ROOT, '.workflow-vitest', 'combined.mjs'),
      // A run owned by a dead process is taken over after this lease (default 860 s).
      WORKFLOW_INLINE_OWNERSHIP_LEASE_SECONDS: '3',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr!.on('data', (chunk) => {
    stderr += chunk;
  });
  const reports: Array<Record<string, unknown>> = [];
  const waiters: Array<() => void> = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (!line.startsWith('{"report":')) return;
    reports.push(JSON.parse(line).report);
    for (const wake of waiters.splice(0)) wake();
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  async function next<K extends string>(key: K): Promise<Record<K, unknown>> {
    for (;;) {
      const found = reports.find((r) => key in r);
      if (found) return found as Record<K, unknown>;
      const woke = new Promise<void>((wake) => waiters.push(wake));
      const ended = exited.then((code) => {
        throw new Error(`durable process exited (${code}) before reporting ${key}:\n${stderr}`);
      });
      await Promise.race([woke, ended]);
    }
  }
  return { child, next, exited };
}

const chatCalls = () => emulator.requests.filter((r) => r.path === '/v1/chat/completions');
const promptOf = (request: { body: unknown }) =>
  (request.body as { messages: Array<{ content: string }> }).messages.at(-1)!.content;

it('a run killed during a durable sleep is finished by a new process without repeating the first model call', async () => {
  const workflowId = (askTwice as unknown as { workflowId: string }).workflowId;
  expect(workflowId).toMatch(/askTwice/);

  const first = launch(['start', workflowId, JSON.stringify([emulator.baseURL, '3s'])]);
  const { runId } = await first.next('runId');
  await first.next('sleeping');
  expect(chatCalls().map(promptOf)).toEqual(['First question: what is 2+3?']);
  first.child.kill('SIGKILL');
  expect(await first.exited).toBeNull();

  const second = launch(['resume', String(runId)]);
  const { done } = await second.next('done');
  expect(await second.exited).toBe(0);

  const result = done as { first: string; second: string };
  expect(result.first.length).toBeGreaterThan(0);
  expect(result.second.length).toBeGreaterThan(0);
  // The first model call happened once, before the kill; the second after the resume.
  expect(chatCalls().map(promptOf)).toEqual([
    'First question: what is 2+3?',
    'Second question: what is 4+4?',
  ]);
  for (const call of chatCalls()) expect(call.headers.authorization).toBe(`Bearer ${KEY}`);

  const scan = await findSecretInDirectory(dataDir, KEY.slice(3));
  expect(scan.files).toBeGreaterThan(0);
  expect(scan.hits).toEqual([]);
});
