// Starting jianxi-server on a free port for a test, and talking raw HTTP to it.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';

export const root = new URL('../../', import.meta.url).pathname;
export const build = join(root, process.env.JIANXI_BUILD_ROOT || 'build');
export const cli = join(build, 'native/jianxi');
export const serverBinary = join(build, 'native/jianxi-server');

// Starts the server on port 0 and resolves once it logs the port it took; `wrapper`
// runs it under another command (e.g. ['prlimit', '--as=...']).
export function startServer(args = [], wrapper = []) {
  const command = [...wrapper, serverBinary, '--listen', '127.0.0.1:0', ...args];
  const child = spawn(command[0], command.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
  const server = { child, log: '', exited: new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal }))) };
  return new Promise((resolve, reject) => {
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text) => {
      server.log += text;
      const m = server.log.match(/listening on 127\.0\.0\.1:(\d+)/);
      if (m && !server.port) {
        server.port = Number(m[1]);
        server.url = `http://127.0.0.1:${server.port}`;
        resolve(server);
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => { if (!server.port) reject(new Error(`server exited ${code}: ${server.log}`)); });
  });
}

export function logLines(server, pattern) {
  return server.log.split('\n').filter((line) => pattern.test(line));
}

// What the CLI prints for a request (its stdout, line end included) and its exit status.
export function cliAnswer(requestText) {
  try {
    return { body: execFileSync(cli, { input: requestText, maxBuffer: 1 << 30 }), status: 0 };
  } catch (e) {
    if (e.status === 2) return { body: e.stdout, status: 2 };
    throw e;
  }
}

export function caseFiles(dir = join(root, 'tests/cases')) {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? caseFiles(path) : name.endsWith('.json') ? [path] : [];
  });
}

export function caseRequest(file) {
  const c = JSON.parse(readFileSync(file, 'utf8'));
  return typeof c.request === 'string' ? c.request : JSON.stringify(c.request);
}

// A raw connection: write what you like, read what comes back, see when it closes.
export function rawConnection(port) {
  const socket = net.connect(port, '127.0.0.1');
  const conn = { socket, received: Buffer.alloc(0), closedAt: null, error: null };
  socket.on('data', (d) => { conn.received = Buffer.concat([conn.received, d]); });
  conn.closed = new Promise((resolve) => socket.on('close', () => { conn.closedAt = Date.now(); resolve(); }));
  socket.on('error', (e) => { conn.error = e; });
  conn.connected = new Promise((resolve, reject) => { socket.once('connect', resolve); socket.once('error', reject); });
  conn.waitFor = async (pattern, ms = 5000) => {
    const until = Date.now() + ms;
    while (!pattern.test(conn.received.toString('latin1'))) {
      if (Date.now() > until || conn.closedAt) throw new Error(`no ${pattern} in ${conn.received.toString().slice(0, 300)}`);
      await sleep(10);
    }
  };
  return conn;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Splits a raw HTTP/1.1 response with Content-Length into status, headers and body.
export function parseResponse(buffer) {
  const end = buffer.indexOf('\r\n\r\n');
  const head = buffer.subarray(0, end).toString('latin1').split('\r\n');
  const headers = Object.fromEntries(head.slice(1).map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  const length = Number(headers['content-length'] || 0);
  return { status: Number(head[0].split(' ')[1]), headers, body: buffer.subarray(end + 4, end + 4 + length), rest: buffer.subarray(end + 4 + length) };
}
