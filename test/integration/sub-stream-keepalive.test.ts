// The `sub` stream's keepalive against a server that polices pings as gRPC C++ servers do
// (Falco's is one; test/support/falco-burst-server.ts): on a quiet node the agent must keep its
// subscription, which pinging every idle period did not (GOAWAY too_many_pings after two strikes).
// Times are scaled down from the defaults (30 s idle, 5 min 10 s between pings, against gRPC's
// 5 min) with the same proportions.
import t, { type Test } from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_KEEPALIVE, FalcoSubStream, type KeepaliveOptions, type SubStreamEnd } from '../../agent/falco/sub-stream.js';
import { encodeOutputsResponse } from '../../proto/falco-services.js';
import { FalcoBurstServer } from '../support/falco-burst-server.js';
import { toGrpcResponse } from '../support/corpus.js';
import { execEvent } from '../support/events.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-keepalive-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));
let count = 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** gRPC C++'s policy, scaled: pings less than 300 ms apart while nothing was sent are strikes. */
const POLICY = { minIntervalMs: 300, maxStrikes: 2 };

async function subscribe(
  t: Test,
  keepalive: KeepaliveOptions,
): Promise<{ server: FalcoBurstServer; sub: FalcoSubStream; ended: SubStreamEnd[]; messages: () => number }> {
  const path = join(dir, `falco-${++count}.sock`);
  const server = new FalcoBurstServer(path, null, POLICY);
  await server.start();
  const ended: SubStreamEnd[] = [];
  let messages = 0;
  let opened!: () => void;
  const open = new Promise<void>((resolve) => (opened = resolve));
  const sub = new FalcoSubStream(
    { target: `unix://${path}`, tls: null, maxMessageBytes: 1 << 20, connectTimeoutMs: 5_000, userAgent: 'vigil-test', keepalive },
    { opened: () => opened(), message: () => messages++, oversize: () => undefined, ended: (end) => ended.push(end) },
  );
  sub.open();
  t.teardown(async () => {
    sub.cancel();
    await server.stop();
  });
  await open;
  return { server, sub, ended, messages: () => messages };
}

t.test('the defaults never ping sooner than gRPC servers allow on a quiet stream', async (t) => {
  // gRPC C++: GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS defaults to 5 minutes.
  t.ok(DEFAULT_KEEPALIVE.minIntervalMs > 300_000);
  t.ok(DEFAULT_KEEPALIVE.idleMs < DEFAULT_KEEPALIVE.minIntervalMs);
});

t.test('a quiet stream is pinged, no more often than the policy allows, and stays subscribed', async (t) => {
  const { server, ended } = await subscribe(t, { idleMs: 40, minIntervalMs: 350, timeoutMs: 5_000 });
  await sleep(1_300);
  t.ok(server.pings.length >= 2, `pinged while quiet (${server.pings.length})`);
  for (let i = 1; i < server.pings.length; i++) {
    t.ok((server.pings[i] as number) - (server.pings[i - 1] as number) >= 340, 'pings far enough apart');
  }
  t.equal(server.goaways, 0);
  t.same(ended, [], 'still subscribed');
});

t.test('pinging every idle period, as before, draws GOAWAY too_many_pings (the policy bites)', async (t) => {
  const { server, ended } = await subscribe(t, { idleMs: 40, minIntervalMs: 0, timeoutMs: 5_000 });
  await t.resolves(
    (async () => {
      while (ended.length === 0) await sleep(20);
    })(),
  );
  t.equal(server.goaways, 1);
  t.match(ended[0]?.detail, /GOAWAY 11/);
});

t.test('no ping while events arrive', async (t) => {
  const { server, sub, ended, messages } = await subscribe(t, { idleMs: 400, minIntervalMs: 0, timeoutMs: 5_000 });
  const event = encodeOutputsResponse(toGrpcResponse(execEvent({ exe: '/bin/true' })));
  for (let i = 0; i < 40; i++) {
    server.publishRaw(event);
    sub.poll();
    await sleep(20);
  }
  t.ok(messages() > 0, 'events arrived');
  t.same(server.pings, [], 'no ping');
  t.same(ended, []);
});
