// The module's public JavaScript API: load once, then evaluate requests. The core
// answers every failure as a result object, so nothing here throws after loading.
// Text crosses into the module as UTF-8 bytes written straight into its memory, and
// the answer is decoded where it lies (see bindings.cpp for why).
// Each province's rules are a file of their own (provinces/<id>.json beside this
// file): the synchronous calls answer rules.not_loaded for a province not loaded yet,
// naming it in `not_loaded`; the async calls load what the core names and ask again.
// The module is built without exceptions: when memory runs out it aborts, and the
// request answers internal.error while a fresh instance of the same compiled code,
// given the province files the old one held, takes over at once (see replaceModule).
import createJianxiModule from './jianxi_module.mjs';

// When the module cannot hold the request or its answer: the core's answer to exhaustion.
const outOfMemory = (kind) => `{"kind":"${kind}","ok":false,"errors":[{"path":"","code":"internal.error","message":"内部错误","message_en":"internal error"}],"warnings":[]}`;

// A table given as columns written as the JSON request it stands for (as the core reads
// columns: a report names a unit and a submission date only when they are not empty).
function tableAsJson(request, { periods, units = [], submitted = [], values, indicators }) {
  const reports = periods.map((period, r) => {
    const report = { period: String(period ?? '') };
    if (units[r]) report.unit = String(units[r]);
    if (submitted[r]) report.submitted_on = String(submitted[r]);
    report.values = {};
    for (let i = 0; i < indicators; i += 1) {
      const v = values[r * indicators + i];
      if (!Number.isNaN(v)) report.values[i + 1] = v;
    }
    return report;
  });
  return { ...request, kind: 'summary_table', reports };
}

const inNode = typeof process === 'object' && typeof process.versions === 'object' &&
  typeof process.versions.node === 'string';
// Emscripten's glue adds these process listeners under Node, once per instance; they
// would outlive the instance and turn every unhandled rejection into a crash.
const glueListenerEvents = ['uncaughtException', 'unhandledRejection'];

// Under Node the glue cannot read its .wasm from a file: URL, so it is read here from
// beside this file unless given (the specifier in a variable keeps bundlers away).
async function nodeWasmBinary() {
  const fsModule = 'node:fs/promises';
  const { readFile } = await import(fsModule);
  return readFile(new URL('./jianxi_module.wasm', import.meta.url));
}

// A province's rules file, read from beside this file (Node) or fetched (browsers).
async function defaultProvinceFile(id) {
  const url = new URL(`./provinces/${encodeURIComponent(id)}.json`, import.meta.url);
  if (inNode && url.protocol === 'file:') {
    const fsModule = 'node:fs/promises';
    const { readFile } = await import(fsModule);
    return readFile(url);
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

// The provinces an answer (or a batch's answers) says are not loaded yet.
function provincesNotLoaded(text) {
  if (!text.includes('"rules.not_loaded"')) return [];
  const answer = JSON.parse(text);
  return [...new Set((Array.isArray(answer) ? answer : [answer]).flatMap((a) => a?.not_loaded ?? []))];
}

// The module's code, compiled once: from the bytes given or read (Node), else fetched
// as the glue would fetch it (so that a page's preload of the .wasm is the response
// used). `locateFile` is asked as the glue asks it, with the directory of the scripts.
async function compileModule(options) {
  if (options.wasmBinary) return WebAssembly.compile(options.wasmBinary);
  if (inNode && !options.locateFile) return WebAssembly.compile(await nodeWasmBinary());
  const here = import.meta.url;
  const urlModule = 'node:url';
  const directory = inNode ? `${(await import(urlModule)).fileURLToPath(new URL('./', here))}`
    : here.startsWith('blob:') ? '' : new URL('./', here).href;
  const url = options.locateFile ? options.locateFile('jianxi_module.wasm', directory)
    : new URL('./jianxi_module.wasm', here).href;
  if (inNode && !/^https?:/.test(url)) {
    const fsModule = 'node:fs/promises';
    const { readFile } = await import(fsModule);
    return WebAssembly.compile(await readFile(url.startsWith('file:') ? new URL(url) : url));
  }
  const fetched = () => fetch(url, { credentials: 'same-origin' }).then((response) => {
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response;
  });
  if (typeof WebAssembly.compileStreaming === 'function') {
    try {
      return await WebAssembly.compileStreaming(fetched());
    } catch {
      // Served without the application/wasm type: compiled from its bytes instead.
    }
  }
  return WebAssembly.compile(await (await fetched()).arrayBuffer());
}

// An instance of the compiled code with the glue around it; `now` instantiates before
// returning (a replacement, needed by the next synchronous call), else asynchronously.
function instantiate(compiled, options, now) {
  const module = {
    ...options,
    // The glue's reason for an abort: "OOM" when memory could not grow.
    onAbort(what) {
      module.abortedFor = String(what);
      options.onAbort?.(what);
    },
    instantiateWasm(imports, receive) {
      if (now) {
        const instance = new WebAssembly.Instance(compiled, imports);
        receive(instance, compiled);
        return instance.exports;
      }
      WebAssembly.instantiate(compiled, imports).then((instance) => receive(instance, compiled)).catch(failed);
      return {};
    },
  };
  let failed;
  const failure = new Promise((_, reject) => { failed = reject; });
  // The code is compiled already: the glue is not to look for it.
  delete module.wasmBinary;
  delete module.locateFile;
  // The glue adds its listeners before it first returns; only those are taken away, so
  // that the application's own, added while an instance is made, stay.
  const before = inNode ? new Map(glueListenerEvents.map((event) => [event, process.listeners(event)])) : null;
  const forgetListeners = () => {
    if (!before) return;
    for (const [event, kept] of before)
      for (const listener of process.listeners(event))
        if (!kept.includes(listener)) process.removeListener(event, listener);
  };
  if (now) {
    // The glue runs to the end before it returns: the module object holds the bound
    // functions, unless it aborted (calledRun unset).
    try {
      createJianxiModule(module).catch(() => {});
    } catch {
      // Aborted while starting: the caller finds calledRun unset.
    } finally {
      forgetListeners();
    }
    return module;
  }
  let started;
  try {
    started = createJianxiModule(module);
  } finally {
    forgetListeners();
  }
  return Promise.race([started, failure]);
}

export async function loadJianxi(options = {}) {
  const {
    provinces: preload = inNode ? 'all' : [], provinceFile = defaultProvinceFile, onProvinceLoaded = () => {},
    ...moduleOptions
  } = options;
  const compiled = await compileModule(moduleOptions);
  let module = await instantiate(compiled, moduleOptions, false);
  const version = module.version();
  const provinceFiles = new Map();  // the rules files read soundly, to give a replacement instance
  const unread = [];  // [id, file] taken in since the engine was last built
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();

  // The module aborted: a fresh instance takes its place, with the provinces the old one
  // held. When memory ran out, the request answers internal.error. Any other abort is a
  // fault: a province's file is taken in as it arrives and read when the next request
  // builds the engine over it, so such an abort before a request has answered since
  // points to the files taken in since (rules not as the build wrote them): they are
  // dropped, as the core drops unsound rules, and the request is asked again without them.
  function replaceModule() {
    const fresh = () => {
      module = instantiate(compiled, moduleOptions, true);
      return module.calledRun;
    };
    if (fresh()) {
      try {
        return reload();
      } catch (err) {
        if (!(err instanceof WebAssembly.RuntimeError)) throw err;
        // Not even the files it held fit: they are forgotten, to be fetched again.
        forgetProvinces();
        if (fresh()) return undefined;
      }
    }
    // A browser that refuses to instantiate at once: requests answer internal.error
    // until the replacement is ready.
    module = null;
    instantiate(compiled, moduleOptions, false).then((ready) => {
      module = ready;
      reload();
    }).catch(() => forgetProvinces());
    return undefined;
  }

  // Gives a fresh instance the files the old one held: those read soundly, then, once an
  // engine is built over them (so that the module knows them to be sound), the unread.
  function reload() {
    const give = (bytes) => answerWithParts([bytes], (at, length) => module.loadProvinceBytes(at, length), '');
    for (const bytes of provinceFiles.values()) give(bytes);
    if (provinceFiles.size) answerWithParts(['{}'], (at, length) => module.evaluateBytes(at, length), '');
    for (const [, bytes] of unread) give(bytes);
  }

  function forgetProvinces() {
    for (const id of [...provinceFiles.keys(), ...unread.map(([province]) => province)]) loading.delete(id);
    provinceFiles.clear();
    unread.length = 0;
  }

  // After a request built the engine over them: the files the module kept are sound; one
  // it dropped (rules not as the build wrote them) is refused.
  function confirmUnread() {
    const held = new Set(JSON.parse(module.provincesDelivered()).filter((p) => p.loaded).map((p) => p.id));
    for (const [id, bytes] of unread.splice(0)) {
      if (held.has(id)) provinceFiles.set(id, bytes);
      else refuse(id);
    }
  }

  // A file whose rules the core could not use: not asked for again (as before it was
  // dropped, the province answers rules.not_loaded).
  function refuse(id) {
    loading.set(id, Promise.resolve({ province: id, ok: false, errors: [{ path: '', code: 'rules.invalid',
      message: '该省份的规则文件无法使用', message_en: 'the province\'s rules file could not be used' }] }));
  }

  // A call into the module with the parts given (see answerWithParts); when the module
  // aborts, the call answers internal.error from its replacement.
  function withParts(parts, use, kind = '') {
    try {
      return answerWithParts(parts, use, kind);
    } catch (err) {
      if (!(err instanceof WebAssembly.RuntimeError)) throw err;
      replaceModule();
      return outOfMemory(kind);
    }
  }

  // A request: the engine is built over the files taken in since the last one.
  function evaluateWithParts(parts, use, kind = '') {
    let evaluated = false;
    const evaluate = (...placed) => {
      const view = use(...placed);
      evaluated = true;
      return view;
    };
    try {
      const answer = answerWithParts(parts, evaluate, kind);
      if (evaluated && unread.length) confirmUnread();
      return answer;
    } catch (err) {
      if (!(err instanceof WebAssembly.RuntimeError)) throw err;
      const suspects = module?.abortedFor === 'OOM' ? [] : unread.splice(0);
      for (const [id] of suspects) refuse(id);
      replaceModule();
      return suspects.length ? evaluateWithParts(parts, use, kind) : outOfMemory(kind);
    }
  }

  // Copies each part (text, bytes or a Float64Array) into the module's memory, calls
  // `use(...pointerAndLengthPairs)`, frees them, and decodes the answer it returns.
  function answerWithParts(parts, use, kind) {
    if (!module) return outOfMemory(kind);
    const placed = [];
    try {
      for (const part of parts) {
        if (typeof part === 'string' && part.length <= 65536) {
          // A short text is encoded straight into the module's memory (room for 3 bytes
          // per UTF-16 unit), without the intermediate array encode() makes.
          const room = part.length * 3;
          const at = module._malloc(room || 1);
          if (!at) return outOfMemory(kind);
          placed.push(at);
          placed.push(encoder.encodeInto(part, module.HEAPU8.subarray(at, at + room)).written);
          continue;
        }
        const bytes = part instanceof Float64Array ? new Uint8Array(part.buffer, part.byteOffset, part.byteLength)
          : part instanceof Uint8Array ? part : encoder.encode(String(part));
        const at = module._malloc(bytes.length || 1);
        if (!at) return outOfMemory(kind);
        placed.push(at);
        module.HEAPU8.set(bytes, at);
        placed.push(part instanceof Float64Array ? part.length : bytes.length);
      }
      const view = use(...placed);
      try {
        // An answer too long for a JavaScript string (RangeError), or none at all, is
        // exhaustion; the answer is released either way, so the module stays usable.
        return decoder.decode(view) || outOfMemory(kind);
      } catch {
        return outOfMemory(kind);
      } finally {
        module.releaseAnswer();
      }
    } finally {
      for (let i = 0; i < placed.length; i += 2) module._free(placed[i]);
    }
  }

  const evaluateText = (requestText) => evaluateWithParts([requestText], (at, length) => module.evaluateBytes(at, length));
  const evaluateTableText = (request, { periods, units = [], submitted = [], values, indicators }) => {
    // Names are joined by line breaks to cross; a table with a line break in one goes as JSON.
    const broken = (list) => list.some((s) => String(s ?? '').includes('\n'));
    if (broken(periods) || broken(units) || broken(submitted)) {
      return evaluateText(JSON.stringify(tableAsJson(request, { periods, units, submitted, values, indicators })));
    }
    return evaluateWithParts([
      JSON.stringify(request), periods.join('\n'), periods.map((_, i) => units[i] ?? '').join('\n'),
      periods.map((_, i) => submitted[i] ?? '').join('\n'),
      values instanceof Float64Array ? values : Float64Array.from(values),
    ], (...parts) => module.evaluateTableBytes(...parts, indicators), 'summary_table');
  };
  let lastDelivered = [];
  const delivered = () => (module ? (lastDelivered = JSON.parse(module.provincesDelivered())) : lastDelivered);
  const loading = new Map();
  // Resolves to {province, ok, errors}; a failed fetch or a file that is not a province's
  // rules leaves the module as it was and may be tried again. (A well-formed file whose
  // rules are unsound is dropped when the next request builds the engine.)
  const loadProvince = (id) => {
    if (!loading.has(id)) {
      loading.set(id, (async () => {
        let bytes;
        try {
          // Asked after this load is listed, so that a provider failing at once is retried.
          bytes = await Promise.resolve().then(() => provinceFile(id));
        } catch (err) {
          loading.delete(id);
          return { province: id, ok: false, errors: [{ path: '', code: 'rules.not_loaded',
            message: `无法下载该省份的规则：${err?.message ?? err}`, message_en: `the province's rules could not be fetched: ${err?.message ?? err}` }] };
        }
        const part = typeof bytes === 'string' ? bytes : bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
        const taken = JSON.parse(withParts([part], (at, length) => module.loadProvinceBytes(at, length)));
        // The module's answer, or when it aborted taking the file in, the internal error.
        const answer = 'province' in taken ? taken : { province: id, ok: false, errors: taken.errors };
        if (!answer.ok) {
          loading.delete(id);
        } else {
          unread.push([id, part]);
          // After this load resolves, so that a listener's failure cannot fail the load.
          queueMicrotask(() => onProvinceLoaded(answer.province));
        }
        return answer;
      })());
    }
    return loading.get(id);
  };
  // Loads the provinces an answer names as not loaded, then asks once more.
  const withProvinces = async (ask) => {
    const first = ask();
    const missing = provincesNotLoaded(first);
    if (!missing.length) return first;
    await Promise.all(missing.map(loadProvince));
    return ask();
  };
  const evaluateTextAsync = (requestText) => withProvinces(() => evaluateText(requestText));
  const evaluateTableTextAsync = (request, columns) => withProvinces(() => evaluateTableText(request, columns));
  const ids = preload === 'all' ? delivered().map((p) => p.id) : preload;
  const preloaded = await Promise.all(ids.map(loadProvince));
  const failed = preloaded.find((a) => !a.ok);
  if (failed) throw new Error(`rules of ${failed.province} not loaded: ${failed.errors.map((e) => e.message_en).join('; ')}`);
  return {
    evaluateText,
    evaluateTextAsync,
    evaluateAsync: async (request) => JSON.parse(await evaluateTextAsync(JSON.stringify(request))),
    evaluateTableTextAsync,
    evaluateTableAsync: async (request, columns) => JSON.parse(await evaluateTableTextAsync(request, columns)),
    loadProvince,
    // The provinces whose rules come as files of their own, whether each is loaded, and its notices.
    provinces: delivered,
    evaluate: (request) => JSON.parse(evaluateText(JSON.stringify(request))),
    // A summary table as columns (the portal's import): answered exactly as evaluate()
    // answers the same table written as JSON, without writing or parsing that JSON.
    evaluateTable: (request, columns) => JSON.parse(evaluateTableText(request, columns)),
    evaluateTableText,
    version: () => version,
    // The module's memory in bytes: it only grows, so after a request it is the high-water mark.
    memoryBytes: () => module?.HEAP8.buffer.byteLength ?? 0,
  };
}
