// Collector store and link benchmark.
// 1. Store: reports applied by the baseline service into SQLite, in batches of 500 per
//    transaction (as the ingest queue does) and one report per transaction, for learning
//    (baseline inserts) and detecting (new alerts).
// 2. Link: a real agent process drains an outbox of N reports into a real collector process;
//    reports per second from start until the collector has stored the last one.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { BaselineService } from '../../collector/baseline/baseline-service.js';
import { CollectorStore } from '../../collector/store/collector-store.js';
import { openDatabase } from '../../collector/store/database.js';
import { StateStore } from '../../agent/state/state-store.js';
import { encodeReport, observationToWire } from '../../proto/vigil-wire.js';
import { itemKey } from '../../agent/model/item-key.js';
import type { vigil } from '../../proto/gen/vigil.js';
import { processObservation } from '../support/collector-client.js';
import { VigilProcess } from '../support/processes.js';
import { describeMachine, machine, record } from './machine.js';

const N = Number(process.env.BENCH_REPORTS ?? 100_000);
const LINK_N = Number(process.env.BENCH_LINK_REPORTS ?? 100_000);
const T0 = BigInt(Date.now()) * 1_000_000n;
const silent = pino({ level: 'silent' });

function reports(n: number, offset: number, workloads: number): vigil.v1.IReport[] {
  return Array.from({ length: n }, (_, i) => {
    const obs = processObservation({ name: `svc-${i % workloads}`, exe: `/usr/bin/tool-${offset + i}`, timeNs: T0 + BigInt(i) });
    return { seq: offset + i + 1, observation: observationToWire(obs, itemKey(obs)) };
  });
}

function storeRun(label: string, batchSize: number, mode: 'learning' | 'detecting', n: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-store-'));
  const { db } = openDatabase(join(dir, 'vigil.db'));
  const service = new BaselineService(new CollectorStore(db), { defaultMode: mode, windowMs: 3_600_000, now: Date.now }, silent);
  service.load();
  service.registerAgent({ agent_id: 'bench-agent-1', node: 'n', cluster: 'c' });
  const all = reports(n, 0, 1000);
  const start = performance.now();
  for (let i = 0; i < all.length; i += batchSize) service.applyBatches([{ agentId: 'bench-agent-1', reports: all.slice(i, i + batchSize) }]);
  const ms = performance.now() - start;
  service.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
  const rate = Math.round((n / ms) * 1000);
  console.log(`store, ${label}: ${rate.toLocaleString()} reports/s (${n.toLocaleString()} reports)`);
  return rate;
}

async function linkRun(): Promise<{ reportsPerSecond: number; reports: number; seconds: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-link-'));
  const tokenFile = join(dir, 'token');
  writeFileSync(tokenFile, 'bench-agent-token-0123456789abcdef\n');
  // Fill the agent's outbox as if the collector had been away while the node learned.
  const state = StateStore.open({ dir: join(dir, 'state'), maxOutboxRows: LINK_N + 1 }, silent);
  const body = reports(LINK_N, 0, 1000);
  for (let i = 0; i < body.length; i += 5000) {
    state.append(body.slice(i, i + 5000).map((r) => ({ kind: 'learning' as const, body: encodeReport({ observation: r.observation }) })));
  }
  state.close();
  const dbFile = join(dir, 'vigil.db');
  const collector = new VigilProcess(['collector', '--db', dbFile, '--grpc-listen', '127.0.0.1:0', '--http-listen', 'off', '--agent-token-file', tokenFile]);
  const listening = await collectorPort(collector);
  const start = performance.now();
  const agent = new VigilProcess([
    'agent', '--falco-http-listen', '127.0.0.1:0', '--collector', `127.0.0.1:${listening}`, '--agent-token-file', tokenFile,
    '--state', join(dir, 'state'), '--node', 'bench', '--listen', 'off',
  ]);
  let stored = 0;
  while (stored < LINK_N) {
    await new Promise((r) => setTimeout(r, 100));
    const db = new Database(dbFile, { readonly: true });
    stored = (db.prepare('SELECT last_seq FROM agents').get() as { last_seq: number } | undefined)?.last_seq ?? 0;
    db.close();
    if (performance.now() - start > 300_000) break;
  }
  const seconds = (performance.now() - start) / 1000;
  await agent.kill('SIGTERM');
  await collector.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
  return { reportsPerSecond: Math.round(stored / seconds), reports: stored, seconds: Math.round(seconds * 10) / 10 };
}

async function collectorPort(proc: VigilProcess): Promise<number> {
  const line = await proc.waitForLog((l) => l.msg === 'listening for agents', 15_000);
  return Number(String(line.address).split(':').pop());
}

const m = machine();
console.log(`\ncollector store and link benchmark — ${describeMachine(m)}`);
const batchedLearning = storeRun('learning, 500 per transaction', 500, 'learning', N);
const batchedAlerts = storeRun('detecting (new alerts), 500 per transaction', 500, 'detecting', N);
const single = storeRun('learning, 1 per transaction', 1, 'learning', Math.min(N, 20_000));
console.log(`batching gain: ${(batchedLearning / single).toFixed(1)}x`);
const link = await linkRun();
console.log(`link, agent outbox → collector → SQLite: ${link.reportsPerSecond.toLocaleString()} reports/s (${link.reports.toLocaleString()} reports in ${link.seconds} s)`);
const file = record('store-and-link', { reports: N, store: { batchedLearning, batchedAlerts, singleLearning: single }, link });
console.log(`figures written to ${file}`);
