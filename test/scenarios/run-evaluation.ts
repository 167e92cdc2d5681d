// `npm run evaluate`: detection quality on the labelled week, before and after the never-learn
// rules, as a Markdown table (stdout) and JSON (test-output/scenarios/evaluation.json).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../agent/version.js';
import { evaluate, formatTable, profiles } from './evaluate.js';
import { loadScenario } from './load.js';

const scenario = loadScenario();
const results = profiles().map((p) => {
  const started = performance.now();
  const r = evaluate(p, scenario);
  process.stderr.write(`${p.name}: ${p.description} — ${r.observations} observations in ${Math.round(performance.now() - started)} ms\n`);
  return r;
});
process.stdout.write(`${formatTable(results)}\n`);
for (const r of results) {
  process.stdout.write(`\n${r.profile}: alerts on the normal part\n`);
  for (const a of r.normal.alerts) process.stdout.write(`  ${a.category.padEnd(9)} ${a.severity.padEnd(8)} ${a.workload} ${a.container} ${a.item} (${a.rule})\n`);
}
const out = join(PACKAGE_ROOT, 'test-output', 'scenarios');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'evaluation.json'), `${JSON.stringify(results, null, 2)}\n`);
process.stderr.write(`written: ${join(out, 'evaluation.json')}\n`);
