// Cold start: a fresh headless Chromium profile loads a page from the local server;
// the time from navigation start to the first result the engine puts on the page
// (performance mark jianxi:first-result, which waits for a province the page asked
// for), median of several runs. `phone`: 390×844, touch, CPU slowed 4×.
//   node bench/cold_start.mjs [SITE] [RUNS]   (desktop and phone; home, eligibility and the portal)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export async function coldStart(site, runs = 5, { page: path = '', phone = false } = {}) {
  const port = 18000 + Math.floor(Math.random() * 1000);
  const server = spawn(process.execPath, [new URL('../scripts/serve.mjs', import.meta.url).pathname, site],
    { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve) => server.stdout.once('data', resolve));
  const times = [];
  try {
    for (let i = 0; i < runs; i++) {
      const profile = mkdtempSync(join(tmpdir(), 'jianxi-cold-'));
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: '/usr/bin/chromium', headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
          '--disable-component-update', '--no-first-run', '--disable-sync'],
        ...(phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {}),
      });
      const page = await context.newPage();
      if (phone) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(`http://127.0.0.1:${port}/${path}`);
      await page.waitForFunction(() => performance.getEntriesByName('jianxi:first-result').length > 0,
        null, { timeout: 30000 });
      times.push(await page.evaluate(() => performance.getEntriesByName('jianxi:first-result')[0].startTime));
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  } finally {
    server.kill();
  }
  times.sort((a, b) => a - b);
  return { page: path || 'index.html', phone, first_result_ms: times[Math.floor(times.length / 2)], runs, all_ms: times };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const site = process.argv[2] || 'build/site';
  const runs = Number(process.argv[3] || 5);
  const rows = [];
  for (const page of ['', 'eligibility.html', 'portal.html'])
    for (const phone of [false, true]) {
      const { all_ms: _, ...row } = await coldStart(site, runs, { page, phone });
      rows.push(row);
    }
  console.table(rows);
}
