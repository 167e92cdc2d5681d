import t from 'tap';
import { KnownSet } from '../../agent/baseline/known-set.js';

t.test('classify: baseline, reported, novel, per container', async (t) => {
  const k = new KnownSet();
  t.equal(k.classify('c/ns/Deployment/web', 'app', 'exe:/bin/a'), 'novel', 'unknown workload');
  t.equal(k.mode('c/ns/Deployment/web', 1n), null);
  k.setState('c/ns/Deployment/web', 'detecting', 5n, [{ container: 'app', itemKey: 'exe:/bin/a' }]);
  t.equal(k.classify('c/ns/Deployment/web', 'app', 'exe:/bin/a'), 'baseline');
  t.equal(k.classify('c/ns/Deployment/web', 'sidecar', 'exe:/bin/a'), 'novel', 'the container is part of the key');
  k.markReported('c/ns/Deployment/web', 'app', 'exe:/bin/b');
  t.equal(k.classify('c/ns/Deployment/web', 'app', 'exe:/bin/b'), 'reported');
  t.equal(k.mode('c/ns/Deployment/web', 1n), 'detecting');
});

t.test('deltas add to the baseline; removals make an item reportable again', async (t) => {
  const k = new KnownSet();
  k.markReported('w', 'app', 'exe:/bin/b');
  k.applyDelta('w', 'learning', null, [{ container: 'app', itemKey: 'exe:/bin/c' }], []);
  t.equal(k.classify('w', 'app', 'exe:/bin/c'), 'baseline');
  k.applyDelta('w', 'learning', null, [], [{ container: 'app', itemKey: 'exe:/bin/b' }, { container: 'app', itemKey: 'exe:/bin/c' }]);
  t.equal(k.classify('w', 'app', 'exe:/bin/b'), 'novel');
  t.equal(k.classify('w', 'app', 'exe:/bin/c'), 'novel');
  t.same(k.size, { workloads: 1, items: 0 });
});

t.test('a snapshot replaces the baseline', async (t) => {
  const k = new KnownSet();
  k.setState('w', 'learning', null, [{ container: 'a', itemKey: 'x' }]);
  k.setState('w', 'detecting', 9n, [{ container: 'a', itemKey: 'y' }]);
  t.equal(k.classify('w', 'a', 'x'), 'novel');
  t.equal(k.classify('w', 'a', 'y'), 'baseline');
});

t.test('an ended learning window counts as locked; unmark undoes a report', async (t) => {
  const k = new KnownSet();
  k.setState('w', 'learning', 1_000n, []);
  t.equal(k.mode('w', 999n), 'learning');
  t.equal(k.mode('w', 1_000n), 'detecting', 'from the window end on');
  k.setState('w2', 'learning', null, []);
  t.equal(k.mode('w2', 10n ** 18n), 'learning', 'no window end: learning');
  k.markReported('w', 'a', 'x');
  k.unmarkReported('w', 'a', 'x');
  t.equal(k.classify('w', 'a', 'x'), 'novel');
  k.markReported('w', 'a', 'y');
  k.applyDelta('w', 'learning', 1_000n, [{ container: 'a', itemKey: 'y' }], []);
  t.same(k.size, { workloads: 2, items: 1 }, 'a baseline item is not also kept as reported');
});

t.test('until the collector says a workload’s identity, processes are keyed in the finest form', async (t) => {
  const known = new KnownSet();
  t.equal(known.identity('prod/shop/Deployment/web'), 'finest', 'unknown workload');
  known.markReported('prod/shop/Deployment/web', 'app', 'exe:/bin/sh<-/entrypoint');
  t.equal(known.identity('prod/shop/Deployment/web'), 'finest', 'reported items alone do not say');
  known.setState('prod/shop/Deployment/web', 'detecting', null, [], 'exe');
  t.equal(known.identity('prod/shop/Deployment/web'), 'exe', 'the snapshot does');
  known.applyDelta('prod/shop/Deployment/web', 'learning', null, [], [], 'lineage');
  t.equal(known.identity('prod/shop/Deployment/web'), 'lineage', 'and a delta');
});
