// The embedding layer as a portal gets it from npm: the packed jianxi-core tarball is
// installed offline into a fresh folder, the package's files are served as the
// portal's own (the layer beside the core, as the README says), with the plain
// example page beside them, under the site's CSP; the example's checks run from it.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildRoot, foreign, repo, startBrowser } from './harness.mjs';

const project = mkdtempSync(join(tmpdir(), 'jianxi-embed-npm-'));
const served = join(project, 'www');
let server;
let browser;
let origin;

const freePort = () => new Promise((done) => {
  const probe = createServer();
  probe.listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => done(port)); });
});

before(async () => {
  const tarball = readdirSync(join(buildRoot, 'npm')).find((f) => /^jianxi-core-.*\.tgz$/.test(f));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'portal', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--silent', join(buildRoot, 'npm', tarball)], { cwd: project });
  // The portal serves the package's files (as its own /jianxi/ folder) and its page.
  cpSync(join(project, 'node_modules/jianxi-core'), served, { recursive: true });
  mkdirSync(join(served, 'examples/portal-embed'), { recursive: true });
  for (const file of ['index.html', 'app.js', 'fields.js', 'offline.js', 'page-language.js', 'portal.css']) {
    cpSync(join(repo, 'examples/portal-embed', file), join(served, 'examples/portal-embed', file));
  }
  const port = await freePort();
  const child = spawn(process.execPath, [join(repo, 'scripts/serve.mjs'), served], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((done) => child.stdout.on('data', (chunk) => { if (String(chunk).includes('Jianxi on')) done(); }));
  server = child;
  origin = `http://127.0.0.1:${port}`;
  browser = await startBrowser();
});

after(async () => {
  await browser?.close();
  if (server) await new Promise((done) => { server.once('exit', done); server.kill('SIGTERM'); });
  rmSync(project, { recursive: true, force: true });
});

test('the example runs from the installed package: a bad credit code is marked', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${origin}/examples/portal-embed/index.html`);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  // The example's credit code with its check character (9) typed as 8: GB 32100 fails it.
  await page.locator('#tyshxydm').pressSequentially('91360100MA35K7QW28');
  await page.waitForFunction(() => document.querySelector('#tyshxydm').getAttribute('aria-invalid') === 'true'
    && /校验位/.test(document.querySelector('#tyshxydm + .jianxi-message')?.textContent));
  assert.ok(browser.requests.some((u) => u === `${origin}/embed/index.js`));
  assert.ok(browser.requests.some((u) => u === `${origin}/jianxi_module.wasm`));
  assert.deepEqual(foreign(browser.requests, origin), []);
  assert.deepEqual(browser.problems, []);
});
