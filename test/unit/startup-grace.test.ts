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

t.test('signatures drop what changes between starts and keep the rest', async (t) => {
  t.equal(startupSignature('exe:/bin/sh<-/app/entrypoint'), 'exe:/bin/sh', 'lineage: the parent goes');
  t.equal(startupSignature('exe:/usr/bin/python3.11 [app.py]'), 'exe:/usr/bin/python3.11', 'args: the arguments go');
  t.equal(startupSignature('exe:/usr/bin/java [-jar app.jar]<-/bin/sh'), 'exe:/usr/bin/java');
  t.equal(startupSignature('exe:/app/server'), 'exe:/app/server');
  t.equal(startupSignature('out:tcp:10.244.1.17:5432'), 'out:tcp:<pod>:5432', 'a private address is a pod that may move');
  t.equal(startupSignature('out:tcp:fd00:10:244::17:5432'), 'out:tcp:<pod>:5432', 'IPv6 too');
  t.equal(startupSignature('out:udp:10.96.0.10:53'), 'out:udp:<pod>:53');
  t.equal(startupSignature('out:tcp:52.218.61.0/24:443'), 'out:tcp:52.218.61.0/24:443', 'a public network stays');
  t.equal(startupSignature('out:tcp:api.stripe.com:443'), 'out:tcp:api.stripe.com:443', 'a DNS name stays');
  t.equal(startupSignature('out:tcp:postgres.shop.svc:5432'), 'out:tcp:postgres.shop.svc:5432', 'a cluster name stays');
  t.equal(startupSignature('out:tcp:2a05:d018::1:443'), 'out:tcp:2a05:d018::1:443', 'a public IPv6 address stays');
  t.equal(startupSignature('in:tcp:8080'), 'in:tcp:8080');
  t.equal(startupSignature('out:broken'), 'out:broken', 'a key it cannot read matches only itself');
});

t.test('the start-up set matches by signature per container and forgets removed items', async (t) => {
  const set = new StartupSet();
  set.add('app', 'exe:/bin/sh<-/app/entrypoint');
  set.add('app', 'exe:/bin/sh<-/usr/bin/tini');
  set.add('app', 'exe:/bin/sh<-/usr/bin/tini');
  set.add('app', 'out:tcp:10.244.1.17:5432');
  t.equal(set.size, 3, 'the same item twice counts once');
  t.ok(set.matches('app', 'exe:/bin/sh<-/usr/bin/runc'));
  t.ok(set.matches('app', 'out:tcp:10.244.7.3:5432'), 'the database pod moved');
  t.notOk(set.matches('app', 'out:tcp:10.244.7.3:6379'), 'another port');
  t.notOk(set.matches('sidecar', 'exe:/bin/sh<-/usr/bin/runc'), 'another container');
  t.notOk(set.matches('app', 'exe:/bin/bash<-/app/entrypoint'));
  t.ok(set.has('app', 'exe:/bin/sh<-/usr/bin/tini'));
  set.delete('app', 'exe:/bin/sh<-/app/entrypoint');
  t.ok(set.matches('app', 'exe:/bin/sh<-/usr/bin/runc'), 'another item still has the signature');
  set.delete('app', 'exe:/bin/sh<-/usr/bin/tini');
  set.delete('app', 'exe:/bin/sh<-/usr/bin/tini');
  t.notOk(set.matches('app', 'exe:/bin/sh<-/usr/bin/runc'), 'gone with its last item');
  t.ok(set.matches('app', 'out:tcp:10.244.7.3:5432'));
  set.clear();
  t.equal(set.size, 0);
  t.notOk(set.matches('app', 'out:tcp:10.244.7.3:5432'));
});
