// What this agent already knows per workload and container: the collector's baseline plus the
// items it has reported itself. The hot path is one Map lookup and one Set lookup; an event whose
// item is known costs nothing more.
import type { ModeName } from '../../proto/vigil-wire.js';
import type { WorkloadId } from '../model/identity.js';
import type { ItemIdentity, KeyForm } from '../model/item-key.js';

export type Classification = 'baseline' | 'reported' | 'novel';

/**
 * Where an observation sits in the known set, kept by the agent so that a repeat of the same
 * event (same fingerprint, response-fingerprint.ts) is decided without building it again.
 */
export interface RepeatTarget {
  readonly workload: WorkloadId;
  readonly workloadKey: string;
  readonly container: string;
  readonly itemKey: string;
  /** The key form itemKey was built with; stale once the workload's identity changes. */
  readonly form: KeyForm;
  /** knownEntry(container, itemKey), built once. */
  readonly entry: string;
  /** The item across workloads (workload key and entry), built once: what repeat counts are kept by. */
  readonly id: string;
}

interface WorkloadKnowledge {
  mode: ModeName | null;
  windowEndNs: bigint | null;
  /** 'finest' until the collector names the workload's identity. */
  identity: KeyForm;
  /** `${container}\0${itemKey}` */
  readonly baseline: Set<string>;
  readonly reported: Set<string>;
}

/** How an item of a container is held in a workload's sets. */
export const knownEntry = (container: string, itemKey: string): string => `${container}\u0000${itemKey}`;
const id = knownEntry;

export class KnownSet {
  private readonly workloads = new Map<string, WorkloadKnowledge>();

  classify(workloadKey: string, container: string, itemKey: string): Classification {
    return this.classifyEntry(workloadKey, id(container, itemKey));
  }

  /** classify() with the entry already built (knownEntry). */
  classifyEntry(workloadKey: string, entry: string): Classification {
    const w = this.workloads.get(workloadKey);
    if (!w) return 'novel';
    if (w.baseline.has(entry)) return 'baseline';
    return w.reported.has(entry) ? 'reported' : 'novel';
  }

  /**
   * The collector's mode for the workload at event time `timeNs`; null until the collector has
   * told us. A learning window that has ended counts as locked, so an agent cut off from the
   * collector still treats what comes after the window as deviations.
   */
  mode(workloadKey: string, timeNs: bigint): ModeName | null {
    const w = this.workloads.get(workloadKey);
    if (!w) return null;
    if (w.mode === 'learning' && w.windowEndNs !== null && timeNs >= w.windowEndNs) return 'detecting';
    return w.mode;
  }

  /**
   * How the workload's process items are keyed, as the collector said. Until it has, the finest
   * key (program and parent): a shell from a new parent, or a script new to its interpreter, is
   * then reported rather than deduplicated as the one already seen (the collector keys every
   * report by the workload's real identity anyway).
   */
  identity(workloadKey: string): KeyForm {
    return this.workloads.get(workloadKey)?.identity ?? 'finest';
  }

  /** Undoes markReported when the report could not be kept, so the next sighting reports again. */
  unmarkReported(workloadKey: string, container: string, itemKey: string): void {
    this.workloads.get(workloadKey)?.reported.delete(id(container, itemKey));
  }

  markReported(workloadKey: string, container: string, itemKey: string): void {
    this.get(workloadKey).reported.add(id(container, itemKey));
  }

  /** Replaces a workload's baseline and mode (a snapshot). */
  setState(workloadKey: string, mode: ModeName | null, windowEndNs: bigint | null, items: Iterable<{ container: string; itemKey: string }>, identity: ItemIdentity = 'exe'): void {
    const w = this.get(workloadKey);
    w.mode = mode;
    w.windowEndNs = windowEndNs;
    w.identity = identity;
    w.baseline.clear();
    for (const item of items) w.baseline.add(id(item.container, item.itemKey));
  }

  applyDelta(
    workloadKey: string,
    mode: ModeName | null,
    windowEndNs: bigint | null,
    added: Iterable<{ container: string; itemKey: string }>,
    removed: Iterable<{ container: string; itemKey: string }>,
    identity: ItemIdentity = 'exe',
  ): void {
    const w = this.get(workloadKey);
    w.mode = mode;
    w.windowEndNs = windowEndNs;
    w.identity = identity;
    for (const item of added) {
      // In the baseline now: the reported mark is no longer needed (keeps memory to baselines
      // plus open deviations).
      w.baseline.add(id(item.container, item.itemKey));
      w.reported.delete(id(item.container, item.itemKey));
    }
    for (const item of removed) {
      // A removed item (relearn, manual removal) must be reported again when it is seen.
      w.baseline.delete(id(item.container, item.itemKey));
      w.reported.delete(id(item.container, item.itemKey));
    }
  }

  get size(): { workloads: number; items: number } {
    let items = 0;
    for (const w of this.workloads.values()) items += w.baseline.size + w.reported.size;
    return { workloads: this.workloads.size, items };
  }

  private get(workloadKey: string): WorkloadKnowledge {
    let w = this.workloads.get(workloadKey);
    if (!w) {
      w = { mode: null, windowEndNs: null, identity: 'finest', baseline: new Set(), reported: new Set() };
      this.workloads.set(workloadKey, w);
    }
    return w;
  }
}
