// Cold start: a fresh headless Chromium profile loads a page from the local server;
// the time from navigation start to the first result the engine puts on the page
// (performance mark jianxi:first-result, which waits for a province the page asked
// for), median of several runs. `phone`: 390×844, touch, CPU slowed 4×.
//   node bench/cold_start.mjs [SITE] [RUNS]   (desktop and phone; home, eligibility and the portal)
//   node bench/cold_start.mjs --compare BEFORE AFTER [RUNS]   (home and eligibility, the two
//     sites alternating over two rounds: medians of all runs and their ratio)
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

async function compare(before, after, runs) {
  const times = new Map();
  for (let round = 0; round < 2; round += 1)
    for (const page of ['', 'eligibility.html'])
      for (const phone of [false, true])
        for (const [side, site] of [['before', before], ['after', after]]) {
          const key = `${page || 'index.html'}${phone ? ', phone' : ''}`;
          if (!times.has(key)) times.set(key, { before: [], after: [] });
          times.get(key)[side].push(...(await coldStart(site, runs, { page, phone })).all_ms);
        }
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  return [...times].map(([page, { before: b, after: a }]) => ({
    page, before_ms: Math.round(median(b)), after_ms: Math.round(median(a)),
    ratio: Number((median(a) / median(b)).toFixed(2)), runs_each: a.length,
  }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv[2] === '--compare') {
    console.table(await compare(process.argv[3], process.argv[4], Number(process.argv[5] || 4)));
  } else {
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
}
