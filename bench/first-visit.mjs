// First visit per page on a phone profile: a fresh headless Chromium profile (390×844,
// touch) with the CPU slowed 4× through the DevTools protocol loads each page from
// scripts/serve.mjs; reported are the bytes on the wire (compressed, as sent) up to the
// first result (for "eligibility.html + jilin": once 吉林 is chosen and its rules are
// in), and until the service worker says the site works offline (its own fetches of the
// other pages included), and
// the time from navigation start to the first result the engine puts on the page
// (performance mark jianxi:first-result), median of RUNS runs.
//   node bench/first-visit.mjs [SITE] [RUNS]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const site = resolve(process.argv[2] || 'build/site');
const runs = Number(process.argv[3] || 3);
// [path, province chosen once the page shows its first result (its rules fetched then)]
const PAGES = [[''], ['estimate.html'], ['eligibility.html'], ['eligibility.html', 'jilin'], ['portal.html']];

async function serve() {
  const port = 19000 + Math.floor(Math.random() * 1000);
  const child = spawn(process.execPath, [new URL('../scripts/serve.mjs', import.meta.url).pathname, site],
    { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((done) => child.stdout.once('data', done));
  let bytes = 0;
  const proxy = createServer((req, res) => {
    const up = httpRequest({ host: '127.0.0.1', port, path: req.url, method: req.method, headers: req.headers }, (r) => {
      r.on('data', (chunk) => { bytes += chunk.length; });
      res.writeHead(r.statusCode, r.headers);
      r.pipe(res);
    });
    req.pipe(up);
  });
  await new Promise((done) => proxy.listen(0, '127.0.0.1', done));
  return {
    origin: `http://127.0.0.1:${proxy.address().port}`,
    bytes: () => bytes,
    reset: () => { bytes = 0; },
    stop: () => { proxy.close(); child.kill(); },
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const server = await serve();
const rows = [];
try {
  for (const [path, province] of PAGES) {
    const times = [];
    const sizes = [];
    const before = [];
    for (let i = 0; i < runs; i++) {
      const profile = mkdtempSync(join(tmpdir(), 'jianxi-first-'));
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
        viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN',
      });
      const page = context.pages()[0] ?? await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      server.reset();
      await page.goto(`${server.origin}/${path}`);
      await page.waitForFunction(() => performance.getEntriesByName('jianxi:first-result').length > 0, null, { timeout: 180000 });
      times.push(await page.evaluate(() => performance.getEntriesByName('jianxi:first-result')[0].startTime));
      if (province) {
        // A site whose module embeds every province fetches nothing here.
        const fetched = page.waitForResponse((r) => r.url().endsWith(`/provinces/${province}.json`), { timeout: 15000 });
        await page.selectOption('#province', province);
        await fetched.catch(() => {});
        await page.waitForTimeout(300);
      }
      before.push(server.bytes());
      await page.waitForFunction(() => document.documentElement.dataset.offlineReady, null, { timeout: 180000 });
      await page.waitForTimeout(300);
      sizes.push(server.bytes());
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
    rows.push({ page: (path || 'index.html') + (province ? ` + ${province}` : ''), kb_to_first_result: Math.round(median(before) / 1024),
      kb_with_offline_copy: Math.round(median(sizes) / 1024), first_result_ms_cpu4x: Math.round(median(times)) });
  }
} finally {
  server.stop();
}
console.table(rows);
