import t from 'tap';
import { Socket } from 'node:net';
import WebSocket from 'ws';
import { apiFixture, lockedWithAlerts, T0, MS, VIEWER, type ApiFixture } from '../support/api-fixture.js';

interface Msg {
  type: string;
  cursor: number;
  item?: string;
  workload?: string;
  error?: string;
  caught_up?: boolean;
}

class StreamClient {
  readonly messages: Msg[] = [];
  closed: { code: number; reason: string } | null = null;
  readonly ws: WebSocket;
  readonly opened: Promise<void>;

  constructor(url: string, opts: WebSocket.ClientOptions = {}) {
    this.ws = new WebSocket(url, opts);
    this.ws.on('message', (data: Buffer) => this.messages.push(JSON.parse(data.toString()) as Msg));
    this.ws.on('close', (code, reason) => (this.closed = { code, reason: reason.toString() }));
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      this.ws.once('error', reject);
    });
  }

  alerts(): string[] {
    return this.messages.filter((m) => m.type === 'alert').map((m) => m.item ?? '');
  }

  async until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; have ${JSON.stringify(this.messages.slice(-3))}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

const auth = { headers: { Authorization: `Bearer ${VIEWER}` } };
const stream = (f: ApiFixture, query = ''): string => `${f.wsBase}/api/v1/stream${query}`;

t.test('refusals: no token, bad origin, bad or reused ticket, bad cursor', async (t) => {
  const f = await apiFixture(t);
  await t.rejects(new StreamClient(stream(f)).opened, { message: 'HTTP 401' });
  await t.rejects(new StreamClient(stream(f), { headers: { ...auth.headers, Origin: 'https://evil.example' } }).opened, { message: 'HTTP 403' });
  await t.rejects(new StreamClient(stream(f, '?since=abc'), auth).opened, { message: 'HTTP 400' });
  await t.rejects(new StreamClient(stream(f, '?severity=dire'), auth).opened, { message: 'HTTP 400' });
  const ticket = (await f.call('POST', '/api/v1/stream/ticket', { token: VIEWER })).body as { ticket: string; expires_in_s: number };
  t.equal(ticket.expires_in_s, 60);
  const browser = new StreamClient(stream(f, `?ticket=${ticket.ticket}`), { headers: { Origin: 'https://vigil.example.com' } });
  await browser.opened;
  browser.ws.close();
  await t.rejects(new StreamClient(stream(f, `?ticket=${ticket.ticket}`), { headers: { Origin: 'https://vigil.example.com' } }).opened, { message: 'HTTP 401' }, 'single use');
  const future = new StreamClient(stream(f, '?since=999'), auth);
  await future.opened;
  await future.until(() => future.closed !== null, 'the close');
  t.match(future.messages[0], { type: 'error', error: /cursor 999 is in the future; the latest is \d+/ });
  t.equal(future.closed?.code, 4400);
  const chatty = new StreamClient(stream(f), auth);
  await chatty.opened;
  chatty.ws.send('x'.repeat(10 * 1024));
  await chatty.until(() => chatty.closed !== null, 'the close');
  t.equal(chatty.closed?.code, 1009, 'an oversize message closes the stream (1009)');
  const small = new StreamClient(stream(f), auth);
  await small.opened;
  small.ws.send('hello');
  await small.until(() => small.closed !== null, 'the close');
  t.same(small.closed, { code: 1008, reason: 'this stream is read-only' });
  const metrics = await (await fetch(`${f.base}/metrics`, auth)).text();
  t.match(metrics, /vigil_collector_api_auth_failures_total\{reason="oversize_message"\} 1/);
  t.match(metrics, /vigil_collector_api_auth_failures_total\{reason="bad_origin"\} 1/);
  t.match(metrics, /vigil_collector_api_auth_failures_total\{reason="bad_ticket"\} 1/);
});

t.test('live alerts, filters, and resume after a disconnect during a burst: each alert once, in order', async (t) => {
  const f = await apiFixture(t);
  const live = new StreamClient(stream(f), auth);
  const payments = new StreamClient(stream(f, '?namespace=payments'), auth);
  const critical = new StreamClient(stream(f, '?severity=critical'), auth);
  await Promise.all([live.opened, payments.opened, critical.opened]);
  await lockedWithAlerts(f, ['/bin/app'], ['/bin/first', '/dev/shm/miner']);
  await critical.until(() => critical.alerts().length === 1, 'the critical alert');
  t.same(critical.alerts(), ['exe:/dev/shm/miner'], 'severity filter: only critical alerts');
  t.match(critical.messages.find((m) => m.type === 'alert'), { severity: 'critical' });
  await live.until(() => live.alerts().length === 2, 'the first alerts');
  t.match(live.messages.find((m) => m.type === 'alert'), { type: 'alert', item: 'exe:/bin/first', workload: 'test/shop/Deployment/web' });
  t.ok(live.messages.every((m, i) => i === 0 || m.cursor >= (live.messages[i - 1]?.cursor ?? 0)), 'cursors increase');

  // A client drops out half-way through a burst and resumes from its last cursor.
  const names = Array.from({ length: 200 }, (_, i) => `/bin/burst-${i}`);
  const resumer = new StreamClient(stream(f), auth);
  await resumer.opened;
  const burst = f.observe(names.map((exe, i) => ({ exe, at: T0 + 100_000n * MS + BigInt(i) * MS })));
  await resumer.until(() => resumer.alerts().length >= 20, 'part of the burst'); // mid-burst
  resumer.ws.terminate();
  await burst;
  const lastCursor = resumer.messages[resumer.messages.length - 1]?.cursor ?? 0;
  const resumed = new StreamClient(stream(f, `?since=${lastCursor}`), auth);
  await resumed.opened;
  await resumed.until(() => resumed.messages.some((m) => m.caught_up), 'caught up');
  const seen = [...resumer.alerts(), ...resumed.alerts()];
  t.same(seen, names.map((n) => `exe:${n}`), 'every alert of the burst exactly once, in order');
  await live.until(() => live.alerts().length === 202, 'the live client to see the whole burst');
  t.equal(payments.alerts().length, 0, 'the namespace filter keeps other namespaces out');
});

/** A client that only counts alert messages (no parsing), so 99 of them stay cheap for the test. */
class CountingClient {
  alerts = 0;
  readonly ws: WebSocket;
  readonly opened: Promise<void>;
  constructor(url: string) {
    this.ws = new WebSocket(url, auth);
    this.ws.on('message', (data: Buffer) => {
      if (data.includes('"type":"alert"')) this.alerts++;
    });
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
  }
}

t.test('100 clients, one of them slow: the others keep up, the slow one is cut and resumes', async (t) => {
  const f = await apiFixture(t, { maxBuffered: 256 * 1024 });
  await lockedWithAlerts(f, ['/bin/app'], []);
  const clients = Array.from({ length: 99 }, () => new CountingClient(stream(f)));
  const slow = new StreamClient(stream(f), auth);
  await Promise.all([...clients.map((c) => c.opened), slow.opened]);
  // The slow client stops reading: the kernel buffers fill, then the server's send buffer.
  const socket = (slow.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
  socket.pause();
  const total = 4000;
  const pad = 'p'.repeat(1200);
  const started = Date.now();
  let lagMax = 0;
  for (let i = 0; i < total; i += 500) {
    await f.observe(Array.from({ length: 500 }, (_, j) => ({ exe: `/usr/bin/flood-${i + j}-${pad}`, at: T0 + 200_000n * MS + BigInt(i + j) * MS })));
    // How far behind the fast clients are right after each batch is stored.
    const behind = Math.max(...clients.map((c) => i + 500 - c.alerts));
    lagMax = Math.max(lagMax, behind);
  }
  const deadline = Date.now() + 30_000;
  while (clients.some((c) => c.alerts < total) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const elapsed = Date.now() - started;
  t.ok(clients.every((c) => c.alerts === total), `99 clients received all ${total} alerts (${elapsed} ms; at most ${lagMax} behind after a batch)`);
  t.ok(lagMax <= 500, `the fast clients were never more than one batch behind (${lagMax})`);
  socket.resume(); // the close frame is read once the client reads again
  await slow.until(() => slow.closed !== null, 'the slow client to be cut', 10_000);
  t.equal(slow.closed?.code, 4008);
  const resumeAt = Number(/since=(\d+)/.exec(slow.closed?.reason ?? '')?.[1]);
  t.ok(resumeAt > 0, `told where to resume (${slow.closed?.reason})`);
  const back = new StreamClient(stream(f, `?since=${resumeAt}`), auth);
  await back.opened;
  await back.until(() => back.messages.some((m) => m.caught_up), 'catch-up', 20_000);
  const got = [...slow.alerts(), ...back.alerts()];
  t.equal(new Set(got).size, total, 'the slow client misses nothing after resuming');
  t.equal(got.length, total, 'and sees nothing twice');
  const metrics = await (await fetch(`${f.base}/metrics`, auth)).text();
  t.match(metrics, /vigil_collector_api_auth_failures_total\{reason="slow_client"\} 1/);
  for (const c of clients) c.ws.close();
  back.ws.close();
});

t.test('hostile upgrades cannot crash the collector', async (t) => {
  const f = await apiFixture(t);
  const { connect } = await import('node:net');
  const port = Number(new URL(f.base).port);
  const raw = (request: string, reset: boolean): Promise<string> =>
    new Promise((resolve) => {
      const s = connect(port, '127.0.0.1', () => {
        s.write(request);
        if (reset) s.resetAndDestroy();
      });
      let out = '';
      s.on('data', (d) => (out += d.toString()));
      s.on('close', () => resolve(out));
      s.on('error', () => resolve(out));
    });
  const upgrade = (target: string): string =>
    `GET ${target} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`;
  t.match(await raw(upgrade('http://['), false), /^HTTP\/1.1 400 Bad Request/, 'a malformed target is a 400');
  for (let i = 0; i < 100; i++) await raw(upgrade('/api/v1/stream'), true); // reset while being refused
  t.equal((await f.call('GET', '/healthz', { token: null })).status, 200, 'still serving');
  await t.rejects(new StreamClient(stream(f, '?since='), auth).opened, { message: 'HTTP 400' }, 'an empty cursor is refused, not read as 0');
  await t.rejects(new StreamClient(stream(f, '?since=0x10'), auth).opened, { message: 'HTTP 400' });
});

t.test('workload filters let agent status messages through', async (t) => {
  const f = await apiFixture(t);
  const filtered = new StreamClient(stream(f, '?namespace=shop&severity=critical'), auth);
  await filtered.opened;
  await f.restart(); // the agent disconnects and connects again
  await filtered.ws.close();
  const replay = new StreamClient(stream(f, '?since=0&namespace=payments&severity=critical'), auth);
  await replay.opened;
  await replay.until(() => replay.messages.some((m) => m.caught_up), 'caught up');
  t.ok(replay.messages.filter((m) => m.type === 'agent.status').length >= 2, 'agent.status passes a namespace and severity filter');
});

t.test('a page of broadcasts reaches a client in a few socket writes, not one per message', async (t) => {
  const f = await apiFixture(t);
  await lockedWithAlerts(f, ['/bin/app'], []);
  const client = new CountingClient(stream(f));
  await client.opened;
  const clientPort = (client.ws as unknown as { _socket: Socket })._socket.localPort;
  // Observes (does not replace) the collector's socket writes to this client, in this process.
  let writes = 0;
  const proto = Socket.prototype as unknown as Record<'_write' | '_writev', (this: Socket, ...args: unknown[]) => unknown>;
  const original = { _write: proto._write, _writev: proto._writev };
  for (const name of ['_write', '_writev'] as const) {
    proto[name] = function (this: Socket, ...args: unknown[]) {
      if (this.remotePort === clientPort) writes++;
      return original[name].apply(this, args);
    };
  }
  t.teardown(() => Object.assign(proto, original));
  await f.observe(Array.from({ length: 400 }, (_, i) => ({ exe: `/usr/bin/page-${i}`, at: T0 + 200_000n * MS + BigInt(i) * MS })));
  const deadline = Date.now() + 10_000;
  while (client.alerts < 400 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  t.equal(client.alerts, 400, 'every alert arrived');
  t.ok(writes <= 20, `400 messages in ${writes} socket writes`);
  client.ws.close();
});

t.test('broadcast frames: a message longer than 64 KiB and short ones arrive whole, filtered clients get only theirs', async (t) => {
  const f = await apiFixture(t);
  await lockedWithAlerts(f, ['/bin/app'], []);
  const all = new StreamClient(stream(f), auth);
  const critical = new StreamClient(stream(f, '?severity=critical'), auth);
  await Promise.all([all.opened, critical.opened]);
  const long = `/opt/${'l'.repeat(70_000)}`;
  await f.observe(['/bin/short', long, '/dev/shm/miner', '/bin/after'].map((exe, i) => ({ exe, at: T0 + 300_000n * MS + BigInt(i) * MS })));
  await all.until(() => all.alerts().length === 4, 'four alerts');
  t.ok(all.alerts()[1] === `exe:${long}`, 'the long message whole');
  t.same(all.alerts(), ['exe:/bin/short', `exe:${long}`, 'exe:/dev/shm/miner', 'exe:/bin/after']);
  await critical.until(() => critical.alerts().length === 1, 'the critical alert');
  t.same(critical.alerts(), ['exe:/dev/shm/miner']);
  t.equal(all.closed, null, 'no protocol error closed the stream');
});
