import t from 'tap';
import { KnownSet } from '../../agent/baseline/known-set.js';

t.test('classify: baseline, reported, novel, per container', async (t) => {
  const k = new KnownSet();
  t.equal(k.classify('c/ns/Deployment/web', 'app', 'exe:/bin/a'), 'novel', 'unknown workload');
  t.equal(k.mode('c/ns/Deployment/web'), null);
  k.setState('c/ns/Deployment/web', 'detecting', 5n, [{ container: 'app', itemKey: 'exe:/bin/a' }]);
  t.equal(k.classify('c/ns/Deployment/web', 'app', 'exe:/bin/a'), 'baseline');
  t.equal(k.classify('c/ns/Deployment/web', 'sidecar', 'exe:/bin/a'), 'novel', 'the container is part of the key');
  k.markReported('c/ns/Deployment/web', 'app', 'exe:/bin/b');
  t.equal(k.classify('c/ns/Deployment/web', 'app', 'exe:/bin/b'), 'reported');
  t.equal(k.mode('c/ns/Deployment/web'), 'detecting');
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
