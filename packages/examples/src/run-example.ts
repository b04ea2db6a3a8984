import { connect } from './connect';
import { consoleContext } from './example-context';
import { examples } from './examples/index';

const name = process.argv[2];
if (name === undefined || name === '--list' || !(name in examples)) {
  if (name !== undefined && name !== '--list') console.error(`Unknown example "${name}".\n`);
  console.log('Examples (run with `npm run example -- <name>`):');
  for (const [key, example] of Object.entries(examples))
    console.log(`  ${key.padEnd(20)} ${example.description}`);
  process.exit(name === undefined || name === '--list' ? 0 : 1);
}

const connection = await connect((line) => console.log(line));
try {
  await examples[name as keyof typeof examples]!.run(
    consoleContext(connection.provider, connection.live),
  );
} finally {
  await connection.close();
}
