// What the collector does with a novel item: decided by the workload's mode at the event's
// time, not at arrival, so a node's late report from before the lock is still learned and one
// from after it is a deviation. Pure: no clock, no storage.
import type { ModeName } from '../../proto/vigil-wire.js';

export interface ModeChange {
  /** The mode holds from this event time (ns) on. */
  readonly fromNs: bigint;
  readonly mode: ModeName;
}

/** The mode at event time `t`; before the first change, the first change's mode. */
export function modeAt(history: readonly ModeChange[], t: bigint): ModeName {
  let mode = history[0]?.mode ?? 'learning';
  for (const change of history) {
    if (change.fromNs > t) break;
    mode = change.mode;
  }
  return mode;
}

export type Decision = 'known' | 'learn' | 'alert' | 'count';

export function decide(mode: ModeName, inBaseline: boolean): Decision {
  if (inBaseline) return 'known';
  if (mode === 'learning') return 'learn';
  if (mode === 'detecting') return 'alert';
  return 'count';
}

export function windowEndNs(startNs: bigint, windowMs: number): bigint {
  return startNs + BigInt(windowMs) * 1_000_000n;
}

/** Inserts a change keeping the history sorted by time (changes at the same time keep arrival order). */
export function withChange(history: readonly ModeChange[], change: ModeChange): ModeChange[] {
  const out = history.slice();
  let at = out.length;
  while (at > 0 && (out[at - 1]?.fromNs ?? 0n) > change.fromNs) at--;
  out.splice(at, 0, change);
  return out;
}

/** Optional lock on convergence: keep learning until the baseline stops growing. */
export interface ConvergenceRule {
  /** No new item for this long… */
  readonly quietMs: number;
  /** …with items learned from at least this many pods or nodes (whichever is more)… */
  readonly minSources: number;
  /** …but never longer than this from the window's start. */
  readonly maxMs: number;
}

export interface LearningProgress {
  readonly startNs: bigint;
  /** The window's current end. */
  readonly windowEndNs: bigint;
  readonly nowNs: bigint;
  /** When the last item was learned; null: none yet. */
  readonly lastNewNs: bigint | null;
  readonly pods: number;
  readonly nodes: number;
}

/**
 * At a window's end: lock now, or keep learning until when. The window grows to the end of the
 * quiet period after the last new item (or, with too few sources, by another quiet period),
 * never past start + maxMs, where it locks whatever the state.
 */
export function convergence(rule: ConvergenceRule, p: LearningProgress): { readonly lock: true; readonly atNs: bigint } | { readonly lock: false; readonly untilNs: bigint } {
  const ms = (n: number): bigint => BigInt(n) * 1_000_000n;
  // An operator's extension past the maximum is respected: never lock before the window's end.
  const hardEnd = p.startNs + ms(rule.maxMs) > p.windowEndNs ? p.startNs + ms(rule.maxMs) : p.windowEndNs;
  if (p.nowNs >= hardEnd) return { lock: true, atNs: hardEnd };
  const quietEnd = (p.lastNewNs ?? p.startNs) + ms(rule.quietMs);
  const enoughSources = Math.max(p.pods, p.nodes) >= rule.minSources;
  // Locked at the end of the quiet period (or the window's end, if later): after every learned item.
  if (p.nowNs >= quietEnd && enoughSources) return { lock: true, atNs: quietEnd > p.windowEndNs ? quietEnd : p.windowEndNs };
  const next = p.nowNs >= quietEnd ? p.nowNs + ms(rule.quietMs) : quietEnd;
  return { lock: false, untilNs: next < hardEnd ? next : hardEnd };
}
