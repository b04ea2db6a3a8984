/**
 * Packs @mixrouter/ai-sdk-provider from a clean checkout of HEAD (tracked files only: no
 * dist, no copied READMEs) exactly as a release would, then checks what a user would
 * install: the files in the tarball, its package.json, that every relative README link
 * resolves inside it, and that both entries import from the unpacked tarball.
 *
 * Dependencies are linked from this workspace's install instead of installed again (the
 * fresh-machine install is what CI itself runs); everything else comes from HEAD.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const PROVIDER = join(ROOT, 'packages', 'provider');

let work: string;
let files: string[];
let unpacked: string;
let manifest: {
  name: string;
  version: string;
  license: string;
  files: string[];
  exports: Record<string, string | Record<string, string>>;
  types: string;
  main: string;
  peerDependencies: Record<string, string>;
  dependencies: Record<string, string>;
  repository?: { url?: string; directory?: string };
  homepage?: string;
  bugs?: { url?: string };
  scripts: Record<string, string>;
};

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'mixrouter-pack-'));
  const checkout = join(work, 'checkout');
  mkdirSync(checkout);
  // A clean checkout: exactly the committed tree.
  const archive = execFileSync('git', ['archive', '--format=tar', 'HEAD'], {
    cwd: ROOT,
    maxBuffer: 1 << 30,
  });
  execFileSync('tar', ['-x', '-C', checkout], { input: archive });
  expect(existsSync(join(checkout, 'packages/provider/dist'))).toBe(false);
  symlinkSync(join(ROOT, 'node_modules'), join(checkout, 'node_modules'));
  symlinkSync(join(PROVIDER, 'node_modules'), join(checkout, 'packages/provider/node_modules'));

  // `npm pack` runs the package's prepack (build + copies) and postpack, as publishing does.
  const out = run(
    'npm',
    ['pack', '--json', '--pack-destination', work, '--loglevel=error'],
    join(checkout, 'packages/provider'),
  );
  // Lifecycle script output may precede the JSON report.
  const [info] = JSON.parse(out.slice(out.search(/^\[$/m))) as Array<{
    filename: string;
    files: Array<{ path: string }>;
  }>;
  files = info!.files.map((f) => f.path).sort();
  unpacked = join(work, 'app', 'node_modules', '@mixrouter', 'ai-sdk-provider');
  mkdirSync(unpacked, { recursive: true });
  execFileSync('tar', ['-xzf', join(work, info!.filename), '-C', unpacked, '--strip-components=1']);
  manifest = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'));
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed @mixrouter/ai-sdk-provider', () => {
  it('contains the built code, types and the documents, and nothing else', () => {
    for (const file of [
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'SECURITY.md',
      'BENCHMARKS.md',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/core.js',
      'dist/core.d.ts',
    ]) {
      expect(files, file).toContain(file);
    }
    const unexpected = files.filter(
      (f) =>
        !/^(package\.json|README\.md|LICENSE|CHANGELOG\.md|SECURITY\.md|BENCHMARKS\.md)$/.test(f) &&
        !/^dist\/[\w.-]+\.(js|d\.ts|js\.map)$/.test(f),
    );
    expect(unexpected).toEqual([]);
    expect(files.filter((f) => /test|fixture|__|\.ts$/.test(f) && !f.endsWith('.d.ts'))).toEqual(
      [],
    );
  });

  it('is licensed Apache-2.0, with the license text', () => {
    expect(manifest.license).toBe('Apache-2.0');
    const license = readFileSync(join(unpacked, 'LICENSE'), 'utf8');
    expect(license).toMatch(/Apache License\s+Version 2\.0, January 2004/);
    expect(license).toBe(readFileSync(join(ROOT, 'LICENSE'), 'utf8'));
  });

  it('declares ai as a peer dependency and where the project lives', () => {
    expect(manifest.peerDependencies.ai).toBe('^7.0.149');
    expect(manifest.peerDependencies.zod).toBeDefined();
    expect(manifest.dependencies.ai).toBeUndefined();
    expect(manifest.repository?.url).toMatch(/^git\+https:\/\//);
    expect(manifest.repository?.directory).toBe('packages/provider');
    expect(manifest.homepage).toMatch(/^https:\/\//);
    expect(manifest.bugs?.url).toMatch(/^https:\/\//);
    expect(manifest.scripts.prepack).toMatch(/^tsup\b/);
  });

  it('points every export, main and types at a file in the tarball', () => {
    const targets = [manifest.main, manifest.types];
    for (const value of Object.values(manifest.exports)) {
      targets.push(...(typeof value === 'string' ? [value] : Object.values(value)));
    }
    for (const target of targets) expect(files, target).toContain(posix.normalize(target));
  });

  it('has no README link that leads outside the tarball', () => {
    for (const doc of files.filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(join(unpacked, doc), 'utf8')
        .replace(/```[\s\S]*?```/g, '')
        .replace(/`[^`\n]*`/g, '');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
        if (/^(https?:|mailto:|#)/.test(target!)) continue;
        const path = posix.normalize(posix.join(posix.dirname(doc), target!.split('#')[0]!));
        expect(files, `${doc} links to ${target}`).toContain(path);
      }
    }
  });

  it('imports from the unpacked tarball through both entries', () => {
    // The tarball's runtime dependencies, resolved from this workspace's install.
    const modules = join(work, 'app', 'node_modules');
    for (const pkg of [...Object.keys(manifest.dependencies), 'ai', 'zod']) {
      const link = join(modules, pkg);
      mkdirSync(dirname(link), { recursive: true });
      if (!existsSync(link)) symlinkSync(join(PROVIDER, 'node_modules', pkg), link);
    }
    expect(readdirSync(join(modules, '@mixrouter'))).toEqual(['ai-sdk-provider']);
    const script = `
      const main = await import('@mixrouter/ai-sdk-provider');
      const core = await import('@mixrouter/ai-sdk-provider/core');
      const media = await import('@mixrouter/ai-sdk-provider/media');
      const image = core.createMixRouter({ apiKey: 'k', media: media.mixrouterMediaModels }).image('gpt-image-1');
      const model = core.createMixRouter({ apiKey: 'k' }).chat('gpt-4o');
      let missing = '';
      try { core.createMixRouter({ apiKey: 'k' }).responses('gpt-5'); } catch (e) { missing = e.message; }
      console.log(JSON.stringify({
        version: main.VERSION,
        // Separate builds (main: one file; /core + /media: shared classes). Errors from
        // either are recognised by both: instanceof checks a marker.
        coreErrorIsMainError: new core.MixRouterAPIError({ message: 'x', url: 'u', requestBodyValues: {}, kind: 'upstream' }) instanceof main.MixRouterAPIError,
        mainErrorIsCoreError: core.isMixRouterError(new main.MixRouterAPIError({ message: 'x', url: 'u', requestBodyValues: {}, kind: 'upstream' })),
        mediaImage: image.provider,
        coreMediaSharesClass: image instanceof media.MixRouterImageModel,
        provider: model.provider,
        mainHasNative: typeof main.createMixRouter({ apiKey: 'k' }).responses('gpt-5').doGenerate,
        missing,
      }));`;
    const out = run(process.execPath, ['--input-type=module', '-e', script], join(work, 'app'));
    expect(JSON.parse(out)).toEqual({
      version: manifest.version,
      coreErrorIsMainError: true,
      mainErrorIsCoreError: true,
      mediaImage: 'mixrouter.image',
      coreMediaSharesClass: true,
      provider: 'mixrouter.chat',
      mainHasNative: 'function',
      missing: expect.stringMatching(/@ai-sdk\/openai/),
    });
  });
});
