// The Falco HTTP receiver reads Falco-shaped requests itself and passes every other connection to
// node:http. These tests speak raw HTTP/1.1 over loopback to a real agent, so they control the
// exact bytes, the splits between writes and the pipelining.
import t, { type Test } from 'tap';
import { gzipSync } from 'node:zlib';
import { connect, type Socket } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAgent, type RunningAgent } from '../support/agent-harness.js';
import { connectEvent, execEvent, toJsonLine } from '../support/events.js';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** A raw HTTP/1.1 client: writes bytes as given and reads answers in order. */
class RawClient {
  private readonly socket: Socket;
  private received = Buffer.alloc(0);
  private readonly waiting: Array<() => void> = [];
  closed = false;

  constructor(port: number) {
    this.socket = connect(port, '127.0.0.1');
    this.socket.on('data', (d: Buffer) => {
      this.received = Buffer.concat([this.received, d]);
      for (const w of this.waiting.splice(0)) w();
    });
    this.socket.on('close', () => {
      this.closed = true;
      for (const w of this.waiting.splice(0)) w();
    });
  }

  write(bytes: Buffer | string): Promise<void> {
    return new Promise((resolve) => this.socket.write(bytes, () => resolve()));
  }

  /** The next whole answer, or null when the connection closes first. */
  async answer(timeoutMs = 5_000): Promise<Answer | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const parsed = takeAnswer(this.received);
      if (parsed) {
        this.received = this.received.subarray(parsed.used);
        return parsed.answer;
      }
      if (this.closed) return null;
      if (Date.now() > deadline) throw new Error(`no answer in ${timeoutMs} ms; have ${JSON.stringify(this.received.toString('latin1'))}`);
      await new Promise<void>((resolve) => {
        this.waiting.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  close(): void {
    this.socket.destroy();
  }
}

function takeAnswer(buf: Buffer): { answer: Answer; used: number } | null {
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const lines = buf.toString('latin1', 0, end).split('\r\n');
  const status = Number(lines[0]?.split(' ')[1]);
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const length = Number(headers['content-length'] ?? 0);
  if (buf.length < end + 4 + length) return null;
  return { answer: { status, headers, body: buf.toString('utf8', end + 4, end + 4 + length) }, used: end + 4 + length };
}

function post(body: string | Buffer, extra: string[] = []): Buffer {
  const payload = typeof body === 'string' ? Buffer.from(body) : body;
  const head = ['POST / HTTP/1.1', 'Host: 127.0.0.1', 'User-Agent: falcosecurity/falco', 'Accept: */*', 'Content-Type: application/json', ...extra];
  if (!extra.some((h) => /^(content-length|transfer-encoding):/i.test(h))) head.push(`Content-Length: ${payload.length}`);
  return Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'), payload]);
}

function chunked(body: string): Buffer {
  const payload = Buffer.from(body);
  const mid = Math.floor(payload.length / 2);
  const parts = [payload.subarray(0, mid), payload.subarray(mid)];
  const framed = parts.map((p) => Buffer.concat([Buffer.from(`${p.length.toString(16)}\r\n`), p, Buffer.from('\r\n')]));
  return Buffer.concat([post('', ['Transfer-Encoding: chunked']), ...framed, Buffer.from('0\r\n\r\n')]);
}

async function httpAgent(t: Test, extra: { tokenFile?: string; maxBodyBytes?: number } = {}): Promise<{ run: RunningAgent; port: number }> {
  const run = await startAgent({ http: { host: '127.0.0.1', port: 0, maxBodyBytes: extra.maxBodyBytes ?? 1024 * 1024, tls: null, tokenFile: extra.tokenFile ?? null } });
  const port = run.agent.httpAddress?.port;
  if (!port) throw new Error('HTTP input did not start');
  t.teardown(() => run.stop());
  return { run, port };
}

async function parsers(run: RunningAgent): Promise<{ fast: number; general: number }> {
  return {
    fast: await run.metric('vigil_agent_falco_http_requests_total', { parser: 'fast' }),
    general: await run.metric('vigil_agent_falco_http_requests_total', { parser: 'general' }),
  };
}

t.test("Falco's requests are read by the fast lane, answered in HTTP/1.1, and their events ingested", async (t) => {
  const { run, port } = await httpAgent(t);
  const client = new RawClient(port);
  t.teardown(() => client.close());
  for (const exe of ['/bin/a', '/bin/b']) {
    await client.write(post(toJsonLine(execEvent({ exe }))));
    const answer = await client.answer();
    t.equal(answer?.status, 200);
    t.same(JSON.parse(answer?.body ?? ''), { accepted: 1 });
    t.equal(answer?.headers['content-type'], 'application/json');
    t.ok(Number.isFinite(Date.parse(answer?.headers.date ?? '')), 'a Date header');
  }
  const obs = await run.waitForObservations(2);
  t.same(obs.map((o) => o.process?.exe), ['/bin/a', '/bin/b']);
  t.same(await parsers(run), { fast: 2, general: 0 }, 'both read on the fast lane');
  t.equal(client.closed, false, 'the connection stays open');
});

t.test('pipelined requests in one write, and a request split byte by byte, are all answered in order', async (t) => {
  const { run, port } = await httpAgent(t);
  const client = new RawClient(port);
  t.teardown(() => client.close());
  await client.write(Buffer.concat([post(toJsonLine(execEvent({ exe: '/p/1' }))), post('{not json'), post(toJsonLine(execEvent({ exe: '/p/2' })))]));
  t.same((await Promise.all([client.answer(), client.answer(), client.answer()])).map((a) => a?.status), [200, 400, 200]);

  const split = post(toJsonLine(connectEvent()));
  for (let i = 0; i < split.length; i += 97) await client.write(split.subarray(i, i + 97));
  t.equal((await client.answer())?.status, 200, 'a request in 97-byte pieces');
  const obs = await run.waitForObservations(3);
  t.same(obs.map((o) => o.type), ['process', 'process', 'network']);
  t.equal(await run.metric('vigil_agent_falco_rejected_total', { input: 'http', reason: 'malformed_json' }), 1);
  t.same(await parsers(run), { fast: 4, general: 0 });
});

t.test('a request of another shape hands the connection to node:http, bytes already read included', async (t) => {
  const { run, port } = await httpAgent(t);
  const client = new RawClient(port);
  t.teardown(() => client.close());
  // Fast, chunked (node:http), fast: pipelined in one write, so the hand-over happens mid-buffer.
  await client.write(
    Buffer.concat([
      post(toJsonLine(execEvent({ exe: '/h/1' }))),
      chunked(toJsonLine(execEvent({ exe: '/h/2' }))),
      post(gzipSync(toJsonLine(execEvent({ exe: '/h/3' }))), ['Content-Encoding: gzip']),
      post(toJsonLine(execEvent({ exe: '/h/4' }))),
    ]),
  );
  const answers = await Promise.all([client.answer(), client.answer(), client.answer(), client.answer()]);
  t.same(answers.map((a) => a?.status), [200, 200, 200, 200]);
  const obs = await run.waitForObservations(4);
  t.same(obs.map((o) => o.process?.exe), ['/h/1', '/h/2', '/h/3', '/h/4'], 'every event, in order');
  t.same(await parsers(run), { fast: 1, general: 3 }, 'node:http keeps the connection after the hand-over');

  // Other methods and HTTP/1.0 get node:http's answers.
  const other = new RawClient(port);
  t.teardown(() => other.close());
  await other.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
  const get = await other.answer();
  t.equal(get?.status, 405);
  t.equal(get?.headers.allow, 'POST');
});

t.test('a wrong token is refused on the fast lane; an oversize body by node:http', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-fast-lane-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const tokenFile = join(dir, 'token');
  writeFileSync(tokenFile, 'a-token-of-sufficient-length\n');
  const { run, port } = await httpAgent(t, { tokenFile, maxBodyBytes: 4096 });
  const client = new RawClient(port);
  t.teardown(() => client.close());
  const line = toJsonLine(execEvent({ exe: '/t/1' }));
  await client.write(post(line, ['Authorization: Bearer wrong-token-wrong-token']));
  const refused = await client.answer();
  t.equal(refused?.status, 401);
  t.equal(refused?.headers['www-authenticate'], 'Bearer');
  await client.write(post(line, ['Authorization: bearer a-token-of-sufficient-length']));
  t.equal((await client.answer())?.status, 200, 'the right token, scheme in any case');
  t.same(await parsers(run), { fast: 2, general: 0 });
  t.equal(await run.metric('vigil_agent_falco_rejected_total', { input: 'http', reason: 'unauthorized' }), 1);

  await client.write(post('x'.repeat(5000), ['Authorization: Bearer a-token-of-sufficient-length']));
  const tooLarge = await client.answer();
  t.equal(tooLarge?.status, 413);
  t.equal(tooLarge?.headers.connection, 'close');
  t.equal(await run.metric('vigil_agent_falco_rejected_total', { input: 'http', reason: 'too_large' }), 1);
});

t.test('stopping the agent closes kept-alive connections of both parsers', async (t) => {
  const run = await startAgent({ http: { host: '127.0.0.1', port: 0, maxBodyBytes: 1024 * 1024, tls: null, tokenFile: null } });
  const port = run.agent.httpAddress?.port ?? 0;
  const fastClient = new RawClient(port);
  const generalClient = new RawClient(port);
  await fastClient.write(post(toJsonLine(execEvent({ exe: '/s/1' }))));
  await generalClient.write(chunked(toJsonLine(execEvent({ exe: '/s/2' }))));
  t.equal((await fastClient.answer())?.status, 200);
  t.equal((await generalClient.answer())?.status, 200);
  const started = Date.now();
  await run.stop();
  t.ok(Date.now() - started < 5_000, 'stop does not wait for clients to leave');
  t.equal(await fastClient.answer(), null, 'fast-lane connection closed');
  t.equal(await generalClient.answer(), null, 'node:http connection closed');
});

t.test('batches gathered from many reads on two connections at once keep their own bytes', async (t) => {
  const { run, port } = await httpAgent(t, { maxBodyBytes: 4 * 1024 * 1024 });
  const [a, b] = [new RawClient(port), new RawClient(port)];
  t.teardown(() => {
    a.close();
    b.close();
  });
  // Bodies of ~200 KB: several socket reads each, gathered in the lane's reused buffer.
  const batch = (name: string, count: number): Buffer =>
    post(`[${Array.from({ length: count }, (_, i) => toJsonLine(execEvent({ exe: `/${name}/${i}`, cmdline: name.repeat(900) }))).join(',')}]`);
  const [first, second, third] = [batch('a', 80), batch('b', 60), batch('c', 70)];
  t.ok(first.length > 150_000 && second.length > 100_000, 'larger than one read');
  // A's first request arrives in halves around all of B's; then A sends its next at once.
  await a.write(first.subarray(0, 70_000));
  await b.write(second);
  t.same(JSON.parse((await b.answer())?.body ?? ''), { accepted: 60 });
  await a.write(first.subarray(70_000));
  t.same(JSON.parse((await a.answer())?.body ?? ''), { accepted: 80 });
  await a.write(third);
  t.same(JSON.parse((await a.answer())?.body ?? ''), { accepted: 70 });
  // Over the 1 MiB the lane keeps for gathering: a buffer of its own.
  const large = batch('d', 600);
  t.ok(large.length > 1024 * 1024);
  await b.write(large);
  t.same(JSON.parse((await b.answer())?.body ?? ''), { accepted: 600 });
  const obs = await run.waitForObservations(810);
  const exes = obs.map((o) => o.process?.exe ?? '');
  t.same(exes.slice(0, 60), Array.from({ length: 60 }, (_, i) => `/b/${i}`), "B's batch whole");
  t.same(exes.slice(60, 140), Array.from({ length: 80 }, (_, i) => `/a/${i}`), "A's first batch whole, though B's came in between");
  t.same(exes.slice(140, 210), Array.from({ length: 70 }, (_, i) => `/c/${i}`), 'and its next one');
  t.same(exes.slice(210), Array.from({ length: 600 }, (_, i) => `/d/${i}`), 'and a batch larger than the reused buffer');
  t.ok(obs.every((o) => o.process?.cmdline === (o.process?.exe.split('/')[1] ?? '').repeat(900)), 'every command line its own');
  t.same(await parsers(run), { fast: 4, general: 0 });
});
