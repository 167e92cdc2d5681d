// Peers in baseline items: private or public, and how an outbound peer is named.
import t from 'tap';
import { baselinePeer, peerScope } from '../../agent/model/peer.js';
import { itemKey } from '../../agent/model/item-key.js';

t.test('peer scope', async (t) => {
  const scopes = ['10.1.2.3', '172.16.0.1', '172.32.0.1', '192.168.1.1', '100.64.0.1', '127.0.0.1', '169.254.169.254', '8.8.8.8', 'fd00::1', 'fe80::1', '::1', '2001:db8::1', 'redis', 'db.shop.svc', 'example.com', '52.218.61.0/24', '10.0.0.0/8'].map((p) => `${p}=${peerScope(p)}`);
  t.same(scopes, [
    '10.1.2.3=private',
    '172.16.0.1=private',
    '172.32.0.1=public',
    '192.168.1.1=private',
    '100.64.0.1=private',
    '127.0.0.1=private',
    '169.254.169.254=private',
    '8.8.8.8=public',
    'fd00::1=private',
    'fe80::1=private',
    '::1=private',
    '2001:db8::1=public',
    'redis=private',
    'db.shop.svc=private',
    'example.com=public',
    '52.218.61.0/24=public',
    '10.0.0.0/8=private',
  ]);
});

t.test('outbound peers in baseline items: DNS name, public network, exact private address', async (t) => {
  t.equal(baselinePeer('52.218.61.227', 's3.eu-west-1.amazonaws.com'), 's3.eu-west-1.amazonaws.com', 'a known name wins');
  t.equal(baselinePeer('52.218.61.227', 'S3.EU-WEST-1.amazonaws.com.'), 's3.eu-west-1.amazonaws.com', 'names are case-folded, without the root dot');
  t.equal(baselinePeer('52.218.61.227', null), '52.218.61.0/24', 'a public IPv4 address by its /24');
  t.equal(baselinePeer('10.96.0.10', null), '10.96.0.10', 'a private address stays exact');
  t.equal(baselinePeer('2a05:d018:1:2:3:4:5:6', null), '2a05:d018:1:2::/64', 'a public IPv6 address by its /64');
  t.equal(baselinePeer('2001:db8::1', null), '2001:db8::/64', 'zero groups shortened');
  t.equal(baselinePeer('2001:db8:0:5::1', null), '2001:db8:0:5::/64');
  t.equal(baselinePeer('fd00::1', null), 'fd00::1', 'IPv6 ULA is private');
  t.equal(baselinePeer('2001:db8::1::2', null), '2001:db8::1::2', 'an address that does not parse stays as it came');
  t.equal(baselinePeer('example.com', null), 'example.com');
  for (const special of ['0.0.0.0', '224.0.0.251', '239.255.255.250', '255.255.255.255', '192.0.0.8', '198.18.0.1', '::', 'ff02::fb', '::ffff:10.0.0.7']) {
    t.equal(baselinePeer(special, null), special, `${special}: not the public internet, kept exact`);
  }
  t.equal(peerScope('::ffff:93.184.216.34'), 'public', 'an IPv4-mapped public address is public');
  t.equal(baselinePeer('::ffff:93.184.216.34', null), '93.184.216.0/24', 'and named by its IPv4 network');
  const out = (peer: string, peerName: string | null, port: number): string =>
    itemKey({ type: 'network', network: { direction: 'outbound', peer, peerName, port, protocol: 'tcp', localIp: '10.244.0.5', localPort: 40000 } });
  t.equal(out('52.92.16.42', null, 443), 'out:tcp:52.92.16.0/24:443');
  t.equal(out('52.92.16.42', 's3.eu-west-1.amazonaws.com', 443), 'out:tcp:s3.eu-west-1.amazonaws.com:443');
  t.equal(out('10.244.1.40', null, 5432), 'out:tcp:10.244.1.40:5432');
});

t.test('process items by the workload identity: exe, or exe and parent (lineage)', async (t) => {
  const exec = (exe: string, parentExe: string | null) => ({ type: 'process' as const, process: { exe, name: null, cmdline: null, parentExe, parentName: null, user: null, uid: null, pid: null, exeUpperLayer: null } });
  t.equal(itemKey(exec('/bin/sh', '/usr/sbin/nginx')), 'exe:/bin/sh', 'exe by default');
  t.equal(itemKey(exec('/bin/sh', '/usr/sbin/nginx'), 'lineage'), 'exe:/bin/sh<-/usr/sbin/nginx');
  t.equal(itemKey(exec('/bin/sh', null), 'lineage'), 'exe:/bin/sh<-?', 'an unknown parent is said so');
  const out = { type: 'network' as const, network: { direction: 'outbound' as const, peer: '10.0.0.1', peerName: null, port: 53, protocol: 'udp', localIp: null, localPort: null } };
  t.equal(itemKey(out, 'lineage'), itemKey(out), 'network items do not depend on it');
});
