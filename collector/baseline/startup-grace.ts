// Start-up grace: what a container does in its first moments (entrypoint scripts, init helpers,
// probes, connections to the pods it depends on) is recorded as the workload's start-up set
// while learning. After the lock, an item not in the baseline that appears within the grace
// after a container start is learned quietly when it matches the start-up set in the narrow
// ways startupSignature allows, so a restart elsewhere is quiet; anything else (a new start-up
// binary) is a deviation like any other. Pure: no clock, no storage.
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
 * Container runtimes: what starts a container's entrypoint and its exec probes. Their paths and
 * names differ between nodes and runtime versions (/usr/bin/runc, /usr/local/sbin/runc, crun,
 * containerd-shim-runc-v2), so under the lineage identity the same entrypoint has another parent
 * after a restart elsewhere.
 */
const RUNTIME = /^(runc|crun|youki|runsc|conmon|containerd-shim(-runc-v[12])?|docker-containerd-shim|containerd-shim-kata-v2)$/;

/**
 * What a start-up item is matched by, from its baseline key; the key itself when only the same
 * item matches it. Deliberately narrow, since a match is learned without an alert:
 * - a process started by a container runtime (the entrypoint, an exec probe) matches the same
 *   executable started by any runtime (lineage identity); nothing else about a process is
 *   loosened: another parent inside the container, or another program for an interpreter
 *   (args identity), is a deviation;
 * - an outbound connection to an exact private address matches the same protocol and port in
 *   the same /16 (IPv4) or /48 (IPv6): the pods a container depends on get new addresses when
 *   they are recreated, in the same pod network. Link-local (cloud metadata), loopback,
 *   multicast and unspecified addresses are never loosened;
 * - everything else (DNS names, public networks, listening ports) matches only itself.
 */
export function startupSignature(itemKey: string): string {
  const process = parseProcessKey(itemKey);
  if (process !== null) {
    const parent = process.parent?.slice(process.parent.lastIndexOf('/') + 1) ?? '';
    return process.program === null && RUNTIME.test(parent) ? `exe:${process.exe}<-<runtime>` : itemKey;
  }
  if (itemKey.startsWith('out:')) {
    // out:<protocol>:<peer>:<port>; an IPv6 peer has colons of its own.
    const first = itemKey.indexOf(':', 4);
    const last = itemKey.lastIndexOf(':');
    if (first < 0 || last <= first) return itemKey;
    const network = podNetwork(itemKey.slice(first + 1, last));
    if (network !== null) return `${itemKey.slice(0, first)}:${network}${itemKey.slice(last)}`;
  }
  return itemKey;
}

/** The /16 or /48 of an exact private unicast address, written `10.244.*`; null for anything else. */
function podNetwork(peer: string): string | null {
  const v4 = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(peer);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    const unicastPrivate = a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
    return unicastPrivate ? `${a}.${b}.*` : null;
  }
  // IPv6 unique local (fc00::/7) only, written in full enough to take three groups.
  const v6 = /^(f[cd][0-9a-f]{2}):([0-9a-f]{1,4}):([0-9a-f]{1,4}):/i.exec(peer);
  return v6 && peerScope(peer) === 'private' ? `${v6[1]}:${v6[2]}:${v6[3]}:*`.toLowerCase() : null;
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
