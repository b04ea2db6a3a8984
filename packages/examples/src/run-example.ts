import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { ExampleContext } from './example-context';

const name = process.argv[2];
const listing = name === undefined || name === '--list';

// The examples import the BUILT package, as an app would: rebuild it only when its
// sources changed since the last build (quiet unless the build fails), and before any
// example module loads (on a fresh clone there is no dist yet). Listing needs neither.
if (!listing) {
  const built = spawnSync(
    process.execPath,
    [join(import.meta.dirname, '..', '..', '..', 'scripts', 'build-provider-if-stale.mjs')],
    { stdio: 'inherit' },
  );
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const { examples } = await import('./examples/index');
if (listing || !(name in examples)) {
  if (!listing) console.error(`Unknown example "${name}".\n`);
  console.log('Examples (run with `npm run example -- <name>`):');
  for (const [key, example] of Object.entries(examples))
    console.log(`  ${key.padEnd(20)} ${example.description}`);
  process.exit(listing ? 0 : 1);
}

const [{ connect }, { consoleContext, logExampleWarnings }] = await Promise.all([
  import('./connect'),
  import('./example-context'),
]);
// One line per warning, printed once (the examples do not print them themselves).
globalThis.AI_SDK_LOG_WARNINGS = logExampleWarnings;
const connection = await connect((line) => console.log(line));
try {
  const context: ExampleContext = consoleContext(connection.provider, connection.live);
  await examples[name]!.run(context);
} finally {
  await connection.close();
}
