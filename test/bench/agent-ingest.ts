// Agent ingest benchmark: how many Falco events per second one agent process takes over gRPC
// and over HTTP JSON with no loss, its CPU and resident memory, and beside it the raw decode
// rate of the same messages (protobuf decode, JSON parse) as the ceiling for that encoding.
//
// The agent runs as the real CLI in a child process (single-threaded, so one core); this process
// plays Falco. Counts, CPU and memory come from the agent's own /metrics.
//
// Over gRPC two configurations: `--stdout`, which prints every event as a JSON observation, and
// the production one, `--collector` to a real collector: a first pass over the corpus is learned
// and locked, then the measured events are repeats of what the baselines hold, as on a busy node
// in steady state. Falco's side is test/support/falco-burst-server.ts (HTTP/2 written directly,
// queued messages sent in large writes): the grpc-js test server cost ~20 µs per message in this
// process and capped the figure near 50,000/s whatever the agent did.
//
// For HTTP, a bare node:http server in a child process fed the same way gives the floor (what
// Node's HTTP itself allows here), and this process's own CPU shows whether the sender is what
// limits. HTTP too runs with `--stdout` and with `--collector` (repeats of learned items, which
// the agent replays without parsing).
//
// The `curl` part sends as Falco's http_output itself does (libcurl, one request in flight; see
// curl-sender.ts), to the bare server and to the agent with a collector: what one Falco can send
// here, and whether the agent keeps up with it. Skipped, with a note, where curl is missing.
//
// The `http-batch` part posts JSON arrays of BENCH_HTTP_BATCH events (default 100) on
// BENCH_HTTP_BATCH_CONNECTIONS connections (default 2), as a forwarder that batches would (Fluent
// Bit with two output workers, Vector with two requests in flight): Falco itself posts one event
// per request, and one request's system calls alone cost more than the 10 µs an event may take
// at 100,000 events/s. With one request in flight the agent idles while each 216 KB body crosses
// (≈30 % of the run): that measures the sender's round trip, not what the agent can take.
//
// BENCH_INGEST_PARTS (comma-separated: decode, grpc, floor, http, http-collector, curl,
// http-batch; default all) runs a part alone, for A/B runs of one figure.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { decodeJsonEvent, parseJsonEvents } from '../../agent/falco/json-event.js';
import { decodeGrpcResponse } from '../../agent/falco/grpc-event.js';
import { decodeOutputsResponse, encodeOutputsResponse } from '../../proto/falco-services.js';
import { FalcoBurstServer } from '../support/falco-burst-server.js';
import { getJson, startCollector, waitFor, type RunningCollector } from './collector-harness.js';
import { ROOT, collect, spawnVigil } from '../support/cli.js';
import { loadCorpus, loadExpectations, toGrpcResponse } from '../support/corpus.js';
import { toJsonLine } from '../support/events.js';
import { formatRfc3339Ns } from '../../agent/falco/event.js';
import { describeMachine, machine, record } from './machine.js';
import { sendLoad, type HttpClientKind, type LoadResult } from './http-load.js';
import { curlVersion, sendWithCurl } from './curl-sender.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 200_000);
/**
 * The production run's events: ten seconds or so at the target rate, so that the figure is a
 * sustained rate, not the first 200,000 events' start (the JIT, the first window), which moved
 * it by ±20 % between runs.
 */
const SUSTAINED_EVENTS = Number(process.env.BENCH_SUSTAINED_EVENTS ?? 1_000_000);
const HTTP_EVENTS = Number(process.env.BENCH_HTTP_EVENTS ?? 50_000);
const HTTP_BATCH = Number(process.env.BENCH_HTTP_BATCH ?? 100);
/** Batched, a sustained run at the target rate, as for gRPC. */
const HTTP_BATCH_EVENTS = Number(process.env.BENCH_HTTP_BATCH_EVENTS ?? 1_000_000);
const HTTP_BATCH_CONNECTIONS = Number(process.env.BENCH_HTTP_BATCH_CONNECTIONS ?? 2);
const PARTS = new Set((process.env.BENCH_INGEST_PARTS ?? 'decode,grpc,floor,http,http-collector,curl,http-batch').split(','));

/** The raw and node:http clients of http-load.ts, or curl as Falco's own sender (one connection). */
type Sender = HttpClientKind | 'curl';

interface SentLoad extends LoadResult {
  /** curl only: answers by status and connections opened. */
  readonly curl?: { readonly statuses: Record<string, number>; readonly connects: number };
}

async function send(sender: Sender, port: number, connections: number, bodies: readonly string[], dir: string, requests = HTTP_EVENTS): Promise<SentLoad> {
  if (sender !== 'curl') return sendLoad({ port, connections, requests, bodies, client: sender });
  const c = await sendWithCurl({ port, bodies, requests, dir });
  return { requests: c.requests, ms: c.ms, clientCpuMicros: c.curlCpuMicros, roundTripMicros: null, curl: { statuses: c.statuses, connects: c.connects } };
}

// Every attributable container event of the corpora, cycled.
const files = Object.entries(loadExpectations())
  .filter(([, e]) => e.host === 0 && e.internal === 0 && e.otherSource === 0)
  .map(([file]) => file);
const corpus = files.flatMap((f) => loadCorpus(f));
const lines = corpus.map((c) => c.line);
// Dated now (the corpus spans a week): the collector run learns them all within its window.
const benchStart = Math.floor(Date.now() / 1000);
const encoded = corpus.map((c, i) => encodeOutputsResponse({ ...toGrpcResponse(c.json), time: { seconds: benchStart, nanos: i } }));
const dated = corpus.map((c, i) => toJsonLine({ ...c.json, time: formatRfc3339Ns(BigInt(benchStart) * 1_000_000_000n + BigInt(i)) }));
const avgJsonBytes = Math.round(lines.reduce((s, l) => s + Buffer.byteLength(l), 0) / lines.length);
const avgProtoBytes = Math.round(encoded.reduce((s, b) => s + b.length, 0) / encoded.length);

function rate(n: number, ms: number): number {
  return Math.round((n / ms) * 1000);
}

function timeLoop(n: number, fn: (i: number) => void): number {
  for (let i = 0; i < Math.min(n, 20_000); i++) fn(i); // warm-up
  const start = performance.now();
  for (let i = 0; i < n; i++) fn(i);
  return rate(n, performance.now() - start);
}

interface AgentRun {
  readonly eventsPerSecond: number;
  /** This process's CPU while it sent (the sender must not be what limits the figure). */
  readonly senderCpuPercent?: number;
  /** What the agent decided (baseline, already_reported, repeat, novel), collector runs only. */
  readonly decisions?: Record<string, number>;
  readonly events: number;
  readonly rejected: number;
  readonly cpuSeconds: number;
  readonly cpuPerEventMicros: number;
  readonly rssMB: number;
}

async function metrics(port: number): Promise<Map<string, number>> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const at = line.lastIndexOf(' ');
    const key = line.slice(0, at);
    out.set(key, (out.get(key) ?? 0) + Number(line.slice(at + 1)));
  }
  return out;
}

function sum(m: Map<string, number>, prefix: string): number {
  let total = 0;
  for (const [k, v] of m) if (k.startsWith(prefix)) total += v;
  return total;
}

async function startAgentProcess(args: string[], stdout = true): Promise<{ port: number; httpPort: number; stop: () => Promise<void> }> {
  const child = spawnVigil(['agent', ...(stdout ? ['--stdout'] : []), '--listen', '127.0.0.1:0', '--log-level', 'info', ...args]);
  const done = collect(child, undefined, 600_000);
  // Observations go to stdout; a benchmark reading them would measure itself, so drain them.
  child.stdout.resume();
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  let port = 0;
  let httpPort = 0;
  const want = args.includes('--falco-http-listen');
  const deadline = Date.now() + 15_000;
  while ((!port || (want && !httpPort)) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
    for (const line of stderr.split('\n')) {
      if (!line.startsWith('{')) continue;
      const l = JSON.parse(line) as { msg?: string; address?: string };
      if (l.msg === 'serving /healthz, /readyz and /metrics') port = Number(l.address?.split(':').pop());
      if (l.msg === 'listening for Falco http_output') httpPort = Number(l.address?.split(':').pop());
    }
  }
  if (!port) throw new Error(`agent did not start: ${stderr}`);
  return {
    port,
    httpPort,
    stop: async () => {
      child.kill('SIGTERM');
      await done;
    },
  };
}

/**
 * Waits until the agent has counted `n` events. With `sent` (the sender's queue is empty), the
 * agent is only scraped once the sender is done: a /metrics scrape costs the agent 1.5–5 ms
 * (process metrics included), which at one every 100 ms was 1–2 µs of every event's measured CPU
 * (a real Prometheus scrapes every 15–30 s). What remains by then is at most the 8 MiB receive
 * window, so the last scrapes come 20 ms apart.
 */
async function waitForEvents(port: number, n: number, timeoutMs: number, sent?: () => boolean): Promise<{ ms: number; m: Map<string, number> }> {
  const start = performance.now();
  const deadline = Date.now() + timeoutMs;
  while (sent && !sent() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  for (;;) {
    const m = await metrics(port);
    if (sum(m, 'vigil_agent_falco_events_total') + sum(m, 'vigil_agent_falco_rejected_total') >= n || Date.now() > deadline) {
      return { ms: performance.now() - start, m };
    }
    await new Promise((r) => setTimeout(r, sent ? 20 : 100));
  }
}

function summarize(n: number, ms: number, before: Map<string, number>, after: Map<string, number>): AgentRun {
  const cpu = sum(after, 'vigil_agent_process_cpu_seconds_total') - sum(before, 'vigil_agent_process_cpu_seconds_total');
  const events = sum(after, 'vigil_agent_falco_events_total') - sum(before, 'vigil_agent_falco_events_total');
  return {
    eventsPerSecond: rate(events, ms),
    events,
    rejected: sum(after, 'vigil_agent_falco_rejected_total'),
    cpuSeconds: Math.round(cpu * 100) / 100,
    cpuPerEventMicros: Math.round(((cpu * 1e6) / n) * 10) / 10,
    rssMB: Math.round(sum(after, 'vigil_agent_process_resident_memory_bytes') / 1024 / 1024),
  };
}

function decisions(m: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of m) {
    const match = /^vigil_agent_baseline_decisions_total\{decision="(\w+)"\}$/.exec(k);
    if (match?.[1]) out[match[1]] = v;
  }
  return out;
}

async function grpcRun(output: 'stdout' | 'collector', events: number): Promise<AgentRun> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-'));
  const socket = join(dir, 'falco.sock');
  const server = new FalcoBurstServer(socket);
  await server.start();
  const collector = output === 'collector' ? await startCollector(dir, ['--baseline-window', '2s']) : null;
  const agent = await startAgentProcess(
    collector
      ? ['--falco', `unix://${socket}`, '--collector', `127.0.0.1:${collector.grpcPort}`, '--agent-token-file', join(dir, 'agent-tokens'), '--state', join(dir, 'state'), '--node', 'bench-node']
      : ['--falco', `unix://${socket}`],
    output === 'stdout',
  );
  // Let it subscribe.
  await new Promise((r) => setTimeout(r, 500));
  if (collector) {
    for (const message of encoded) server.publishRaw(message);
    await learned(collector, agent.port, encoded.length);
  }
  const before = await metrics(agent.port);
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  // Pre-encoded, as a real Falco encodes in its own (C++) process: this process must not be the
  // bottleneck it measures. Handed over at once, as Falco's queue after a busy second.
  for (let i = 0; i < events; i++) server.publishRaw(encoded[i % encoded.length] ?? Buffer.alloc(0));
  const { ms, m } = await waitForEvents(agent.port, events + (collector ? encoded.length : 0), 300_000, () => server.backlog === 0);
  const cpu = process.cpuUsage(cpuBefore);
  const result: AgentRun = {
    ...summarize(events, ms, before, m),
    senderCpuPercent: Math.round(((cpu.user + cpu.system) / 1000 / (performance.now() - start)) * 100),
    ...(collector ? { decisions: subtract(decisions(m), decisions(before)) } : {}),
  };
  await agent.stop();
  await collector?.stop();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
  return result;
}

/** Waits until the agent has taken the corpus once and every baseline is locked and back at the agent. */
async function learned(collector: RunningCollector, agentPort: number, events: number): Promise<void> {
  await waitForEvents(agentPort, events, 60_000);
  await waitFor(
    async () => {
      const { workloads } = await getJson<{ workloads: Array<{ mode: string }> }>(collector.httpPort, '/api/v1/workloads');
      return workloads.length > 0 && workloads.every((w) => w.mode === 'detecting');
    },
    'baselines locked',
    30_000,
  );
  await new Promise((r) => setTimeout(r, 1_000)); // the lock's delta reaches the agent
}

function subtract(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - (before[k] ?? 0)]));
}

interface ClientCost {
  /** The sending (benchmark) process's CPU while it sent, as a share of one core. */
  readonly clientCpuPercent: number;
  readonly clientCpuPerRequestMicros: number;
  readonly roundTripMicros: LoadResult['roundTripMicros'];
  readonly curl?: SentLoad['curl'];
}

function clientCost(load: SentLoad): ClientCost {
  return {
    clientCpuPercent: Math.round((load.clientCpuMicros / 1000 / load.ms) * 100),
    clientCpuPerRequestMicros: Math.round((load.clientCpuMicros / load.requests) * 10) / 10,
    roundTripMicros: load.roundTripMicros,
    ...(load.curl ? { curl: load.curl } : {}),
  };
}

/** One HTTP run; with `batch` above 1, each request is a JSON array of that many events (collector runs only). */
async function httpRun(connections: number, output: 'stdout' | 'collector' = 'stdout', sender: Sender = 'raw', batch = 1): Promise<AgentRun & ClientCost> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-'));
  const collector = output === 'collector' ? await startCollector(dir, ['--baseline-window', '2s']) : null;
  const agent = await startAgentProcess(
    collector
      ? ['--falco-http-listen', '127.0.0.1:0', '--collector', `127.0.0.1:${collector.grpcPort}`, '--agent-token-file', join(dir, 'agent-tokens'), '--state', join(dir, 'state'), '--node', 'bench-node']
      : ['--falco-http-listen', '127.0.0.1:0'],
    output === 'stdout',
  );
  // With a collector the events are dated now, so that the first pass is learned in its window.
  const bodies = collector ? dated : lines;
  if (collector) {
    await sendLoad({ port: agent.httpPort, connections: 1, requests: bodies.length, bodies, client: 'raw' });
    await learned(collector, agent.port, bodies.length);
  }
  const before = await metrics(agent.port);
  const events = batch > 1 ? HTTP_BATCH_EVENTS : HTTP_EVENTS;
  const load = await send(sender, agent.httpPort, connections, batch > 1 ? batches(bodies, batch) : bodies, dir, Math.ceil(events / batch));
  const after = await metrics(agent.port);
  const result = summarize(Math.ceil(events / batch) * batch, load.ms, before, after);
  await agent.stop();
  await collector?.stop();
  rmSync(dir, { recursive: true, force: true });
  return { ...result, ...(collector ? { decisions: subtract(decisions(after), decisions(before)) } : {}), ...clientCost(load) };
}

/** The events as JSON arrays of `size`, cycling through them so that every array is full. */
function batches(events: readonly string[], size: number): string[] {
  const count = events.length / gcd(events.length, size);
  return Array.from({ length: count }, (_, b) => `[${Array.from({ length: size }, (_, i) => events[(b * size + i) % events.length]).join(',')}]`);
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

interface FloorRun extends ClientCost {
  readonly client: Sender;
  readonly connections: number;
  readonly requestsPerSecond: number;
  readonly serverCpuPerRequestMicros: number;
}

/** Node's own HTTP cost: a bare node:http server in a child process, fed like the agent. */
async function httpFloor(client: Sender, connections: number): Promise<FloorRun> {
  const server = spawn(process.execPath, [join(ROOT, 'dist', 'test', 'bench', 'bare-http-server.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    server.stdout.setEncoding('utf8').once('data', (line: string) => resolve(Number(/^listening (\d+)/.exec(line)?.[1])));
    server.once('exit', (code) => reject(new Error(`bare HTTP server exited with ${code}`)));
  });
  const cpu = async (): Promise<number> => ((await (await fetch(`http://127.0.0.1:${port}/cpu`)).json()) as { micros: number }).micros;
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-'));
  const cpuBefore = await cpu();
  const load = await send(client, port, connections, lines, dir);
  const serverCpu = (await cpu()) - cpuBefore;
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
  return {
    client,
    connections,
    requestsPerSecond: rate(load.requests, load.ms),
    serverCpuPerRequestMicros: Math.round((serverCpu / load.requests) * 10) / 10,
    ...clientCost(load),
  };
}

function describeFloor(f: FloorRun): string {
  return (
    `HTTP floor, bare node:http server, ${f.client} client, ${f.connections} connection(s): ${f.requestsPerSecond.toLocaleString()} requests/s, ` +
    `server ${f.serverCpuPerRequestMicros} µs CPU/request; client ${f.clientCpuPercent}% of a core, ${f.clientCpuPerRequestMicros} µs/request` +
    (f.roundTripMicros ? `; round trip p50 ${f.roundTripMicros.p50} µs, p99 ${f.roundTripMicros.p99} µs` : '') +
    (f.curl ? `; answers ${JSON.stringify(f.curl.statuses)}, ${f.curl.connects} connection(s) opened` : '')
  );
}

/** `share`: what the rate is set against, e.g. " (80% of the floor)"; a floor run stands for its own. */
function describeHttp(run: AgentRun & ClientCost, share: FloorRun | string | undefined, sent = HTTP_EVENTS, requests = sent): string {
  const against = typeof share === 'string' ? share : share ? ` (${Math.round((run.eventsPerSecond / share.requestsPerSecond) * 100)}% of the floor)` : '';
  return (
    `${run.eventsPerSecond.toLocaleString()} events/s${against}, ` +
    `${run.events.toLocaleString()}/${sent.toLocaleString()} received${requests === sent ? '' : ` in ${requests.toLocaleString()} requests`}, ${run.cpuPerEventMicros} µs CPU/event, RSS ${run.rssMB} MB; ` +
    (run.decisions ? `decisions ${JSON.stringify(run.decisions)}; ` : '') +
    `client ${run.clientCpuPercent}% of a core, ${run.clientCpuPerRequestMicros} µs/request` +
    (run.roundTripMicros ? `; round trip p50 ${run.roundTripMicros.p50} µs, p99 ${run.roundTripMicros.p99} µs` : '') +
    (run.curl ? `; answers ${JSON.stringify(run.curl.statuses)}, ${run.curl.connects} connection(s) opened` : '')
  );
}

const m = machine();
console.log(`agent ingest benchmark — ${describeMachine(m)}`);
console.log(`corpus: ${corpus.length} distinct events from ${files.length} files; JSON ${avgJsonBytes} B/event, protobuf ${avgProtoBytes} B/event`);

const decode = PARTS.has('decode') ? decodeRates() : null;

function decodeRates(): { protobuf: number; protobufToEvent: number; jsonParse: number; jsonToEvent: number } {
  const protoDecode = timeLoop(EVENTS, (i) => decodeOutputsResponse(encoded[i % encoded.length] ?? Buffer.alloc(0)));
  const protoToEvent = timeLoop(EVENTS, (i) => decodeGrpcResponse(decodeOutputsResponse(encoded[i % encoded.length] ?? Buffer.alloc(0))));
  const jsonParse = timeLoop(EVENTS, (i) => JSON.parse(lines[i % lines.length] ?? '{}'));
  const jsonToEvent = timeLoop(EVENTS, (i) => decodeJsonEvent(parseJsonEvents(lines[i % lines.length] ?? '{}')[0]));
  console.log(`raw decode, this process: protobuf ${protoDecode.toLocaleString()}/s (→ FalcoEvent ${protoToEvent.toLocaleString()}/s); JSON.parse ${jsonParse.toLocaleString()}/s (lossless → FalcoEvent ${jsonToEvent.toLocaleString()}/s)`);
  return { protobuf: protoDecode, protobufToEvent: protoToEvent, jsonParse, jsonToEvent };
}
/** A share of the decode-to-event rate, when it was measured. */
const ofDecode = (perSecond: number): string => (decode ? ` (${Math.round((perSecond / decode.protobufToEvent) * 100)}% of decode-to-event rate)` : '');
/** The same for JSON (JSON.parse and the decoder): over 100 % where repeats are replayed unparsed. */
const ofJsonDecode = (perSecond: number): string => (decode ? ` (${Math.round((perSecond / decode.jsonToEvent) * 100)}% of the JSON decode-to-event rate)` : '');

let grpcCollector: AgentRun | null = null;
let grpc: AgentRun | null = null;
if (PARTS.has('grpc')) {
  grpcCollector = await grpcRun('collector', SUSTAINED_EVENTS);
  console.log(
    `gRPC  → agent → collector (repeats of learned items): ${grpcCollector.eventsPerSecond.toLocaleString()} events/s${ofDecode(grpcCollector.eventsPerSecond)}, ` +
      `${grpcCollector.events.toLocaleString()}/${SUSTAINED_EVENTS.toLocaleString()} received, ${grpcCollector.rejected} rejected, ` +
      `${grpcCollector.cpuPerEventMicros} µs CPU/event, RSS ${grpcCollector.rssMB} MB, sender CPU ${grpcCollector.senderCpuPercent}%, ` +
      `decisions ${JSON.stringify(grpcCollector.decisions)}`,
  );
  grpc = await grpcRun('stdout', EVENTS);
  console.log(
    `gRPC  → agent --stdout (every event printed): ${grpc.eventsPerSecond.toLocaleString()} events/s${ofDecode(grpc.eventsPerSecond)}, ` +
      `${grpc.events.toLocaleString()}/${EVENTS.toLocaleString()} received, ${grpc.rejected} rejected, ${grpc.cpuPerEventMicros} µs CPU/event, RSS ${grpc.rssMB} MB, sender CPU ${grpc.senderCpuPercent}%`,
  );
}
const floors: FloorRun[] = [];
if (PARTS.has('floor')) {
  for (const client of ['node-http', 'raw'] as const) {
    for (const connections of [1, 8]) {
      floors.push(await httpFloor(client, connections));
      console.log(describeFloor(floors[floors.length - 1] as FloorRun));
    }
  }
}
const rawFloor = (connections: number): FloorRun | undefined => floors.find((f) => f.client === 'raw' && f.connections === connections);
const http: Record<string, AgentRun & ClientCost> = {};
for (const [name, connections, output, what] of [
  ['http1', 1, 'stdout', "1 connection (as Falco's http_output), --stdout"],
  ['http8', 8, 'stdout', '8 connections, --stdout'],
  ['http1Collector', 1, 'collector', '1 connection → collector (repeats of learned items)'],
  ['http8Collector', 8, 'collector', '8 connections → collector (repeats of learned items)'],
] as const) {
  if (!PARTS.has(output === 'stdout' ? 'http' : 'http-collector')) continue;
  const run = await httpRun(connections, output);
  http[name] = run;
  console.log(`HTTP  → agent, ${what}, raw client: ${describeHttp(run, rawFloor(connections))}`);
}
const curl: { version: string | null; floor?: FloorRun; agent?: AgentRun & ClientCost } = { version: null };
if (PARTS.has('curl')) {
  curl.version = curlVersion();
  if (curl.version === null) {
    console.log("HTTP with Falco's own sender (libcurl): skipped, no curl command on this machine");
  } else {
    curl.floor = await httpFloor('curl', 1);
    console.log(describeFloor(curl.floor).replace('curl client', `curl client (${curl.version}, as Falco's http_output)`));
    curl.agent = await httpRun(1, 'collector', 'curl');
    console.log(`HTTP  → agent, 1 connection → collector (repeats of learned items), curl (Falco's libcurl sender): ${describeHttp(curl.agent, curl.floor)}`);
  }
}
let httpBatch: (AgentRun & ClientCost & { readonly batch: number; readonly connections: number }) | null = null;
if (PARTS.has('http-batch')) {
  httpBatch = { ...(await httpRun(HTTP_BATCH_CONNECTIONS, 'collector', 'raw', HTTP_BATCH)), batch: HTTP_BATCH, connections: HTTP_BATCH_CONNECTIONS };
  const connections = HTTP_BATCH_CONNECTIONS === 1 ? '1 connection' : `${HTTP_BATCH_CONNECTIONS} connections`;
  console.log(
    `HTTP  → agent, ${connections} → collector (repeats of learned items), JSON arrays of ${HTTP_BATCH} events (a batching forwarder), raw client: ` +
      describeHttp(httpBatch, ofJsonDecode(httpBatch.eventsPerSecond), Math.ceil(HTTP_BATCH_EVENTS / HTTP_BATCH) * HTTP_BATCH, Math.ceil(HTTP_BATCH_EVENTS / HTTP_BATCH)),
  );
}
const file = record('agent-ingest', {
  events: EVENTS,
  sustainedEvents: SUSTAINED_EVENTS,
  httpEvents: HTTP_EVENTS,
  bytesPerEvent: { json: avgJsonBytes, protobuf: avgProtoBytes },
  decodePerSecond: decode,
  grpc,
  grpcCollector,
  httpFloor: floors,
  ...http,
  curl,
  httpBatch,
});
console.log(`figures written to ${file}`);
