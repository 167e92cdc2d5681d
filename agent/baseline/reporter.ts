// Decides what of each observation leaves the node, and writes it to the disk outbox.
//
// - An item in the collector's baseline: nothing.
// - An item this agent already reported: nothing while learning; while detecting, one more in
//   the repeat count of that deviation, sent every `repeatIntervalMs`.
// - A novel item: one report, kept on disk until the collector acknowledges it.
//
// Reports are appended in one SQLite transaction per burst, not per event: on the next
// event-loop turn after a quiet `commitWindowMs`, else at the end of the current window (see
// CommitPacer). What a crash can lose is the reports not yet committed, at most one window's,
// whose Falco events were already consumed.
import type { Logger } from 'pino';
import { encodeReport, observationToWire, timestampFromNs, workloadToWire } from '../../proto/vigil-wire.js';
import { eventTimeToNs, type EventTime } from '../falco/event.js';
import { workloadKey } from '../model/identity.js';
import { itemKey } from '../model/item-key.js';
import type { Observation } from '../model/observation.js';
import type { ObservationOutput } from '../output/stdout-output.js';
import { CommitPacer } from '../state/commit-pacer.js';
import type { KnownItem, OutboxKind, StateStore } from '../state/state-store.js';
import { knownEntry, type KnownSet, type RepeatTarget } from './known-set.js';
import type { AgentMetrics } from '../metrics/agent-metrics.js';

/**
 * At most one outbox commit per 5 ms. At 1,000 new deviations/s the agent committed about once
 * per 1.4 deviations (one synced transaction per event-loop turn); a window of a few ms costs
 * the latency target (p99 ≤ 50 ms) little and divides the commits, and what the link sends and
 * the collector commits and acknowledges, by the deviations per window.
 */
export const REPORT_COMMIT_WINDOW_MS = 5;

interface Repeat {
  readonly target: RepeatTarget;
  count: number;
  firstNs: bigint;
  lastNs: bigint;
}

export class Reporter implements ObservationOutput {
  private batch: Array<{ kind: OutboxKind; body: Buffer; known?: KnownItem }> = [];
  private readonly pacer: CommitPacer;
  /** Open repeat counts by RepeatTarget.id, sent every repeat interval. */
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
    commitWindowMs = REPORT_COMMIT_WINDOW_MS,
  ) {
    this.pacer = new CommitPacer(commitWindowMs, () => this.flush());
    this.repeatTimer = setInterval(() => this.flushRepeats(), repeatIntervalMs);
    this.repeatTimer.unref();
  }

  /** Called after reports were written to the outbox (the link sends them). */
  onAppended(listener: () => void): void {
    this.listeners.add(listener);
  }

  readonly backlogged = false;
  readonly replays = true;

  drained(): Promise<void> {
    return Promise.resolve();
  }

  write(obs: Observation): RepeatTarget {
    const wKey = workloadKey(obs.workload);
    const form = this.known.identity(wKey);
    const key = itemKey(obs, form);
    const entry = knownEntry(obs.container, key);
    const target: RepeatTarget = { workload: obs.workload, workloadKey: wKey, container: obs.container, itemKey: key, form, entry, id: `${wKey}\u0000${entry}` };
    const known = this.known.classifyEntry(wKey, target.entry);
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
        this.pacer.request();
      }
      return target;
    }
    if (known === 'reported') {
      this.sawReported(target, obs.timeNs);
      return target;
    }
    const mode = this.known.mode(wKey, obs.timeNs);
    this.known.markReported(wKey, obs.container, key);
    this.metrics.decisions.inc({ decision: 'novel' });
    this.batch.push({
      kind: mode === 'detecting' ? 'deviation' : 'learning',
      body: encodeReport({ observation: observationToWire(obs, key) }),
      known: { workloadKey: wKey, container: obs.container, itemKey: key },
    });
    this.pacer.request();
    return target;
  }

  /**
   * A repeat of an event write() took: the same workload, container and item, so the same
   * decision unless the known set or the workload's identity changed since. An image digest
   * seen once stays seen, so nothing is announced here.
   */
  replay(target: RepeatTarget, time: EventTime): boolean {
    if (this.known.identity(target.workloadKey) !== target.form) return false;
    const known = this.known.classifyEntry(target.workloadKey, target.entry);
    if (known === 'baseline') {
      this.metrics.decisions.inc({ decision: 'baseline' });
      return true;
    }
    if (known === 'reported') {
      this.sawReported(target, eventTimeToNs(time));
      return true;
    }
    // Novel again (a relearn forgot it): write() reports it.
    return false;
  }

  /** An item this agent reported: counted as a repeat while detecting, else nothing to send. */
  private sawReported(target: RepeatTarget, timeNs: bigint): void {
    if (this.known.mode(target.workloadKey, timeNs) === 'detecting') this.countRepeat(target, timeNs);
    else this.metrics.decisions.inc({ decision: 'already_reported' });
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
    this.pacer.cancel();
    this.flushRepeats();
    this.flush();
  }

  private countRepeat(target: RepeatTarget, timeNs: bigint): void {
    this.metrics.decisions.inc({ decision: 'repeat' });
    const r = this.repeats.get(target.id);
    if (r) {
      r.count++;
      if (timeNs < r.firstNs) r.firstNs = timeNs;
      if (timeNs > r.lastNs) r.lastNs = timeNs;
    } else {
      this.repeats.set(target.id, { target, count: 1, firstNs: timeNs, lastNs: timeNs });
    }
  }

  private flushRepeats(): void {
    if (this.repeats.size === 0) return;
    for (const r of this.repeats.values()) {
      this.batch.push({
        kind: 'repeat',
        body: encodeReport({
          repeat: {
            workload: workloadToWire(r.target.workload),
            container: r.target.container,
            item_key: r.target.itemKey,
            count: r.count,
            first_seen: timestampFromNs(r.firstNs),
            last_seen: timestampFromNs(r.lastNs),
          },
        }),
      });
    }
    this.repeats.clear();
    this.pacer.commitNow();
  }

  private flush(): void {
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
