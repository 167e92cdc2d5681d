// Baseline memory in an agent: the known set (what the agent holds per workload and container to
// decide without asking the collector) filled with W workloads × 50 items, at W = 1,000, 10,000
// (the design's figure) and, with BENCH_MEMORY_MAX=100000, 100,000: heap bytes per item and the
// lookup rate of the hot path (classify) on a mix of known and novel items. Item keys have the
// shapes real ones have (exe paths, outbound peers, listening ports).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { KnownSet } from '../../agent/baseline/known-set.js';
import { describeMachine, machine, record } from './machine.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const ITEMS = 50;
const sizes = [1_000, 10_000, Number(process.env.BENCH_MEMORY_MAX ?? 0)].filter((n) => n > 0);

function itemOf(w: number, i: number): { container: string; itemKey: string } {
  const kind = i % 5;
  if (kind < 3) return { container: 'app', itemKey: `exe:/usr/local/lib/service-${w % 97}/bin/tool-${i}` };
  if (kind === 3) return { container: 'app', itemKey: `out:tcp:10.${(w >> 8) & 255}.${w & 255}.${i}:${5000 + i}` };
  return { container: 'sidecar', itemKey: `in:tcp:${8000 + i}` };
}

function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

console.log(`agent baseline memory — ${describeMachine(machine())}`);
const results: Array<Record<string, number>> = [];
for (const workloads of sizes) {
  const before = heapUsed();
  const known = new KnownSet();
  const keys: string[] = [];
  for (let w = 0; w < workloads; w++) {
    const key = `prod/ns-${w % 50}/Deployment/svc-${w}`;
    keys.push(key);
    known.setState(key, 'detecting', null, Array.from({ length: ITEMS }, (_, i) => itemOf(w, i)));
  }
  const after = heapUsed();
  const items = workloads * ITEMS;
  // Hot path: 90 % known items, 10 % novel ones, across all workloads.
  const lookups = 2_000_000;
  let hits = 0;
  const start = performance.now();
  for (let n = 0; n < lookups; n++) {
    const w = (n * 7919) % workloads;
    const i = n % 10 === 0 ? ITEMS + (n % 7) : n % ITEMS;
    const item = itemOf(w, i);
    if (known.classify(keys[w] ?? '', item.container, item.itemKey) === 'baseline') hits++;
  }
  const seconds = (performance.now() - start) / 1000;
  const row = { workloads, items, heapMiB: Math.round(((after - before) / 1024 ** 2) * 10) / 10, bytesPerItem: Math.round((after - before) / items), lookupsPerSecond: Math.round(lookups / seconds), knownShare: hits / lookups };
  results.push(row);
  console.log(
    `${workloads.toLocaleString('en-US').padStart(7)} workloads × ${ITEMS} items: ${row.heapMiB} MiB heap (${row.bytesPerItem} B/item); ` +
      `${(row.lookupsPerSecond / 1e6).toFixed(2)} M lookups/s (key building included; ${(row.knownShare * 100).toFixed(0)} % known)`,
  );
  known.setState(keys[0] ?? '', null, null, []);
}
const file = record('agent-memory', { itemsPerWorkload: ITEMS, results });
console.log(`written: ${file}`);
