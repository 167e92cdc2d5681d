// The gRPC input's replay of repeated events (response-fingerprint.ts, response-handler.ts) must
// change nothing but the cost: two real pipelines (Ingest, Reporter, KnownSet, a StateStore on a
// real SQLite file) take the same corpus, one through ResponseHandler with its outcome cache,
// one decoding every message with the reference protobufjs decoder. Their outboxes (every
// report, byte for byte, repeat counts and times included) and their metrics must be equal,
// through mode changes, identity changes and a relearn, while most events are replayed.
import t from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeGrpcResponse } from '../../agent/falco/grpc-event.js';
import { ResponseHandler } from '../../agent/falco/response-handler.js';
import { DEFAULT_ATTRIBUTOR_OPTIONS } from '../../agent/model/attributor.js';
import { decodeOutputsResponse, encodeOutputsResponse, type OutputsResponse } from '../../proto/falco-services.js';
import { loadCorpus, loadExpectations, toGrpcResponse } from '../support/corpus.js';
import { acceptEvent, execEvent } from '../support/events.js';
import { metricsText, outbox, pipeline as basePipeline, runRounds, type Pipeline } from '../support/replay-pipeline.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-replay-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

function pipeline(name: string, withReplay: boolean, maxKnownContainers = DEFAULT_ATTRIBUTOR_OPTIONS.maxKnownContainers): Pipeline & { feed(messages: readonly Buffer[]): void } {
  const p = basePipeline(dir, name, maxKnownContainers);
  const handler = new ResponseHandler(p.sink);
  const feed = (messages: readonly Buffer[]): void => {
    for (const m of messages) {
      if (withReplay) handler.handle(m);
      else p.ingest.event(decodeGrpcResponse(decodeOutputsResponse(m)), 'grpc');
    }
  };
  return { ...p, feed };
}

const corpus = [
  ...Object.keys(loadExpectations()).flatMap((file) => loadCorpus(file).map((c) => toGrpcResponse(c.json))),
  // Alike but for what the fingerprint must keep apart: listening ports of inbound connections.
  ...[80, 443, 80, 8443].map((port) => toGrpcResponse(acceptEvent({ port }))),
];

/** The corpus again, an hour per round later, with new pids, times, output text and local ports. */
function round(n: number): Buffer[] {
  return corpus.map((r, i) => {
    const fields = { ...(r.output_fields as Record<string, string>) };
    if (n > 0) {
      for (const f of ['proc.pid', 'evt.time']) if (f in fields) fields[f] = `${fields[f]}${n}${i}`;
      if (fields['evt.type'] === 'connect' && 'fd.lport' in fields) fields['fd.lport'] = String(30_000 + ((i * 7 + n) % 30_000));
    }
    const seconds = Number(r.time?.seconds ?? 0) + n * 3600;
    const next: OutputsResponse = { ...r, time: { seconds, nanos: r.time?.nanos ?? 0 }, output: `${r.output ?? ''} #${n}`, output_fields: fields };
    return encodeOutputsResponse(next);
  });
}

t.test('replayed repeats leave the same reports and metrics as decoding every event', async (t) => {
  const fast = pipeline('fast', true);
  const reference = pipeline('reference', false);
  const both = [fast, reference];
  const { afterLearning, afterDetecting } = await runRounds(both, async (n) => {
    const messages = round(n);
    for (const p of both) p.feed(messages);
  });
  t.ok(afterLearning > corpus.length * 0.4, `round 1 mostly replayed (${afterLearning} of ${corpus.length})`);
  t.ok(afterDetecting - afterLearning > corpus.length * 0.8, `rounds 2–4 replay repeats (${afterDetecting - afterLearning})`);

  const [fastOut, refOut] = [await outbox(fast), await outbox(reference)];
  t.ok(refOut.length > 100, `the reference wrote reports (${refOut.length})`);
  t.comment(JSON.stringify(refOut.reduce<Record<string, number>>((m, e) => ((m[e.kind] = (m[e.kind] ?? 0) + 1), m), {})));
  t.ok(refOut.some((e) => e.kind === 'repeat') && refOut.some((e) => e.kind === 'deviation') && refOut.some((e) => e.kind === 'learning'), 'of every kind');
  t.same(fastOut, refOut, 'the same reports, in the same order, byte for byte');
  t.equal(await metricsText(fast), await metricsText(reference), 'the same metrics');
  for (const p of both) p.store.close();
});

t.test("a replay keeps its container's metadata fresh, and a held draft goes through the full path", async (t) => {
  // Room for two containers' metadata. aaa's events are repeats; without the replay refreshing
  // it, aaa would be forgotten first, its metadata-less novel exec held, and never released by
  // the replays that follow: lost when the wait expires.
  const fast = pipeline('attributor-fast', true, 2);
  const reference = pipeline('attributor-reference', false, 2);
  let pid = 1000;
  const exec = (containerId: string, exe: string, pod = 'web-7d9c8b6f5-x2x9q', fields: Record<string, null> = {}): Buffer =>
    encodeOutputsResponse(toGrpcResponse(execEvent({ containerId, exe, pod, fields: { 'proc.pid': pid++, ...fields } })));
  const noMetadata = { 'container.name': null, 'k8s.ns.name': null, 'k8s.pod.name': null, 'k8s.pod.uid': null, 'k8s.pod.label[pod-template-hash]': null };
  const messages = [
    exec('aaa', '/usr/sbin/nginx'),
    exec('bbb', '/usr/sbin/nginx', 'web-7d9c8b6f5-bbbbb'),
    exec('aaa', '/usr/sbin/nginx'), // a repeat
    exec('ccc', '/usr/sbin/nginx', 'web-7d9c8b6f5-ccccc'), // the least recently resolved goes
    exec('aaa', '/tmp/evil', undefined, noMetadata), // novel, while Falco has lost the metadata
    exec('aaa', '/usr/sbin/nginx'), // the usual repeat, which resolves it
  ];
  for (const p of [fast, reference]) {
    p.feed(messages);
    p.advance(60_000);
    p.ingest.sweep();
  }
  await new Promise((r) => setImmediate(r));
  const [fastOut, refOut] = [await outbox(fast), await outbox(reference)];
  t.equal(refOut.length, 2, 'nginx and /tmp/evil reported');
  t.same(fastOut, refOut);
  t.equal(await metricsText(fast), await metricsText(reference), 'nothing unattributed in either');
  for (const p of [fast, reference]) p.store.close();
});
