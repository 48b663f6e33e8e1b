// Bounded work for every request: evaluation runs on evaluator threads, apart from the
// I/O threads, so /healthz answers while heavy requests run; work in flight is capped
// (503 with Retry-After beyond it); running out of memory answers 503 and the service
// lives on; answer limits, trailing bytes and bad query bytes are refused with findings.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseResponse, rawConnection, sleep, startServer } from './helpers.mjs';

function subsidy(interns) {
  const trainee = { category: 'college_graduate', start: '2023-09-01', end: '2024-03-31', insurance_premium: 100 };
  return JSON.stringify({ kind: 'subsidy', policy: 'jiangxi-2023', place: '南昌市东湖区', trainees: Array(interns).fill(trainee) });
}

async function post(server, body) {
  const res = await fetch(server.url + '/v1/evaluate', { method: 'POST', body });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

async function timed(promise) {
  const start = performance.now();
  const value = await promise;
  return { value, ms: performance.now() - start };
}

async function stop(server) {
  server.child.kill('SIGTERM');
  assert.deepEqual(await server.exited, { code: 0, signal: null });
}

test('/healthz answers while two heavy requests are evaluated', async () => {
  const server = await startServer(['--evaluators', '2']);
  try {
    const heavy = subsidy(40000);  // about 1 s each natively
    let done = 0;
    const running = [post(server, heavy), post(server, heavy)].map((p) => p.then((r) => { done++; return r; }));
    await sleep(150);
    const health = [];
    for (let i = 0; i < 5 && done === 0; i++) {
      const { value, ms } = await timed(fetch(server.url + '/healthz').then((r) => r.status));
      assert.equal(value, 200);
      health.push(ms);
    }
    const answers = await Promise.all(running);
    for (const a of answers) assert.equal(a.status, 200);
    // Generous: before evaluator threads, /healthz waited for a heavy request (seconds).
    for (const ms of health) assert.ok(ms < 1000, `/healthz took ${ms} ms`);
  } finally {
    await stop(server);
  }
});

test('beyond the evaluations allowed in flight, 503 with Retry-After at once', async () => {
  const server = await startServer(['--evaluators', '1', '--max-pending', '1']);
  try {
    let heavyDone = false;
    const heavy = post(server, subsidy(60000)).then((r) => { heavyDone = true; return r; });
    // Once the heavy request is being evaluated (seconds), the next is refused at once.
    let refused = null;
    while (!heavyDone && !refused) {
      const res = await post(server, '{"kind":"policies"}');
      if (res.status === 503) refused = res;
      else await sleep(50);
    }
    assert.ok(refused, 'the heavy request finished before any request was refused');
    assert.equal(refused.headers.get('retry-after'), '1');
    assert.equal(JSON.parse(refused.text).error, 'http.busy');
    assert.equal((await heavy).status, 200);
    assert.equal((await post(server, '{"kind":"policies"}')).status, 200);
  } finally {
    await stop(server);
  }
});

test('memory running out answers 503 and the service goes on answering', async () => {
  const server = await startServer(['--evaluators', '1', '--threads', '1'], ['prlimit', `--as=${512 * 1024 * 1024}`]);
  try {
    const exhausted = await post(server, subsidy(100000));  // needs about 600 MB
    assert.equal(exhausted.status, 503);
    assert.equal(exhausted.headers.get('retry-after'), '1');
    assert.equal((await fetch(server.url + '/healthz')).status, 200);
    const small = await post(server, subsidy(2));
    assert.equal(small.status, 200);
    assert.equal(JSON.parse(small.text).ok, true);
  } finally {
    await stop(server);
  }
});

test('answer limits, trailing bytes, numbers out of range and bad query bytes are 400 with a finding', async () => {
  const server = await startServer();
  try {
    // One catalog with every section a request may name without a notice, then as many as
    // go over the catalogs' limit of one batch.
    const whole = '{"kind":"catalog","sections":["policies","vocabulary","templates","forms","findings"]}';
    const one = await post(server, whole);
    const over = Math.floor(JSON.parse(one.text).limits.catalog_bytes_per_batch / Buffer.byteLength(one.text)) + 1;
    const catalogs = await post(server, `[${Array(over).fill(whole).join(',')}]`);
    assert.equal(catalogs.status, 400);
    assert.equal(JSON.parse(catalogs.text).errors[0].code, 'request.too_large');

    const nul = await post(server, '{"kind":"policies"}\u0000GARBAGE');
    assert.equal(nul.status, 400);
    assert.equal(JSON.parse(nul.text).errors[0].code, 'request.not_json');

    const big = await post(server, '{"kind":"subsidy","min_wage":1e999}');
    assert.equal(big.status, 400);
    assert.deepEqual(JSON.parse(big.text).errors[0].path, '/min_wage');

    const longPlace = JSON.parse(subsidy(1));
    longPlace.place = '某'.repeat(3 << 20);
    const place = await post(server, JSON.stringify(longPlace));
    assert.equal(place.status, 200);
    assert.equal(JSON.parse(place.text).errors[0].code, 'place.too_long');
    assert.ok(place.text.length < 4096);

    const bad = await fetch(server.url + '/v1/catalog?policy=%ff');
    assert.equal(bad.status, 400);
    assert.equal((await bad.json()).errors[0].code, 'request.not_json');
    const quoted = await fetch(server.url + '/v1/catalog?policy=%22%5C%0A');
    assert.equal(quoted.status, 200);
    assert.equal((await quoted.json()).errors[0].path, '/policy');
  } finally {
    await stop(server);
  }
});

function vmKB(server, field) {
  const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  return Number(status.match(new RegExp(`^${field}:\\s+(\\d+)`, 'm'))[1]);
}

test('bodies are not reserved from Content-Length; all bodies in flight share one budget', async () => {
  const server = await startServer(['--body-budget-mb', '8']);
  try {
    // Header-only uploads announcing 60 MiB each hold no memory for their bodies.
    const before = vmKB(server, 'VmSize');
    const announced = [];
    for (let i = 0; i < 20; i++) {
      const conn = rawConnection(server.port);
      await conn.connected;
      conn.socket.write(`POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Length: ${60 << 20}\r\n\r\n`);
      announced.push(conn);
    }
    await sleep(300);
    const grown = (vmKB(server, 'VmSize') - before) / 1024;
    assert.ok(grown < 200, `address space grew by ${grown} MiB for 20 announced 60 MiB bodies`);
    for (const conn of announced) conn.socket.destroy();

    // Half-sent bodies of 3 MiB: the third takes the bodies in flight over 8 MiB.
    const half = 'x'.repeat(3 << 20);
    const uploads = [];
    for (let i = 0; i < 3; i++) {
      const conn = rawConnection(server.port);
      await conn.connected;
      conn.socket.write(`POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Length: ${5 << 20}\r\n\r\n${half}`);
      uploads.push(conn);
      await sleep(200);
    }
    await uploads[2].waitFor(/\r\n\r\n/);
    const refused = parseResponse(uploads[2].received);
    assert.equal(refused.status, 503);
    assert.equal(refused.headers['retry-after'], '1');
    assert.equal(JSON.parse(refused.body).error, 'http.bodies_over_budget');
    for (const conn of uploads) conn.socket.destroy();
    await sleep(200);
    // Once they are gone, the budget is free again.
    assert.equal((await post(server, '{"kind":"policies"}')).status, 200);
  } finally {
    await stop(server);
  }
});

test('at the connection limit the connection idle the longest is closed, and /healthz gets in', async () => {
  for (const [args, wrapper, open] of [[['--max-connections', '20'], [], 30], [[], ['prlimit', '--nofile=64:64'], 100]]) {
    const server = await startServer(args, wrapper);
    try {
      const idle = [];
      for (let i = 0; i < open; i++) {
        const conn = rawConnection(server.port);
        await conn.connected;
        idle.push(conn);
        await sleep(2);
      }
      const res = await fetch(server.url + '/healthz');
      assert.equal(res.status, 200);
      await res.arrayBuffer();
      // The first opened were the first closed.
      await Promise.race([idle[0].closed, sleep(5000)]);
      assert.ok(idle[0].closedAt, 'the oldest idle connection is still open');
      assert.equal(idle.at(-1).closedAt, null);
      for (const conn of idle) conn.socket.destroy();
    } finally {
      await stop(server);
    }
  }
});
