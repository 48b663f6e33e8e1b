// Serves build/site on http://127.0.0.1:8080/ (or PORT) with a strict
// Content-Security-Policy: no inline script, no eval; wasm compiles under
// 'wasm-unsafe-eval'; nothing may be fetched from anywhere but this origin.
// Files are served by sirv (maintained; refuses paths that escape the root, answers
// malformed URLs without throwing, serves the .br/.gz variants made at build time by
// Accept-Encoding, with ETags).
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import sirv from 'sirv';

const root = resolve(process.argv[2] || 'build/site');
const port = Number(process.env.PORT || 8080);
const host = process.env.HOST || '127.0.0.1';
export const CSP = [
  "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'",
  "img-src 'self' data: blob:", "connect-src 'self'", "worker-src 'self'",
  "object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ');

const files = sirv(root, {
  etag: true,
  brotli: true,
  gzip: true,
  extensions: ['html'],
  setHeaders(res) {
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-cache');
  },
});

function notFound(res, status = 404) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CSP });
  res.end(status === 400 ? 'bad request' : 'not found');
}

const server = createServer((req, res) => {
  try {
    decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    notFound(res, 400);
    return;
  }
  try {
    files(req, res, () => notFound(res));
  } catch {
    if (!res.headersSent) notFound(res, 400);
    else res.destroy();
  }
});
server.on('clientError', (_, socket) => socket.destroy());
server.listen(port, host, () => console.log(`Jianxi on http://${host}:${port}/ (serving ${root})`));
