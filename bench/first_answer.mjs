// The first answer in a browser, cold and warm: in a fresh headless Chromium, the
// module's JS API is loaded several times in one page; each instance times its load,
// its first catalog (which reads the embedded rules), one province fetched, and the
// catalog again over it. The first instance runs code the browser has only just
// compiled (baseline code, compiled on first call); later instances reuse the
// compiled module, by then optimised. Medians of RUNS fresh browsers.
//   node bench/first_answer.mjs [SITE] [RUNS] [PROVINCE]
import { resolve } from 'node:path';
import { startBrowser, startServer } from '../tests/web/harness.mjs';

const site = resolve(process.argv[2] || 'build/site');
const runs = Number(process.argv[3] || 3);
const province = process.argv[4] || 'jilin';
const instances = 3;

const server = await startServer({ root: site });
const rows = [];  // rows[run][instance] = [load, first catalog, province, catalog after]
try {
  for (let run = 0; run < runs; run += 1) {
    const browser = await startBrowser();
    try {
      const page = await browser.context.newPage();
      await page.goto(`${server.origin}/icon.svg`);
      rows.push(await page.evaluate(async ([count, id]) => {
        const { loadJianxi } = await import('/jianxi.js');
        const out = [];
        for (let i = 0; i < count; i += 1) {
          const t0 = performance.now();
          const jianxi = await loadJianxi();
          const t1 = performance.now();
          jianxi.evaluateText('{"kind":"catalog"}');
          const t2 = performance.now();
          await jianxi.loadProvince(id);
          const t3 = performance.now();
          jianxi.evaluateText('{"kind":"catalog"}');
          const t4 = performance.now();
          out.push([t1 - t0, t2 - t1, t3 - t2, t4 - t3]);
        }
        return out;
      }, [instances, province]));
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.stop();
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
console.table(Array.from({ length: instances }, (_, i) => {
  const column = (k) => Math.round(median(rows.map((r) => r[i][k])));
  return { instance: i === 0 ? 'first (cold code)' : `#${i + 1} (warm code)`, load_ms: column(0),
    first_catalog_ms: column(1), [`${province}_fetched_and_loaded_ms`]: column(2), catalog_after_ms: column(3) };
}));
