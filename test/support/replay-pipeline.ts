// A real agent pipeline (Ingest, Reporter, KnownSet, a StateStore on a real SQLite file) for the
// tests that check that replaying repeats changes nothing but the cost: one pipeline replays,
// another decodes every event, and their outboxes and metrics must be equal.
import { join } from 'node:path';
import { pino } from 'pino';
import { KnownSet } from '../../agent/baseline/known-set.js';
import { Reporter } from '../../agent/baseline/reporter.js';
import { AgentMetrics } from '../../agent/metrics/agent-metrics.js';
import { DEFAULT_ATTRIBUTOR_OPTIONS } from '../../agent/model/attributor.js';
import type { ItemIdentity } from '../../agent/model/item-key.js';
import { Ingest, type IngestSink } from '../../agent/pipeline/ingest.js';
import { StateStore } from '../../agent/state/state-store.js';

export const quiet = pino({ level: 'silent' });

export interface Pipeline {
  readonly known: KnownSet;
  readonly store: StateStore;
  readonly reporter: Reporter;
  readonly metrics: AgentMetrics;
  readonly ingest: Ingest;
  /** The Ingest behind a sink that counts what reaches it, for the inputs under test. */
  readonly sink: IngestSink;
  /** Replays the pipeline took. */
  replays(): number;
  /** Events, replays and rejects that reached the sink. */
  handled(): number;
  /** Moves the attributor's clock on (metadata waits time out against it). */
  advance(ms: number): void;
}

export function pipeline(dir: string, name: string, maxKnownContainers = DEFAULT_ATTRIBUTOR_OPTIONS.maxKnownContainers): Pipeline {
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
  let handled = 0;
  // Counts what it passes on; everything reaches the real Ingest unchanged.
  const sink: IngestSink = {
    event: (decoded, input) => {
      handled++;
      return ingest.event(decoded, input);
    },
    replay: (outcome, timeNs, input) => {
      const done = ingest.replay(outcome, timeNs, input);
      if (done) {
        replays++;
        handled++;
      }
      return done;
    },
    reject: (input, reason, detail) => {
      handled++;
      ingest.reject(input, reason, detail);
    },
    get backlogged() {
      return ingest.backlogged;
    },
    get replaysObservations() {
      return ingest.replaysObservations;
    },
    drained: () => ingest.drained(),
  };
  return {
    known,
    store,
    reporter,
    metrics,
    ingest,
    sink,
    replays: () => replays,
    handled: () => handled,
    advance: (ms) => {
      now += ms;
    },
  };
}

/** Every report in the outbox, in order, byte for byte (repeat counts written first). */
export async function outbox(p: Pipeline): Promise<Array<{ kind: string; body: string }>> {
  await p.reporter.close();
  return p.store.pending(0, 1_000_000).map((e) => ({ kind: e.kind, body: e.body.toString('base64') }));
}

export async function metricsText(p: Pipeline): Promise<string> {
  return (await p.metrics.registry.metrics()).split('\n').filter((l) => !l.startsWith('#')).join('\n');
}

/** The same collector decisions for all: every workload the first reported, in `mode`, half its items in the baseline. */
export function tell(pipelines: readonly Pipeline[], mode: 'learning' | 'detecting', identity: ItemIdentity): void {
  const items = pipelines[0]?.store.loadReported() ?? [];
  const workloads = [...new Set(items.map((i) => i.workloadKey))];
  for (const p of pipelines) {
    for (const w of workloads) {
      const mine = items.filter((i) => i.workloadKey === w).filter((_, k) => k % 2 === 0);
      p.known.setState(w, mode, null, mine, identity);
    }
  }
}

/** A relearn: the baseline and what was reported are forgotten (applyDelta removals). */
export function relearn(pipelines: readonly Pipeline[]): void {
  for (const p of pipelines) {
    const reported = p.store.loadReported();
    for (const w of new Set(reported.map((r) => r.workloadKey))) {
      p.known.applyDelta(w, 'learning', null, [], reported.filter((r) => r.workloadKey === w), 'lineage');
    }
  }
}

/**
 * The rounds the replay tests feed: learning, a new identity (every cached target stale),
 * detecting with repeats, another identity, a relearn. `feed(n)` sends round n to every pipeline
 * and resolves once all of it reached them. Returns the replays after round 1 and after round 4.
 */
export async function runRounds(pipelines: readonly Pipeline[], feed: (n: number) => Promise<void>): Promise<{ afterLearning: number; afterDetecting: number }> {
  const fast = pipelines[0] as Pipeline;
  // The reporter appends to the outbox on the next event-loop turn: let it, after each round.
  const round = async (n: number): Promise<void> => {
    await feed(n);
    await new Promise((r) => setImmediate(r));
  };
  await round(0); // nothing known: every item novel (finest keys), learning reports
  await round(1); // the same again: already reported
  const afterLearning = fast.replays();
  tell(pipelines, 'detecting', 'exe'); // a new identity: every cached target is stale
  await round(2); // re-keyed by exe: novel deviations and baseline hits
  await round(3); // repeats counted while detecting
  await round(4);
  const afterDetecting = fast.replays();
  tell(pipelines, 'detecting', 'lineage');
  await round(5);
  relearn(pipelines);
  await round(6);
  await round(7);
  return { afterLearning, afterDetecting };
}
