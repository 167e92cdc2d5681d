// End-to-end latency benchmark: Falco event → SOC WebSocket client. DESIGN.md §7 asks for a p99
// of at most 50 ms at 1,000 deviations/s.
//
// Real processes on loopback: this process plays Falco (a Falco-compatible gRPC server on a unix
// socket in a temp dir; like Falco, it sends its queued events when the agent asks), one real
// `vigil agent` reads it (default --falco-poll-interval, 100 ms, unless BENCH_FALCO_POLL is set)
// and streams to one real `vigil collector` (`--baseline-window 1s`); one WebSocket client in
// this process holds /api/v1/stream open with a Bearer operator token.
//
// One item is learned and the workload's baseline locks (GET /api/v1/workloads says
// `detecting`). Then, for each target rate (100, 1,000 and 10,000 events/s; about 10 s each),
// deviations are published, every one a new binary (`exe:/opt/latency/r<rate>/bin-<i>`, so every
// one is a new alert), each stamped with the time it is queued for the agent (performance.now()
// here; the event's Falco time is the same instant). Each step starts with a warm-up at the same
// rate (BENCH_LATENCY_WARMUP_S, default 2 s; items `/opt/latency/w<rate>/...`), measured and
// printed apart: going from idle to the rate, the first ≈0.3-1.5 s are slower in every stage
// (the agent's idle Falco poll of up to 100 ms, then three processes warming up while they share
// two cores), and at 10,000 events per step those few hundred events alone set the p99. The
// warm-up figures are what a burst after a quiet period sees; the step's are the sustained rate. The client matches each `alert` message by
// its item and records the arrival. Latency = arrival − publication, both in this process's
// clock, so it covers Falco's queue, the agent's poll, decode, decision and outbox commit, the
// gRPC link, the collector's ingest batch (~50 ms or 500 reports) and commit, and the stream
// fan-out. Each latency is also split at the alert message's `at` (the collector's clock, ms,
// when the batch that stored it began; same machine): Falco → collector batch, and batch →
// client. Every event must arrive; missing ones are reported. Agent and collector CPU come from
// /proc, this process's own (Falco + client) from process.cpuUsage(), also per deviation (CPU time
// is steadier than wall time on a shared machine). This process's event-loop delay is recorded per
// step: it plays Falco and the client, so its stalls are in the measured latency too; and the
// publication lag (how late each event was queued against its due time) says when it could not
// keep the rate.
//
// Sizes: BENCH_LATENCY_RATES (comma-separated events/s), BENCH_LATENCY_SECONDS (per rate),
// BENCH_LATENCY_EVENTS (a fixed count per rate instead), BENCH_LATENCY_DRAIN_S (how long to wait
// for stragglers after the last event), BENCH_LATENCY_WARMUP_S (the warm-up before each step, 0 for
// none), BENCH_FALCO_POLL (the agent's --falco-poll-interval).
import { mkdtempSync, rmSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FalcoCompatibleServer } from '../../agent/falco/falco-compatible-server.js';
import type { OutputsResponse } from '../../proto/falco-services.js';
import { toGrpcResponse } from '../support/corpus.js';
import { execEvent, nowNs } from '../support/events.js';
import { VigilProcess } from '../support/processes.js';
import { StreamClient, getJson, percentile, procStats, round, sleep, startCollector, table, waitFor, type RunningCollector } from './collector-harness.js';
import { describeMachine, machine, record } from './machine.js';

const RATES = (process.env.BENCH_LATENCY_RATES ?? '100,1000,10000').split(',').map(Number).filter((n) => n > 0);
const SECONDS = Number(process.env.BENCH_LATENCY_SECONDS ?? 10);
const FIXED_EVENTS = process.env.BENCH_LATENCY_EVENTS ? Number(process.env.BENCH_LATENCY_EVENTS) : null;
const DRAIN_S = Number(process.env.BENCH_LATENCY_DRAIN_S ?? 60);
const POLL = process.env.BENCH_FALCO_POLL ?? null;
const WARMUP_S = Number(process.env.BENCH_LATENCY_WARMUP_S ?? 2);

interface Step {
  readonly rate: number;
  readonly events: number;
  readonly publishedPerSecond: number;
  readonly arrived: number;
  readonly missing: number;
  readonly deliveredPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly meanMs: number;
  /** Publication → the collector starting the batch that stored it (the alert's `at`, ms clock). */
  readonly toStoreP50Ms: number;
  readonly toStoreP99Ms: number;
  /** The batch's start → arrival at the client (commit, ack-independent fan-out, WebSocket). */
  readonly storeToClientP50Ms: number;
  readonly storeToClientP99Ms: number;
  readonly agentCpuPercent: number;
  readonly collectorCpuPercent: number;
  readonly benchmarkCpuPercent: number;
  /** CPU time (user + system) per deviation of the step. */
  readonly agentCpuUsPerDeviation: number;
  readonly collectorCpuUsPerDeviation: number;
  /** This process (Falco + client): event-loop delay during the step, and how late events were queued. */
  readonly benchmarkLoopDelayP99Ms: number;
  readonly benchmarkLoopDelayMaxMs: number;
  readonly publicationLagP99Ms: number;
  /** The warm-up at the same rate just before the step (from idle): its events' latency. */
  readonly warmup: { events: number; arrived: number; p50Ms: number; p99Ms: number; maxMs: number } | null;
}

/** Sorted latencies (arrival − publication) of the events that arrived. */
function latenciesOf(published: Float64Array, arrived: Float64Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < arrived.length; i++) if ((arrived[i] ?? 0) !== 0) out.push((arrived[i] ?? 0) - (published[i] ?? 0));
  return out.sort((x, y) => x - y);
}

/** Current time as a Falco timestamp, with the sub-millisecond part of performance.now(). */
function falcoNow(): { seconds: number; nanos: number } {
  const ns = BigInt(Math.round((performance.timeOrigin + performance.now()) * 1e6));
  return { seconds: Number(ns / 1_000_000_000n), nanos: Number(ns % 1_000_000_000n) };
}

const m = machine();
console.log(`\nend-to-end latency benchmark (Falco event → WebSocket client) — ${describeMachine(m)}`);
console.log(`rates ${RATES.join(', ')} events/s, ${FIXED_EVENTS === null ? `${SECONDS} s each` : `${FIXED_EVENTS} events each`}; agent --falco-poll-interval ${POLL ?? '100ms (default)'}`);

const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-latency-'));
let collector: RunningCollector | null = null;
let agent: VigilProcess | null = null;
let agentPid = 0;
let falco: FalcoCompatibleServer | null = null;
let client: StreamClient | null = null;
const onExit = (): void => {
  for (const pid of [collector?.pid, agentPid]) {
    try {
      if (pid) process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  rmSync(dir, { recursive: true, force: true });
};
process.once('exit', onExit);

try {
  collector = await startCollector(dir, ['--baseline-window', '1s']);
  const c = collector;
  const socket = `unix://${join(dir, 'falco.sock')}`;
  falco = new FalcoCompatibleServer({ address: socket });
  await falco.start();
  const f = falco;
  agent = new VigilProcess([
    'agent', '--falco', socket, '--collector', `127.0.0.1:${c.grpcPort}`, '--agent-token-file', join(dir, 'agent-tokens'),
    '--state', join(dir, 'state'), '--node', 'bench-node', '--cluster', 'bench', '--listen', 'off',
    ...(POLL ? ['--falco-poll-interval', POLL] : []),
  ]);
  const a = agent;
  const connected = await a.waitForLog((l) => l.msg === 'connected to the collector', 20_000);
  agentPid = Number(connected.pid);

  // Learn one item, then wait for the 1 s window to lock.
  f.publish(toGrpcResponse(execEvent({ exe: '/usr/sbin/nginx', at: nowNs(), hostname: 'bench-node' })));
  await waitFor(
    async () => {
      const ws = (await getJson<{ workloads: Array<{ name: string; mode: string; items: number }> }>(c.httpPort, '/api/v1/workloads')).workloads;
      const web = ws.find((w) => w.name === 'web');
      return web && web.items >= 1 && web.mode === 'detecting' ? web : undefined;
    },
    'the workload to learn its first item and lock',
    30_000,
  );

  // One SOC client; arrivals by series (`r<rate>` measured, `w<rate>` warm-up) and event index.
  const arrivals = new Map<string, Float64Array>();
  const storedAt = new Map<string, Float64Array>();
  let arrivedCount = 0;
  client = new StreamClient(c.httpPort, (msg, arrival) => {
    if (msg.type !== 'alert') return;
    const hit = /^exe:\/opt\/latency\/([rw]\d+)\/bin-(\d+)$/.exec(msg.item ?? '');
    if (!hit) return;
    const series = hit[1] ?? '';
    const times = arrivals.get(series);
    const i = Number(hit[2]);
    if (times && i < times.length && times[i] === 0) {
      times[i] = arrival;
      const at = storedAt.get(series);
      if (at) at[i] = Date.parse(msg.at ?? '') - performance.timeOrigin;
      // Warm-up alerts still arriving during the step do not count towards it.
      if (series.startsWith('r')) arrivedCount++;
    }
  });
  await client.open();
  const cl = client;

  /**
   * Publishes `n` deviations at `rate`/s for series `series` (one template; per event only the
   * binary and the time change, built as it is queued). Returns when it started and how late
   * (ms) this process queued each event against its due time.
   */
  const publishSeries = async (series: string, rate: number, published: Float64Array): Promise<{ start: number; lagMs: number[] }> => {
    const n = published.length;
    const template = toGrpcResponse(execEvent({ exe: '/opt/latency/template', hostname: 'bench-node', at: nowNs() }));
    const baseFields = template.output_fields ?? {};
    const lagMs: number[] = [];
    const start = performance.now();
    let sent = 0;
    while (sent < n) {
      const due = Math.min(n, Math.floor(((performance.now() - start) * rate) / 1000) + 1);
      for (; sent < due; sent++) {
        const exe = `/opt/latency/${series}/bin-${sent}`;
        const event: OutputsResponse = {
          ...template,
          time: falcoNow(),
          output: `Vigil process exec: ${exe}`,
          output_fields: { ...baseFields, 'proc.exepath': exe, 'proc.name': `bin-${sent}`, 'proc.cmdline': `bin-${sent} --run` },
        };
        const queuedAt = performance.now();
        published[sent] = queuedAt;
        lagMs.push(queuedAt - (start + (sent * 1000) / rate));
        f.publish(event);
      }
      await new Promise((r) => setTimeout(r, 1));
    }
    return { start, lagMs };
  };

  const steps: Step[] = [];
  for (const target of RATES) {
    const n = FIXED_EVENTS ?? Math.round(target * SECONDS);
    // Warm-up at the same rate, straight into the measured step (no pause in between).
    const warmN = Math.round(target * WARMUP_S);
    const warmPublished = new Float64Array(warmN);
    const warmArrived = new Float64Array(warmN);
    arrivals.set(`w${target}`, warmArrived);
    if (warmN > 0) await publishSeries(`w${target}`, target, warmPublished);

    const published = new Float64Array(n);
    const arrived = new Float64Array(n);
    arrivals.set(`r${target}`, arrived);
    const stored = new Float64Array(n);
    storedAt.set(`r${target}`, stored);
    arrivedCount = 0;
    const agent0 = procStats(agentPid);
    const collector0 = procStats(c.pid);
    const bench0 = process.cpuUsage();
    const loopDelay = monitorEventLoopDelay({ resolution: 1 });
    loopDelay.enable();
    const { start, lagMs } = await publishSeries(`r${target}`, target, published);
    const lastPublished = performance.now();
    try {
      await waitFor(() => arrivedCount >= n, `all ${n} alerts at ${target}/s to reach the client`, DRAIN_S * 1000, 20);
    } catch (err) {
      console.log(`   ${(err as Error).message}`);
    }
    loopDelay.disable();
    const agent1 = procStats(agentPid);
    const collector1 = procStats(c.pid);
    const bench1 = process.cpuUsage(bench0);
    const latencies: number[] = [];
    const toStore: number[] = [];
    const storeToClient: number[] = [];
    let lastArrival = 0;
    for (let i = 0; i < n; i++) {
      const at = arrived[i] ?? 0;
      if (at === 0) continue;
      latencies.push(at - (published[i] ?? 0));
      toStore.push((stored[i] ?? 0) - (published[i] ?? 0));
      storeToClient.push(at - (stored[i] ?? 0));
      if (at > lastArrival) lastArrival = at;
    }
    latencies.sort((x, y) => x - y);
    toStore.sort((x, y) => x - y);
    storeToClient.sort((x, y) => x - y);
    lagMs.sort((x, y) => x - y);
    const warm = latenciesOf(warmPublished, warmArrived);
    const wallS = (Math.max(lastArrival, lastPublished) - start) / 1000;
    const agentCpuS = agent1.cpuSeconds - agent0.cpuSeconds;
    const collectorCpuS = collector1.cpuSeconds - collector0.cpuSeconds;
    const step: Step = {
      rate: target,
      events: n,
      publishedPerSecond: Math.round(n / ((lastPublished - start) / 1000)),
      arrived: latencies.length,
      missing: n - latencies.length,
      deliveredPerSecond: Math.round(latencies.length / ((lastArrival - start) / 1000)),
      p50Ms: round(percentile(latencies, 50)),
      p99Ms: round(percentile(latencies, 99)),
      maxMs: round(latencies[latencies.length - 1] ?? NaN),
      meanMs: round(latencies.reduce((s, x) => s + x, 0) / Math.max(1, latencies.length)),
      toStoreP50Ms: round(percentile(toStore, 50)),
      toStoreP99Ms: round(percentile(toStore, 99)),
      storeToClientP50Ms: round(percentile(storeToClient, 50)),
      storeToClientP99Ms: round(percentile(storeToClient, 99)),
      agentCpuPercent: round((agentCpuS / wallS) * 100),
      collectorCpuPercent: round((collectorCpuS / wallS) * 100),
      benchmarkCpuPercent: round(((bench1.user + bench1.system) / 1e6 / wallS) * 100),
      agentCpuUsPerDeviation: round((agentCpuS * 1e6) / n, 0),
      collectorCpuUsPerDeviation: round((collectorCpuS * 1e6) / n, 0),
      benchmarkLoopDelayP99Ms: round(loopDelay.percentile(99) / 1e6),
      benchmarkLoopDelayMaxMs: round(loopDelay.max / 1e6),
      publicationLagP99Ms: round(percentile(lagMs, 99)),
      warmup:
        warmN === 0
          ? null
          : { events: warmN, arrived: warm.length, p50Ms: round(percentile(warm, 50)), p99Ms: round(percentile(warm, 99)), maxMs: round(warm[warm.length - 1] ?? NaN) },
    };
    steps.push(step);
    const w = step.warmup;
    console.log(
      `${target.toLocaleString()}/s target: published ${step.publishedPerSecond.toLocaleString()}/s, delivered ${step.deliveredPerSecond.toLocaleString()}/s, ` +
        `${step.arrived.toLocaleString()}/${n.toLocaleString()} arrived (${step.missing} missing); latency p50 ${step.p50Ms} ms, p99 ${step.p99Ms} ms, max ${step.maxMs} ms ` +
        `(Falco → collector batch p50 ${step.toStoreP50Ms}/p99 ${step.toStoreP99Ms} ms, batch → client p50 ${step.storeToClientP50Ms}/p99 ${step.storeToClientP99Ms} ms); ` +
        `CPU agent ${step.agentCpuPercent}% (${step.agentCpuUsPerDeviation} µs/deviation), collector ${step.collectorCpuPercent}% (${step.collectorCpuUsPerDeviation} µs/deviation), ` +
        `this process (Falco + client) ${step.benchmarkCpuPercent}%, its event-loop delay p99 ${step.benchmarkLoopDelayP99Ms}/max ${step.benchmarkLoopDelayMaxMs} ms, publication lag p99 ${step.publicationLagP99Ms} ms` +
        (w ? `; warm-up from idle (${w.events.toLocaleString()} events, ${w.arrived.toLocaleString()} arrived): p50 ${w.p50Ms}, p99 ${w.p99Ms}, max ${w.maxMs} ms` : ''),
    );
    arrivals.delete(`r${target}`);
    arrivals.delete(`w${target}`);
    storedAt.delete(`r${target}`);
    await sleep(2000); // let the agent's repeat counters and the collector settle between rates
  }
  console.log(`stream client: ${cl.cuts} slow-consumer cuts (4008), ${cl.closes.length} closes, ${cl.outOfOrder} out of order`);
  console.log(`\n${table([
    ['target/s', 'published/s', 'delivered/s', 'arrived', 'missing', 'p50 ms', 'p99 ms', 'max ms', '→store p50/p99', 'store→client p50/p99', 'agent CPU (µs/dev)', 'collector CPU (µs/dev)', 'bench CPU', 'bench loop p99/max', 'warm-up p99/max'],
    ...steps.map((s) => [
      s.rate.toLocaleString(), s.publishedPerSecond.toLocaleString(), s.deliveredPerSecond.toLocaleString(), s.arrived.toLocaleString(), String(s.missing),
      String(s.p50Ms), String(s.p99Ms), String(s.maxMs), `${s.toStoreP50Ms} / ${s.toStoreP99Ms}`, `${s.storeToClientP50Ms} / ${s.storeToClientP99Ms}`,
      `${s.agentCpuPercent}% (${s.agentCpuUsPerDeviation})`, `${s.collectorCpuPercent}% (${s.collectorCpuUsPerDeviation})`, `${s.benchmarkCpuPercent}%`,
      `${s.benchmarkLoopDelayP99Ms} / ${s.benchmarkLoopDelayMaxMs}`, s.warmup ? `${s.warmup.p99Ms} / ${s.warmup.maxMs}` : '—',
    ]),
  ])}`);
  const file = record('latency', { pollInterval: POLL ?? '100ms', secondsPerRate: FIXED_EVENTS === null ? SECONDS : null, steps, streamCuts: cl.cuts, streamCloses: cl.closes });
  console.log(`figures written to ${file}`);
} finally {
  await client?.close();
  if (agent) {
    const exited = agent.kill('SIGTERM');
    if ((await Promise.race([exited, sleep(15_000).then(() => 'timeout' as const)])) === 'timeout' && agentPid) {
      process.kill(agentPid, 'SIGKILL');
      await exited;
    }
  }
  await falco?.stop();
  await collector?.stop();
  rmSync(dir, { recursive: true, force: true });
  process.off('exit', onExit);
}
