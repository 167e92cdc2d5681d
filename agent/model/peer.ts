// Where an outbound peer is, and how it is named in a baseline item. Pure.
//
// A public service answers from many addresses (an S3 endpoint rotates through hundreds), so an
// exact public IP would make every new address a deviation. The baseline therefore names a peer
// by its DNS name when Falco knows it (fd.sip.name), otherwise a public address by its network
// (/24 for IPv4, /64 for IPv6); private and cluster addresses stay exact, since there a new
// address is a new pod or service worth seeing.

/** `private`: RFC 1918, CGNAT, loopback, link-local, IPv6 ULA/link-local/loopback, cluster DNS names; `public`: the rest. */
export function peerScope(peer: string): 'private' | 'public' {
  // An IPv4 address written as IPv6 (::ffff:a.b.c.d) is that IPv4 address.
  const address = peer.replace(/\/\d+$/, '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  if (v4) {
    const [a, b, c] = [Number(v4[1]), Number(v4[2]), Number(v4[3])];
    // Not the public internet: RFC 1918, loopback, CGNAT, link-local, "this network", IETF
    // protocol assignments, benchmarking, multicast and reserved (broadcast included).
    const priv =
      a === 0 || a === 10 || a === 127 || a >= 224 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) || (a === 192 && b === 0 && c === 0) || (a === 198 && (b === 18 || b === 19));
    return priv ? 'private' : 'public';
  }
  if (address.includes(':')) {
    const p = address.toLowerCase();
    return p === '::1' || p === '::' || /^ff[0-9a-f]{2}:/.test(p) || /^f[cd][0-9a-f]{2}:/.test(p) || /^fe[89ab][0-9a-f]:/.test(p) ? 'private' : 'public';
  }
  return /\.(svc|cluster\.local|local|internal)$/.test(address.toLowerCase()) || !address.includes('.') ? 'private' : 'public';
}

export const PUBLIC_IPV4_PREFIX = 24;
export const PUBLIC_IPV6_PREFIX = 64;

/** The peer as a baseline item names it: DNS name, public network, or exact private address. */
export function baselinePeer(peer: string, peerName: string | null): string {
  if (peerName) return peerName.toLowerCase().replace(/\.$/, '');
  if (peerScope(peer) === 'private') return peer;
  const v4 = /^(?:::ffff:)?(\d+)\.(\d+)\.(\d+)\.\d+$/i.exec(peer);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.0/${PUBLIC_IPV4_PREFIX}`;
  if (peer.includes(':')) return ipv6Network(peer) ?? peer;
  return peer;
}

/** The /64 of an IPv6 address, in short form (`2001:db8:1:2::/64`); null when it does not parse. */
function ipv6Network(address: string): string | null {
  const [head = '', tail] = address.toLowerCase().split('::');
  if (address.split('::').length > 2) return null;
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const fill = tail === undefined ? 0 : 8 - left.length - right.length;
  const groups = [...left, ...Array<string>(Math.max(0, fill)).fill('0'), ...right];
  if (groups.length !== 8 || !groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  const network = groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, ''));
  while (network.length > 0 && network[network.length - 1] === '0') network.pop();
  return `${network.join(':')}::/${PUBLIC_IPV6_PREFIX}`;
}
