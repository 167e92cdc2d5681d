// Collector scale benchmark: one real `vigil collector` process (the built CLI, SQLite file in a
// temp dir, `synchronous = FULL` as shipped) against many simulated agents and SOC clients
// driven from this process. DESIGN.md §7 asks for ≥ 1,000 connected agents and ≥ 100 WebSocket
// clients in one process, and ≥ 20,000 stored alerts/s.
//
// a. Connect: N agent streams (default 1,000), each on its own gRPC channel and TCP connection,
//    open at once and send Hello with a distinct agent id and node; the time runs until every
//    stream has the collector's first Ack. The collector's resident memory (VmRSS from
//    /proc/PID/status) before and after, idle, gives the memory per agent connection.
// b. Heartbeats: every agent sends a Heartbeat every few seconds (spread over the interval, as
//    agents started at different times would) for ~20 s; the collector's CPU (utime + stime from
//    /proc/PID/stat) over that time, beside its CPU with the same streams idle. GET
//    /api/v1/agents must then show every agent's latest heartbeat.
// c. Start-up burst: every agent sends one batch of M learning observations (default 50 novel
//    process items) for its own workload at the same moment (50,000 reports); the time runs
//    until every stream has the Ack of its last report (an ack means committed to disk).
// d. Detecting bursts: once the workloads' learning windows (--baseline-window) have locked,
//    every agent sends K new binaries at once (default 20: 20,000 new alerts), first with no SOC
//    client attached (the store alone), then again while W WebSocket clients (default 100, in a
//    worker thread of their own: see stream-clients-worker.ts) hold
//    /api/v1/stream open (Bearer operator token). Alerts stored per second come from the acks as
//    in (c) (if agent streams die before their acks: from the last alert's `at`), and from the
//    collector's own ingest-transaction time (its /metrics histogram). On
//    the clients: the time until all of them have every alert message, and each message's lag
//    (arrival here − its `at`, the collector's clock when the batch that stored it began; same
//    machine clock, ms resolution). A client cut as a slow consumer (close 4008) resumes with
//    since=<cursor> and the cut is counted. The collector's responsiveness meanwhile: GET
//    /healthz polled one at a time (a request left waiting = an event loop busy that long).
// e. Disconnect and reconnect: every agent closes its stream and channel at once (a network
//    cut), then all connect again. The times run until every WebSocket client (W of them, opened
//    here if (d) did not run) has had N `agent.status` messages of each kind, which the collector
//    sends once it has stored them; the collector's CPU over each half, and /api/v1/agents and the
//    connected-agents gauge checked after each. Fewer than N within RECONNECT_TIMEOUT_MS, or an
//    API or gauge count that disagrees, is printed as a failure, recorded in the JSON, and sets
//    the exit code. BENCH_RECONNECT_ROUNDS repeats it in the same collector: the first round
//    runs the collector's disconnect and Hello paths cold and costs about twice a later one.
//
// Messages are encoded before each timed window so this process's protobuf work stays out of
// it; this process still shares the two cores with the collector, and its own CPU is printed.
// Sizes: BENCH_AGENTS, BENCH_HEARTBEAT_SECONDS, BENCH_HEARTBEAT_INTERVAL_MS, BENCH_IDLE_SECONDS,
// BENCH_LEARN_ITEMS, BENCH_ALERTS_PER_AGENT, BENCH_WS_CLIENTS, BENCH_WINDOW (a duration).
// BENCH_SCALE_PHASES chooses phases (any of heartbeats,learning,alerts,reconnect; default all;
// (a) always runs, alerts needs learning).
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { encodeAgentMessage, observationToWire } from '../../proto/vigil-wire.js';
import { itemKey } from '../../agent/model/item-key.js';
import { processObservation } from '../support/collector-client.js';
import { nowNs } from '../support/events.js';
import {
  SimAgent,
  collectorMetrics,
  getJson,
  metric,
  percentile,
  probeHealth,
  procStats,
  round,
  sleep,
  startCollector,
  table,
  waitFor,
  type RunningCollector,
} from './collector-harness.js';
import { describeMachine, machine, record } from './machine.js';
import { StreamClientsWorker } from './stream-clients.js';
import type { ClientStats, WorkerStats } from './stream-clients-worker.js';

const AGENTS = Number(process.env.BENCH_AGENTS ?? 1000);
const HEARTBEAT_SECONDS = Number(process.env.BENCH_HEARTBEAT_SECONDS ?? 20);
const HEARTBEAT_INTERVAL_MS = Number(process.env.BENCH_HEARTBEAT_INTERVAL_MS ?? 5000);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 5);
const LEARN_ITEMS = Number(process.env.BENCH_LEARN_ITEMS ?? 50);
const ALERTS_PER_AGENT = Number(process.env.BENCH_ALERTS_PER_AGENT ?? 20);
const WS_CLIENTS = Number(process.env.BENCH_WS_CLIENTS ?? 100);
const WINDOW = process.env.BENCH_WINDOW ?? '10s';
const PHASES = new Set((process.env.BENCH_SCALE_PHASES ?? 'heartbeats,learning,alerts,reconnect').split(','));
const CLUSTER = 'test'; // processObservation's cluster
const RECONNECT_TIMEOUT_MS = 60_000;
const RECONNECT_ROUNDS = Number(process.env.BENCH_RECONNECT_ROUNDS ?? 1);

for (const p of PHASES) if (!['heartbeats', 'learning', 'alerts', 'reconnect'].includes(p)) throw new Error(`BENCH_SCALE_PHASES: unknown phase "${p}"`);
// The detecting bursts need locked baselines, which the learning phase builds.
if (PHASES.has('alerts') && !PHASES.has('learning')) throw new Error('BENCH_SCALE_PHASES: alerts needs learning');
if (PHASES.has('reconnect') && WS_CLIENTS < 1) throw new Error('BENCH_SCALE_PHASES: reconnect counts agent.status messages on the stream clients; BENCH_WS_CLIENTS must be at least 1');

const MB = 1024 * 1024;
const rate = (n: number, ms: number): number => Math.round((n / ms) * 1000);
const agentId = (i: number): string => `bench-agent-${String(i).padStart(5, '0')}`;
const workloadOf = (i: number): string => `svc-${i}`;

function batchFor(i: number, firstSeq: number, n: number, exe: (j: number) => string, timeNs: bigint): Buffer {
  const reports = Array.from({ length: n }, (_, j) => {
    const obs = processObservation({ namespace: 'bench', name: workloadOf(i), container: 'app', exe: exe(j), timeNs: timeNs + BigInt(j), node: `node-${i}` });
    return { seq: firstSeq + j, observation: observationToWire(obs, itemKey(obs)) };
  });
  return encodeAgentMessage({ reports: { reports } });
}

function cpuPercent(before: { cpuSeconds: number }, after: { cpuSeconds: number }, ms: number): number {
  return round(((after.cpuSeconds - before.cpuSeconds) / (ms / 1000)) * 100);
}

const m = machine();
console.log(`\ncollector scale benchmark — ${describeMachine(m)}`);
console.log(`${AGENTS} agents, ${LEARN_ITEMS} learning items and ${ALERTS_PER_AGENT} deviations each, ${WS_CLIENTS} stream clients, window ${WINDOW}; phases connect,${[...PHASES].join(',')}`);

const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-scale-'));
const agents: SimAgent[] = [];
let closeClients = (): Promise<void> => Promise.resolve();
const timers: NodeJS.Timeout[] = [];
let collector: RunningCollector | null = null;
// Last resort if this process dies without reaching `finally`: no collector left behind.
const onExit = (): void => {
  if (collector) {
    try {
      process.kill(collector.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  rmSync(dir, { recursive: true, force: true });
};
process.once('exit', onExit);
const benchCpu0 = process.cpuUsage();
const figures: Record<string, unknown> = {};
const rows: string[][] = [];
const failures: string[] = [];

try {
  collector = await startCollector(dir, ['--baseline-window', WINDOW]);
  const c = collector;
  await sleep(1500);
  const idle0 = procStats(c.pid);
  // The clients run in a worker thread (see stream-clients-worker.ts); their figures come back
  // as epoch milliseconds.
  let clientsWorker: StreamClientsWorker | null = null;
  const openClients = async (): Promise<StreamClientsWorker> => {
    if (clientsWorker) return clientsWorker;
    const w = new StreamClientsWorker({ httpPort: c.httpPort, clients: WS_CLIENTS, itemPrefix: 'exe:/opt/deviation/' });
    clientsWorker = w;
    closeClients = () => w.close();
    await w.opened;
    return w;
  };

  // a. Connect.
  const connectStart = performance.now();
  const connectMs: number[] = [];
  for (let i = 0; i < AGENTS; i++) {
    const a = new SimAgent(c.grpcPort, agentId(i), `node-${i}`);
    agents.push(a);
    a.hello(CLUSTER);
  }
  const connectResults = await Promise.allSettled(agents.map((a) => a.acked(0).then(() => connectMs.push(performance.now() - connectStart))));
  const connectAllMs = performance.now() - connectStart;
  const connectFailed = connectResults.filter((r) => r.status === 'rejected');
  if (connectFailed.length > 0) throw new Error(`${connectFailed.length} agent streams failed to connect: ${String((connectFailed[0] as PromiseRejectedResult).reason)}`);
  connectMs.sort((x, y) => x - y);
  await sleep(3000); // let the connect burst's garbage settle before reading memory
  const connected = procStats(c.pid);
  const connectedGauge = metric(await collectorMetrics(c.httpPort), 'vigil_collector_agents_connected');
  const listed = (await getJson<{ agents: Array<{ connected: boolean }> }>(c.httpPort, '/api/v1/agents')).agents;
  const connect = {
    agents: AGENTS,
    allConnectedMs: Math.round(connectAllMs),
    connectsPerSecond: rate(AGENTS, connectAllMs),
    connectMsP50: Math.round(percentile(connectMs, 50)),
    connectMsP99: Math.round(percentile(connectMs, 99)),
    rssBeforeMB: round(idle0.rssBytes / MB),
    rssAfterMB: round(connected.rssBytes / MB),
    rssPerAgentKB: round((connected.rssBytes - idle0.rssBytes) / AGENTS / 1024),
    connectedGauge,
    listedConnected: listed.filter((a) => a.connected).length,
  };
  console.log(
    `a. connect: ${AGENTS} streams in ${connect.allConnectedMs} ms (${connect.connectsPerSecond}/s; per stream p50 ${connect.connectMsP50} ms, p99 ${connect.connectMsP99} ms); ` +
      `RSS ${connect.rssBeforeMB} → ${connect.rssAfterMB} MB = ${connect.rssPerAgentKB} KB per agent; gauge ${connectedGauge}, API lists ${connect.listedConnected} connected`,
  );
  figures.connect = connect;
  rows.push(
    ['agents connected (streams)', `${AGENTS} in ${connect.allConnectedMs} ms (${connect.connectsPerSecond}/s)`],
    ['collector RSS idle → N agents', `${connect.rssBeforeMB} → ${connect.rssAfterMB} MB (${connect.rssPerAgentKB} KB/agent)`],
  );

  if (PHASES.has('heartbeats')) {
    // Idle CPU with every stream open, for comparison with the heartbeat load.
    const idleA = procStats(c.pid);
    const idleStart = performance.now();
    await sleep(IDLE_SECONDS * 1000);
    const idleCpu = cpuPercent(idleA, procStats(c.pid), performance.now() - idleStart);

    // b. Heartbeats.
    const sent = new Array<number>(AGENTS).fill(0);
    const hbStart = performance.now();
    const hb0 = procStats(c.pid);
    let heartbeats = 0;
    const beat = (i: number): void => {
      sent[i] = (sent[i] ?? 0) + 1;
      heartbeats++;
      agents[i]?.send({
        heartbeat: {
          time: { seconds: Math.floor(Date.now() / 1000) },
          stats: { events_per_second: 0, events_total: (sent[i] ?? 0) * 1000, dropped_total: 0, outbox_depth: 0, unattributed_total: 0, falco_drops_total: 0, falco_connected: true },
        },
      });
    };
    for (let i = 0; i < AGENTS; i++) {
      const offset = (i / AGENTS) * HEARTBEAT_INTERVAL_MS;
      timers.push(
        setTimeout(() => {
          beat(i);
          timers.push(setInterval(() => beat(i), HEARTBEAT_INTERVAL_MS));
        }, offset),
      );
    }
    await sleep(HEARTBEAT_SECONDS * 1000);
    for (const t of timers.splice(0)) clearTimeout(t);
    const hbMs = performance.now() - hbStart;
    const hb1 = procStats(c.pid);
    await sleep(500); // the last heartbeats in flight
    const afterHb = (await getJson<{ agents: Array<{ agent_id: string; last_heartbeat: string | null; stats: { events_total?: number } | null }> }>(c.httpPort, '/api/v1/agents')).agents;
    const beating = sent.filter((n) => n > 0).length;
    const latestStored = afterHb.filter((a) => {
      const i = Number(a.agent_id.slice('bench-agent-'.length));
      return (sent[i] ?? 0) > 0 && a.last_heartbeat !== null && Number(a.stats?.events_total ?? -1) === (sent[i] ?? 0) * 1000;
    }).length;
    const heartbeat = {
      seconds: round(hbMs / 1000),
      intervalMs: HEARTBEAT_INTERVAL_MS,
      heartbeats,
      heartbeatsPerSecond: rate(heartbeats, hbMs),
      cpuPercent: cpuPercent(hb0, hb1, hbMs),
      idleCpuPercent: idleCpu,
      cpuMicrosPerHeartbeat: round(((hb1.cpuSeconds - hb0.cpuSeconds) * 1e6) / heartbeats, 0),
      agentsListed: afterHb.length,
      agentsSending: beating,
      latestHeartbeatStored: latestStored,
    };
    console.log(
      `b. heartbeats: ${heartbeats} in ${heartbeat.seconds} s (${heartbeat.heartbeatsPerSecond}/s) → collector CPU ${heartbeat.cpuPercent}% of one core ` +
        `(idle with ${AGENTS} streams: ${idleCpu}%; ≈${heartbeat.cpuMicrosPerHeartbeat} µs per heartbeat); latest heartbeat stored for ${latestStored}/${beating} agents`,
    );
    figures.heartbeat = heartbeat;
    rows.push(
      ['collector CPU, N streams idle', `${idleCpu}%`],
      [`collector CPU, heartbeats every ${HEARTBEAT_INTERVAL_MS / 1000} s`, `${heartbeat.cpuPercent}% (${heartbeat.heartbeatsPerSecond} heartbeats/s)`],
      ['latest heartbeat stored', `${latestStored}/${beating} agents`],
    );
  }

  if (PHASES.has('learning')) {
    // c. Start-up burst of learning reports.
    const learnTimeNs = nowNs();
    const learnBatches = agents.map((_, i) => batchFor(i, 1, LEARN_ITEMS, (j) => `/usr/bin/tool-${j}`, learnTimeNs));
    const mBeforeLearn = await collectorMetrics(c.httpPort);
    const learnCpu0 = procStats(c.pid);
    const learnProbe = probeHealth(c.httpPort);
    const learnStart = performance.now();
    agents.forEach((a, i) => a.send(learnBatches[i] ?? Buffer.alloc(0)));
    const learnDropped = (await Promise.allSettled(agents.map((a) => a.acked(LEARN_ITEMS)))).filter((r) => r.status === 'rejected').length;
    const learnMs = performance.now() - learnStart;
    const learnCpu1 = procStats(c.pid);
    const learnHealth = await learnProbe.stop();
    const mAfterLearn = await collectorMetrics(c.httpPort);
    const learned = metric(mAfterLearn, 'vigil_collector_reports_total{outcome="learned"}') - metric(mBeforeLearn, 'vigil_collector_reports_total{outcome="learned"}');
    const learn = {
      reports: AGENTS * LEARN_ITEMS,
      allAckedMs: Math.round(learnMs),
      reportsPerSecond: rate(AGENTS * LEARN_ITEMS, learnMs),
      learned,
      cpuPercent: cpuPercent(learnCpu0, learnCpu1, learnMs),
      rssMB: round(learnCpu1.rssBytes / MB),
      streamsDropped: learnDropped,
      healthz: learnHealth,
    };
    console.log(
      `c. start-up burst: ${learn.reports.toLocaleString()} learning reports acknowledged in ${learn.allAckedMs} ms = ${learn.reportsPerSecond.toLocaleString()} reports/s ` +
        `(${learned.toLocaleString()} learned; collector CPU ${learn.cpuPercent}%, RSS ${learn.rssMB} MB; ` +
        `/healthz answered in p50 ${learnHealth.p50Ms} ms, max ${learnHealth.maxMs} ms; ${learnDropped} streams dropped)`,
    );

    // Wait for the learning windows to lock.
    const windowEndMs = Number(learnTimeNs / 1_000_000n) + durationMs(WINDOW);
    if (learnMs > durationMs(WINDOW)) console.log(`   (the burst took longer than the ${WINDOW} window: the locks ran during it)`);
    const lockSeen = await waitFor(
      async () => {
        const ws = (await getJson<{ workloads: Array<{ mode: string; items: number }> }>(c.httpPort, '/api/v1/workloads')).workloads;
        return ws.length === AGENTS && ws.every((w) => w.mode === 'detecting') ? Date.now() : undefined;
      },
      'every workload to lock',
      durationMs(WINDOW) + 120_000,
      250,
    );
    const lockMs = Math.max(0, lockSeen - windowEndMs);
    console.log(`   ${AGENTS} baselines locked ${lockMs} ms after their window ended (one transaction each; polled every 250 ms)`);
    figures.learn = learn;
    figures.lock = { workloads: AGENTS, afterWindowEndMs: lockMs };
    rows.push(
      ['start-up burst (learning)', `${learn.reportsPerSecond.toLocaleString()} reports/s (${learn.reports.toLocaleString()} in ${learn.allAckedMs} ms)`],
      ['baselines locked after window end', `${lockMs} ms for ${AGENTS}`],
      ['/healthz max, start-up burst', `${learnHealth.maxMs} ms`],
    );
  }

  if (PHASES.has('alerts')) {
    // d. Detecting bursts: first with no stream client (the store alone), then with W clients.
    const expected = AGENTS * ALERTS_PER_AGENT;
    const txSeconds = (mm: Map<string, number>): number => metric(mm, 'vigil_collector_ingest_transaction_seconds_sum');
    const txCount = (mm: Map<string, number>): number => metric(mm, 'vigil_collector_ingest_transaction_seconds_count');
    const alerted = (mm: Map<string, number>): number => metric(mm, 'vigil_collector_reports_total{outcome="alerted"}');

    const quietBatches = agents.map((_, i) => batchFor(i, LEARN_ITEMS + 1, ALERTS_PER_AGENT, (j) => `/opt/quiet/bin-${i}-${j}`, nowNs()));
    const mBeforeQuiet = await collectorMetrics(c.httpPort);
    const quietCpu0 = procStats(c.pid);
    const quietProbe = probeHealth(c.httpPort);
    const quietStart = performance.now();
    agents.forEach((a, i) => a.send(quietBatches[i] ?? Buffer.alloc(0)));
    const quietDropped = (await Promise.allSettled(agents.map((a) => a.acked(LEARN_ITEMS + ALERTS_PER_AGENT)))).filter((r) => r.status === 'rejected').length;
    const quietMs = performance.now() - quietStart;
    const quietCpu1 = procStats(c.pid);
    const quietHealth = await quietProbe.stop();
    const mAfterQuiet = await collectorMetrics(c.httpPort);
    const quiet = {
      alerts: expected,
      alertsStored: alerted(mAfterQuiet) - alerted(mBeforeQuiet),
      allAckedMs: Math.round(quietMs),
      alertsStoredPerSecond: rate(expected, quietMs),
      inTransactionsPerSecond: rate(expected, (txSeconds(mAfterQuiet) - txSeconds(mBeforeQuiet)) * 1000),
      transactions: txCount(mAfterQuiet) - txCount(mBeforeQuiet),
      // The collector's CPU (user + system) from the burst until the last ack, per alert: what the
      // wall-clock rate means on a machine whose other load varies.
      cpuMicrosPerAlert: round(((quietCpu1.cpuSeconds - quietCpu0.cpuSeconds) * 1e6) / expected, 0),
      loadAverage1m: round(loadavg()[0] ?? 0, 2),
      streamsDropped: quietDropped,
      healthz: quietHealth,
    };
    console.log(
      `d. detecting burst, no stream client: ${expected.toLocaleString()} new alerts acknowledged in ${quiet.allAckedMs} ms = ${quiet.alertsStoredPerSecond.toLocaleString()} alerts stored/s ` +
        `(${quiet.alertsStored.toLocaleString()} alerted; ${quiet.inTransactionsPerSecond.toLocaleString()}/s counting only time inside the ingest transactions, ${quiet.transactions} transactions; ` +
        `collector CPU ${quiet.cpuMicrosPerAlert} µs per alert; load average ${quiet.loadAverage1m}; /healthz max ${quietHealth.maxMs} ms)`,
    );

    const clients = await openClients();
    let latest: WorkerStats = { stats: [], cuts: 0, otherCloses: 0, outOfOrder: 0 };
    const poll = async (): Promise<readonly ClientStats[]> => (latest = await clients.stats()).stats;
    const firstSeq = LEARN_ITEMS + ALERTS_PER_AGENT + 1;
    const alertBatches = agents.map((_, i) => batchFor(i, firstSeq, ALERTS_PER_AGENT, (j) => `/opt/deviation/bin-${i}-${j}`, nowNs()));
    const mBeforeAlerts = await collectorMetrics(c.httpPort);
    const alertCpu0 = procStats(c.pid);
    const alertProbe = probeHealth(c.httpPort);
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const burstStart = performance.now();
    const burstStartEpoch = performance.timeOrigin + burstStart;
    agents.forEach((a, i) => a.send(alertBatches[i] ?? Buffer.alloc(0)));
    const alertDropped = (await Promise.allSettled(agents.map((a) => a.acked(firstSeq + ALERTS_PER_AGENT - 1)))).filter((r) => r.status === 'rejected').length;
    const storedMs = performance.now() - burstStart;
    const storedCpu = procStats(c.pid);
    let allReceivedMs: number | null = null;
    try {
      await waitFor(async () => (await poll()).every((s) => s.alerts >= expected), 'every stream client to receive every alert', 150_000, 20);
      allReceivedMs = Math.max(...latest.stats.map((s) => s.lastArrival)) - burstStartEpoch;
    } catch (err) {
      console.log(`   ${(err as Error).message}`);
    }
    const deliveredCpu = procStats(c.pid);
    loopDelay.disable();
    const alertHealth = await alertProbe.stop();
    const dropped = agents.filter((a) => a.status !== null);
    if (dropped.length > 0) console.log(`   ${dropped.length} agent streams ended: ${[...new Set(dropped.map((a) => `${a.status?.code} ${a.status?.details}`))].join('; ')}`);
    const mAfterAlerts = await collectorMetrics(c.httpPort);
    const stats = await poll();
    const done = stats.map((s) => s.lastArrival - burstStartEpoch).sort((x, y) => x - y);
    const received = stats.reduce((n, s) => n + s.alerts, 0);
    const lastStoredMs = Math.max(...stats.map((s) => s.maxAt)) - burstStartEpoch;
    const stream = {
      clients: WS_CLIENTS,
      alerts: expected,
      alertsStored: alerted(mAfterAlerts) - alerted(mBeforeAlerts),
      allAckedMs: Math.round(storedMs),
      // With every ack in, the acks time the store; when streams died first, the last alert's `at`.
      storedBasis: alertDropped > 0 ? 'last alert at' : 'acks',
      alertsStoredPerSecond: rate(expected, alertDropped > 0 ? lastStoredMs : storedMs),
      inTransactionsPerSecond: rate(expected, (txSeconds(mAfterAlerts) - txSeconds(mBeforeAlerts)) * 1000),
      transactions: txCount(mAfterAlerts) - txCount(mBeforeAlerts),
      lastBatchStartedMs: Math.round(lastStoredMs),
      allClientsReceivedMs: allReceivedMs === null ? null : Math.round(allReceivedMs),
      messagesDelivered: received,
      messagesExpected: expected * WS_CLIENTS,
      messagesPerSecond: allReceivedMs === null ? null : rate(received, allReceivedMs),
      firstClientDoneMs: Math.round(done[0] ?? 0),
      lastClientDoneMs: Math.round(done[done.length - 1] ?? 0),
      meanLagMs: Math.round(stats.reduce((n, s) => n + s.lagSum, 0) / Math.max(1, received)),
      meanOfClientMaxLagMs: Math.round(stats.reduce((n, s) => n + s.lagMax, 0) / Math.max(1, stats.length)),
      maxLagMs: Math.round(Math.max(...stats.map((s) => s.lagMax))),
      slowConsumerCuts: latest.cuts,
      otherCloses: latest.otherCloses,
      outOfOrder: latest.outOfOrder,
      streamsDroppedBeforeAck: alertDropped,
      agentStreamsEnded: dropped.length,
      agentStreamEndReasons: [...new Set(dropped.map((a) => `${a.status?.code} ${a.status?.details}`))],
      healthz: alertHealth,
      benchmarkLoopDelayMaxMs: round(loopDelay.max / 1e6),
      collectorCpuUntilDeliveredPercent: cpuPercent(alertCpu0, deliveredCpu, allReceivedMs ?? performance.now() - burstStart),
      // Per alert: the collector's CPU until the last ack (storing, with the fan-out running
      // alongside), and until every client had every alert (storing and the whole fan-out).
      cpuMicrosPerAlertUntilAcked: round(((storedCpu.cpuSeconds - alertCpu0.cpuSeconds) * 1e6) / expected, 0),
      cpuMicrosPerAlertUntilDelivered: round(((deliveredCpu.cpuSeconds - alertCpu0.cpuSeconds) * 1e6) / expected, 0),
      loadAverage1m: round(loadavg()[0] ?? 0, 2),
      rssMB: round(deliveredCpu.rssBytes / MB),
    };
    console.log(
      `d. detecting burst, ${WS_CLIENTS} stream clients: ${expected.toLocaleString()} new alerts, ${alertDropped === 0 ? 'all acknowledged' : `${alertDropped} streams ended unacknowledged`} after ${stream.allAckedMs} ms; ` +
        `the last batch began ${stream.lastBatchStartedMs} ms after the burst → ${stream.alertsStoredPerSecond.toLocaleString()} alerts stored/s (by ${stream.storedBasis}; ` +
        `${stream.alertsStored.toLocaleString()} alerted; ${stream.inTransactionsPerSecond.toLocaleString()}/s counting only time inside the transactions, ${stream.transactions} transactions)`,
    );
    console.log(
      `   all ${WS_CLIENTS} clients had every alert after ${stream.allClientsReceivedMs ?? 'n/a'} ms (${received.toLocaleString()}/${stream.messagesExpected.toLocaleString()} messages, ` +
        `${(stream.messagesPerSecond ?? 0).toLocaleString()} msg/s); clients done between ${stream.firstClientDoneMs} and ${stream.lastClientDoneMs} ms; ` +
        `lag (arrival − at) mean ${stream.meanLagMs} ms, per-client max mean ${stream.meanOfClientMaxLagMs} ms, max ${stream.maxLagMs} ms; ` +
        `4008 cuts ${stream.slowConsumerCuts}, other closes ${stream.otherCloses}, out of order ${stream.outOfOrder}`,
    );
    console.log(
      `   collector CPU ${stream.collectorCpuUntilDeliveredPercent}% until delivered, ${stream.cpuMicrosPerAlertUntilAcked} µs per alert until acked, ` +
        `${stream.cpuMicrosPerAlertUntilDelivered} µs until delivered; load average ${stream.loadAverage1m}; /healthz answered in p50 ${alertHealth.p50Ms} ms, p99 ${alertHealth.p99Ms} ms, max ${alertHealth.maxMs} ms; ` +
        `this process's event loop delay max ${stream.benchmarkLoopDelayMaxMs} ms; agent streams ended ${dropped.length}`,
    );
    figures.alertsNoClients = quiet;
    figures.stream = stream;
    rows.push(
      ['alerts stored, no stream client', `${quiet.alertsStoredPerSecond.toLocaleString()}/s (${expected.toLocaleString()} in ${quiet.allAckedMs} ms)`],
      ['collector CPU per alert, no stream client', `${quiet.cpuMicrosPerAlert} µs (load average ${quiet.loadAverage1m})`],
      [`alerts stored, ${WS_CLIENTS} clients attached`, `${stream.alertsStoredPerSecond.toLocaleString()}/s (${expected.toLocaleString()}, last batch at ${stream.lastBatchStartedMs} ms)`],
      [`collector CPU per alert, ${WS_CLIENTS} clients: until acked / delivered`, `${stream.cpuMicrosPerAlertUntilAcked} / ${stream.cpuMicrosPerAlertUntilDelivered} µs (load average ${stream.loadAverage1m})`],
      [`all ${WS_CLIENTS} clients have all alerts`, `${stream.allClientsReceivedMs ?? 'n/a'} ms (${(stream.messagesPerSecond ?? 0).toLocaleString()} msg/s fan-out)`],
      ['per-client lag mean / max', `${stream.meanLagMs} ms / ${stream.maxLagMs} ms`],
      ['slow-consumer cuts (4008)', `${stream.slowConsumerCuts}`],
      ['/healthz max: alerts / alerts + clients', `${quietHealth.maxMs} / ${alertHealth.maxMs} ms`],
      ['agent streams dropped', `${dropped.length}`],
    );
  }

  // e. Disconnect and reconnect.
  if (PHASES.has('reconnect')) {
    const clients = await openClients();
    let before: readonly ClientStats[] = [];
    let latest = before;
    // The fewest of one kind of agent.status message any client has had since the round began.
    const seen = (kind: 'disconnected' | 'connected'): number => Math.min(...latest.map((s, k) => s[kind].count - (before[k]?.[kind].count ?? 0)));
    const waitForStatus = async (phase: string, kind: 'disconnected' | 'connected', startEpoch: number) => {
      let complete = true;
      try {
        const check = async (): Promise<boolean> => {
          latest = (await clients.stats()).stats;
          return seen(kind) >= AGENTS;
        };
        await waitFor(check, `every stream client to have ${AGENTS} agent.status ${kind}`, RECONNECT_TIMEOUT_MS, 20);
      } catch (err) {
        complete = false;
        failures.push(`${phase}: ${(err as Error).message} (the slowest client had ${seen(kind)})`);
      }
      const since = (epochs: number[]): number | null => (complete ? Math.round(Math.max(...epochs) - startEpoch) : null);
      return {
        fewestSeenByAClient: seen(kind),
        // The latest `at`: the collector's clock when its gateway saw the last stream close (open).
        lastChangeAtMs: since(latest.map((s) => s[kind].maxAt)),
        allClientsReceivedMs: since(latest.map((s) => s[kind].lastArrival)),
      };
    };
    const listedConnected = async (): Promise<{ listed: number; gauge: number }> => ({
      listed: (await getJson<{ agents: Array<{ connected: boolean }> }>(c.httpPort, '/api/v1/agents')).agents.filter((a) => a.connected).length,
      gauge: metric(await collectorMetrics(c.httpPort), 'vigil_collector_agents_connected'),
    });
    const checkListed = (phase: string, got: { listed: number; gauge: number }, want: number): void => {
      if (got.listed !== want || got.gauge !== want) failures.push(`${phase}: the API lists ${got.listed} agents connected and the gauge says ${got.gauge}, not ${want}`);
    };

    const ms = (v: number | null): string => (v === null ? `FAILED (not within ${RECONNECT_TIMEOUT_MS} ms)` : `${v} ms`);

    const rounds: object[] = [];
    figures.reconnect = rounds;
    for (let n = 1; n <= RECONNECT_ROUNDS; n++) {
      const label = RECONNECT_ROUNDS > 1 ? ` (round ${n})` : '';
      await sleep(2000); // the previous phase's fan-out and garbage out of the measured window
      before = latest = (await clients.stats()).stats;
      const load0 = round(loadavg()[0] ?? 0, 2);
      const cpu0 = procStats(c.pid);
      const downProbe = probeHealth(c.httpPort);
      const downStart = performance.now();
      for (const a of agents) a.close();
      const down = await waitForStatus(`disconnect${label}`, 'disconnected', performance.timeOrigin + downStart);
      const cpu1 = procStats(c.pid);
      const downHealth = await downProbe.stop();
      const afterDown = await listedConnected();
      checkListed(`after the disconnect${label}`, afterDown, 0);

      const cpu2 = procStats(c.pid);
      const upProbe = probeHealth(c.httpPort);
      const upStart = performance.now();
      const fresh = agents.map((a) => new SimAgent(c.grpcPort, a.agentId, a.node));
      agents.splice(0, agents.length, ...fresh);
      for (const a of agents) a.hello(CLUSTER);
      const helloFailed = (await Promise.allSettled(agents.map((a) => a.acked(0)))).filter((r) => r.status === 'rejected').length;
      const helloMs = performance.now() - upStart;
      if (helloFailed > 0) failures.push(`reconnect${label}: ${helloFailed} agents had no answer to Hello`);
      const up = await waitForStatus(`reconnect${label}`, 'connected', performance.timeOrigin + upStart);
      const cpu3 = procStats(c.pid);
      const upHealth = await upProbe.stop();
      const afterUp = await listedConnected();
      checkListed(`after the reconnect${label}`, afterUp, AGENTS);

      const reconnect = {
        agents: AGENTS,
        clients: WS_CLIENTS,
        disconnect: {
          ...down,
          collectorCpuSeconds: round(cpu1.cpuSeconds - cpu0.cpuSeconds, 2),
          cpuMicrosPerAgent: round(((cpu1.cpuSeconds - cpu0.cpuSeconds) * 1e6) / AGENTS, 0),
          listedConnectedAfter: afterDown.listed,
          gaugeAfter: afterDown.gauge,
          healthz: downHealth,
        },
        connect: {
          ...up,
          allHellosAnsweredMs: Math.round(helloMs),
          hellosUnanswered: helloFailed,
          collectorCpuSeconds: round(cpu3.cpuSeconds - cpu2.cpuSeconds, 2),
          cpuMicrosPerAgent: round(((cpu3.cpuSeconds - cpu2.cpuSeconds) * 1e6) / AGENTS, 0),
          listedConnectedAfter: afterUp.listed,
          gaugeAfter: afterUp.gauge,
          healthz: upHealth,
        },
        rssBeforeMB: round(cpu0.rssBytes / MB),
        rssAfterDisconnectMB: round(cpu1.rssBytes / MB),
        rssAfterMB: round(cpu3.rssBytes / MB),
        loadAverage1m: [load0, round(loadavg()[0] ?? 0, 2)],
      };
      rounds.push(reconnect);
      console.log(
        `e${label}. disconnect: ${AGENTS} streams closed → every client had ${down.fewestSeenByAClient}/${AGENTS} agent.status disconnected: ${ms(down.allClientsReceivedMs)} ` +
          `(the last close seen at ${ms(down.lastChangeAtMs)}); collector CPU ${reconnect.disconnect.collectorCpuSeconds} s (${reconnect.disconnect.cpuMicrosPerAgent} µs per agent); ` +
          `/healthz max ${downHealth.maxMs} ms; API lists ${afterDown.listed} connected, gauge ${afterDown.gauge}`,
      );
      console.log(
        `   reconnect: ${AGENTS - helloFailed}/${AGENTS} Hellos answered in ${reconnect.connect.allHellosAnsweredMs} ms → every client had ${up.fewestSeenByAClient}/${AGENTS} agent.status connected: ${ms(up.allClientsReceivedMs)}; ` +
          `collector CPU ${reconnect.connect.collectorCpuSeconds} s (${reconnect.connect.cpuMicrosPerAgent} µs per agent); /healthz max ${upHealth.maxMs} ms; ` +
          `API lists ${afterUp.listed} connected, gauge ${afterUp.gauge}; RSS ${reconnect.rssBeforeMB} → ${reconnect.rssAfterDisconnectMB} → ${reconnect.rssAfterMB} MB; load average ${load0} → ${reconnect.loadAverage1m[1]}`,
      );
      rows.push(
        [`${AGENTS} disconnect${label}: all clients told / collector CPU`, `${ms(down.allClientsReceivedMs)} / ${reconnect.disconnect.collectorCpuSeconds} s`],
        [`${AGENTS} reconnect${label}: all clients told / collector CPU`, `${ms(up.allClientsReceivedMs)} / ${reconnect.connect.collectorCpuSeconds} s (Hellos answered in ${reconnect.connect.allHellosAnsweredMs} ms)`],
      );
    }
  }

  const benchCpu = process.cpuUsage(benchCpu0);
  const benchCpuSeconds = round((benchCpu.user + benchCpu.system) / 1e6);
  const rssAtEndMB = round(procStats(c.pid).rssBytes / MB);
  Object.assign(figures, { benchmarkProcessCpuSeconds: benchCpuSeconds, collectorRssAtEndMB: rssAtEndMB, failures });
  rows.push(['collector RSS at end', `${rssAtEndMB} MB`], ['this process CPU (all phases)', `${benchCpuSeconds} s`]);
  console.log(`\n${table([['figure', 'value'], ...rows])}`);
  for (const f of failures) console.log(`FAILED ${f}`);
  if (failures.length > 0) process.exitCode = 1;
  const file = record('collector-scale', { agents: AGENTS, learnItems: LEARN_ITEMS, alertsPerAgent: ALERTS_PER_AGENT, wsClients: WS_CLIENTS, window: WINDOW, phases: [...PHASES], ...figures });
  console.log(`figures written to ${file}`);
} finally {
  for (const t of timers) clearTimeout(t);
  await closeClients();
  for (const a of agents) a.close();
  await collector?.stop();
  collector = null;
  rmSync(dir, { recursive: true, force: true });
  process.off('exit', onExit);
}

function durationMs(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(text);
  if (!match) throw new Error(`BENCH_WINDOW: "${text}" is not a duration such as 10s`);
  return Number(match[1]) * { ms: 1, s: 1000, m: 60_000 }[match[2] as 'ms' | 's' | 'm'];
}
