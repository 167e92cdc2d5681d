// Every recorded corpus through all three inputs: the same events must give the same
// observations whichever encoding carried them, and the counts the corpus generator knows.
import t from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ObservationJson } from '../../agent/model/observation.js';
import { parseRfc3339Ns } from '../../agent/falco/event.js';
import { FalcoCompatibleServer } from '../../agent/falco/falco-compatible-server.js';
import { startAgent, type RunningAgent } from '../support/agent-harness.js';
import { corpusPath, loadCorpus, loadExpectations, toGrpcResponse, type CorpusExpectation } from '../support/corpus.js';
import { FalcoHttpSender } from '../support/http-sender.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-corpus-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));
const expectations = loadExpectations();

interface Outcome {
  readonly observations: ObservationJson[];
  readonly skipped: Record<string, number>;
  readonly unattributed: number;
  readonly rejected: number;
}

const SKIP_REASONS = ['internal_event', 'other_source', 'foreign_rule', 'failed_syscall', 'host_process'];

async function outcome(run: RunningAgent): Promise<Outcome> {
  await run.stop(); // gives up on containers whose metadata never came
  const skipped: Record<string, number> = {};
  for (const reason of SKIP_REASONS) skipped[reason] = await run.metric('vigil_agent_events_skipped_total', { reason });
  return {
    observations: run.observations,
    skipped,
    unattributed: await run.metric('vigil_agent_unattributed_total'),
    rejected: await run.metric('vigil_agent_falco_rejected_total'),
  };
}

function expectedObservations(e: CorpusExpectation): number {
  return e.process + e.outbound + e.inbound - e.host - e.neverAttributed;
}

async function viaJsonl(file: string, e: CorpusExpectation): Promise<Outcome> {
  const run = await startAgent({ jsonl: corpusPath(file) });
  await run.agent.finished();
  await run.waitForObservations(expectedObservations(e));
  return outcome(run);
}

async function viaHttp(file: string, e: CorpusExpectation): Promise<Outcome> {
  const run = await startAgent({ http: { host: '127.0.0.1', port: 0, maxBodyBytes: 4 * 1024 * 1024 } });
  const sender = new FalcoHttpSender(`http://127.0.0.1:${run.agent.httpAddress?.port ?? 0}/`);
  for (const { line } of loadCorpus(file)) {
    const res = await sender.post(line);
    if (res.status !== 200) throw new Error(`HTTP ${res.status} for a corpus event: ${res.body}`);
  }
  sender.close();
  await run.waitForObservations(expectedObservations(e));
  return outcome(run);
}

async function viaGrpc(file: string, e: CorpusExpectation): Promise<Outcome> {
  const target = `unix://${join(dir, `${file}.sock`)}`;
  const server = new FalcoCompatibleServer({ address: target });
  server.publish(...loadCorpus(file).map(({ json }) => toGrpcResponse(json)));
  await server.start();
  const run = await startAgent({ grpc: { target, tls: null, pollIntervalMs: 50, backoffInitialMs: 50, backoffMaxMs: 200, maxMessageBytes: 4 * 1024 * 1024 } });
  await run.waitForObservations(expectedObservations(e));
  // Skipped events (host processes, say) may come after the last observation: wait until the
  // agent has counted every event Falco held, however slow the machine.
  const deadline = Date.now() + 20_000;
  while ((await run.metric('vigil_agent_falco_events_total', { input: 'grpc' })) < e.events && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
  }
  const result = await outcome(run);
  await server.stop();
  return result;
}

/**
 * Observations whose container start is missing, after their own time, or not the one the
 * container's other observations carry. Every corpus container reports container.start_ts
 * (only host processes lack it, and they are not observations).
 */
function badContainerStarts(observations: ObservationJson[]): string[] {
  const seen = new Map<string, string | null>();
  const bad: string[] = [];
  for (const o of observations) {
    const start = o.container_start === null ? null : parseRfc3339Ns(o.container_start);
    const time = parseRfc3339Ns(o.time);
    if (start === null || time === null || start > time) bad.push(`${o.container_id} at ${o.time}: container_start ${String(o.container_start)}`);
    const first = seen.get(o.container_id);
    if (first === undefined) seen.set(o.container_id, o.container_start);
    else if (first !== o.container_start) bad.push(`${o.container_id}: container_start ${String(o.container_start)} after ${String(first)}`);
  }
  return bad;
}

function workloadsOf(observations: ObservationJson[]): string[] {
  return [...new Set(observations.map((o) => `${o.workload.namespace}/${o.workload.kind}/${o.workload.name}/${o.container}`))].sort();
}

for (const [file, e] of Object.entries(expectations)) {
  t.test(file, async (t) => {
    const [jsonl, http, grpc] = [await viaJsonl(file, e), await viaHttp(file, e), await viaGrpc(file, e)];
    const count = (o: Outcome, type: string, direction?: string) =>
      o.observations.filter((x) => x.type === type && (direction === undefined || x.network?.direction === direction)).length;
    for (const [name, o] of [['jsonl', jsonl], ['http', http], ['grpc', grpc]] as const) {
      t.equal(o.rejected, 0, `${name}: every event decodes`);
      t.equal(o.observations.length, expectedObservations(e), `${name}: observation count`);
      t.same(workloadsOf(o.observations), [...e.workloads].sort(), `${name}: workloads and containers`);
      t.equal(o.skipped.internal_event, e.internal, `${name}: Falco internal events`);
      t.equal(o.skipped.other_source, e.otherSource, `${name}: other sources`);
      t.equal(o.skipped.foreign_rule, (e as CorpusExpectation & { otherRule?: number }).otherRule ?? 0, `${name}: other rules`);
      t.equal(o.skipped.failed_syscall, e.failedExec, `${name}: failed execs`);
      t.equal(o.skipped.host_process, e.host, `${name}: host processes`);
      t.equal(o.unattributed, e.neverAttributed, `${name}: never attributed`);
      t.same(o.observations.filter((x) => x.image === null), [], `${name}: every container observation has its image, held ones too`);
      t.same(badContainerStarts(o.observations), [], `${name}: every observation has its container's start, one per container id`);
      if (e.host === 0 && e.neverAttributed === 0) {
        t.equal(count(o, 'process'), e.process, `${name}: process`);
        t.equal(count(o, 'network', 'outbound'), e.outbound, `${name}: outbound`);
        t.equal(count(o, 'network', 'inbound'), e.inbound, `${name}: inbound`);
      }
    }
    t.same(http.observations, jsonl.observations, 'HTTP and JSON lines give identical observations');
    t.same(grpc.observations, jsonl.observations, 'gRPC text encoding gives identical observations');
  });
}
