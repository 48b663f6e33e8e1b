// Emscripten 3.1.6's ES-module glue still calls require() and reads __dirname when it
// runs under Node; ES modules have neither, so provide both there. Browsers skip this.
const jianxiInNode = typeof process === 'object' && typeof process.versions === 'object' &&
    typeof process.versions.node === 'string';
const require = jianxiInNode ?
    (await import('node:module')).createRequire(import.meta.url) : undefined;
const __dirname = jianxiInNode ? new URL('.', import.meta.url).pathname : '';
