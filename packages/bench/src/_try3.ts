import { benchImports, benchSizes, loadEsbuild } from './static-bench';
const e = await loadEsbuild();
console.log(e?.from, e?.esbuild.version);
console.log(JSON.stringify(await benchSizes(e?.esbuild), null, 1));
const r = await benchImports({ warmup: 1, measured: 5 }, console.log);
for (const x of r) console.log(x.name, x.importMs, x.createMs.median);
