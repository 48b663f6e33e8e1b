// What the embedding layer costs a portal, on a phone profile:
// - the bytes a portal adds to its page: the layer's modules (web/embed and the site
//   modules it imports), the core's JS API and glue, and the .wasm, raw and compressed
//   (gzip -9 and brotli, as scripts/compress-site.mjs makes them), from SITE;
// - the time from the first keystroke in the example's credit-code input to the first
//   mark (aria-invalid) on it, in headless Chromium at 390×844 with the CPU slowed 4×
//   through the DevTools protocol (Emulation.setCPUThrottlingRate), median of RUNS
//   runs: once the page is ready (the core loaded), and typing as soon as the page is
//   parsed with the HTTP cache and service workers off (the core's download and
//   start-up included when it has not finished by then: the count is reported).
//   node bench/embed.mjs [SITE] [RUNS]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { importGraph } from '../scripts/import-graph.mjs';
import { startBrowser, startServer } from '../tests/web/harness.mjs';

const site = resolve(process.argv[2] || 'build/site');
const runs = Number(process.argv[3] || 7);

const scripts = importGraph(site, 'embed/index.js').sort();
const files = [...scripts, 'jianxi_module.wasm'];
const size = (list, f) => list.reduce((sum, name) => sum + f(readFileSync(join(site, name))), 0);
const raw = (b) => b.length;
const gz = (b) => gzipSync(b, { level: 9 }).length;
const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const row = (label, list) => `| ${label} | ${list.length} | ${size(list, raw).toLocaleString('en')} | ${size(list, gz).toLocaleString('en')} | ${size(list, br).toLocaleString('en')} |`;

console.log('| what the portal adds | files | raw B | gzip B | brotli B |\n|---|---|---|---|---|');
console.log(row('scripts (layer, site modules it imports, JS API, glue)', scripts));
console.log(row('the core (.wasm, rules inside)', ['jianxi_module.wasm']));
console.log(row('in all', files));
console.log(`\nscripts: ${scripts.join(', ')}`);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function keystrokeToMark(context, origin, cold) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(`${origin}/examples/portal-embed/index.html`, { waitUntil: cold ? 'domcontentloaded' : 'load' });
  if (!cold) await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  await page.waitForSelector('#tyshxydm');
  await page.evaluate(() => {
    const input = document.getElementById('tyshxydm');
    window.benchMark = new Promise((done) => {
      input.addEventListener('keydown', () => {
        const typed = performance.now();
        const loading = document.body.dataset.ready !== 'true';
        new MutationObserver((_, observer) => {
          if (input.getAttribute('aria-invalid') !== 'true') return;
          observer.disconnect();
          done({ ms: performance.now() - typed, loading });
        }).observe(input, { attributes: true, attributeFilter: ['aria-invalid'] });
      }, { once: true });
    });
  });
  await page.locator('#tyshxydm').press('9');
  const answer = await page.evaluate(() => window.benchMark);
  await page.close();
  return answer;
}

const server = await startServer();
const browser = await startBrowser({ width: 390, height: 844 }, { isMobile: true, hasTouch: true, serviceWorkers: 'block' });
try {
  for (const cold of [false, true]) {
    const answers = [];
    for (let i = 0; i < runs; i += 1) answers.push(await keystrokeToMark(browser.context, server.origin, cold));
    const times = answers.map((a) => a.ms);
    const loading = answers.filter((a) => a.loading).length;
    console.log(`${cold ? 'typing as soon as the page is parsed' : 'page ready'}: first keystroke → first mark, median ${median(times).toFixed(0)} ms`
      + ` (runs ${times.map((t) => t.toFixed(0)).join(', ')}; core still loading at the keystroke in ${loading} of ${runs})`);
  }
} finally {
  await browser.close();
  await server.stop();
}
