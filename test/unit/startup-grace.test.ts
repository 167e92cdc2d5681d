import t from 'tap';
import { inStartupGrace, StartupSet, startupSignature } from '../../collector/baseline/startup-grace.js';

const S = 1_000_000_000n;

t.test('the grace runs from the container start for the configured time', async (t) => {
  const start = 1_700_000_000n * S;
  t.equal(inStartupGrace(start, start, 30_000), true, 'at the start');
  t.equal(inStartupGrace(start + 29n * S, start, 30_000), true);
  t.equal(inStartupGrace(start + 30n * S, start, 30_000), false, 'the grace is half-open');
  t.equal(inStartupGrace(start - 1n, start, 30_000), false, 'an event before the start (clock skew) is not in it');
  t.equal(inStartupGrace(start + S, null, 30_000), false, 'an unknown start has no grace');
  t.equal(inStartupGrace(start + S, start, 0), false, 'a zero grace is off');
});

t.test('signatures loosen only a runtime parent and a pod address', async (t) => {
  t.equal(startupSignature('exe:/app/entrypoint<-/usr/bin/runc'), 'exe:/app/entrypoint<-<runtime>', 'an entrypoint or probe started by a runtime');
  t.equal(startupSignature('exe:/app/entrypoint<-/usr/local/bin/containerd-shim-runc-v2'), 'exe:/app/entrypoint<-<runtime>');
  t.equal(startupSignature('exe:/bin/sh<-/app/entrypoint'), 'exe:/bin/sh<-/app/entrypoint', 'a parent inside the container stays');
  t.equal(startupSignature('exe:/usr/bin/python3.11 [app.py]'), 'exe:/usr/bin/python3.11 [app.py]', 'a program stays');
  t.equal(startupSignature('exe:/app/server'), 'exe:/app/server');
  t.equal(startupSignature('out:tcp:10.244.1.17:5432'), 'out:tcp:10.244.*:5432', 'a pod address: its /16');
  t.equal(startupSignature('out:tcp:fd00:10:244::17:5432'), 'out:tcp:fd00:10:244:*:5432', 'IPv6 unique local: its /48');
  t.equal(startupSignature('out:tcp:169.254.169.254:80'), 'out:tcp:169.254.169.254:80', 'cloud metadata is link-local: never loosened');
  t.equal(startupSignature('out:tcp:fe80::1:80'), 'out:tcp:fe80::1:80');
  t.equal(startupSignature('out:udp:224.0.0.251:5353'), 'out:udp:224.0.0.251:5353', 'multicast');
  t.equal(startupSignature('out:tcp:52.218.61.0/24:443'), 'out:tcp:52.218.61.0/24:443', 'a public network stays');
  t.equal(startupSignature('out:tcp:api.stripe.com:443'), 'out:tcp:api.stripe.com:443', 'a DNS name stays');
  t.equal(startupSignature('out:tcp:postgres.shop.svc:5432'), 'out:tcp:postgres.shop.svc:5432', 'a cluster name stays');
  t.equal(startupSignature('out:tcp:2a05:d018::1:443'), 'out:tcp:2a05:d018::1:443', 'a public IPv6 address stays');
  t.equal(startupSignature('in:tcp:8080'), 'in:tcp:8080');
  t.equal(startupSignature('out:broken'), 'out:broken', 'a key it cannot read matches only itself');
});

t.test('the start-up set matches by signature per container and forgets removed items', async (t) => {
  const set = new StartupSet();
  set.add('app', 'exe:/bin/sh<-/usr/bin/runc');
  set.add('app', 'exe:/bin/sh<-/usr/sbin/runc');
  set.add('app', 'exe:/bin/sh<-/usr/sbin/runc');
  set.add('app', 'out:tcp:10.244.1.17:5432');
  t.equal(set.size, 3, 'the same item twice counts once');
  t.ok(set.matches('app', 'exe:/bin/sh<-/usr/local/bin/crun'), 'the same entrypoint from another runtime');
  t.notOk(set.matches('app', 'exe:/bin/sh<-/usr/sbin/nginx'), 'a parent inside the container is not loosened');
  t.ok(set.matches('app', 'out:tcp:10.244.7.3:5432'), 'the database pod moved');
  t.notOk(set.matches('app', 'out:tcp:10.96.0.1:5432'), 'another /16 (a service address)');
  t.notOk(set.matches('app', 'out:tcp:10.244.7.3:6379'), 'another port');
  t.notOk(set.matches('sidecar', 'exe:/bin/sh<-/usr/local/bin/crun'), 'another container');
  t.ok(set.has('app', 'exe:/bin/sh<-/usr/sbin/runc'));
  set.delete('app', 'exe:/bin/sh<-/usr/bin/runc');
  t.ok(set.matches('app', 'exe:/bin/sh<-/usr/local/bin/crun'), 'another item still has the signature');
  set.delete('app', 'exe:/bin/sh<-/usr/sbin/runc');
  set.delete('app', 'exe:/bin/sh<-/usr/sbin/runc');
  t.notOk(set.matches('app', 'exe:/bin/sh<-/usr/local/bin/crun'), 'gone with its last item');
  t.ok(set.matches('app', 'out:tcp:10.244.7.3:5432'));
  set.clear();
  t.equal(set.size, 0);
  t.notOk(set.matches('app', 'out:tcp:10.244.7.3:5432'));
});
