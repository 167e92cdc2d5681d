import t from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { falco } from '../../proto/gen/falco.js';
import { FalcoCompatibleServer } from '../../agent/falco/falco-compatible-server.js';
import { encodeOutputsResponse } from '../../proto/falco-services.js';
import { FalcoBurstServer } from '../support/falco-burst-server.js';
import { startAgent } from '../support/agent-harness.js';
import { toGrpcResponse } from '../support/corpus.js';
import { acceptEvent, connectEvent, execEvent } from '../support/events.js';
import type { AgentConfig } from '../../agent/agent.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-grpc-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));
let socketCount = 0;

function socket(): string {
  return `unix://${join(dir, `falco-${++socketCount}.sock`)}`;
}

function grpcConfig(target: string, over: Partial<NonNullable<AgentConfig['grpc']>> = {}): Partial<AgentConfig> {
  return {
    grpc: { target, tls: null, pollIntervalMs: 50, backoffInitialMs: 50, backoffMaxMs: 200, maxMessageBytes: 4 * 1024 * 1024, ...over },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

t.test('events Falco holds before the agent subscribes all arrive, in order, attributed', async (t) => {
  const target = socket();
  const falcoServer = new FalcoCompatibleServer({ address: target });
  await falcoServer.start();
  t.teardown(() => falcoServer.stop());
  falcoServer.publish(
    toGrpcResponse(execEvent({ exe: '/docker-entrypoint.sh' })),
    toGrpcResponse(connectEvent({ peer: '10.96.0.10', port: 53 })),
    toGrpcResponse(acceptEvent({ port: 80 })),
  );
  const run = await startAgent(grpcConfig(target));
  t.teardown(() => run.stop());
  const obs = await run.waitForObservations(3);
  t.same(obs.map((o) => o.type), ['process', 'network', 'network']);
  t.match(obs[0], { workload: { cluster: 'test', namespace: 'shop', kind: 'Deployment', name: 'web' }, container: 'nginx', process: { exe: '/docker-entrypoint.sh' } });
  t.match(obs[1], { network: { direction: 'outbound', peer: '10.96.0.10', port: 53, protocol: 'tcp' } });
  t.match(obs[2], { network: { direction: 'inbound', port: 80 } });
  t.match(obs[0]?.time, /^2026-11-20T\d\d:\d\d:\d\d\.\d{9}Z$/);

  await run.waitForLog((l) => l.msg === 'connected to Falco' && l.falcoVersion === '0.43.0');
  t.equal(await run.metric('vigil_agent_falco_info', { version: '0.43.0' }), 1);
  t.equal(await run.metric('vigil_agent_falco_grpc_connected'), 1);

  // Idle: the agent keeps polling on its timer and never half-closes the stream.
  const before = falcoServer.requests;
  await sleep(300);
  t.ok(falcoServer.requests >= before + 3, `polled while idle (${falcoServer.requests - before} requests in 300 ms)`);
  t.equal(falcoServer.halfCloses, 0, 'never half-closes');
  falcoServer.publish(toGrpcResponse(execEvent({ exe: '/usr/bin/curl' })));
  const later = await run.waitForObservations(4, 2_000);
  t.match(later[3], { process: { exe: '/usr/bin/curl' } }, 'a new event arrives within a poll interval or so');
});

t.test('Falco missing at start-up, then restarting mid-stream: nothing it holds is lost', async (t) => {
  const target = socket();
  const run = await startAgent(grpcConfig(target));
  t.teardown(() => run.stop());
  await run.waitForLog((l) => l.msg === 'Falco gRPC is not reachable; retrying');
  await run.waitForLog((l) => typeof l.msg === 'string' && l.msg.includes('Falco 0.44 and later have no gRPC output'));

  const first = new FalcoCompatibleServer({ address: target });
  first.publish(...Array.from({ length: 50 }, (_, i) => toGrpcResponse(execEvent({ exe: `/bin/tool-${i}` }))));
  await first.start();
  await run.waitForObservations(50);
  t.equal(first.backlog, 0);

  await first.stop(); // Falco restarts: the stream ends under the agent
  await run.waitForLog((l) => l.msg === 'lost the Falco gRPC subscription; re-subscribing');
  const second = new FalcoCompatibleServer({ address: target });
  second.publish(...Array.from({ length: 30 }, (_, i) => toGrpcResponse(execEvent({ exe: `/bin/after-${i}` }))));
  await second.start();
  t.teardown(() => second.stop());
  const obs = await run.waitForObservations(80);
  t.same(
    obs.map((o) => o.process?.exe),
    [...Array.from({ length: 50 }, (_, i) => `/bin/tool-${i}`), ...Array.from({ length: 30 }, (_, i) => `/bin/after-${i}`)],
    'every held event, once, in order',
  );
  t.ok((await run.metric('vigil_agent_falco_grpc_reconnects_total')) >= 2);
  t.equal(
    run.logs.filter((l) => typeof l.msg === 'string' && l.msg.includes('no gRPC output')).length,
    1,
    'the Falco ≥0.44 hint is logged once',
  );
});

t.test('bad input over gRPC is counted and the stream goes on', async (t) => {
  const target = socket();
  const falcoServer = new FalcoCompatibleServer({ address: target });
  await falcoServer.start();
  t.teardown(() => falcoServer.stop());

  // Field 4 (rule) claims 100 bytes and carries 5: a message cut off mid-field.
  falcoServer.publishRaw(Buffer.concat([Buffer.from([(4 << 3) | 2, 100]), Buffer.from('Vigil')]));
  // Field 6 (output_fields map entry) whose length runs past the end of the message.
  falcoServer.publishRaw(Buffer.from([(6 << 3) | 2, 0x7f, 0x0a, 0x01, 0x41]));
  const unknownPriority = falco.outputs.response.encode(toGrpcResponse(execEvent({ exe: '/bin/odd-priority' })));
  unknownPriority.uint32((2 << 3) | 0).uint32(11);
  falcoServer.publishRaw(Buffer.from(unknownPriority.finish()));
  const badUtf8 = toGrpcResponse(execEvent({ exe: '/bin/utf8' }));
  const badBytes = Buffer.from(falco.outputs.response.encode(badUtf8).finish());
  badBytes.write('\xff\xfe', badBytes.lastIndexOf('/bin/utf8') + 5, 'latin1'); // /bin/\xff\xfe8
  falcoServer.publishRaw(badBytes);
  falcoServer.publish(toGrpcResponse(execEvent({ exe: '/bin/long', cmdline: `python -c ${'x'.repeat(1_000_000)}` })));
  falcoServer.publish(toGrpcResponse({ ...execEvent(), source: 'aws_cloudtrail', rule: 'Console Login Without MFA' }));
  falcoServer.publish({
    time: { seconds: 1795165200 },
    priority: falco.schema.priority.debug,
    source: 'internal',
    rule: 'Falco internal: syscall event drop',
    output: 'Falco internal: syscall event drop. 12 system calls dropped in last second.',
    output_fields: { n_drops: '12', n_evts: '1000', ebpf_enabled: '1' },
  });
  falcoServer.publish(toGrpcResponse(execEvent({ exe: '/bin/after-the-bad-ones' })));

  const run = await startAgent(grpcConfig(target));
  t.teardown(() => run.stop());
  const obs = await run.waitForObservations(4);
  t.same(obs.map((o) => o.process?.exe.slice(0, 9)), ['/bin/odd-', '/bin/\ufffd\ufffdf8', '/bin/long', '/bin/afte']);
  t.equal(obs[0]?.priority, null, 'unknown priority kept as null');
  t.equal(obs[2]?.process?.cmdline?.length, 4096 + `…[+${1_000_010 - 4096} chars]`.length, '1 MB command line cut to 4 KiB');
  t.equal(await run.metric('vigil_agent_falco_rejected_total', { input: 'grpc', reason: 'malformed_protobuf' }), 2);
  t.equal(await run.metric('vigil_agent_falco_event_warnings_total', { warning: 'unknown_priority' }), 1);
  t.equal(await run.metric('vigil_agent_fields_truncated_total'), 1);
  t.equal(await run.metric('vigil_agent_falco_event_warnings_total', { input: 'grpc', warning: 'invalid_utf8' }), 1);
  t.equal(await run.metric('vigil_agent_events_skipped_total', { reason: 'other_source' }), 1);
  t.equal(await run.metric('vigil_agent_falco_syscall_drops_total'), 12);
  await run.waitForLog((l) => l.msg === 'rejected a Falco payload' && l.reason === 'malformed_protobuf');
  await run.waitForLog((l) => typeof l.msg === 'string' && l.msg.startsWith('Falco reports dropped syscall events'));
  t.equal(falcoServer.subscribers, 1, 'still subscribed');
});

t.test('a slow output makes the agent stop polling: Falco keeps the events, none are dropped', async (t) => {
  const target = socket();
  const falcoServer = new FalcoCompatibleServer({ address: target });
  await falcoServer.start();
  t.teardown(() => falcoServer.stop());
  let written = 0;
  const slow = new Writable({
    highWaterMark: 4096,
    write(chunk: Buffer, _enc, cb) {
      written += chunk.toString().split('\n').length - 1;
      setTimeout(cb, 2);
    },
  });
  const run = await startAgent(grpcConfig(target), slow);
  t.teardown(() => run.stop());
  await run.waitForLog((l) => l.msg === 'subscribed to Falco gRPC outputs');
  const total = 2_000;
  // Published in bursts between polls, as Falco's queue fills on a busy node.
  let sawBacklog = false;
  for (let i = 0; i < total; i += 200) {
    falcoServer.publish(...Array.from({ length: 200 }, (_, j) => toGrpcResponse(execEvent({ exe: `/bin/p${i + j}` }))));
    await sleep(60);
    if (falcoServer.backlog > 0) sawBacklog = true;
  }
  const deadline = Date.now() + 30_000;
  while (written < total && Date.now() < deadline) await sleep(50);
  t.equal(written, total, 'every event written');
  t.ok(sawBacklog, 'Falco held events while the output was behind');
  t.equal(await run.metric('vigil_agent_output_dropped_total'), 0, 'nothing dropped');
});

t.test('an oversize message is skipped and counted; the stream goes on', async (t) => {
  const target = socket();
  const falcoServer = new FalcoCompatibleServer({ address: target });
  await falcoServer.start();
  t.teardown(() => falcoServer.stop());
  const run = await startAgent(grpcConfig(target, { maxMessageBytes: 64 * 1024 }));
  t.teardown(() => run.stop());
  await run.waitForLog((l) => l.msg === 'connected to Falco');
  falcoServer.publish(toGrpcResponse(execEvent({ exe: '/huge', cmdline: 'z'.repeat(100 * 1024) })));
  await run.waitForLog((l) => l.msg === 'rejected a Falco payload' && l.reason === 'too_large');
  falcoServer.publish(toGrpcResponse(execEvent({ exe: '/after-huge' })));
  const [obs] = await run.waitForObservations(1);
  t.equal(obs?.process?.exe, '/after-huge');
  t.equal(await run.metric('vigil_agent_falco_rejected_total', { input: 'grpc', reason: 'too_large' }), 1);
  t.equal(await run.metric('vigil_agent_falco_grpc_reconnects_total'), 0, 'the subscription was kept');
  t.equal(falcoServer.subscribers, 1);
});

t.test('messages written in large batches, split across HTTP/2 frames, all arrive in order', async (t) => {
  const path = join(dir, 'burst.sock');
  const burst = new FalcoBurstServer(path);
  await burst.start();
  t.teardown(() => burst.stop());
  const total = 3_000;
  // Odd sizes, so message boundaries fall anywhere in the 16 KiB frames and 256 KiB writes.
  for (let i = 0; i < total; i++) {
    burst.publishRaw(encodeOutputsResponse(toGrpcResponse(execEvent({ exe: `/bin/b${i}`, cmdline: `b${i} ${'x'.repeat((i * 131) % 3000)}` }))));
  }
  const run = await startAgent(grpcConfig(`unix://${path}`));
  t.teardown(() => run.stop());
  const obs = await run.waitForObservations(total, 20_000);
  t.same(
    obs.map((o) => o.process?.exe),
    Array.from({ length: total }, (_, i) => `/bin/b${i}`),
    'every event, once, in order',
  );
  await run.waitForLog((l) => l.msg === 'connected to Falco' && l.falcoVersion === '0.43.0');
});

t.test('a compressed frame ends the subscription with a clear reason; the next one goes on', async (t) => {
  const path = join(dir, 'compressed.sock');
  const burst = new FalcoBurstServer(path);
  await burst.start();
  t.teardown(() => burst.stop());
  const run = await startAgent(grpcConfig(`unix://${path}`));
  t.teardown(() => run.stop());
  await run.waitForLog((l) => l.msg === 'subscribed to Falco gRPC outputs');
  burst.publishUnframed(Buffer.from([1, 0, 0, 0, 3, 0x1f, 0x8b, 0x08]));
  const lost = await run.waitForLog((l) => l.msg === 'lost the Falco gRPC subscription; re-subscribing');
  t.equal(lost.why, 'Falco sent a compressed message, but no compression was offered');
  burst.publishRaw(encodeOutputsResponse(toGrpcResponse(execEvent({ exe: '/bin/after-compressed' }))));
  const [obs] = await run.waitForObservations(1, 5_000);
  t.equal(obs?.process?.exe, '/bin/after-compressed');
});

t.test('a server that refuses `sub` with a gRPC status is retried, and the status is logged', async (t) => {
  const path = join(dir, 'refuse.sock');
  const refusing = new FalcoBurstServer(path, { code: 7, message: 'grpc output disabled' });
  await refusing.start();
  t.teardown(() => refusing.stop());
  const run = await startAgent(grpcConfig(`unix://${path}`));
  t.teardown(() => run.stop());
  const lost = await run.waitForLog((l) => l.msg === 'lost the Falco gRPC subscription; re-subscribing');
  t.equal(lost.why, 'stream failed: PERMISSION_DENIED grpc output disabled');
  await run.waitForLog((l) => l.msg === 'lost the Falco gRPC subscription; re-subscribing' && l !== lost);
  t.ok((await run.metric('vigil_agent_falco_grpc_reconnects_total')) >= 1, 'and retried');
});

t.test('a Falco that reported its version and restarts gets no "too new for gRPC" hint', async (t) => {
  const target = socket();
  const falcoServer = new FalcoCompatibleServer({ address: target });
  await falcoServer.start();
  const run = await startAgent(grpcConfig(target));
  t.teardown(() => run.stop());
  await run.waitForLog((l) => l.msg === 'connected to Falco');
  await falcoServer.stop();
  await run.waitForLog((l) => l.msg === 'lost the Falco gRPC subscription; re-subscribing');
  await run.waitForLog((l) => l.msg === 'Falco gRPC is not reachable; retrying');
  t.notOk(run.logs.some((l) => typeof l.msg === 'string' && l.msg.includes('no gRPC output')));
});

t.test('a Falco 0.44 answering the version API gets the hint', async (t) => {
  const target = socket();
  const falcoServer = new FalcoCompatibleServer({ address: target, version: { version: '0.44.0', minor: 44 } });
  await falcoServer.start();
  t.teardown(() => falcoServer.stop());
  const run = await startAgent(grpcConfig(target));
  t.teardown(() => run.stop());
  await run.waitForLog((l) => typeof l.msg === 'string' && l.msg.includes('Falco 0.44 and later have no gRPC output'));
});

t.test('polling adapts: fast while Falco sends, backing off to the interval when idle', async (t) => {
  const target = socket();
  const falcoServer = new FalcoCompatibleServer({ address: target });
  await falcoServer.start();
  t.teardown(() => falcoServer.stop());
  // A long idle interval: an event that arrives well within it was picked up by the busy pace.
  const run = await startAgent(grpcConfig(target, { pollIntervalMs: 2_000 }));
  t.teardown(() => run.stop());
  await run.waitForLog((l) => l.msg === 'subscribed to Falco gRPC outputs');
  await sleep(2_500); // well into the idle pace
  const idleRequests = falcoServer.requests;
  await sleep(2_100);
  t.ok(falcoServer.requests - idleRequests <= 2, `idle: about one request per interval (${falcoServer.requests - idleRequests} in 2.1 s)`);

  falcoServer.publish(toGrpcResponse(execEvent({ exe: '/bin/first' })));
  await run.waitForObservations(1, 5_000);
  // Falco just answered: the following events are asked for within milliseconds, not seconds.
  for (let i = 0; i < 5; i++) {
    await sleep(20);
    const published = performance.now();
    falcoServer.publish(toGrpcResponse(execEvent({ exe: `/bin/next-${i}` })));
    await run.waitForObservations(2 + i, 5_000);
    const waited = performance.now() - published;
    t.ok(waited < 1_000, `event ${i} arrived ${Math.round(waited)} ms after it was queued (idle interval 2,000 ms)`);
  }
  t.equal(falcoServer.halfCloses, 0, 'never half-closes');
});
