// Shared set-up for the browser tests: the build root, a static server on a free
// port serving its site (scripts/serve.mjs, with the real CSP), headless Chromium
// from Debian with a fresh profile, the native CLI for expected answers, and a
// recorder of every request the page makes.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const repo = new URL('../../', import.meta.url).pathname;
export const buildRoot = resolve(repo, process.env.JIANXI_BUILD_ROOT || 'build');
export const site = join(buildRoot, 'site');
export const screenshots = join(buildRoot, 'screenshots');
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/** Starts scripts/serve.mjs over `root` (the built site) on `port` (a free one unless
 * given); resolves to {origin, port, stop}. */
export async function startServer({ root = site, port: wanted } = {}) {
  const port = wanted ?? await freePort();
  const child = spawn(process.execPath, [join(repo, 'scripts/serve.mjs'), root], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((done, fail) => {
    child.once('exit', (code) => fail(new Error(`server exited with ${code}`)));
    child.stdout.on('data', (chunk) => { if (String(chunk).includes('Jianxi on')) done(); });
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    stop: () => new Promise((done) => { child.once('exit', done); child.kill('SIGTERM'); }),
  };
}

/** A fresh persistent Chromium profile; `close` also removes the profile. */
export async function startBrowser(viewport = DESKTOP, options = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'jianxi-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync'],
    viewport,
    locale: 'zh-CN',
    acceptDownloads: true,
    ...options,
  });
  const requests = [];
  const problems = [];
  context.on('request', (r) => requests.push(r.url()));
  context.on('page', (page) => watch(page, problems));
  for (const page of context.pages()) watch(page, problems);
  return {
    context, requests, problems,
    close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); },
  };
}

// Page errors and CSP violations are failures the tests assert are absent.
function watch(page, problems) {
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource.*(404|ERR_INTERNET_DISCONNECTED)/.test(m.text())) {
      problems.push(`console: ${m.text()}`);
    }
  });
}

/** The native CLI's answer to a request (object or array). */
export function cli(request) {
  const exe = join(buildRoot, 'native/jianxi');
  try {
    return JSON.parse(execFileSync(exe, { input: JSON.stringify(request) }).toString());
  } catch (e) {
    if (e.status === 2) return JSON.parse(e.stdout.toString());
    throw e;
  }
}

export async function shot(page, name) {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

/** Opens a page of the site and waits until its engine has answered. */
export async function open(context, origin, path) {
  const page = context.pages()[0] ?? await context.newPage();
  await page.goto(`${origin}/${path}`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

/** Every URL the browser asked for that is not on the test server's own origin. */
export const foreign = (requests, origin) =>
  requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'));

/** Clicks a page's "load the example" button and waits until the example is in the form. */
export async function loadExample(page, button = '#load-example') {
  const before = await page.evaluate(() => document.body.dataset.examples ?? '0');
  await page.click(button);
  await page.waitForFunction((b) => (document.body.dataset.examples ?? '0') !== b, before);
}

/** Starts a server and a browser before a test file's tests and stops both after them. */
export function withServerAndBrowser(viewport = DESKTOP, options = {}) {
  const session = {};
  before(async () => {
    session.server = await startServer();
    session.browser = await startBrowser(viewport, options);
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.stop();
  });
  return session;
}

/**
 * The clause id of the focused element once focus has settled on `rule` (or 3 s passed):
 * a dialog's close event, which sends focus back, is a task of its own.
 */
export async function focusedRule(page, rule) {
  await page.waitForFunction((r) => document.activeElement?.dataset.rule === r, rule, { timeout: 3000 }).catch(() => {});
  return page.evaluate(() => document.activeElement?.dataset.rule);
}
