/**
 * The chat in a real browser: Debian's Chromium driven by playwright-core, against the
 * built page and the server on ephemeral loopback ports, with the emulator as gateway.
 * One conversation swaps models between turns; every wait is bounded, any console error
 * fails the run, and the final page is saved as a PNG in test-output/.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { openWebChatGateway, type WebChatGateway } from '../server/web-chat-gateway';
import { type RunningWebChat, startWebChatServer } from '../server/web-chat-server';
import { ensureChromium } from './ensure-chromium';
import { gradientPng, onePagePdf } from './test-png';

const OUTPUT_DIR = resolve(import.meta.dirname, '..', 'test-output');
const SCREENSHOT = join(OUTPUT_DIR, 'web-chat.png');
/** Upper bound for any single wait on the page. */
const STEP_TIMEOUT_MS = 20_000;
const CHROMIUM_FLAGS = [
  '--no-sandbox', // CI runs as root
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let gateway: WebChatGateway;
let server: RunningWebChat;
let context: BrowserContext;
let profileDir: string;
let page: Page;
const consoleErrors: string[] = [];

before(async () => {
  const executablePath = ensureChromium();
  // An empty environment: always the emulator, even when MIXROUTER_API_KEY is set.
  gateway = await openWebChatGateway({});
  server = await startWebChatServer({ gateway, port: 0, host: '127.0.0.1' });
  profileDir = await mkdtemp(join(tmpdir(), 'web-chat-profile-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1100, height: 900 },
    timeout: 60_000,
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
  await page.goto(server.url, { waitUntil: 'load' });
});

after(async () => {
  await context?.close();
  await server?.close();
  await gateway?.close();
  if (profileDir) await rm(profileDir, { recursive: true, force: true });
});

const lastAssistant = (): Locator => page.getByTestId('assistant-message').last();

async function choose(model: string): Promise<void> {
  await page.getByTestId('model-picker').selectOption(model);
  assert.equal(await page.getByTestId('model-picker').inputValue(), model);
}

/** Sends a prompt and waits until the answer to it has finished streaming. */
async function ask(prompt: string): Promise<Locator> {
  const before = await page.getByTestId('assistant-message').count();
  await page.getByTestId('prompt').fill(prompt);
  await page.getByTestId('send').click();
  await page.getByTestId('assistant-message').nth(before).waitFor();
  const answer = page.getByTestId('assistant-message').nth(before);
  await answer.and(page.locator('[data-streaming="false"]')).waitFor();
  await page.getByTestId('send').waitFor();
  return answer;
}

/** Records each length the last answer's text goes through (proves it streamed). */
async function recordTextGrowth(): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __lengths: number[]; __observer?: MutationObserver };
    w.__lengths = [];
    w.__observer?.disconnect();
    w.__observer = new MutationObserver(() => {
      const answers = document.querySelectorAll('[data-testid="assistant-message"]');
      const texts = answers[answers.length - 1]?.querySelectorAll('[data-testid="text"]');
      const length = [...(texts ?? [])].reduce((n, t) => n + (t.textContent?.length ?? 0), 0);
      if (length !== w.__lengths.at(-1)) w.__lengths.push(length);
    });
    w.__observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __lengths: number[] }).__lengths);
}

test('the page loads the model list from the emulator', async () => {
  await page.getByTestId('target').waitFor();
  assert.match(await page.getByTestId('target').innerText(), /local emulator/);
  assert.equal(await page.getByTestId('model-picker').inputValue(), 'gpt-4o');
  const groups = await page
    .locator('#model optgroup')
    .evaluateAll((nodes) => nodes.map((n) => (n as HTMLOptGroupElement).label));
  for (const family of ['OpenAI', 'Anthropic', 'Google', 'DeepSeek']) {
    assert.ok(groups.includes(family), `family ${family} in ${groups.join(', ')}`);
  }
  const caps = page.getByTestId('capabilities');
  for (const capability of ['images', 'pdf', 'tools']) {
    await caps.locator(`[data-capability="${capability}"]`).waitFor();
  }
});

test('gpt-4o calls both tools and streams an answer that uses their results', async () => {
  const lengths = await recordTextGrowth();
  const answer = await ask("What's the weather in Paris? Also use the calculator for 12*7.");
  assert.equal(await answer.getAttribute('data-model'), 'gpt-4o');
  const weather = answer.locator('[data-testid="tool"][data-tool="weather"]');
  const calculator = answer.locator('[data-testid="tool"][data-tool="calculator"]');
  assert.equal(await weather.getAttribute('data-state'), 'output-available');
  assert.equal(await calculator.getAttribute('data-state'), 'output-available');
  assert.match(await weather.getByTestId('tool-input').innerText(), /"city": "Paris"/);
  assert.match(await calculator.getByTestId('tool-input').innerText(), /"expression": "12\*7"/);
  assert.match(await calculator.getByTestId('tool-output').innerText(), /"result": 84/);
  const text = await answer.getByTestId('text').innerText();
  // The emulator's final answer uses both results, in words.
  assert.match(text, /^In Paris it is -?\d+ °C and \w+/);
  assert.match(text, /12 × 7 = 84/);
  const seen = await lengths();
  assert.ok(seen.length >= 3, `the answer grew in steps, saw lengths ${seen.join(', ')}`);
  assert.match(await answer.getByTestId('usage').innerText(), /\d+ in · \d+ out/);
});

// After another model's tool-calling turn: DeepSeek wants `reasoning_content` on that
// turn's assistant message (empty here), which the catalogue's replay rule sends.
test('switching to deepseek-reasoner shows its reasoning in a collapsible block', async () => {
  await choose('deepseek-reasoner');
  await page.getByTestId('capabilities').locator('[data-capability="reasoning"]').waitFor();
  assert.equal(await page.getByTestId('attach').isDisabled(), true, 'text-only model');
  const answer = await ask('Why is the sky blue?');
  assert.equal(await answer.getAttribute('data-model'), 'deepseek-reasoner');
  const reasoning = answer.getByTestId('reasoning');
  assert.equal(await reasoning.evaluate((d) => (d as HTMLDetailsElement).open), false);
  await reasoning.locator('summary').click();
  assert.equal(await reasoning.evaluate((d) => (d as HTMLDetailsElement).open), true);
  assert.match(await reasoning.locator('.reasoning-text').innerText(), /scatter/);
  assert.match(
    await answer.getByTestId('text').innerText(),
    /^The sky looks blue because .*Rayleigh scattering/,
  );
  assert.match(await answer.getByTestId('usage').innerText(), /\d+ reasoning/);
});

test('switching to gemini-2.5-flash-image renders the generated image', async () => {
  await choose('gemini-2.5-flash-image');
  await page.getByTestId('capabilities').locator('[data-capability="imageOutput"]').waitFor();
  const answer = await ask('Draw a lighthouse at dusk');
  assert.equal(await answer.getAttribute('data-model'), 'gemini-2.5-flash-image');
  const image = answer.getByTestId('image').locator('img');
  await image.waitFor();
  assert.match((await image.getAttribute('src')) ?? '', /^data:image\/png;base64,/);
  await page.waitForFunction(
    (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
    await image.elementHandle(),
    { timeout: STEP_TIMEOUT_MS },
  );
});

test('an image and a PDF attached to a vision model reach it', async () => {
  await choose('claude-sonnet-4-5-20250929');
  assert.equal(await page.getByTestId('attach').isDisabled(), false);
  const accept = (await page.getByTestId('file-input').getAttribute('accept')) ?? '';
  assert.match(accept, /image\/\*/);
  assert.match(accept, /application\/pdf/);
  await page.getByTestId('file-input').setInputFiles([
    { name: 'gradient.png', mimeType: 'image/png', buffer: gradientPng() },
    { name: 'note.pdf', mimeType: 'application/pdf', buffer: onePagePdf() },
  ]);
  await page.getByTestId('attachments').getByText('gradient.png').waitFor();
  await page.getByTestId('attachments').getByText('note.pdf').waitFor();
  const answer = await ask('What is in this picture and this PDF?');
  const sent = page.getByTestId('user-message').last();
  await sent.getByTestId('image').locator('img').waitFor();
  await sent.getByTestId('file').getByText('note.pdf').waitFor();
  const text = await answer.getByTestId('text').innerText();
  // The emulator acknowledges each attachment by kind (order as in the message).
  assert.match(text, /^I received (one image and one file|one file and one image)\./);
  assert.match(text, /standing in for claude-sonnet-4-5-20250929/);
  // The earlier generated image cannot go back to Claude: the SDK warning is shown.
  assert.match(await answer.getByTestId('warnings').innerText(), /assistant file parts/);
});

test('the stop button aborts a long answer mid-stream', async () => {
  await choose('gpt-4o');
  await page.getByTestId('prompt').fill('Write a long answer about rivers.');
  await page.getByTestId('send').click();
  const answer = lastAssistant();
  await answer.getByText(/part 2 of 12/).waitFor();
  await page.getByTestId('stop').click();
  await answer.getByTestId('stopped').waitFor();
  await page.getByTestId('send').waitFor();
  const text = await answer.getByTestId('text').innerText();
  assert.doesNotMatch(text, /End of the long answer/);
  await page.waitForTimeout(600);
  assert.equal(await answer.getByTestId('text').innerText(), text, 'nothing arrives after stop');
});

test('a quota error from the gateway is shown inline with its message', async () => {
  await page.getByTestId('simulate').selectOption('quota');
  await page.getByTestId('prompt').fill('Hello again');
  await page.getByTestId('send').click();
  const error = page.getByTestId('chat-error').last();
  await error.waitFor();
  assert.equal(await error.getAttribute('data-kind'), 'insufficient-quota');
  const shown = await error.innerText();
  assert.match(shown, /Quota exhausted/);
  assert.match(shown, /HTTP 403/);
  assert.match(shown, /用户额度不足/);
  assert.match(shown, /quota is exhausted/);
  await page.getByTestId('send').waitFor();
});

test('a rate limit is shown inline too, after the SDK has retried', async () => {
  await page.getByTestId('simulate').selectOption('rate-limit');
  const before = await page.getByTestId('chat-error').count();
  await page.getByTestId('prompt').fill('And once more');
  await page.getByTestId('send').click();
  const error = page.getByTestId('chat-error').nth(before);
  await error.waitFor();
  assert.equal(await error.getAttribute('data-kind'), 'rate-limit');
  const shown = await error.innerText();
  assert.match(shown, /Rate limited/);
  assert.match(shown, /HTTP 429/);
  assert.match(shown, /请求数限制/);
  await page.getByTestId('send').waitFor();
  await page.getByTestId('simulate').selectOption('none');
});

test('no console errors, and a screenshot of the final page', async () => {
  await mkdir(OUTPUT_DIR, { recursive: true });
  // A viewport as tall as the page, so the sticky header and composer sit where they belong.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1100, height: Math.min(height, 6000) });
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
  console.log(`screenshot: ${SCREENSHOT}`);
  assert.deepEqual(consoleErrors, []);
});
