/** Turns the collected results into BENCHMARKS.md. */
import { existsSync, readFileSync } from 'node:fs';
import { BUNDLE_LIMIT, type BundleResult, bundleRatio, renderBundleTable } from './bundle-bench';
import { formatMs, type Summary, summarize } from './harness';
import type { HostileResult } from './hostile-bench';
import type { MemoryResult } from './memory-bench';
import type { RequestResult, StreamResult, TaskResult } from './runtime-bench';
import type { ImportResult, SizeResult } from './static-bench';

export type Machine = {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  versions: Record<string, string>;
};

export type BenchConfig = {
  quick: boolean;
  command: string;
  streamRounds: { warmup: number; measured: number };
  requestRounds: { warmup: number; measured: number };
  importRounds: { warmup: number; measured: number };
  /** Optional: results written before scenario 5 existed lack it. */
  hostileRounds?: { warmup: number; measured: number };
  memory: {
    sizes: number[];
    warmDeltas: number;
    repeats: number;
    concurrency: number;
    modes: ReadonlyArray<'rss' | 'live'>;
    liveSamples: number;
  };
  gc: boolean;
};

export type Results = {
  date: string;
  durationS: number;
  machine: Machine;
  config: BenchConfig;
  streams: StreamResult[];
  request: RequestResult;
  imports: ImportResult[];
  sizes: SizeResult[];
  bundles: { esbuild: string; results: BundleResult[] };
  esbuild: string | undefined;
  memory: MemoryResult;
  hostile?: HostileResult[];
};

const OURS = 'mixrouter';
const PEERS = ['openai-compatible', 'openrouter'];
const LABEL: Record<string, string> = {
  floor: 'floor: raw `fetch` + SSE split + `JSON.parse`',
  core: '`ai` core alone (mock V4 model, no HTTP)',
  mixrouter: '**@mixrouter/ai-sdk-provider**',
  'openai-compatible': '@ai-sdk/openai-compatible',
  openrouter: '@openrouter/ai-sdk-provider',
  'provider-utils': '@ai-sdk/provider-utils (shared base, reference)',
  ai: 'ai (reference)',
};

export const CHANGES_HEADING = '## Changes made to meet the targets';
const CHANGES_PLACEHOLDER =
  '_To be filled in: what was changed in the package, with before/after numbers._';

function range(s: Summary): string {
  return `${formatMs(s.min)}–${formatMs(s.max)}`;
}

function cell(s: Summary | undefined): string {
  return s && s.n > 0 ? `${formatMs(s.median)} ms` : '–';
}

function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}×`;
}

function kib(bytes: number | undefined): string {
  return bytes === undefined || !Number.isFinite(bytes) ? '–' : `${(bytes / 1024).toFixed(1)} KiB`;
}

function mib(bytes: number): string {
  if (!Number.isFinite(bytes)) return '–';
  const value = bytes / 1024 / 1024;
  return `${(Math.abs(value) < 0.05 ? 0 : value).toFixed(1)} MiB`;
}

function rate(deltas: number, ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '–';
  const perS = (deltas / ms) * 1000;
  return perS >= 1e6 ? `${(perS / 1e6).toFixed(2)} M` : `${(perS / 1e3).toFixed(0)} k`;
}

function status(met: boolean): string {
  return met ? '**MET**' : '**NOT MET**';
}

function find(tasks: TaskResult[], name: string): TaskResult | undefined {
  return tasks.find((t) => t.task === name);
}

type TargetLine = {
  target: string;
  ours: string;
  comparison: string;
  ratio: string;
  /** Median (min–max) of ours ÷ comparison within each round: robust to load drifting between rounds. */
  paired: string;
  limit: string;
  met: boolean;
};

function pairedRatio(ours: number[] | undefined, theirs: number[] | undefined): string {
  if (!ours || !theirs || ours.length === 0 || ours.length !== theirs.length) return '–';
  const s = summarize(ours.map((x, i) => x / theirs[i]!));
  return `${s.median.toFixed(2)}× (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
}

const wallSamples = (t: TaskResult | undefined) => t?.samples.map((x) => x.wallMs);

function streamTargets(s: StreamResult): TargetLine[] {
  const lines: TargetLine[] = [];
  const t = (name: string) => find(s.tasks, name);
  const oursDo = t(`${OURS}:doStream`)!.wall.median;
  const ocDo = t('openai-compatible:doStream')!.wall.median;
  const floor = t('floor')!.wall.median;
  const oursST = t(`${OURS}:streamText`)!.wall.median;
  const ocST = t('openai-compatible:streamText')!.wall.median;
  lines.push({
    target: `Streaming \`${s.scenario}\`: provider's own cost (\`doStream\`) vs openai-compatible`,
    ours: `${formatMs(oursDo)} ms`,
    comparison: `${formatMs(ocDo)} ms`,
    ratio: ratio(oursDo, ocDo),
    paired: pairedRatio(
      wallSamples(t(`${OURS}:doStream`)),
      wallSamples(t('openai-compatible:doStream')),
    ),
    limit: '≤ 0.5×',
    met: oursDo <= 0.5 * ocDo,
  });
  lines.push({
    target: `Streaming \`${s.scenario}\`: \`doStream\` vs the raw floor`,
    ours: `${formatMs(oursDo)} ms`,
    comparison: `${formatMs(floor)} ms`,
    ratio: ratio(oursDo, floor),
    paired: pairedRatio(wallSamples(t(`${OURS}:doStream`)), wallSamples(t('floor'))),
    limit: '≤ 2×',
    met: oursDo <= 2 * floor,
  });
  lines.push({
    target: `Streaming \`${s.scenario}\`: through \`streamText\` vs openai-compatible`,
    ours: `${formatMs(oursST)} ms`,
    comparison: `${formatMs(ocST)} ms`,
    ratio: ratio(oursST, ocST),
    paired: pairedRatio(
      wallSamples(t(`${OURS}:streamText`)),
      wallSamples(t('openai-compatible:streamText')),
    ),
    limit: '≤ 1.0×',
    met: oursST <= ocST,
  });
  return lines;
}

function fastest<T>(items: T[], value: (t: T) => number): T {
  return items.reduce((best, t) => (value(t) < value(best) ? t : best));
}

function requestTargets(r: RequestResult): TargetLine[] {
  const ours = find(r.tasks, `${OURS}:generateText`)!.wall.median;
  const peers = PEERS.map((p) => ({ p, ms: find(r.tasks, `${p}:generateText`)!.wall.median }));
  const best = fastest(peers, (x) => x.ms);
  return [
    {
      target: 'Request building (`generateText`, large prompt) vs the fastest peer',
      ours: `${formatMs(ours)} ms`,
      comparison: `${formatMs(best.ms)} ms (${best.p})`,
      ratio: ratio(ours, best.ms),
      paired: pairedRatio(
        wallSamples(find(r.tasks, `${OURS}:generateText`)),
        wallSamples(find(r.tasks, `${best.p}:generateText`)),
      ),
      limit: '≤ 1.0×',
      met: ours <= best.ms,
    },
  ];
}

function staticTargets(imports: ImportResult[]): TargetLine[] {
  const lines: TargetLine[] = [];
  const oursImport = imports.find((i) => i.name === OURS)!;
  const ours = oursImport.importMs.median;
  const peers = imports.filter((i) => PEERS.includes(i.name));
  const best = fastest(peers, (i) => i.importMs.median);
  lines.push({
    target: 'Import time (fresh process) vs the fastest-importing peer',
    ours: `${formatMs(ours)} ms`,
    comparison: `${formatMs(best.importMs.median)} ms (${best.name})`,
    ratio: ratio(ours, best.importMs.median),
    paired: pairedRatio(oursImport.importSamples, best.importSamples),
    limit: '≤ 1.0×',
    met: ours <= best.importMs.median,
  });
  return lines;
}

/**
 * Issue #17: what an app pays once bundled into one file (edge functions, workers).
 * The published `dist` size alone (§3b) is informational: ours ships five more model
 * types, native routes and the catalogue, and a bundler drops what an app does not use.
 */
function bundleTargets(bundles: Results['bundles'] | undefined): TargetLine[] {
  if (!bundles) return [];
  const ours = bundles.results.find((r) => r.role === 'ours')!;
  const peer = bundles.results.find((r) => r.name === 'openai-compatible')!;
  const r = bundleRatio(bundles.results);
  return [
    {
      target:
        'Chat-only app bundled into one file (esbuild, browser, minified): `/core` entry vs openai-compatible',
      ours: kib(ours.single.bytes),
      comparison: kib(peer.single.bytes),
      ratio: `${r.toFixed(2)}×`,
      paired: '–',
      limit: `≤ ${BUNDLE_LIMIT}×`,
      met: r <= BUNDLE_LIMIT,
    },
  ];
}

function problemsOf(tasks: TaskResult[]): string[] {
  return tasks
    .filter((t) => t.problems.length > 0)
    .map((t) => `- \`${t.task}\`: ${t.problems.join('; ')}`);
}

function streamSection(s: StreamResult, letter: string, description: string): string[] {
  const out: string[] = [];
  out.push(`### 1${letter}. \`${s.scenario}\` — ${description}`, '');
  out.push(
    `SSE body: ${s.deltas.toLocaleString('en-US')} content-bearing deltas. Times are per complete response (median of the measured rounds); deltas/s = deltas ÷ median wall time.`,
    '',
  );
  out.push(
    '| Implementation | `streamText` median | min–max | CPU | deltas/s | `doStream` median | min–max | CPU | deltas/s |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  const floor = find(s.tasks, 'floor')!;
  out.push(
    `| ${LABEL.floor} | – | – | – | – | ${cell(floor.wall)} | ${range(floor.wall)} | ${cell(floor.cpu)} | ${rate(s.deltas, floor.wall.median)} |`,
  );
  const core = find(s.tasks, 'core')!;
  out.push(
    `| ${LABEL.core} | ${cell(core.wall)} | ${range(core.wall)} | ${cell(core.cpu)} | ${rate(s.deltas, core.wall.median)} | – | – | – | – |`,
  );
  for (const p of [OURS, ...PEERS]) {
    const st = find(s.tasks, `${p}:streamText`)!;
    const ds = find(s.tasks, `${p}:doStream`)!;
    out.push(
      `| ${LABEL[p]} | ${cell(st.wall)} | ${range(st.wall)} | ${cell(st.cpu)} | ${rate(s.deltas, st.wall.median)} | ${cell(ds.wall)} | ${range(ds.wall)} | ${cell(ds.cpu)} | ${rate(s.deltas, ds.wall.median)} |`,
    );
  }
  out.push('');
  const oursDo = find(s.tasks, `${OURS}:doStream`)!.wall.median;
  const oursST = find(s.tasks, `${OURS}:streamText`)!.wall.median;
  const lines = [
    `- ours / openai-compatible: \`doStream\` ${ratio(oursDo, find(s.tasks, 'openai-compatible:doStream')!.wall.median)}, \`streamText\` ${ratio(oursST, find(s.tasks, 'openai-compatible:streamText')!.wall.median)}`,
    `- ours / openrouter: \`doStream\` ${ratio(oursDo, find(s.tasks, 'openrouter:doStream')!.wall.median)}, \`streamText\` ${ratio(oursST, find(s.tasks, 'openrouter:streamText')!.wall.median)}`,
    `- ours / floor (\`doStream\`): ${ratio(oursDo, floor.wall.median)}; each peer's \`doStream\` / floor: ${PEERS.map((p) => `${p} ${ratio(find(s.tasks, `${p}:doStream`)!.wall.median, floor.wall.median)}`).join(', ')}`,
    `- share of ours' \`streamText\` time spent in the provider (\`doStream\` / \`streamText\`): ${((oursDo / oursST) * 100).toFixed(0)}%; \`ai\` core alone / ours' \`streamText\`: ${((core.wall.median / oursST) * 100).toFixed(0)}%`,
  ];
  out.push(...lines, '');
  const problems = problemsOf(s.tasks);
  out.push(
    problems.length === 0
      ? 'Output check: every implementation delivered exactly the expected text, reasoning, tool calls and finish reason in every run.'
      : 'Output check (every run is compared with what the SSE body contains):',
  );
  if (problems.length > 0) out.push('', ...problems);
  out.push('');
  return out;
}

function bundleSection(bundles: Results['bundles'] | undefined): string[] {
  if (!bundles) return [];
  const ours = bundles.results.find((r) => r.role === 'ours')!;
  const peer = bundles.results.find((r) => r.name === 'openai-compatible')!;
  const breakdown = (r: BundleResult) =>
    r.packages
      .filter((p) => p.bytes >= 1024)
      .map((p) => `${p.pkg} ${kib(p.bytes)}`)
      .join(', ');
  return [
    '### 3c. App bundle size',
    '',
    `The same chat-only app (\`streamText\` on one chat model, the app's only import besides \`ai\`) bundled by esbuild ${bundles.esbuild} for the browser platform, minified (\`packages/bench/src/bundle-bench.ts\`, alone: \`pnpm --filter @mixrouter/bench run bundle\`). "single file" = no code splitting, as edge and worker deployments bundle: dynamic \`import()\`s are inlined. "split" = code splitting: "up front" is the entry plus the chunks it imports statically; lazy chunks load only when used.`,
    '',
    ...renderBundleTable(bundles.results),
    '',
    `The main entry loads the native routes' official providers (\`@ai-sdk/openai\`, \`@ai-sdk/anthropic\`, \`@ai-sdk/google\`) with \`import()\` on first use: with code splitting they stay out of what loads up front, but a single-file bundle inlines all three. \`@mixrouter/ai-sdk-provider/core\` builds in only chat completions and takes the rest from the app — the native routes' factories in \`native\`, the other model types in \`media: mixrouterMediaModels\` — so a single-file chat app stays within ${BUNDLE_LIMIT}× of openai-compatible, and an app pays only for what it passes (rows 2 and 3).`,
    '',
    `Where the single-file bytes go: ours (\`/core\`): ${breakdown(ours)}; openai-compatible: ${breakdown(peer)}.`,
    '',
  ];
}

function requestSection(r: RequestResult): string[] {
  const sc = r.scenario;
  const out = ['## 2. Request building', ''];
  out.push(
    `\`generateText\` with ${sc.messages} messages alternating user/assistant, ${sc.tools} tool definitions (zod schemas; JSON schema for \`doGenerate\`) and ${sc.images} images passed as bytes (${kib(sc.imageBytes)} each), against a canned JSON reply. \`doGenerate\` is the provider alone with the equivalent V4 prompt. Times are per call.`,
    '',
  );
  out.push(
    '| Implementation | `generateText` median | min–max | CPU | `doGenerate` median | min–max | CPU | request body |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  );
  const floor = find(r.tasks, 'floor')!;
  out.push(
    `| floor: hand-built JSON + \`fetch\` | – | – | – | ${cell(floor.wall)} | ${range(floor.wall)} | ${cell(floor.cpu)} | ${kib(Number(floor.extra?.requestBytes))} |`,
  );
  for (const p of [OURS, ...PEERS]) {
    const g = find(r.tasks, `${p}:generateText`)!;
    const d = find(r.tasks, `${p}:doGenerate`)!;
    out.push(
      `| ${LABEL[p]} | ${cell(g.wall)} | ${range(g.wall)} | ${cell(g.cpu)} | ${cell(d.wall)} | ${range(d.wall)} | ${cell(d.cpu)} | ${kib(Number(d.extra?.requestBytes))} |`,
    );
  }
  out.push('');
  const ours = find(r.tasks, `${OURS}:generateText`)!.wall.median;
  const oursDo = find(r.tasks, `${OURS}:doGenerate`)!.wall.median;
  out.push(
    `- ours / peer (\`generateText\`): ${PEERS.map((p) => `${p} ${ratio(ours, find(r.tasks, `${p}:generateText`)!.wall.median)}`).join(', ')}`,
    `- ours / peer (\`doGenerate\`): ${PEERS.map((p) => `${p} ${ratio(oursDo, find(r.tasks, `${p}:doGenerate`)!.wall.median)}`).join(', ')}; ours / floor: ${ratio(oursDo, floor.wall.median)}`,
    '',
  );
  const problems = problemsOf(r.tasks);
  out.push(
    problems.length === 0 ? 'Output check: every call returned the canned text.' : 'Output check:',
  );
  if (problems.length > 0) out.push('', ...problems);
  out.push('');
  return out;
}

function staticSection(results: Results): string[] {
  const out = ['## 3. Cold start and package size', ''];
  const rounds = results.config.importRounds;
  out.push(
    `### 3a. Import time`,
    '',
    `\`node --input-type=module -e "const t = performance.now(); await import('<pkg>'); …"\` in a fresh process per run (${rounds.warmup} warm-up + ${rounds.measured} measured runs per package, order rotated). "+ first model" also creates the provider and one chat model; "+ first call" then runs that model's first \`doGenerate\` against a canned reply from a local server started before the clock (what a package loads on first use counts there).`,
    '',
    '| Package | import median | min–max | import + first model (median) | + first call (median) |',
    '|---|---:|---:|---:|---:|',
  );
  for (const i of results.imports) {
    out.push(
      `| ${LABEL[i.name] ?? i.pkg} | ${cell(i.importMs)} | ${range(i.importMs)} | ${i.reference ? '–' : cell(i.createMs)} | ${i.reference ? '–' : cell(i.callMs)} |`,
    );
  }
  out.push('');
  out.push(
    '### 3b. Published `dist` size',
    '',
    results.esbuild
      ? `Sum over every \`.js\` file in the package's \`dist/\` (source maps and \`.d.ts\` excluded); gzip = node:zlib level 9 per file; minified = esbuild ${results.esbuild} \`transform({ minify: true })\` per file. "main entry" = only the file \`import '<pkg>'\` loads.`
      : "Sum over every `.js` file in the package's `dist/` (source maps and `.d.ts` excluded); gzip = node:zlib level 9 per file. esbuild was not resolvable in node_modules, so no minified sizes are reported.",
    '',
    '| Package | files | raw | gzip | minified | min + gzip | main entry raw | main entry min + gzip | bundles provider-utils |',
    '|---|---|---:|---:|---:|---:|---:|---:|---|',
  );
  for (const s of results.sizes) {
    out.push(
      `| ${LABEL[s.name]} ${s.version} | ${s.files.map((f) => `\`${f}\``).join(', ')} | ${kib(s.all.raw)} | ${kib(s.all.gzip)} | ${kib(s.all.min)} | ${kib(s.all.minGzip)} | ${kib(s.main.raw)} | ${kib(s.main.minGzip)} | ${s.bundlesProviderUtils ? 'yes (own copy)' : 'no (shared dependency)'} |`,
    );
  }
  out.push('');
  const extra = results.sizes.filter((s) => s.extraDependencies.length > 0);
  out.push(
    '`@openrouter/ai-sdk-provider` bundles its own copy of `@ai-sdk/provider-utils` (and `@ai-sdk/provider`) into its `dist`; the other two import the shared installed copy, which is not counted above (it is shared by every AI SDK provider in an app).',
  );
  if (extra.length > 0) {
    out.push(
      '',
      'Runtime dependencies beyond the shared `@ai-sdk/provider`, `@ai-sdk/provider-utils` and `zod` (not in the `dist` above, but installed with the package; raw `.js` of their `dist`):',
      '',
    );
    for (const s of extra) {
      out.push(
        `- ${s.pkg}: ${s.extraDependencies.map((d) => `${d.pkg}@${d.version} ${kib(d.raw)}`).join(', ')} (total ${kib(s.extraDependencies.reduce((n, d) => n + d.raw, 0))})`,
      );
    }
  }
  out.push('');
  out.push(...bundleSection(results.bundles));
  return out;
}

function memorySection(m: MemoryResult, cfg: BenchConfig): string[] {
  const out = ['## 4. Memory while streaming a long response', ''];
  const [small, large] = m.sizes as [number, number];
  out.push(
    `${cfg.memory.modes.includes('rss') ? '' : '**Quick mode: peak RSS is not measured (live heap only).** '}Each cell is a fresh process (median of ${cfg.memory.repeats}${cfg.memory.concurrency > 1 ? `; ${cfg.memory.concurrency} processes at a time` : ''}): warm-up on a ${cfg.memory.warmDeltas}-delta stream, two forced GCs, baseline, then the ${small.toLocaleString('en-US')}- or ${large.toLocaleString('en-US')}-delta text stream consumed once while the consumer keeps the whole text (as an application would). **Peak RSS growth**: peak RSS (sampled every 2 ms by a timer and every 250 deltas from the consumer loop, and \`process.resourceUsage().maxRSS\`) minus the baseline RSS, with natural GC. **Live heap growth**: another fresh process streams the response while forcing a full GC at ${cfg.memory.liveSamples} evenly spaced deltas (from the consumer loop) and records the largest heap still reachable minus its baseline — garbage excluded, so it shows what is *retained* while streaming. **Live after**: reachable heap once the call has returned, while the consumer still holds its text.`,
    '',
  );
  const header = [
    'Implementation',
    ...m.sizes.flatMap((n) => [
      `${n / 1000}k: peak RSS growth`,
      `${n / 1000}k: live heap growth`,
      `${n / 1000}k: live after`,
    ]),
    `live growth ${large / 1000}k − ${small / 1000}k`,
  ];
  out.push(
    `| ${header.join(' | ')} |`,
    `|---|${header
      .slice(1)
      .map(() => '---:')
      .join('|')}|`,
  );
  const text = (n: number) => m.tasks[0]!.cells.find((c) => c.deltas === n)!.textChars;
  for (const t of m.tasks) {
    const cells = t.cells.flatMap((c) => [
      mib(c.rssGrowth.median),
      mib(c.liveGrowth.median),
      mib(c.endLiveGrowth.median),
    ]);
    const delta = t.cells[1]!.liveGrowth.median - t.cells[0]!.liveGrowth.median;
    const name =
      t.task === 'floor' || t.task === 'core'
        ? LABEL[t.task]!
        : `${LABEL[t.task.split(':')[0]!]} via \`${t.task.split(':')[1]}\``;
    out.push(`| ${name} | ${cells.join(' | ')} | ${mib(delta)} |`);
  }
  out.push('');
  out.push(
    `The consumer's text is ${text(small).toLocaleString('en-US')} characters at ${small / 1000}k deltas and ${text(large).toLocaleString('en-US')} at ${large / 1000}k; kept as a string built with \`+=\` it is a rope of one node per delta, so the floor's own live growth is the memory cost of the accumulated text.`,
    '',
  );
  const liveDelta = (task: string) => {
    const t = m.tasks.find((x) => x.task === task)!;
    return t.cells[1]!.liveGrowth.median - t.cells[0]!.liveGrowth.median;
  };
  const floorDelta = liveDelta('floor');
  const coreDelta = liveDelta('core');
  out.push(
    `- Provider alone (\`doStream\`), live growth from ${small / 1000}k to ${large / 1000}k beyond the floor's (= beyond the accumulated text): ${[OURS, ...PEERS].map((p) => `${p} ${mib(liveDelta(`${p}:doStream`) - floorDelta)}`).join(', ')}.`,
    `- Through \`streamText\`, beyond the \`ai\` core alone (mock model, same parts): ${[OURS, ...PEERS].map((p) => `${p} ${mib(liveDelta(`${p}:streamText`) - coreDelta)}`).join(', ')}. The \`ai\` core itself retains ${mib(coreDelta)} more at ${large / 1000}k than at ${small / 1000}k with no provider at all: by default \`streamText\` keeps every chunk of the call for replay (a \`tee\` whose second branch is read only by \`.text\`, \`.steps\`, …; \`experimental_streamTextLowMemory\` does not), so that part is the core's, the same whichever provider feeds it.`,
    '',
  );
  const problems = m.tasks.flatMap((t) =>
    t.cells
      .filter((c) => c.problems.length > 0)
      .map((c) => `- \`${t.task}\` ${c.deltas}: ${c.problems.join('; ')}`),
  );
  if (problems.length > 0) out.push('Problems:', '', ...problems, '');
  return out;
}

function hostileSection(results: HostileResult[] | undefined, cfg: BenchConfig): string[] {
  if (results === undefined || results.length === 0) return [];
  const rounds = cfg.hostileRounds;
  const out = [
    '## 5. Worst-case inputs (untrusted text, 1 MB each)',
    '',
    `Inputs crafted against the package's scanners of response bodies and model output (\`packages/provider/src/test-utils/hostile-inputs.ts\`; the provider's unit tests check the results on the same inputs), served at 1 MB by the bench server and read through the public API: an error body by \`doGenerate\`'s error path (gpt-4o), model text by \`doGenerate\` (one JSON answer) and \`doStream\` (1 KB content deltas) of the model whose scanner it targets (markdown images: gemini-2.5-flash-image; \`<think>\` tags: minimax-m2), a raw 200 stream body by \`doStream\`. Median of ${rounds?.measured ?? '?'} runs after ${rounds?.warmup ?? '?'} warm-up. "transfer" = \`fetch\` + reading the same body, no parsing: what moving the bytes costs. Linear scanning shows as a small, size-proportional cost per MB above the transfer (the regexes replaced here took 2.9 s on \`html-unclosed-tags\` and 8.0 s on \`image-brackets\` at only 100 KB on this machine, growing with the square of the size).`,
    '',
    '| Input | What it attacks | Path | Size | Median | min–max | Per MB | Transfer (median) |',
    '|---|---|---|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    const mb = r.bytes / 1_000_000;
    out.push(
      `| \`${r.name}\` | ${r.description} | ${r.path} (${r.modelId}) | ${(r.bytes / 1024).toFixed(0)} KiB | ${cell(r.wall)} | ${range(r.wall)} | ${formatMs(r.wall.median / mb)} ms | ${cell(r.floor)} |`,
    );
  }
  const problems = results.filter((r) => r.problems.length > 0);
  out.push('');
  out.push(
    problems.length === 0
      ? 'Output check: every call ended as expected (the error with a short summary; the text returned whole; the stream finished).'
      : `Output check problems:\n\n${problems.map((r) => `- \`${r.name}\` ${r.path}: ${r.problems.join('; ')}`).join('\n')}`,
    '',
  );
  return out;
}

function methodSection(results: Results): string[] {
  const c = results.config;
  return [
    '## Method',
    '',
    `- **Server**: one local HTTP server (Node \`http\`, 127.0.0.1, ephemeral port) in its own process, so its CPU and memory never count against the measured process. Each SSE body is serialised into one Buffer at start-up and written with a single \`end()\`; no delays. Every provider posts to \`{baseURL}/chat/completions\` (checked: all three build that URL); the scenario is chosen by the base URL prefix (\`/s/<scenario>/v1\`, \`/json/v1\`).`,
    '- **Chunks**: realistic MixRouter/new-api chunks: `{"id":"chatcmpl-…","object":"chat.completion.chunk","created":…,"model":…,"choices":[{"index":0,"delta":{"content":"…"},"finish_reason":null}]}`, a role chunk first, a finish chunk, a usage-only chunk with `choices: []` and the full new-api usage object, then `data: [DONE]`. The mixed scenario streams `reasoning_content` deltas, then 8 tool calls one after another (OpenAI order: a header fragment with id and name, then argument-only fragments).',
    "- **Implementations** (same process, one model instance each, created outside the timed call): this package `createMixRouter({ apiKey, baseURL })`; `createOpenAICompatible({ name: 'mixrouter', baseURL, apiKey, includeUsage: true })`; `createOpenRouter({ apiKey, baseURL })`; the floor (raw `fetch`, a line splitter, `JSON.parse` per `data:` line, no AI SDK); and the `ai` core alone (`MockLanguageModelV4` from `ai/test` replaying the same V4 parts from a pre-built array, 400 parts per pull, about one socket read's worth).",
    "- **Two ways per provider**: through `streamText(...).fullStream` (what users feel) and `model.doStream({ prompt, includeRawChunks: false })` read to the end (the provider's own cost). Every run is checked against what the body contains (text, reasoning and tool-argument lengths, tool-call count, finish reason).",
    `- **Runs**: streaming ${c.streamRounds.warmup} warm-up + ${c.streamRounds.measured} measured rounds; request building ${c.requestRounds.warmup} + ${c.requestRounds.measured}; each round runs every implementation once, in an order rotated by one each round. Medians and min–max over the measured rounds. ${c.gc ? 'A forced GC (`--expose-gc`) precedes every timed run.' : 'No forced GC between runs (`--expose-gc` missing).'} CPU = \`process.cpuUsage()\` user + system over the run (all threads of the process: GC helpers included).`,
    '- **Cold start**: a fresh `node` per run; dist sizes from the installed packages (ours: the local build in `packages/provider/dist`).',
    '- **Memory**: fresh process per cell, see §4.',
    '- Wall-clock numbers depend on the machine and on what else runs on it; ratios measured in the same run are the meaningful figures. This is a benchmark, not a test: it never fails on slowness (it exits non-zero only if it cannot run).',
    '',
  ];
}

/** The user-maintained section survives regeneration. */
function preservedChanges(path: string): string {
  if (!existsSync(path)) return CHANGES_PLACEHOLDER;
  const text = readFileSync(path, 'utf8');
  const at = text.indexOf(CHANGES_HEADING);
  if (at === -1) return CHANGES_PLACEHOLDER;
  const rest = text.slice(at + CHANGES_HEADING.length);
  const next = rest.search(/\n## /);
  const body = (next === -1 ? rest : rest.slice(0, next)).trim();
  return body.length > 0 ? body : CHANGES_PLACEHOLDER;
}

export function renderReport(results: Results, existingPath: string): string {
  const m = results.machine;
  const c = results.config;
  const targets = [
    ...results.streams.flatMap(streamTargets),
    ...requestTargets(results.request),
    ...staticTargets(results.imports),
    ...bundleTargets(results.bundles),
  ];
  const out: string[] = [
    '# Benchmarks: @mixrouter/ai-sdk-provider vs peers and the floor',
    '',
    `Generated by \`${c.command}\` on ${results.date} in ${results.durationS.toFixed(0)} s${c.quick ? ' — **quick mode** (few runs, small sizes: a smoke check, not numbers to quote)' : ''}. Everything below except the "${CHANGES_HEADING.slice(3)}" section is rewritten on every run.`,
    '',
    '## Machine',
    '',
    '| | |',
    '|---|---|',
    `| CPU | ${m.cpu} (${m.cores} logical cores) |`,
    `| Memory | ${m.memoryGiB.toFixed(1)} GiB |`,
    `| Node | ${m.node} |`,
    `| OS | ${m.os} |`,
    `| Packages | ${Object.entries(m.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')} |`,
    '',
    `Command: \`${c.command}\` at the repository root (quick mode: \`pnpm bench --quick\` or \`BENCH_QUICK=1 pnpm bench\`).`,
    '',
    '## Targets (issues #7 and #17)',
    '',
    'Ratio = ours ÷ comparison, both medians of the same run (this decides the status). Per-round = median (min–max) of the ratio taken within each round, where both ran back to back — less sensitive to load changing during the run.',
    '',
    '| Target | Ours | Comparison | Ratio | Per-round ratio | Limit | Status |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...targets.map(
      (t) =>
        `| ${t.target} | ${t.ours} | ${t.comparison} | ${t.ratio} | ${t.paired} | ${t.limit} | ${status(t.met)} |`,
    ),
    '',
    `${targets.filter((t) => t.met).length} of ${targets.length} met.`,
    '',
    '## 1. Streaming throughput',
    '',
  ];
  results.streams.forEach((s, i) => {
    out.push(
      ...streamSection(
        s,
        String.fromCharCode(97 + i),
        s.scenario.startsWith('text')
          ? 'short content deltas'
          : 'reasoning deltas + 8 parallel tool calls',
      ),
    );
  });
  out.push(...requestSection(results.request));
  out.push(...staticSection(results));
  out.push(...memorySection(results.memory, c));
  out.push(...hostileSection(results.hostile, c));
  out.push(...methodSection(results));
  out.push(CHANGES_HEADING, '', preservedChanges(existingPath), '');
  return out.join('\n');
}
