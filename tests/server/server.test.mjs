// jianxi-server against the CLI: every case file posted gives the CLI's bytes and
// verdict; catalog ETags; limits (413 from the header alone, slow clients dropped);
// metrics and the access log. SIGTERM is in drain.test.mjs.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  caseFiles, caseRequest, cliAnswer, logLines, parseResponse, rawConnection, sleep, startServer,
} from './helpers.mjs';

const READ_TIMEOUT_MS = 400;
let server;
before(async () => {
  server = await startServer(['--read-timeout-ms', String(READ_TIMEOUT_MS), '--idle-timeout-ms', '800']);
});
after(async () => {
  server.child.kill('SIGTERM');
  assert.deepEqual(await server.exited, { code: 0, signal: null });
});

// The server closes a kept-alive connection after 800 ms idle here; a POST sent on it
// at that moment is lost before it is read (fetch does not retry a POST), so it is sent
// once more on a new connection: evaluation is safe to repeat.
async function post(body, path = '/v1/evaluate') {
  let res;
  try {
    res = await fetch(server.url + path, { method: 'POST', body });
  } catch (e) {
    if (e.cause?.code !== 'UND_ERR_SOCKET') throw e;
    res = await fetch(server.url + path, { method: 'POST', body });
  }
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

test('every case file posted gives the CLI bytes, 200 when understood and 400 when malformed', async () => {
  const files = caseFiles();
  assert.ok(files.length > 50);
  for (const file of files) {
    const request = caseRequest(file);
    const expected = cliAnswer(request);
    const res = await post(request);
    assert.equal(res.status, expected.status === 2 ? 400 : 200, file);
    assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.ok(res.body.equals(expected.body), file);
  }
});

test('a malformed request is 400 with the same ok:false JSON as the CLI', async () => {
  for (const request of ['{bad', '', '[1,2]', '{"kind":"nope"}', '\u00ff']) {
    const res = await post(request);
    assert.equal(res.status, 400, request);
    assert.ok(res.body.equals(cliAnswer(request).body), request);
    const result = JSON.parse(res.body);
    for (const r of Array.isArray(result) ? result : [result]) assert.equal(typeof r.ok, 'boolean');
    assert.ok(!Array.isArray(result) ? result.ok === false : result.some((r) => r.ok === false));
  }
});

test('the catalog has an ETag from the rules hash and answers If-None-Match with 304', async () => {
  const res = await fetch(server.url + '/v1/catalog');
  assert.equal(res.status, 200);
  const body = Buffer.from(await res.arrayBuffer());
  assert.ok(body.equals(cliAnswer('{"kind":"catalog"}').body));
  const etag = res.headers.get('etag');
  assert.equal(etag, `"${JSON.parse(body).rules_version}"`);
  const again = await fetch(server.url + '/v1/catalog', { headers: { 'if-none-match': `"other", W/${etag}` } });
  assert.equal(again.status, 304);
  assert.equal((await again.arrayBuffer()).byteLength, 0);
  assert.equal(again.headers.get('etag'), etag);
  const stale = await fetch(server.url + '/v1/catalog', { headers: { 'if-none-match': '"0000"' } });
  assert.equal(stale.status, 200);
  await stale.arrayBuffer();
  const one = await fetch(server.url + '/v1/catalog?policy=jiangxi-2023');
  assert.ok(Buffer.from(await one.arrayBuffer()).equals(cliAnswer('{"kind":"catalog","policy":"jiangxi-2023"}').body));
  const province = await fetch(server.url + '/v1/catalog?province=jilin&sections=provisions');
  assert.equal(province.status, 200);
  assert.ok(Buffer.from(await province.arrayBuffer()).equals(cliAnswer('{"kind":"catalog","province":"jilin","sections":["provisions"]}').body));
  const sections = await fetch(server.url + '/v1/catalog?sections=forms,templates');
  assert.equal(sections.status, 200);
  assert.ok(Buffer.from(await sections.arrayBuffer()).equals(cliAnswer('{"kind":"catalog","sections":["forms","templates"]}').body));
  const unknown = await fetch(server.url + '/v1/catalog?sections=forms,places');
  assert.equal(unknown.status, 200);
  assert.equal((await unknown.json()).errors[0].path, '/sections/1');
});

test('health, unknown paths and wrong methods', async () => {
  const health = await fetch(server.url + '/healthz');
  assert.equal(health.status, 200);
  assert.equal((await health.json()).ok, true);
  const missing = await fetch(server.url + '/nope');
  assert.equal(missing.status, 404);
  await missing.arrayBuffer();
  const wrong = await fetch(server.url + '/v1/evaluate');
  assert.equal(wrong.status, 405);
  assert.equal(wrong.headers.get('allow'), 'POST');
  await wrong.arrayBuffer();
});

test('a body over 64 MiB is refused with 413 from its Content-Length, without being sent', async () => {
  const conn = rawConnection(server.port);
  await conn.connected;
  conn.socket.write(`POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${64 * 1024 * 1024 + 1}\r\n\r\n`);
  conn.socket.write('['.repeat(65536));  // a little of it; the rest is never sent
  await conn.waitFor(/\r\n\r\n[\s\S]*\}\n/);
  const res = parseResponse(conn.received);
  assert.equal(res.status, 413);
  assert.equal(res.headers.connection, 'close');
  assert.equal(JSON.parse(res.body).ok, false);
  conn.socket.end();
  await conn.closed;

  // With Expect: 100-continue the client learns it before sending a byte of the body.
  const polite = rawConnection(server.port);
  await polite.connected;
  polite.socket.write(`POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 100000000\r\n\r\n`);
  await polite.waitFor(/\r\n\r\n/);
  assert.match(polite.received.toString(), /^HTTP\/1\.1 413 /);
  polite.socket.end();
  await polite.closed;
});

test('Expect: 100-continue under the limit is answered with 100, then the result', async () => {
  const request = '{"kind":"policies"}';
  const conn = rawConnection(server.port);
  await conn.connected;
  conn.socket.write(`POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: ${request.length}\r\n\r\n`);
  await conn.waitFor(/^HTTP\/1\.1 100 Continue\r\n\r\n/);
  conn.socket.write(request);
  await conn.waitFor(/\}\n$/);
  const res = parseResponse(conn.received.subarray('HTTP/1.1 100 Continue\r\n\r\n'.length));
  assert.equal(res.status, 200);
  assert.ok(res.body.equals(cliAnswer(request).body));
  conn.socket.destroy();
});

test('pipelined requests on one connection are answered in order', async () => {
  const a = '{"kind":"policies"}', b = '{bad';
  const conn = rawConnection(server.port);
  await conn.connected;
  conn.socket.write(`POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Length: ${a.length}\r\n\r\n${a}` +
    `POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Length: ${b.length}\r\nConnection: close\r\n\r\n${b}`);
  await conn.closed;
  const first = parseResponse(conn.received);
  const second = parseResponse(first.rest);
  assert.equal(first.status, 200);
  assert.ok(first.body.equals(cliAnswer(a).body));
  assert.equal(second.status, 400);
  assert.ok(second.body.equals(cliAnswer(b).body));
});

test('a slow client is dropped after the read timeout, an idle one after the idle timeout', async () => {
  const slowHeader = rawConnection(server.port);
  await slowHeader.connected;
  const started = Date.now();
  slowHeader.socket.write('POST /v1/evaluate HTTP/1.1\r\nHost: x\r\n');  // and nothing more
  const slowBody = rawConnection(server.port);
  await slowBody.connected;
  slowBody.socket.write('POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"kind":');
  const idle = rawConnection(server.port);
  await idle.connected;
  await Promise.all([slowHeader.closed, slowBody.closed, idle.closed]);
  for (const conn of [slowHeader, slowBody]) {
    const ms = conn.closedAt - started;
    assert.ok(ms >= READ_TIMEOUT_MS - 50 && ms < READ_TIMEOUT_MS + 5000, `closed after ${ms} ms`);
    assert.equal(conn.received.length, 0);
  }
  assert.ok(idle.closedAt - started >= 750, 'idle connection kept until the idle timeout');
  await sleep(50);
  // Both are logged under their request line, the one whose header never ended too.
  assert.ok(logLines(server, /"POST \/v1\/evaluate" 408 0 /).length >= 2);
  // The service is unaffected.
  assert.equal((await post('{"kind":"policies"}')).status, 200);
});

test('metrics count requests by route, kind and status; the access log has a line per request', async () => {
  await sleep(50);  // a line is written once its answer is sent, after the client may have it
  const before = logLines(server, /"POST \/v1\/evaluate" /).length;
  const form = caseRequest(caseFiles().find((f) => f.includes('unit_application/jiangxi-complete')));
  for (let i = 0; i < 3; i++) assert.equal((await post(form)).status, 200);
  await post('{bad');
  await sleep(50);
  assert.equal(logLines(server, /"POST \/v1\/evaluate" /).length, before + 4);
  const text = await (await fetch(server.url + '/metrics')).text();
  assert.match(text, /^jianxi_requests_total\{route="\/v1\/evaluate",kind="unit_application",status="200"\} \d+$/m);
  assert.match(text, /^jianxi_requests_total\{route="\/v1\/evaluate",kind="",status="400"\} \d+$|^jianxi_requests_total\{route="\/v1\/evaluate",kind="other",status="400"\} \d+$/m);
  assert.match(text, /^jianxi_request_duration_seconds_bucket\{route="\/v1\/evaluate",le="\+Inf"\} \d+$/m);
  assert.match(text, /^jianxi_requests_in_flight 1$/m);  // this /metrics request itself
  assert.match(text, /^jianxi_connections_dropped_total\{reason="too_large"\} \d+$/m);
  assert.match(text, /^process_resident_memory_bytes \d+$/m);
});
