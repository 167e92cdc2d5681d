import t from 'tap';
import { OutcomeCache } from '../../agent/pipeline/outcome-cache.js';
import type { Outcome } from '../../agent/pipeline/ingest.js';

const skip = (reason: 'foreign_rule' | 'host_process'): Outcome => ({ kind: 'skip', reason });

t.test('bounded: when full, the entry stored longest ago goes', async (t) => {
  const cache = new OutcomeCache(2);
  cache.set('a', skip('foreign_rule'));
  cache.set('b', skip('host_process'));
  cache.set('a', skip('host_process')); // replacing an entry does not evict
  t.equal(cache.size, 2);
  t.same(cache.get('a'), skip('host_process'));
  cache.set('c', skip('foreign_rule'));
  t.equal(cache.size, 2);
  t.equal(cache.get('a'), undefined, 'the oldest went');
  t.ok(cache.get('b') && cache.get('c'));
});
