// Start-up grace: what a container does in its first moments (entrypoint scripts, init helpers,
// probes, connections to the pods it depends on) is recorded as the workload's start-up set
// while learning. After the lock, an item not in the baseline that appears within the grace
// after a container start is learned quietly when it matches the start-up set, so a restart
// is quiet; one that matches nothing in it (a new start-up binary) is a deviation like any other.
// Pure: no clock, no storage.
import { parseProcessKey } from '../../agent/model/item-key.js';
import { peerScope } from '../../agent/model/peer.js';

/**
 * True when the event happened within `graceMs` of its container's start. An unknown start,
 * an event before the start (clock skew between Falco and the kernel), or a zero grace: false.
 */
export function inStartupGrace(timeNs: bigint, containerStartNs: bigint | null, graceMs: number): boolean {
  if (graceMs <= 0 || containerStartNs === null || timeNs < containerStartNs) return false;
  return timeNs - containerStartNs < BigInt(graceMs) * 1_000_000n;
}

/**
 * What a start-up item is matched by, from its baseline key. A process is its executable, without
 * the parent (lineage) or arguments (args identity) that change between starts: the entrypoint's
 * `sh` gets a new parent on restart, a probe new arguments. An outbound connection to an exact
 * private address (a pod) is matched by protocol and port: pod addresses change when the pods
 * a container depends on restart. Everything else (DNS names, public networks, listening ports)
 * matches only itself.
 */
export function startupSignature(itemKey: string): string {
  const process = parseProcessKey(itemKey);
  if (process !== null) return `exe:${process.exe}`;
  if (itemKey.startsWith('out:')) {
    // out:<protocol>:<peer>:<port>; an IPv6 peer has colons of its own.
    const first = itemKey.indexOf(':', 4);
    const last = itemKey.lastIndexOf(':');
    if (first < 0 || last <= first) return itemKey;
    const peer = itemKey.slice(first + 1, last);
    // Exact addresses only: a name or a network (`/24`) is stable across restarts.
    const exactAddress = /^[0-9.]+$/.test(peer) || (peer.includes(':') && !peer.includes('/'));
    if (exactAddress && peerScope(peer) === 'private') return `${itemKey.slice(0, first)}:<pod>${itemKey.slice(last)}`;
  }
  return itemKey;
}

/** The start-up set of a workload: per container, the signatures of its start-up items. */
export class StartupSet {
  /** `${container}\0${signature}` → how many start-up items have it. */
  private readonly counts = new Map<string, number>();
  /** `${container}\0${itemKey}` of every start-up item. */
  private readonly items = new Set<string>();

  add(container: string, itemKey: string): void {
    const id = `${container}\u0000${itemKey}`;
    if (this.items.has(id)) return;
    this.items.add(id);
    const sig = `${container}\u0000${startupSignature(itemKey)}`;
    this.counts.set(sig, (this.counts.get(sig) ?? 0) + 1);
  }

  /** Forgets an item removed from the baseline. */
  delete(container: string, itemKey: string): void {
    const id = `${container}\u0000${itemKey}`;
    if (!this.items.delete(id)) return;
    const sig = `${container}\u0000${startupSignature(itemKey)}`;
    const left = (this.counts.get(sig) ?? 1) - 1;
    if (left > 0) this.counts.set(sig, left);
    else this.counts.delete(sig);
  }

  clear(): void {
    this.items.clear();
    this.counts.clear();
  }

  has(container: string, itemKey: string): boolean {
    return this.items.has(`${container}\u0000${itemKey}`);
  }

  /** True when `itemKey` matches a start-up item of the same container. */
  matches(container: string, itemKey: string): boolean {
    return this.counts.has(`${container}\u0000${startupSignature(itemKey)}`);
  }

  get size(): number {
    return this.items.size;
  }
}
