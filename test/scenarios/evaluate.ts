// Detection quality on the labelled week (cluster-week.jsonl): every observation goes, in time
// order, through the collector's real BaselineService on a real SQLite file, with the clock at
// the event's time, so windows open and lock as they would; then each alert is traced back to
// the observation that opened it and scored against its label.
//
// Profiles compare detection settings on the same data, each adding one change of the
// detection issue: "before" (exact peer addresses in network items, everything seen while
// learning is learned), "peer-names" (outbound peers by DNS name or public network, see
// agent/model/peer.ts), "never-learn" (plus the never-learn rules of rules/severity.yaml),
// "image-review" (plus a one-hour review window for a rollout's new image digest), "lineage"
// (never-learn with every workload keyed by executable and parent).
// Used by `npm run evaluate` (prints the table) and by scenario-evaluation.test.ts (asserts it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { workloadKey } from '../../agent/model/identity.js';
import { itemKey, type ItemIdentity } from '../../agent/model/item-key.js';
import type { Observation } from '../../agent/model/observation.js';
import { BaselineService } from '../../collector/baseline/baseline-service.js';
import { SeverityRules } from '../../collector/baseline/severity-rules.js';
import { CollectorStore } from '../../collector/store/collector-store.js';
import { openDatabase } from '../../collector/store/database.js';
import { observationToWire } from '../../proto/vigil-wire.js';
import { LEARNING_END_NS, loadScenario, SCENARIO_START_NS, type Label, type LabelledObservation } from './load.js';

export interface Profile {
  readonly name: string;
  readonly description: string;
  readonly rules: SeverityRules;
  /** How an observation becomes a baseline item (the agent's itemKey, or an older one). */
  readonly itemKey: (obs: Observation) => string;
  /** --image-review-window (0: off, the default). */
  readonly imageReviewMs?: number;
  /** --identity for every workload (exe by default). */
  readonly identity?: ItemIdentity;
  /** --startup-grace (0: off; the collector's default is 60 s). */
  readonly startupGraceMs?: number;
}

/** Item keys as they were before peers were named: the exact peer address. */
function exactPeerKey(obs: Observation): string {
  if (obs.type === 'network' && obs.network.direction === 'outbound') return `out:${obs.network.protocol}:${obs.network.peer}:${obs.network.port ?? 0}`;
  return itemKey(obs);
}

/** The settings compared, each adding one change to the one before. */
export function profiles(): Profile[] {
  const rules = SeverityRules.builtIn();
  const learnAll = new SeverityRules(rules.rules.map((r) => ({ ...r, neverLearn: false })));
  return [
    { name: 'before', description: 'exact peer addresses; everything seen while learning is learned', rules: learnAll, itemKey: exactPeerKey },
    { name: 'peer-names', description: 'outbound peers by DNS name or public network', rules: learnAll, itemKey },
    { name: 'never-learn', description: 'plus the never-learn rules of rules/severity.yaml (review alerts)', rules, itemKey },
    { name: 'image-review', description: 'plus --image-review-window 1h (off by default)', rules, itemKey, imageReviewMs: 3_600_000 },
    { name: 'lineage', description: 'never-learn, with every workload identifying processes by executable and parent (--identity lineage)', rules, itemKey: (o) => itemKey(o, 'lineage'), identity: 'lineage' },
    { name: 'lineage+grace', description: 'lineage, plus the start-up grace (--startup-grace 60s, the default)', rules, itemKey: (o) => itemKey(o, 'lineage'), identity: 'lineage', startupGraceMs: 60_000 },
    { name: 'args+grace', description: 'never-learn and the start-up grace, with interpreters identified by their program (--identity args)', rules, itemKey: (o) => itemKey(o, 'args'), identity: 'args', startupGraceMs: 60_000 },
  ];
}

export interface RaisedAlert {
  readonly workload: string;
  readonly container: string;
  readonly item: string;
  readonly category: string;
  readonly severity: string;
  readonly rule: string;
  readonly label: Label;
}

export interface AttackScore {
  readonly attack: string;
  readonly steps: number;
  /** Alerts opened by this attack's own observations. */
  readonly alerts: number;
  readonly caught: boolean;
  /** The most severe alert it raised, e.g. "critical exe:/tmp/x". */
  readonly worst: string | null;
}

export interface Evaluation {
  readonly profile: string;
  readonly observations: number;
  readonly normal: { readonly deviation: number; readonly review: number; readonly alerts: readonly RaisedAlert[] };
  readonly attacks: readonly AttackScore[];
  readonly learnedItems: number;
}

const SEVERITY_ORDER = ['low', 'medium', 'high', 'critical'];
/** One learning window for the whole cluster: every workload's day 1 (the corpus' learning day). */
export const WINDOW_MS = Number((LEARNING_END_NS - SCENARIO_START_NS) / 1_000_000n);
const BATCH = 50;

export function evaluate(profile: Profile, scenario: readonly LabelledObservation[] = loadScenario()): Evaluation {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-eval-'));
  try {
    const { db } = openDatabase(join(dir, 'vigil.db'));
    // A measurement, not a deployment: no fsync per batch.
    db.pragma('synchronous = OFF');
    let clockMs = Number(SCENARIO_START_NS / 1_000_000n);
    const service = new BaselineService(new CollectorStore(db), { defaultMode: 'learning', windowMs: WINDOW_MS, now: () => clockMs, rules: profile.rules, imageReviewMs: profile.imageReviewMs, startupGraceMs: profile.startupGraceMs, defaultIdentity: profile.identity }, pino({ level: 'silent' }));
    service.load();
    service.registerAgent({ agent_id: 'eval', node: 'eval', cluster: 'prod' });
    const labels = new Map<string, Label>();
    for (let i = 0; i < scenario.length; i += BATCH) {
      const chunk = scenario.slice(i, i + BATCH);
      const reports = chunk.map(({ observation: obs, label }, j) => {
        const key = profile.itemKey(obs);
        // The opening observation of an alert has the alert's first-seen time.
        labels.set(`${workloadKey(obs.workload)}\u0000${obs.container}\u0000${key}\u0000${obs.timeNs}`, label);
        return { seq: i + j + 1, observation: observationToWire(obs, key) };
      });
      clockMs = Number((chunk[chunk.length - 1]?.observation.timeNs ?? 0n) / 1_000_000n);
      service.applyBatches([{ agentId: 'eval', reports }]);
    }
    service.close();
    const rows = db
      .prepare('SELECT w.key, a.container, a.item_key, a.first_seen_ns, a.category, a.severity, a.severity_rule FROM alerts a JOIN workloads w ON w.id = a.workload_id ORDER BY a.id')
      .safeIntegers(true)
      .all() as Array<{ key: string; container: string; item_key: string; first_seen_ns: bigint; category: string; severity: string; severity_rule: string }>;
    const learnedItems = Number((db.prepare("SELECT COUNT(*) AS n FROM baseline_items WHERE added_by = 'learned'").get() as { n: number }).n);
    db.close();
    const raised: RaisedAlert[] = rows.map((r) => {
      const label = labels.get(`${r.key}\u0000${r.container}\u0000${r.item_key}\u0000${r.first_seen_ns}`);
      if (!label) throw new Error(`alert ${r.key} ${r.container} ${r.item_key} has no opening observation in the scenario`);
      return { workload: r.key, container: r.container, item: r.item_key, category: r.category, severity: r.severity, rule: r.severity_rule, label };
    });
    const normal = raised.filter((a) => a.label.part === 'normal');
    const steps = new Map<string, number>();
    for (const { label } of scenario) if (label.part === 'attack') steps.set(label.attack, (steps.get(label.attack) ?? 0) + 1);
    const attacks = [...steps].map(([attack, n]): AttackScore => {
      const mine = raised.filter((a) => a.label.part === 'attack' && a.label.attack === attack);
      const worst = mine.reduce<RaisedAlert | null>((w, a) => (w === null || SEVERITY_ORDER.indexOf(a.severity) > SEVERITY_ORDER.indexOf(w.severity) ? a : w), null);
      return { attack, steps: n, alerts: mine.length, caught: mine.length > 0, worst: worst ? `${worst.severity} ${worst.item}` : null };
    });
    return {
      profile: profile.name,
      observations: scenario.length,
      normal: { deviation: normal.filter((a) => a.category === 'deviation').length, review: normal.filter((a) => a.category === 'review').length, alerts: normal },
      attacks,
      learnedItems,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The comparison as a Markdown table, for people and for the closing note. */
export function formatTable(results: readonly Evaluation[]): string {
  const head = `| | ${results.map((r) => r.profile).join(' | ')} |`;
  const rule = `|---|${results.map(() => '---').join('|')}|`;
  const row = (name: string, cell: (r: Evaluation) => string): string => `| ${name} | ${results.map(cell).join(' | ')} |`;
  const attackIds = results[0]?.attacks.map((a) => a.attack) ?? [];
  return [
    head,
    rule,
    row('alerts on the normal part (deviation + review)', (r) => `${r.normal.deviation + r.normal.review} (${r.normal.deviation} + ${r.normal.review})`),
    row('attacks caught', (r) => `${r.attacks.filter((a) => a.caught).length} / ${r.attacks.length}`),
    row('items learned', (r) => String(r.learnedItems)),
    ...attackIds.map((id) =>
      row(`attack ${id}`, (r) => {
        const a = r.attacks.find((x) => x.attack === id);
        return a?.caught ? `caught: ${a.alerts} alert${a.alerts === 1 ? '' : 's'}, worst ${a.worst ?? ''}` : 'missed';
      }),
    ),
  ].join('\n');
}
