// Writing answers: a large answer read slowly is written whole as long as it moves
// (the write timeout is per part), one not read at all is cut and logged as a cut by
// the service; memory is given back after large answers; metrics count slow and
// broken requests under what they were.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { test } from 'node:test';
import { logLines, parseResponse, rawConnection, sleep, startServer } from './helpers.mjs';

function subsidy(interns) {
  const trainee = { category: 'college_graduate', start: '2023-09-01', end: '2024-03-31', insurance_premium: 100 };
  return JSON.stringify({ kind: 'subsidy', policy: 'jiangxi-2023', place: '南昌市东湖区', trainees: Array(interns).fill(trainee) });
}

function rssMB(server, field = 'VmRSS') {
  const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  return Number(status.match(new RegExp(`^${field}:\\s+(\\d+)`, 'm'))[1]) / 1024;
}

async function stop(server) {
  server.child.kill('SIGTERM');
  assert.deepEqual(await server.exited, { code: 0, signal: null });
}

async function sendPaused(port, body) {
  const conn = rawConnection(port);
  await conn.connected;
  conn.socket.pause();
  conn.socket.write(`POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  return conn;
}

test('a large answer read slowly is written whole; memory is given back after it', async () => {
  const server = await startServer(['--write-timeout-ms', '1000']);
  try {
    const idle = rssMB(server);
    const body = subsidy(20000);  // about 60 MB of answer
    const socket = net.connect(server.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const chunks = [];
    let received = 0;
    let allowed = 2 << 20;
    let closed = false;
    socket.on('close', () => { closed = true; });
    socket.on('data', (d) => {
      chunks.push(d);
      received += d.length;
      if (received >= allowed) socket.pause();
    });
    socket.write(`POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const start = Date.now();
    // 2 MB every 300 ms: each part of the answer moves well within the write timeout,
    // the whole takes longer than it.
    const reading = setInterval(() => { allowed = received + (2 << 20); socket.resume(); }, 300);
    let expected = Infinity;
    try {
      while (received < expected) {
        await sleep(50);
        if (expected === Infinity && chunks.length) {
          const head = Buffer.concat(chunks.slice(0, 4)).toString('latin1');
          const end = head.indexOf('\r\n\r\n');
          if (end > 0) expected = end + 4 + Number(/content-length: (\d+)/i.exec(head)[1]);
        }
        assert.ok(!closed, `closed after ${received} bytes`);
        assert.ok(Date.now() - start < 120000);
      }
    } finally {
      clearInterval(reading);
    }
    const res = parseResponse(Buffer.concat(chunks));
    assert.equal(res.status, 200);
    assert.ok(Date.now() - start > 1000, 'the answer was read faster than the write timeout');
    assert.equal(JSON.parse(res.body).ok, true);
    // Measured with the connection still open (kept alive): it holds no answer either.
    await sleep(500);
    const peak = rssMB(server, 'VmHWM');
    const after = rssMB(server);
    socket.destroy();
    assert.ok(after < idle + (peak - idle) / 4, `resident ${after} MB after a peak of ${peak} MB (idle ${idle} MB)`);
  } finally {
    await stop(server);
  }
});

test('an answer not read at all is cut after the write timeout and logged as a cut', async () => {
  const server = await startServer(['--write-timeout-ms', '500']);
  try {
    const conn = await sendPaused(server.port, subsidy(5000));  // about 15 MB, never read
    for (let i = 0; i < 200 && logLines(server, /"POST \/v1\/evaluate" /).length === 0; i++) await sleep(100);
    conn.socket.destroy();
    assert.equal(logLines(server, /cut 127\.0\.0\.1:\d+ "POST \/v1\/evaluate": answer not read for 500 ms/).length, 1);
    assert.equal(logLines(server, /"POST \/v1\/evaluate" 408 /).length, 1);
    const metrics = await (await fetch(server.url + '/metrics')).text();
    assert.match(metrics, /jianxi_connections_dropped_total\{reason="write_timeout"\} 1/);
  } finally {
    await stop(server);
  }
});

test('a slow header is counted under its route; a reset in a header is counted', async () => {
  const server = await startServer(['--read-timeout-ms', '300']);
  try {
    const slow = rawConnection(server.port);
    await slow.connected;
    slow.socket.write('POST /v1/evaluate HTTP/1.1\r\nHost: x\r\n');
    await slow.closed;
    const reset = rawConnection(server.port);
    await reset.connected;
    reset.socket.write('GET /healthz HTTP/1.1\r\nHo');
    await sleep(50);
    reset.socket.resetAndDestroy();
    await sleep(200);
    const metrics = await (await fetch(server.url + '/metrics')).text();
    assert.match(metrics, /jianxi_requests_total\{route="\/v1\/evaluate",kind="",status="408"\} 1/);
    assert.match(metrics, /jianxi_connections_dropped_total\{reason="reset_before_header"\} 1/);
  } finally {
    await stop(server);
  }
});
