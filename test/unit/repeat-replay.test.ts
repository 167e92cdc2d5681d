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
import { pino } from 'pino';
import { KnownSet } from '../../agent/baseline/known-set.js';
import { Reporter } from '../../agent/baseline/reporter.js';
import { decodeGrpcResponse } from '../../agent/falco/grpc-event.js';
import { ResponseHandler } from '../../agent/falco/response-handler.js';
import { AgentMetrics } from '../../agent/metrics/agent-metrics.js';
import { DEFAULT_ATTRIBUTOR_OPTIONS } from '../../agent/model/attributor.js';
import type { ItemIdentity } from '../../agent/model/item-key.js';
import { Ingest, type IngestSink } from '../../agent/pipeline/ingest.js';
import { StateStore } from '../../agent/state/state-store.js';
import { decodeOutputsResponse, encodeOutputsResponse, type OutputsResponse } from '../../proto/falco-services.js';
import { loadCorpus, loadExpectations, toGrpcResponse } from '../support/corpus.js';
import { acceptEvent, execEvent } from '../support/events.js';

const quiet = pino({ level: 'silent' });
const dir = mkdtempSync(join(tmpdir(), 'vigil-replay-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

interface Pipeline {
  readonly known: KnownSet;
  readonly store: StateStore;
  readonly reporter: Reporter;
  readonly metrics: AgentMetrics;
  readonly ingest: Ingest;
  feed(messages: readonly Buffer[]): void;
  /** Moves the attributor's clock on (metadata waits time out against it). */
  advance(ms: number): void;
}

function pipeline(name: string, withReplay: boolean, maxKnownContainers = DEFAULT_ATTRIBUTOR_OPTIONS.maxKnownContainers): Pipeline & { replays: () => number } {
  const known = new KnownSet();
  const store = StateStore.open({ dir: join(dir, name), maxOutboxRows: 1_000_000 }, quiet);
  const metrics = new AgentMetrics({ processMetrics: false });
  // A repeat interval beyond the test: counts go out once, at close().
  const reporter = new Reporter(known, store, metrics, quiet, 3_600_000);
  let now = 0;
  const ingest = new Ingest(
    { cluster: 'prod', node: null, includeHost: false, rulePrefix: 'Vigil', maxFieldLength: 4096, attribution: { ...DEFAULT_ATTRIBUTOR_OPTIONS, maxKnownContainers } },
    reporter,
    metrics,
    quiet,
    () => now,
  );
  let replays = 0;
  // Counts the replays it passes on; everything else reaches the real Ingest unchanged.
  const counting: IngestSink = {
    event: (decoded, input) => ingest.event(decoded, input),
    replay: (outcome, timeNs, input) => {
      const done = ingest.replay(outcome, timeNs, input);
      if (done) replays++;
      return done;
    },
    reject: (input, reason, detail) => ingest.reject(input, reason, detail),
    get backlogged() {
      return ingest.backlogged;
    },
    drained: () => ingest.drained(),
  };
  const handler = new ResponseHandler(counting);
  const feed = (messages: readonly Buffer[]): void => {
    for (const m of messages) {
      if (withReplay) handler.handle(m);
      else ingest.event(decodeGrpcResponse(decodeOutputsResponse(m)), 'grpc');
    }
  };
  const advance = (ms: number): void => {
    now += ms;
  };
  return { known, store, reporter, metrics, ingest, feed, advance, replays: () => replays };
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

async function outbox(p: Pipeline): Promise<Array<{ kind: string; body: string }>> {
  await p.reporter.close();
  return p.store.pending(0, 1_000_000).map((e) => ({ kind: e.kind, body: e.body.toString('base64') }));
}

async function metricsText(p: Pipeline): Promise<string> {
  return (await p.metrics.registry.metrics()).split('\n').filter((l) => !l.startsWith('#')).join('\n');
}

/** The same collector decisions for both: every workload this agent reported, in `mode`, half its items in the baseline. */
function tell(pipelines: readonly Pipeline[], mode: 'learning' | 'detecting', identity: ItemIdentity): void {
  const items = pipelines[0]?.store.loadReported() ?? [];
  const workloads = [...new Set(items.map((i) => i.workloadKey))];
  for (const p of pipelines) {
    for (const w of workloads) {
      const mine = items.filter((i) => i.workloadKey === w).filter((_, k) => k % 2 === 0);
      p.known.setState(w, mode, null, mine, identity);
    }
  }
}

t.test('replayed repeats leave the same reports and metrics as decoding every event', async (t) => {
  const fast = pipeline('fast', true);
  const reference = pipeline('reference', false);
  const both = [fast, reference];
  // The reporter appends to the outbox on the next event-loop turn: let it, after each round.
  const feed = async (messages: Buffer[]): Promise<void> => {
    for (const p of both) p.feed(messages);
    await new Promise((r) => setImmediate(r));
  };

  await feed(round(0)); // nothing known: every item novel (finest keys), learning reports
  await feed(round(1)); // the same again: already reported
  const afterLearning = fast.replays();
  t.ok(afterLearning > corpus.length * 0.4, `round 1 mostly replayed (${afterLearning} of ${corpus.length})`);

  tell(both, 'detecting', 'exe'); // a new identity: every cached target is stale
  await feed(round(2)); // re-keyed by exe: novel deviations and baseline hits
  await feed(round(3)); // repeats counted while detecting
  await feed(round(4));
  t.ok(fast.replays() - afterLearning > corpus.length * 0.8, `rounds 2–4 replay repeats (${fast.replays() - afterLearning})`);

  tell(both, 'detecting', 'lineage');
  await feed(round(5));
  // A relearn: the baseline and what was reported are forgotten (applyDelta removals).
  for (const p of both) {
    const reported = p.store.loadReported();
    for (const w of new Set(reported.map((r) => r.workloadKey))) {
      p.known.applyDelta(w, 'learning', null, [], reported.filter((r) => r.workloadKey === w), 'lineage');
    }
  }
  await feed(round(6));
  await feed(round(7));

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
