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
