/**
 * Finds the system Chromium for the browser test, installing Debian's package when it is
 * missing and this process can (root with apt-get). Playwright's own browser download
 * cannot be used: it fetches from outside the package registries.
 */
import { execFileSync, spawnSync } from 'node:child_process';

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];
const INSTALL_TIMEOUT_MS = 6 * 60_000;

function which(name: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return found.status === 0 && path ? path : undefined;
}

function findChromium(): string | undefined {
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit) return explicit;
  for (const name of CANDIDATES) {
    const path = which(name);
    if (path) return path;
  }
  return undefined;
}

const HOW_TO_INSTALL =
  'Install it with `apt-get update && apt-get install -y --no-install-recommends chromium` ' +
  '(as root), or set CHROMIUM_PATH to a Chromium or Chrome binary.';

export function ensureChromium(log: (line: string) => void = console.log): string {
  const found = findChromium();
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !which('apt-get')) {
    throw new Error(`The browser test needs Chromium, which is not installed. ${HOW_TO_INSTALL}`);
  }
  log('chromium is missing: installing Debian’s chromium package (apt-get, about a minute)…');
  const apt = (args: string[]) =>
    execFileSync('apt-get', args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: INSTALL_TIMEOUT_MS,
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  try {
    apt(['update']);
    // The droid fallback font (2 MB) renders the gateway's Chinese error messages.
    apt(['install', '-y', '--no-install-recommends', 'chromium', 'fonts-droid-fallback']);
  } catch (error) {
    throw new Error(
      `Installing chromium with apt-get failed (${error instanceof Error ? error.message : String(error)}). ${HOW_TO_INSTALL}`,
    );
  }
  const installed = findChromium();
  if (!installed)
    throw new Error(`apt-get installed chromium but it is not on PATH. ${HOW_TO_INSTALL}`);
  return installed;
}
