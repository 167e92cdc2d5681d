// The baseline identity of an observation: what "the same thing again" means. A process is its
// executable path (or, for a workload with the lineage identity, executable and parent: a shell
// started by nginx is then not the shell its entrypoint runs); an outbound connection is protocol + peer + port, the peer named as
// peer.ts says (DNS name, public network, or exact private address); an inbound one is the
// local listening port (the client's address and port change with every connection).
import type { ObservationItem } from './observation.js';
import { baselinePeer } from './peer.js';

/** How process items are identified, per workload: the executable, or executable and parent. */
export const IDENTITIES = ['exe', 'lineage'] as const;
export type ItemIdentity = (typeof IDENTITIES)[number];

export function itemKey(item: ObservationItem, identity: ItemIdentity = 'exe'): string {
  if (item.type === 'process') return identity === 'lineage' ? `exe:${item.process.exe}<-${item.process.parentExe ?? '?'}` : `exe:${item.process.exe}`;
  const n = item.network;
  if (n.direction === 'outbound') return `out:${n.protocol}:${baselinePeer(n.peer, n.peerName)}:${n.port ?? 0}`;
  return `in:${n.protocol}:${n.localPort ?? n.port ?? 0}`;
}
