// The fast lane's connection handling on a real loopback server, with short timeouts: slow and
// idle clients, clients that never read, and stopping.
import t, { type Test } from 'tap';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { Http1FastLane, type FastLaneOptions, type Http1Reply } from '../../agent/falco/http1-fast-lane.js';

const OK: Http1Reply = { status: 200, text: '{"accepted":1}', shared: true };
// A kilobyte per answer, so that unread answers outgrow the kernel's socket buffers quickly.
const LONG: Http1Reply = { status: 200, text: JSON.stringify({ accepted: 1, pad: 'p'.repeat(1000) }), shared: true };
const LONGER: Http1Reply = { status: 200, text: JSON.stringify({ accepted: 1, pad: 'p'.repeat(4000) }), shared: true };

function request(body = '{}'): Buffer {
  return Buffer.from(`POST / HTTP/1.1\r\nHost: x\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`, 'latin1');
}

async function lane(
  t: Test,
  options: Partial<FastLaneOptions> = {},
  reply: Http1Reply = OK,
): Promise<{ lane: Http1FastLane; port: number; bodies: string[]; alignments: number[]; handedOver: Socket[]; server: Server }> {
  const bodies: string[] = [];
  const alignments: number[] = [];
  const handedOver: Socket[] = [];
  const l = new Http1FastLane(
    { maxBodyBytes: 1024, keepAliveTimeoutMs: 60_000, requestTimeoutMs: 60_000, ...options },
    {
      request: (_authorization, body, responder) => {
        bodies.push(body.toString());
        alignments.push(body.byteOffset & 3);
        responder.reply(reply);
      },
      general: (socket) => {
        handedOver.push(socket);
        socket.destroy();
      },
      socketError: () => undefined,
    },
  );
  // Half-open allowed, as node:http's server sets it: the lane ends its side itself.
  const server = createServer({ allowHalfOpen: true }, (socket) => l.accept(socket));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.teardown(() => {
    l.stop(100);
    return new Promise<void>((r) => server.close(() => r()));
  });
  return { lane: l, port: (server.address() as AddressInfo).port, bodies, alignments, handedOver, server };
}

/** Counts the answers arriving on a socket, by their body's start (answers may be cut across chunks). */
function countAnswers(socket: Socket): { count: number } {
  const counted = { count: 0 };
  const marker = '{"accepted":1';
  let tail = '';
  socket.on('data', (d: Buffer) => {
    const text = tail + d.toString('latin1');
    let after = 0;
    for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, after)) {
      counted.count++;
      after = at + marker.length;
    }
    // What could be the start of a marker cut by the chunk's end, and nothing already counted.
    tail = text.slice(Math.max(after, text.length - marker.length + 1));
  });
  return counted;
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
  const answers = countAnswers(socket);
  socket.resume();
  const deadline = Date.now() + 20_000;
  while (answers.count < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  t.equal(answers.count, count, 'every request answered');
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
  l.stop(5_000);
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

t.test('memory follows the bytes received, not the Content-Length a client announces', async (t) => {
  const { lane: l, port, bodies } = await lane(t, { maxBodyBytes: 4 * 1024 * 1024 });
  const before = process.memoryUsage().arrayBuffers;
  const sockets: Socket[] = [];
  for (let i = 0; i < 40; i++) {
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    // Announces 4 MiB, sends 10 bytes of it.
    socket.write(`POST / HTTP/1.1\r\nHost: x\r\nContent-Length: ${4 * 1024 * 1024}\r\n\r\n0123456789`);
    sockets.push(socket);
  }
  while (l.connections < 40) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, 100));
  const grown = process.memoryUsage().arrayBuffers - before;
  t.ok(grown < 16 * 1024 * 1024, `40 announced 4 MiB bodies hold ${Math.round(grown / 1024)} KiB, not 160 MiB`);
  // The bodies, completed in pieces, are served whole.
  const rest = Buffer.alloc(4 * 1024 * 1024 - 10, 0x61);
  sockets[0]?.write(rest.subarray(0, 1000));
  sockets[0]?.write(rest.subarray(1000));
  while (bodies.length < 1) await new Promise((r) => setTimeout(r, 10));
  t.equal(bodies[0]?.length, 4 * 1024 * 1024, 'the body, whole');
  t.ok(bodies[0]?.startsWith('0123456789aaa'), 'in order');
  for (const s of sockets) s.destroy();
});

t.test('a head sent a byte at a time is timed out from its first byte', async (t) => {
  const { port, bodies } = await lane(t, { requestTimeoutMs: 300 });
  const socket = connect(port, '127.0.0.1');
  const all = readAll(socket);
  const started = Date.now();
  const whole = request('{"f":1}');
  let i = 0;
  const drip = setInterval(() => {
    if (i < whole.length - 1 && !socket.destroyed) socket.write(whole.subarray(i, ++i));
  }, 40);
  const text = await all;
  clearInterval(drip);
  t.match(text, /^HTTP\/1\.1 408 /);
  t.ok(Date.now() - started < 1_500, `closed ${Date.now() - started} ms after the first byte, though bytes kept coming`);
  t.same(bodies, []);
});

t.test('a request cut short by the peer gets a 400 and the connection ends', async (t) => {
  const { port, bodies } = await lane(t);
  const socket = connect(port, '127.0.0.1');
  const all = readAll(socket);
  const whole = request('{"g":1}');
  socket.end(Buffer.concat([request('{"g":0}'), whole.subarray(0, whole.length - 2)]));
  const text = await all;
  t.match(text, /^HTTP\/1\.1 200 OK\r\n[\s\S]*HTTP\/1\.1 400 Bad Request\r\n/, 'the whole request answered, the cut one refused');
  t.same(bodies, ['{"g":0}']);
});

t.test('a client that pipelines, half-closes and reads late still gets every answer', async (t) => {
  // 4 KB answers: the backlog pauses reading many times before the peer's FIN is read.
  const { port, bodies } = await lane(t, {}, LONGER);
  const socket = connect(port, '127.0.0.1');
  socket.pause();
  const count = 20_000;
  socket.end(Buffer.concat(Array.from({ length: count }, () => request('{"h":1}'))));
  await new Promise((r) => setTimeout(r, 300));
  t.ok(bodies.length < count, `answers backed up (${bodies.length} served so far)`);
  const answers = countAnswers(socket);
  const closed = new Promise<void>((r) => socket.on('close', () => r()));
  socket.resume();
  await closed;
  t.equal(answers.count, count, 'every request answered before the connection ended');
  t.equal(bodies.length, count);
});

t.test('stop cuts a connection whose request does not finish within the grace', async (t) => {
  const { lane: l, port } = await lane(t);
  const socket = connect(port, '127.0.0.1');
  const all = readAll(socket);
  socket.write(request('{"i":1}').subarray(0, 30));
  while (l.connections < 1) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, 50));
  const started = Date.now();
  l.stop(200);
  t.equal(await all, '', 'cut, no answer');
  t.ok(Date.now() - started < 2_000, `after the grace (${Date.now() - started} ms)`);
  while (l.connections > 0 && Date.now() - started < 2_000) await new Promise((r) => setTimeout(r, 10));
  t.equal(l.connections, 0, 'the lane holds none');
});

t.test('a body gathered from several reads starts on a 4-byte boundary, whatever the head length', async (t) => {
  const { port, bodies, alignments } = await lane(t);
  const socket = connect(port, '127.0.0.1');
  socket.setNoDelay(true);
  const answers = countAnswers(socket);
  const expected: string[] = [];
  for (let pad = 0; pad < 8; pad++) {
    const body = JSON.stringify({ pad, text: 'b'.repeat(300 + pad) });
    const whole = Buffer.from(`POST / HTTP/1.1\r\nHost: x${'y'.repeat(pad)}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`, 'latin1');
    // Two writes apart in time: two reads, so the lane gathers the body.
    socket.write(whole.subarray(0, whole.length - 100));
    await new Promise((r) => setTimeout(r, 30));
    socket.write(whole.subarray(whole.length - 100));
    expected.push(body);
    while (answers.count < expected.length) await new Promise((r) => setTimeout(r, 5));
  }
  t.same(bodies, expected, 'every body whole');
  t.same(alignments, expected.map(() => 0), 'and aligned');
  socket.destroy();
});
