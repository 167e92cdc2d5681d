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
