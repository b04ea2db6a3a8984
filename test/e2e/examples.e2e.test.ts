import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMixRouter } from '@mixrouter/ai-sdk-provider';
import { type Emulator, startEmulator } from '@mixrouter/emulator';
import type { ExampleContext } from '@mixrouter/examples/context';
import { examples } from '@mixrouter/examples/examples';
import { afterAll, beforeAll, expect, it } from 'vitest';

// Every example runs green against the emulator (the same code `npm run example` runs).
let emulator: Emulator;
let outputDir: string;

beforeAll(async () => {
  emulator = await startEmulator();
  outputDir = await mkdtemp(join(tmpdir(), 'mixrouter-examples-'));
  (globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;
});
afterAll(async () => {
  await emulator.close();
  await rm(outputDir, { recursive: true, force: true });
});

it.each(Object.keys(examples))('example %s runs against the emulator', async (name) => {
  let output = '';
  const saved: string[] = [];
  const context: ExampleContext = {
    provider: createMixRouter({ apiKey: emulator.apiKey, baseURL: emulator.baseURL }),
    live: false,
    write: (text) => {
      output += text;
    },
    line: (text = '') => {
      output += `${text}\n`;
    },
    async saveFile(file, data) {
      expect(data.length).toBeGreaterThan(0);
      const path = join(outputDir, file);
      await writeFile(path, data);
      saved.push(path);
      return path;
    },
  };
  await examples[name]!.run(context);
  expect(output.trim().length).toBeGreaterThan(0);
  expect(output).not.toMatch(/\[error\]/);
});
