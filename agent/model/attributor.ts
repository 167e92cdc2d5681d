// Attributes drafts to workloads across Falco's asynchronous container metadata lookup.
//
// The first events of a new container can carry container.id while its name and pod are still
// unknown. Inventing a workload from them would poison a baseline, and dropping them would hide
// exactly the entrypoint activity a baseline needs. So drafts wait, per container id, until an
// event of the same container brings its metadata; they are then released in arrival order,
// before the event that resolved them. Drafts that wait longer than the TTL, or overflow the
// bounds, are reported as unattributed and counted by the caller.
import type { Attribution, Draft, Observation } from './observation.js';

export interface AttributorOptions {
  readonly pendingTtlMs: number;
  readonly maxPendingPerContainer: number;
  readonly maxPendingTotal: number;
  /** How many container ids keep their resolved metadata for later metadata-less events. */
  readonly maxKnownContainers: number;
}

export const DEFAULT_ATTRIBUTOR_OPTIONS: AttributorOptions = {
  pendingTtlMs: 30_000,
  maxPendingPerContainer: 256,
  maxPendingTotal: 10_000,
  maxKnownContainers: 65_536,
};

export interface Unattributed {
  readonly containerId: string;
  readonly count: number;
  readonly why: 'expired' | 'overflow' | 'shutdown';
}

interface Pending {
  readonly firstMs: number;
  readonly drafts: Draft[];
}

export class Attributor {
  private readonly known = new Map<string, Attribution>();
  private readonly pending = new Map<string, Pending>();
  private pendingTotal = 0;

  constructor(
    private readonly opts: AttributorOptions,
    private readonly onUnattributed: (lost: Unattributed) => void,
  ) {}

  get pendingCount(): number {
    return this.pendingTotal;
  }

  /**
   * Returns the observations ready now: nothing while the container is unresolved, else any
   * drafts that were waiting for it followed by this one.
   */
  accept(draft: Draft, attribution: Attribution | null, nowMs: number): Observation[] {
    const id = draft.containerId;
    if (attribution === null) {
      const cached = this.known.get(id);
      if (cached) return [{ ...draft, ...cached }];
      this.hold(draft, nowMs);
      return [];
    }
    this.remember(id, attribution);
    const waiting = this.pending.get(id);
    if (!waiting) return [{ ...draft, ...attribution }];
    this.pending.delete(id);
    this.pendingTotal -= waiting.drafts.length;
    const out = waiting.drafts.map((d): Observation => ({ ...d, ...attribution }));
    out.push({ ...draft, ...attribution });
    return out;
  }

  /**
   * A repeat of an event that resolved container `id` by itself (replayed, not passed to
   * accept()): keeps the container's metadata fresh, as accept() would. False when the event
   * must go through accept() after all: drafts of the container wait for it, or its metadata
   * has been forgotten since.
   */
  touch(id: string): boolean {
    if (this.pendingTotal > 0 && this.pending.has(id)) return false;
    const attribution = this.known.get(id);
    if (attribution === undefined) return false;
    this.known.delete(id); // re-insert: most recently resolved last
    this.known.set(id, attribution);
    return true;
  }

  /** Gives up on containers that have waited past the TTL. */
  sweep(nowMs: number): void {
    for (const [id, waiting] of this.pending) {
      if (nowMs - waiting.firstMs < this.opts.pendingTtlMs) continue;
      this.drop(id, waiting, 'expired');
    }
  }

  /** At shutdown: whatever still waits can never be attributed. */
  close(): void {
    for (const [id, waiting] of this.pending) this.drop(id, waiting, 'shutdown');
  }

  private hold(draft: Draft, nowMs: number): void {
    let waiting = this.pending.get(draft.containerId);
    const full = this.pendingTotal >= this.opts.maxPendingTotal;
    if (waiting && (full || waiting.drafts.length >= this.opts.maxPendingPerContainer)) {
      // Keep the earliest drafts: a container's first execs are the ones a baseline needs.
      this.onUnattributed({ containerId: draft.containerId, count: 1, why: 'overflow' });
      return;
    }
    if (!waiting) {
      // A new container's first events outrank the backlog of the one waiting longest.
      if (full) this.dropOldestContainer();
      waiting = { firstMs: nowMs, drafts: [] };
      this.pending.set(draft.containerId, waiting);
    }
    waiting.drafts.push(draft);
    this.pendingTotal++;
  }

  private dropOldestContainer(): void {
    const oldest = this.pending.entries().next();
    if (!oldest.done) this.drop(oldest.value[0], oldest.value[1], 'overflow');
  }

  private drop(id: string, waiting: Pending, why: Unattributed['why']): void {
    this.pending.delete(id);
    this.pendingTotal -= waiting.drafts.length;
    this.onUnattributed({ containerId: id, count: waiting.drafts.length, why });
  }

  private remember(id: string, attribution: Attribution): void {
    if (this.known.has(id)) {
      this.known.delete(id); // re-insert to keep Map order as least-recently-resolved first
    } else if (this.known.size >= this.opts.maxKnownContainers) {
      const oldest = this.known.keys().next();
      if (!oldest.done) this.known.delete(oldest.value);
    }
    this.known.set(id, attribution);
  }
}
