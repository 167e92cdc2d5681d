// The baseline identity of an observation: what "the same thing again" means. A process is its
// executable path; an outbound connection is protocol + peer + port, the peer named as
// peer.ts says (DNS name, public network, or exact private address); an inbound one is the
// local listening port (the client's address and port change with every connection).
import type { ObservationItem } from './observation.js';
import { baselinePeer } from './peer.js';

export function itemKey(item: ObservationItem): string {
  if (item.type === 'process') return `exe:${item.process.exe}`;
  const n = item.network;
  if (n.direction === 'outbound') return `out:${n.protocol}:${baselinePeer(n.peer, n.peerName)}:${n.port ?? 0}`;
  return `in:${n.protocol}:${n.localPort ?? n.port ?? 0}`;
}
