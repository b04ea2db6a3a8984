#!/usr/bin/env node
/**
 * `prepack` of @mixrouter/ai-sdk-provider: copies the repository's README, SECURITY,
 * BENCHMARKS and LICENSE into the package so the tarball carries them. A relative link
 * in those documents to a file the tarball does not ship (a screenshot, another
 * package's README) is rewritten to the repository on GitHub, so every link still
 * resolves on npm and in node_modules. Run from packages/provider.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const PACKAGE = process.cwd();
const DOCS = ['README.md', 'SECURITY.md', 'BENCHMARKS.md'];
const SHIPPED = new Set([...DOCS, 'LICENSE', 'CHANGELOG.md', 'package.json']);

const manifest = JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8'));
const repo = String(manifest.repository?.url ?? '')
  .replace(/^git\+/, '')
  .replace(/\.git$/, '');
if (!/^https:\/\/github\.com\/[^/]+\/[^/]+$/.test(repo)) {
  throw new Error(`copy-package-docs: package.json repository.url is not a GitHub URL: ${repo}`);
}

/** Rewrites links outside fenced code blocks; `](…)` inside inline code is left alone. */
function absolutise(markdown) {
  return markdown
    .split(/(```[\s\S]*?```)/)
    .map((chunk, i) =>
      i % 2 === 1
        ? chunk
        : chunk
            .split(/(`[^`\n]*`)/)
            .map((piece, j) =>
              j % 2 === 1
                ? piece
                : piece.replace(/(!?)\[([^\]\n]*)\]\(([^)\s]+)\)/g, (whole, bang, text, target) => {
                    if (/^(?:[a-z]+:|#|\/)/i.test(target)) return whole;
                    const [path, anchor] = target.split('#');
                    if (SHIPPED.has(path) || !existsSync(join(ROOT, path))) return whole;
                    const kind = bang ? 'raw' : 'blob';
                    return `${bang}[${text}](${repo}/${kind}/main/${path}${anchor ? `#${anchor}` : ''})`;
                  }),
            )
            .join(''),
    )
    .join('');
}

for (const doc of DOCS) {
  writeFileSync(join(PACKAGE, doc), absolutise(readFileSync(join(ROOT, doc), 'utf8')));
}
copyFileSync(join(ROOT, 'LICENSE'), join(PACKAGE, 'LICENSE'));
