import t from 'tap';
import { OutcomeCache } from '../../agent/pipeline/outcome-cache.js';
import type { Fingerprint } from '../../agent/falco/fingerprint-scratch.js';
import type { Outcome } from '../../agent/pipeline/ingest.js';

const skip = (reason: 'foreign_rule' | 'host_process'): Outcome => ({ kind: 'skip', reason });
/** A fingerprint with a chosen hash, so that collisions can be made on purpose. */
const fp = (text: string, hash = text.length): Fingerprint => ({ bytes: Buffer.from(text), hash, seconds: 1, nanos: 0 });

t.test('found by all its bytes, not by its hash alone', async (t) => {
  const cache = new OutcomeCache(16);
  cache.set(fp('abc', 7), skip('foreign_rule'));
  t.same(cache.get(fp('abc', 7)), skip('foreign_rule'));
  t.equal(cache.get(fp('abd', 7)), undefined, 'same hash, other bytes');
  cache.set(fp('abd', 7), skip('host_process'));
  t.same([cache.get(fp('abc', 7)), cache.get(fp('abd', 7))], [skip('foreign_rule'), skip('host_process')], 'both kept under one hash');
  cache.set(fp('abc', 7), skip('host_process'));
  t.same(cache.get(fp('abc', 7)), skip('host_process'), 'replaced in place');
  t.equal(cache.size, 2);
});

t.test('the stored key is a copy: the caller may reuse its buffer', async (t) => {
  const cache = new OutcomeCache(4);
  const reused = fp('one');
  cache.set(reused, skip('foreign_rule'));
  reused.bytes.write('two');
  t.equal(cache.get(fp('two')), undefined);
  t.same(cache.get(fp('one')), skip('foreign_rule'));
});

t.test('bounded: when full, the entry stored longest ago goes', async (t) => {
  const cache = new OutcomeCache(2);
  cache.set(fp('a', 1), skip('foreign_rule'));
  cache.set(fp('b', 2), skip('host_process'));
  cache.set(fp('c', 3), skip('foreign_rule'));
  t.equal(cache.size, 2);
  t.equal(cache.get(fp('a', 1)), undefined, 'the oldest went');
  t.ok(cache.get(fp('b', 2)) && cache.get(fp('c', 3)));
});

t.test('keys made to share one hash cost at most a bucket of comparisons', async (t) => {
  const cache = new OutcomeCache(100);
  for (let i = 0; i < 20; i++) cache.set(fp(`k${i}`, 42), skip('foreign_rule'));
  const kept = Array.from({ length: 20 }, (_, i) => cache.get(fp(`k${i}`, 42)) !== undefined);
  t.same(kept, Array.from({ length: 20 }, (_, i) => i >= 12), 'the newest 8 kept');
  t.equal(cache.size, 8);
  for (let i = 0; i < 200; i++) cache.set(fp(`x${i}`, i + 1000), skip('host_process'));
  t.equal(cache.size, 100, 'the ring bound holds across buckets');
  t.equal(cache.get(fp('k19', 42)), undefined, 'evicted by age');
});
