// Cold start: a fresh headless Chromium profile loads the page from the local
// server; the time from navigation start to the first result the engine puts on the
// page (the list of notices), median of several runs.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export async function coldStart(site, runs = 5) {
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
      });
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${port}/`);
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
  return { first_result_ms: times[Math.floor(times.length / 2)], runs, all_ms: times };
}
