// HTTP/1.1 conformance at the edges: HEAD answers carry no body (keep-alive goes on),
// HTTP/1.1 without Host is 400, a transfer coding other than chunked is 501, a target
// over 8 KiB is 414.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { parseResponse, rawConnection, startServer } from './helpers.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => {
  server.child.kill('SIGTERM');
  assert.deepEqual(await server.exited, { code: 0, signal: null });
});

async function exchange(text) {
  const conn = rawConnection(server.port);
  await conn.connected;
  conn.socket.write(text);
  await conn.waitFor(/\r\n\r\n/);
  await new Promise((resolve) => setTimeout(resolve, 50));
  conn.socket.destroy();
  return parseResponse(conn.received);
}

test('HEAD has the length of GET and no body, and the connection goes on', async () => {
  const conn = rawConnection(server.port);
  await conn.connected;
  conn.socket.write('HEAD /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
  await conn.waitFor(/HTTP\/1\.1 200[\s\S]*HTTP\/1\.1 200[\s\S]*\r\n\r\n\{[^\n]*\n/);
  conn.socket.destroy();
  const head = parseResponse(conn.received);
  assert.equal(head.status, 200);
  assert.ok(Number(head.headers['content-length']) > 0);
  // The next answer starts right after the HEAD answer's header.
  const next = conn.received.subarray(conn.received.indexOf('\r\n\r\n') + 4);
  assert.equal(next.subarray(0, 8).toString(), 'HTTP/1.1');
  const get = parseResponse(next);
  assert.equal(get.body.length, Number(head.headers['content-length']));
  assert.equal(JSON.parse(get.body).ok, true);

  for (const path of ['/healthz', '/v1/catalog', '/v1/catalog?policy=jiangxi-2023', '/metrics', '/nope']) {
    const res = await fetch(server.url + path, { method: 'HEAD' });
    assert.equal((await res.arrayBuffer()).byteLength, 0);
  }
  assert.equal((await fetch(server.url + '/healthz')).status, 200);
});

test('HTTP/1.1 without Host is 400; HTTP/1.0 without it is answered', async () => {
  const missing = await exchange('GET /healthz HTTP/1.1\r\n\r\n');
  assert.equal(missing.status, 400);
  assert.equal(JSON.parse(missing.body).error, 'http.host_missing');
  const old = await exchange('GET /healthz HTTP/1.0\r\n\r\n');
  assert.equal(old.status, 200);
});

test('a transfer coding other than chunked is 501', async () => {
  const body = '{"kind":"policies"}';
  const chunk = `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`;
  const gzip = await exchange(`POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n${chunk}`);
  assert.equal(gzip.status, 501);
  assert.equal(JSON.parse(gzip.body).error, 'http.transfer_coding');
  const chunked = await exchange(`POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n${chunk}`);
  assert.equal(chunked.status, 200);
});

test('a request target over 8 KiB is 414', async () => {
  for (const length of [8193, 70000]) {
    const res = await exchange(`GET /v1/catalog?policy=${'a'.repeat(length)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    assert.equal(res.status, 414, `target of ${length}`);
  }
  const fits = await exchange(`GET /v1/catalog?x=${'a'.repeat(8000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
  assert.equal(fits.status, 200);
});
