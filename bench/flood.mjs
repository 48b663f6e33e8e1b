// Floods jianxi-server with bad bodies for SECONDS: malformed JSON (expects 400),
// truncated bodies (the client hangs up mid-body), oversized Content-Length (expects
// 413 after sending a little), and bytes that are not HTTP (expects 400 or a close).
// Prints one JSON line of counts. usage: node bench/flood.mjs PORT SECONDS [CONNECTIONS]
import net from 'node:net';

const [port, seconds, connections = 8] = process.argv.slice(2).map(Number);
const until = Date.now() + seconds * 1000;
const counts = { malformed_400: 0, truncated_sent: 0, oversized_413: 0, not_http_400: 0, unexpected: 0, errors: 0 };

function exchange(payload, { hangUp = false } = {}) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    socket.on('connect', () => {
      socket.write(payload);
      if (hangUp) socket.destroy();
    });
    socket.on('data', (d) => { received += d.toString('latin1'); if (/\r\n\r\n/.test(received)) socket.destroy(); });
    socket.on('error', () => {});
    socket.on('close', () => resolve(received.slice(9, 12)));
  });
}

const malformedBodies = ['{bad', '{"kind":', '[1,2,{', '"\\ud800"', '{"kind":"subsidy","trainees":"x"}'.slice(0, 20), '\u00ff\u00fe'];
const request = (body, length = Buffer.byteLength(body)) =>
  `POST /v1/evaluate HTTP/1.1\r\nHost: flood\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\nConnection: close\r\n\r\n${body}`;
const filler = 'x'.repeat(65536);

async function worker(id) {
  for (let i = id; Date.now() < until; i += connections) {
    switch (i % 4) {
      case 0: {
        const status = await exchange(request(malformedBodies[i % malformedBodies.length]));
        if (status === '400') counts.malformed_400++; else counts.unexpected++;
        break;
      }
      case 1:
        await exchange(request('{"kind":"unit_application","policy":"jiangxi-2023"', 5000), { hangUp: true });
        counts.truncated_sent++;
        break;
      case 2: {
        const status = await exchange(request('', 100 * 1024 * 1024).replace(/$/, filler));
        if (status === '413') counts.oversized_413++; else counts.unexpected++;
        break;
      }
      default: {
        const status = await exchange('\x16\x03\x01 not http at all\r\n\r\n');
        if (status === '400' || status === '') counts.not_http_400++; else counts.unexpected++;
      }
    }
  }
}

await Promise.all(Array.from({ length: connections }, (_, id) => worker(id)));
console.log(JSON.stringify(counts));
