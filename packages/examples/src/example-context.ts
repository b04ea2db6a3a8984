import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { MixRouterProvider } from '@mixrouter/ai-sdk-provider';
import type { LogWarningsFunction } from 'ai';

/** What every example gets: a provider, and a place to print and save files. */
export interface ExampleContext {
  provider: MixRouterProvider;
  /** True when talking to api.mixrouter.com, false on the local emulator. */
  live: boolean;
  /** Writes without a newline (streamed tokens). */
  write(text: string): void;
  /** Writes a line. */
  line(text?: string): void;
  /** Saves generated media and returns the path. */
  saveFile(name: string, data: Uint8Array): Promise<string>;
}

export interface Example {
  description: string;
  run(context: ExampleContext): Promise<void>;
}

export const OUTPUT_DIR = resolve(import.meta.dirname, '..', 'output');

export function consoleContext(provider: MixRouterProvider, live: boolean): ExampleContext {
  return {
    provider,
    live,
    write: (text) => process.stdout.write(text),
    line: (text = '') => process.stdout.write(`${text}\n`),
    async saveFile(name, data) {
      await mkdir(OUTPUT_DIR, { recursive: true });
      const path = join(OUTPUT_DIR, name);
      await writeFile(path, data);
      return path;
    },
  };
}

/** Dim text for reasoning, so it is visibly separate from the answer. */
export const dim = (text: string) => (process.stdout.isTTY ? `\x1b[2m${text}\x1b[22m` : text);

export function formatUsage(usage: {
  inputTokens?: number;
  outputTokens?: number;
  outputTokenDetails?: { reasoningTokens?: number };
}): string {
  const reasoning = usage.outputTokenDetails?.reasoningTokens;
  return `usage: ${usage.inputTokens ?? '?'} in, ${usage.outputTokens ?? '?'} out${reasoning ? ` (${reasoning} reasoning)` : ''}`;
}

/**
 * The examples' warning logger (installed as `AI_SDK_LOG_WARNINGS` by the runner): each
 * warning once, on one line, right after the call that produced it.
 */
export const logExampleWarnings: LogWarningsFunction = ({ warnings, model }) => {
  for (const warning of warnings) {
    const what =
      'feature' in warning
        ? `${warning.type} "${warning.feature}"${warning.details ? `: ${warning.details}` : ''}`
        : `${warning.type}: ${'message' in warning ? warning.message : JSON.stringify(warning)}`;
    process.stdout.write(`${dim(`  warning (${model ?? 'model'}): ${what}`)}\n`);
  }
};
