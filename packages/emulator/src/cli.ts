#!/usr/bin/env -S npx tsx
/**
 * Starts the MixRouter emulator:
 * `tsx src/cli.ts [--port 8787] [--host 127.0.0.1] [--api-key sk-emulator] [--lenient]`.
 * `--lenient` turns the upstream contracts off (strict is the default).
 */
import { parseArgs } from 'node:util';
import { startEmulator } from './emulator-server.ts';

// `pnpm start -- --port 8787` hands the script a literal `--` first (npm strips it,
// pnpm does not); parseArgs would read everything after it as positionals.
const args = process.argv.slice(2);
if (args[0] === '--') args.shift();

const { values } = parseArgs({
  args,
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    'api-key': { type: 'string', default: 'sk-emulator' },
    lenient: { type: 'boolean', default: false },
  },
});

const emulator = await startEmulator({
  port: Number(values.port),
  host: values.host,
  apiKey: values['api-key'],
  strict: !values.lenient,
});

console.log(`MixRouter emulator listening`);
console.log(`  baseURL: ${emulator.baseURL}`);
console.log(`  apiKey:  ${emulator.apiKey}`);

process.once('SIGINT', () => {
  void emulator.close().then(() => process.exit(0));
});
process.once('SIGTERM', () => {
  void emulator.close().then(() => process.exit(0));
});
