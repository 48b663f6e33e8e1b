// SIGTERM: the service stops accepting, answers the requests already in flight (one
// still arriving, one being evaluated), closes idle connections, and exits 0.
import assert from 'node:assert/strict';
import net from 'node:net';
import { test } from 'node:test';
import { cliAnswer, logLines, parseResponse, rawConnection, sleep, startServer } from './helpers.mjs';

function bigTable(n) {
  const reports = [];
  for (let i = 0; i < n; i++) {
    const month = (i % 12) + 1;
    reports.push({ period: `2023-${String(month).padStart(2, '0')}`, unit: `unit-${Math.floor(i / 12)}`,
      values: { 1: 40, 2: 5, 3: 300, 4: 20, 5: 120, 6: 100, 7: 80, 8: 60, 9: 30, 10: 25, 11: 20, 12: 4, 13: 90, 14: 12.5 } });
  }
  return JSON.stringify({ kind: 'summary_table', template: 'mohrss-2022', province: 'jiangxi', reports });
}

test('SIGTERM drains the requests in flight and exits 0', async () => {
  const server = await startServer(['--read-timeout-ms', '10000']);
  const slow = '{"kind":"policies"}';
  // Three tables of 100,000 reports in a batch (a batch is read whole, as trees): about
  // half a second of evaluation natively, so it is still being answered at SIGTERM.
  const table = bigTable(100000);
  const heavy = `[${table},${table},${table}]`;

  // In flight: a request whose header has arrived but whose body has not finished.
  const arriving = rawConnection(server.port);
  await arriving.connected;
  arriving.socket.write(`POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Length: ${slow.length}\r\n\r\n${slow.slice(0, 5)}`);
  // In flight: a large table being evaluated.
  const evaluating = rawConnection(server.port);
  await evaluating.connected;
  // Idle: a kept-alive connection with no request.
  const idle = rawConnection(server.port);
  await idle.connected;
  await sleep(300);

  evaluating.socket.write(`POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Length: ${Buffer.byteLength(heavy)}\r\n\r\n${heavy}`);
  await sleep(100);
  server.child.kill('SIGTERM');
  await idle.closed;  // closed at once, without an answer
  assert.equal(idle.received.length, 0);

  // No new connections.
  await sleep(100);
  await assert.rejects(new Promise((resolve, reject) => {
    const s = net.connect(server.port, '127.0.0.1', () => { s.destroy(); resolve(); });
    s.on('error', reject);
  }));

  arriving.socket.write(slow.slice(5));
  await Promise.all([arriving.closed, evaluating.closed]);
  for (const [conn, request] of [[arriving, slow], [evaluating, heavy]]) {
    const res = parseResponse(conn.received);
    assert.equal(res.status, 200);
    assert.equal(res.headers.connection, 'close');
    assert.ok(res.body.equals(cliAnswer(request).body));
  }
  assert.deepEqual(await server.exited, { code: 0, signal: null });
  assert.equal(logLines(server, /"POST \/v1\/evaluate" 200 /).length, 2);
  assert.equal(logLines(server, /drained: every request in flight was answered/).length, 1);
});

test('SIGTERM with nothing open exits 0 at once', async () => {
  const server = await startServer();
  server.child.kill('SIGTERM');
  assert.deepEqual(await server.exited, { code: 0, signal: null });
});

// A batch of estimates at places that are no place: each searches the nearest names,
// seconds of evaluation in all with little memory.
function unknownPlaces(n) {
  const one = { kind: 'subsidy', policy: 'jiangxi-2023', place: '某'.repeat(64),
    trainees: [{ category: 'college_graduate', start: '2023-09-01', end: '2024-03-31' }] };
  return JSON.stringify(Array(n).fill(one));
}

async function sendWithoutWaiting(port, body) {
  const conn = rawConnection(port);
  await conn.connected;
  conn.socket.write(`POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  return conn;
}

test('the drain deadline is kept while every evaluator is busy', async () => {
  const server = await startServer(['--evaluators', '1', '--drain-timeout-ms', '1500']);
  const heavy = unknownPlaces(10000);
  const conns = [await sendWithoutWaiting(server.port, heavy), await sendWithoutWaiting(server.port, heavy)];
  await sleep(500);
  const start = Date.now();
  server.child.kill('SIGTERM');
  const exited = await server.exited;
  const ms = Date.now() - start;
  assert.deepEqual(exited, { code: 1, signal: null });
  // Generous: before evaluator threads the signal waited for a free worker (22 s).
  assert.ok(ms < 1500 + 4000, `exited ${ms} ms after SIGTERM`);
  assert.equal(logLines(server, /drain deadline: cutting \d+ connections, 2 requests in flight not answered/).length, 1);
  for (const conn of conns) conn.socket.destroy();
});

test('a second SIGTERM cuts at once', async () => {
  const server = await startServer(['--evaluators', '1', '--drain-timeout-ms', '60000']);
  const conn = await sendWithoutWaiting(server.port, unknownPlaces(10000));
  await sleep(300);
  server.child.kill('SIGTERM');
  await sleep(200);
  const start = Date.now();
  server.child.kill('SIGTERM');
  assert.deepEqual(await server.exited, { code: 1, signal: null });
  assert.ok(Date.now() - start < 3000);
  assert.equal(logLines(server, /second signal: cutting/).length, 1);
  conn.socket.destroy();
});

test('every request sent before SIGTERM is answered', async () => {
  const server = await startServer();
  const body = '{"kind":"policies"}';
  const conns = [];
  for (let i = 0; i < 40; i++) conns.push(await sendWithoutWaiting(server.port, body));
  await sleep(100);
  server.child.kill('SIGTERM');
  await Promise.all(conns.map((c) => c.closed));
  const expected = cliAnswer(body).body;
  for (const conn of conns) {
    const res = parseResponse(conn.received);
    assert.equal(res.status, 200);
    assert.ok(res.body.equals(expected));
  }
  assert.deepEqual(await server.exited, { code: 0, signal: null });
  assert.equal(logLines(server, /"POST \/v1\/evaluate" 200 /).length, 40);
});
