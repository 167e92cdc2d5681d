// The fast lane's connection handling on a real loopback server, with short timeouts: slow and
// idle clients, clients that never read, and stopping.
import t, { type Test } from 'tap';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { Http1FastLane, type FastLaneOptions, type Http1Reply } from '../../agent/falco/http1-fast-lane.js';

const OK: Http1Reply = { status: 200, text: '{"accepted":1}', shared: true };
// A kilobyte per answer, so that unread answers outgrow the kernel's socket buffers quickly.
const LONG: Http1Reply = { status: 200, text: JSON.stringify({ accepted: 1, pad: 'p'.repeat(1000) }), shared: true };

function request(body = '{}'): Buffer {
  return Buffer.from(`POST / HTTP/1.1\r\nHost: x\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`, 'latin1');
}

async function lane(
  t: Test,
  options: Partial<FastLaneOptions> = {},
  reply: Http1Reply = OK,
): Promise<{ lane: Http1FastLane; port: number; bodies: string[]; handedOver: Socket[]; server: Server }> {
  const bodies: string[] = [];
  const handedOver: Socket[] = [];
  const l = new Http1FastLane(
    { maxBodyBytes: 1024, keepAliveTimeoutMs: 60_000, requestTimeoutMs: 60_000, ...options },
    {
      request: (_authorization, body, responder) => {
        bodies.push(body.toString());
        responder.reply(reply);
      },
      general: (socket) => {
        handedOver.push(socket);
        socket.destroy();
      },
      socketError: () => undefined,
    },
  );
  const server = createServer((socket) => l.accept(socket));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.teardown(() => {
    l.stop();
    return new Promise<void>((r) => server.close(() => r()));
  });
  return { lane: l, port: (server.address() as AddressInfo).port, bodies, handedOver, server };
}

/** Everything the server sends until it closes the connection. */
function readAll(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    socket.on('data', (d: Buffer) => (text += d.toString('latin1')));
    socket.on('close', () => resolve(text));
    socket.on('error', () => undefined);
  });
}

t.test('a request that stops half-way is answered 408 and the connection closed', async (t) => {
  const { port, bodies } = await lane(t, { requestTimeoutMs: 150 });
  const socket = connect(port, '127.0.0.1');
  const all = readAll(socket);
  const whole = request('{"a":1}');
  socket.write(whole.subarray(0, whole.length - 3));
  const started = Date.now();
  const text = await all;
  t.match(text, /^HTTP\/1\.1 408 Request Timeout\r\n/);
  t.match(text, /\r\nConnection: close\r\n/);
  t.ok(Date.now() - started >= 100, 'not before the timeout');
  t.same(bodies, [], 'nothing served');
});

t.test('an idle kept-alive connection is closed after the keep-alive timeout', async (t) => {
  const { port, bodies } = await lane(t, { keepAliveTimeoutMs: 150 });
  const socket = connect(port, '127.0.0.1');
  const all = readAll(socket);
  socket.write(request('{"b":2}'));
  const text = await all;
  t.match(text, /^HTTP\/1\.1 200 OK\r\n/);
  t.same(bodies, ['{"b":2}']);
});

t.test('a client that pipelines and does not read is not read either, and gets every answer', async (t) => {
  const { port, bodies } = await lane(t, {}, LONG);
  const socket = connect(port, '127.0.0.1');
  socket.pause();
  const count = 40_000;
  const one = request('{"c":3}');
  const all = Buffer.concat(Array.from({ length: count }, () => one));
  await new Promise<void>((r) => socket.write(all, () => r()));
  // The answers (≈1 KB each, 40 MB) fill the socket buffers: the lane stops reading.
  await new Promise((r) => setTimeout(r, 300));
  t.ok(bodies.length < count, `reading paused while answers wait (${bodies.length} of ${count} served)`);
  let answers = 0;
  let text = '';
  socket.on('data', (d: Buffer) => {
    text += d.toString('latin1');
    let at = text.indexOf('{"accepted":1');
    while (at >= 0) {
      answers++;
      text = text.slice(at + 13);
      at = text.indexOf('{"accepted":1');
    }
  });
  socket.resume();
  const deadline = Date.now() + 20_000;
  while (answers < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  t.equal(answers, count, 'every request answered');
  t.equal(bodies.length, count, 'every request served');
  socket.destroy();
});

t.test('stop closes idle connections at once and busy ones after their answer', async (t) => {
  const { lane: l, port, bodies } = await lane(t);
  const idle = connect(port, '127.0.0.1');
  const idleAll = readAll(idle);
  idle.write(request('{"d":1}'));
  const busy = connect(port, '127.0.0.1');
  const busyAll = readAll(busy);
  const whole = request('{"d":2}');
  busy.write(whole.subarray(0, 20));
  while (bodies.length < 1 || l.connections < 2) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, 50));
  l.stop();
  t.match(await idleAll, /^HTTP\/1\.1 200 OK/, 'the idle connection had its answer, then closed');
  busy.write(whole.subarray(20));
  const busyText = await busyAll;
  t.match(busyText, /^HTTP\/1\.1 200 OK/, 'the busy one is answered before it closes');
  t.same(bodies, ['{"d":1}', '{"d":2}']);
  t.equal(l.connections, 0);
});

t.test('a body over the limit goes to the general parser with its bytes', async (t) => {
  const { port, handedOver, bodies } = await lane(t);
  const socket = connect(port, '127.0.0.1');
  const all = readAll(socket);
  socket.write(Buffer.concat([request('{"e":1}'), request('x'.repeat(2000))]));
  await all;
  t.same(bodies, ['{"e":1}']);
  t.equal(handedOver.length, 1);
});
