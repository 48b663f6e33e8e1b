// Registers the service worker under the site's content version, so a new build
// installs a new worker and cache while an unchanged site keeps the current one; and
// says on the page once the page, its scripts and the rule core are stored on this
// device, so that it works offline.
import { setText } from './i18n.js';

function say(zh, en, state) {
  let line = document.getElementById('offline-status');
  if (!line) {
    line = document.createElement('p');
    line.id = 'offline-status';
    line.className = 'offline-status no-print';
    line.setAttribute('role', 'status');
    const after = document.getElementById('engine-status') ?? document.getElementById('status');
    if (after) after.after(line);
    else document.querySelector('main')?.append(line);
  }
  line.dataset.state = state;
  setText(line, zh, en);
}

// The provinces whose rules this page has and the service worker keeps, by name.
let keptProvinces = [];
let readyLine = null;  // [zh, en] of the "ready" line, once the worker is ready

function sayReady() {
  if (!readyLine) return;
  const [zh, en] = readyLine;
  if (!keptProvinces.length) {
    say(`${zh}各省规则在首次使用时下载，之后也可离线使用。`, `${en} Each province's rules are fetched on first use, and work offline after that.`, 'ready');
    return;
  }
  say(`${zh}已保存的省份规则：${keptProvinces.map((p) => p.name).join('、')}；其他省份的规则在首次使用时下载。`,
    `${en} Province rules stored: ${keptProvinces.map((p) => p.name_en).join(', ')}; other provinces' rules are fetched on first use.`, 'ready');
}

// A province fetched before the worker took the page (a first visit) is fetched once
// more through the worker, which keeps it.
let pageProvinces = [];
async function refreshKept() {
  if (!('caches' in window)) return;
  const kept = [];
  for (const p of pageProvinces) {
    const url = `provinces/${p.id}.json`;
    if (!(await caches.match(url)) && navigator.serviceWorker?.controller) await fetch(url).catch(() => {});
    if (await caches.match(url)) kept.push(p);
  }
  keptProvinces = kept;
  sayReady();
}
document.addEventListener('jianxi:provinces-loaded', ({ detail }) => {
  pageProvinces = detail;
  if (readyLine) refreshKept().catch(() => {});
});
// On a first visit the worker takes the page only once it is active: provinces the page
// loaded before then are stored now.
navigator.serviceWorker?.addEventListener('controllerchange', () => {
  if (readyLine) refreshKept().catch(() => {});
});

async function register() {
  if (!('serviceWorker' in navigator)) return;
  let version = 'dev';
  try {
    version = (await (await fetch('build-info.json')).json()).version;
  } catch {
    // Offline without a cached copy: keep whatever worker is already registered.
    if (navigator.serviceWorker.controller) say('离线使用中：页面和规则引擎来自本机存储。', 'Working offline: the pages and the rule engine come from this device.', 'offline');
    return;
  }
  const fresh = !navigator.serviceWorker.controller;
  if (fresh) say('正在保存到本机以便离线使用…', 'Saving to this device for offline use…', 'saving');
  await navigator.serviceWorker.register(`sw.js?v=${version}`);
  await navigator.serviceWorker.ready;
  document.documentElement.dataset.offlineReady = version;
  // A page that imports spreadsheets says whether its libraries are stored yet: they are
  // fetched once the table is first used online (vendor-prefetch.js).
  const sheets = document.querySelector('input[type="file"][accept*=".xlsx"]');
  const stored = sheets && 'caches' in window
    && (await caches.match('vendor/exceljs.min.js')) && (await caches.match('vendor/papaparse.min.js'));
  readyLine = sheets && !stored
    ? ['已可离线使用：页面和规则引擎已保存在本机。表格导入导出所需的程序在联网时首次使用表格后保存，之后也可离线使用。',
      'Ready to work offline: the pages and the rule engine are stored on this device. The spreadsheet import and export are stored once the table is first used online, and work offline after that.']
    : ['已可离线使用：页面和规则引擎已保存在本机，断网后仍可打开和计算。',
      'Ready to work offline: the pages and the rule engine are stored on this device.'];
  sayReady();
  await refreshKept();
}
register().catch(() => {});
