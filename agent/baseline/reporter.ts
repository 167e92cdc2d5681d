// Decides what of each observation leaves the node, and writes it to the disk outbox.
//
// - An item in the collector's baseline: nothing.
// - An item this agent already reported: nothing while learning; while detecting, one more in
//   the repeat count of that deviation, sent every `repeatIntervalMs`.
// - A novel item: one report, kept on disk until the collector acknowledges it.
//
// Reports are appended once per event-loop turn (one SQLite transaction per burst, not per
// event). What a crash can lose is the current turn's reports, whose Falco events were
// already consumed.
import type { Logger } from 'pino';
import { encodeReport, observationToWire, timestampFromNs, workloadToWire } from '../../proto/vigil-wire.js';
import { workloadKey, type WorkloadId } from '../model/identity.js';
import { itemKey } from '../model/item-key.js';
import type { Observation } from '../model/observation.js';
import type { ObservationOutput } from '../output/stdout-output.js';
import type { KnownItem, OutboxKind, StateStore } from '../state/state-store.js';
import type { KnownSet } from './known-set.js';
import type { AgentMetrics } from '../metrics/agent-metrics.js';

interface Repeat {
  readonly workload: WorkloadId;
  readonly container: string;
  readonly itemKey: string;
  count: number;
  firstNs: bigint;
  lastNs: bigint;
}

export class Reporter implements ObservationOutput {
  private batch: Array<{ kind: OutboxKind; body: Buffer; known?: KnownItem }> = [];
  private flushQueued = false;
  private readonly repeats = new Map<string, Repeat>();
  private readonly repeatTimer: NodeJS.Timeout;
  private readonly listeners = new Set<() => void>();
  /** workload → container → image digests this agent has told the collector about. */
  private readonly digests = new Map<string, Map<string, Set<string>>>();

  constructor(
    private readonly known: KnownSet,
    private readonly store: StateStore,
    private readonly metrics: AgentMetrics,
    private readonly log: Logger,
    repeatIntervalMs: number,
  ) {
    this.repeatTimer = setInterval(() => this.flushRepeats(), repeatIntervalMs);
    this.repeatTimer.unref();
  }

  /** Called after reports were written to the outbox (the link sends them). */
  onAppended(listener: () => void): void {
    this.listeners.add(listener);
  }

  readonly backlogged = false;

  drained(): Promise<void> {
    return Promise.resolve();
  }

  write(obs: Observation): void {
    const wKey = workloadKey(obs.workload);
    const key = itemKey(obs, this.known.identity(wKey));
    const known = this.known.classify(wKey, obs.container, key);
    const firstOfImage = this.firstOfImage(wKey, obs);
    if (known === 'baseline') {
      this.metrics.decisions.inc({ decision: 'baseline' });
      // A container's first event with an image digest goes out even when its item is in the
      // baseline: the collector dates a rollout from it (image-aware baselines), not from the new
      // image's first novel item, which may come days later. (Novel items go out anyway; an item
      // this agent already reported is an open deviation, announced by the next baseline item.)
      if (firstOfImage) {
        const kind = this.known.mode(wKey, obs.timeNs) === 'detecting' ? 'deviation' : 'learning';
        this.batch.push({ kind, body: encodeReport({ observation: observationToWire(obs, key) }) });
        this.queueFlush();
      }
      return;
    }
    const mode = this.known.mode(wKey, obs.timeNs);
    if (known === 'reported') {
      if (mode === 'detecting') this.countRepeat(obs, key);
      else this.metrics.decisions.inc({ decision: 'already_reported' });
      return;
    }
    this.known.markReported(wKey, obs.container, key);
    this.metrics.decisions.inc({ decision: 'novel' });
    this.batch.push({
      kind: mode === 'detecting' ? 'deviation' : 'learning',
      body: encodeReport({ observation: observationToWire(obs, key) }),
      known: { workloadKey: wKey, container: obs.container, itemKey: key },
    });
    this.queueFlush();
  }

  /** True the first time this agent sees the observation's image digest in its workload container. */
  private firstOfImage(wKey: string, obs: Observation): boolean {
    if (!obs.imageDigest) return false;
    let containers = this.digests.get(wKey);
    if (!containers) this.digests.set(wKey, (containers = new Map()));
    let seen = containers.get(obs.container);
    if (!seen) containers.set(obs.container, (seen = new Set()));
    if (seen.has(obs.imageDigest)) return false;
    seen.add(obs.imageDigest);
    return true;
  }

  async close(): Promise<void> {
    clearInterval(this.repeatTimer);
    this.flushRepeats();
    this.flush();
  }

  private countRepeat(obs: Observation, key: string): void {
    this.metrics.decisions.inc({ decision: 'repeat' });
    const id = `${workloadKey(obs.workload)}\u0000${obs.container}\u0000${key}`;
    const r = this.repeats.get(id);
    if (r) {
      r.count++;
      if (obs.timeNs < r.firstNs) r.firstNs = obs.timeNs;
      if (obs.timeNs > r.lastNs) r.lastNs = obs.timeNs;
    } else {
      this.repeats.set(id, { workload: obs.workload, container: obs.container, itemKey: key, count: 1, firstNs: obs.timeNs, lastNs: obs.timeNs });
    }
  }

  private flushRepeats(): void {
    if (this.repeats.size === 0) return;
    for (const r of this.repeats.values()) {
      this.batch.push({
        kind: 'repeat',
        body: encodeReport({
          repeat: {
            workload: workloadToWire(r.workload),
            container: r.container,
            item_key: r.itemKey,
            count: r.count,
            first_seen: timestampFromNs(r.firstNs),
            last_seen: timestampFromNs(r.lastNs),
          },
        }),
      });
    }
    this.repeats.clear();
    this.flush();
  }

  private queueFlush(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushQueued = false;
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    try {
      this.store.append(batch);
    } catch (err) {
      // The disk is full or broken: these reports cannot be kept. Count them, and forget that
      // they were reported, so the next sighting tries again.
      for (const entry of batch) if (entry.known) this.known.unmarkReported(entry.known.workloadKey, entry.known.container, entry.known.itemKey);
      this.metrics.outputDropped.inc({ output: 'outbox' }, batch.length);
      this.log.error({ err: (err as Error).message, reports: batch.length }, 'cannot write reports to the agent state; they are lost');
      return;
    }
    this.metrics.outboxDepth.set(this.store.depth);
    for (const [kind, n] of Object.entries(this.store.dropped())) this.metrics.outboxDropped.set({ kind }, n);
    for (const listener of this.listeners) listener();
  }
}
