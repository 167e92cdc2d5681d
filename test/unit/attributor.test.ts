import t from 'tap';
import { Attributor, type Unattributed } from '../../agent/model/attributor.js';
import type { Attribution, Draft } from '../../agent/model/observation.js';

function draft(containerId: string, exe: string): Draft {
  return {
    type: 'process',
    process: { exe, name: null, cmdline: null, parentExe: null, parentName: null, user: null, uid: null, pid: null, exeUpperLayer: null },
    timeNs: 1n,
    node: 'n',
    containerId,
    containerStartNs: null,
    rule: 'Vigil process exec',
    priority: 'informational',
  };
}
const web: Attribution = {
  workload: { cluster: 'c', namespace: 'shop', kind: 'Deployment', name: 'checkout' },
  pod: 'checkout-1-a',
  podUid: null,
  container: 'app',
  image: 'registry.example/checkout:4.2',
  imageDigest: 'sha256:feed',
};
const opts = { pendingTtlMs: 1000, maxPendingPerContainer: 3, maxPendingTotal: 5, maxKnownContainers: 2 };

function exes(list: Array<{ type: string; process?: { exe: string } }>): string[] {
  return list.map((o) => o.process?.exe ?? '?');
}

t.test('drafts wait for metadata and are released in order before the resolving event', async (t) => {
  const lost: Unattributed[] = [];
  const a = new Attributor(opts, (l) => lost.push(l));
  t.same(a.accept(draft('c1', '/entry.sh'), null, 0), []);
  t.same(a.accept(draft('c1', '/bin/sh'), null, 10), []);
  t.equal(a.pendingCount, 2);
  const out = a.accept(draft('c1', '/app'), web, 20);
  t.same(exes(out), ['/entry.sh', '/bin/sh', '/app']);
  t.ok(out.every((o) => o.workload.name === 'checkout' && o.container === 'app'));
  t.ok(out.every((o) => o.image === 'registry.example/checkout:4.2' && o.imageDigest === 'sha256:feed'), 'held drafts get the image too');
  t.equal(a.pendingCount, 0);
  const later = a.accept(draft('c1', '/late'), null, 30);
  t.same(exes(later), ['/late'], 'resolved containers are remembered');
  t.same(lost, []);
});

t.test('metadata that never arrives expires and is counted', async (t) => {
  const lost: Unattributed[] = [];
  const a = new Attributor(opts, (l) => lost.push(l));
  a.accept(draft('ghost', '/a'), null, 0);
  a.accept(draft('ghost', '/b'), null, 500);
  a.sweep(999);
  t.same(lost, []);
  a.sweep(1000);
  t.same(lost, [{ containerId: 'ghost', count: 2, why: 'expired' }]);
  t.equal(a.pendingCount, 0);
});

t.test('bounds: per container keeps the earliest, total evicts the oldest container', async (t) => {
  const lost: Unattributed[] = [];
  const a = new Attributor(opts, (l) => lost.push(l));
  for (let i = 0; i < 4; i++) a.accept(draft('c1', `/c1-${i}`), null, i);
  t.same(lost, [{ containerId: 'c1', count: 1, why: 'overflow' }]);
  a.accept(draft('c2', '/c2-0'), null, 5);
  a.accept(draft('c2', '/c2-1'), null, 6);
  t.equal(a.pendingCount, 5);
  a.accept(draft('c2', '/c2-2'), null, 7);
  t.same(lost[1], { containerId: 'c2', count: 1, why: 'overflow' }, 'full: a waiting container cannot grow');
  t.equal(a.pendingCount, 5);
  a.accept(draft('c3', '/c3-0'), null, 8);
  t.same(lost[2], { containerId: 'c1', count: 3, why: 'overflow' }, 'full: a new container evicts the oldest');
  t.equal(a.pendingCount, 3);
  t.same(exes(a.accept(draft('c2', '/c2-3'), web, 9)), ['/c2-0', '/c2-1', '/c2-3']);
});

t.test('close gives up on everything still waiting', async (t) => {
  const lost: Unattributed[] = [];
  const a = new Attributor(opts, (l) => lost.push(l));
  a.accept(draft('c9', '/x'), null, 0);
  a.close();
  t.same(lost, [{ containerId: 'c9', count: 1, why: 'shutdown' }]);
});

t.test('the known-container cache is bounded', async (t) => {
  const a = new Attributor(opts, () => undefined);
  a.accept(draft('k1', '/a'), web, 0);
  a.accept(draft('k2', '/a'), web, 0);
  a.accept(draft('k1', '/a'), web, 0); // k1 refreshed: k2 is now the oldest
  a.accept(draft('k3', '/a'), web, 0);
  t.same(exes(a.accept(draft('k1', '/again'), null, 1)), ['/again'], 'recently resolved kept');
  t.same(a.accept(draft('k2', '/again'), null, 1), [], 'least recently resolved evicted');
});
