// The serve command stays up whatever it is asked: malformed and escaping paths are
// refused, and the site goes out compressed with ETags.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { test } from 'node:test';
import { startServer } from './harness.mjs';

function get(origin, path, headers = {}) {
  return new Promise((resolve, reject) => {
    const url = new URL(origin);
    const req = request({ host: url.hostname, port: url.port, path, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('malformed and escaping paths are refused and the server keeps running', async () => {
  const server = await startServer();
  try {
    assert.equal((await get(server.origin, '/%')).status, 400);
    assert.equal((await get(server.origin, '/%E0%A4%A')).status, 400);
    for (const path of ['/..%2fsite-other/x', '/../site-other/x', '/%2e%2e/%2e%2e/etc/passwd'])
      assert.equal((await get(server.origin, path)).status, 404, path);
    const home = await get(server.origin, '/');
    assert.equal(home.status, 200);
    assert.match(home.headers['content-security-policy'], /default-src 'self'/);
  } finally {
    await server.stop();
  }
});

test('the module goes out as brotli or gzip by Accept-Encoding, with an ETag', async () => {
  const server = await startServer();
  try {
    const plain = await get(server.origin, '/jianxi_module.wasm');
    const br = await get(server.origin, '/jianxi_module.wasm', { 'Accept-Encoding': 'br, gzip' });
    const gz = await get(server.origin, '/jianxi_module.wasm', { 'Accept-Encoding': 'gzip' });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.ok(br.body.length < plain.body.length / 2, `${br.body.length} vs ${plain.body.length}`);
    assert.ok(plain.headers.etag);
    const again = await get(server.origin, '/jianxi_module.wasm', { 'If-None-Match': plain.headers.etag });
    assert.equal(again.status, 304);
  } finally {
    await server.stop();
  }
});
