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
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent as HttpAgent, request } from 'node:http';
import { decodeJsonEvent, parseJsonEvents } from '../../agent/falco/json-event.js';
import { decodeGrpcResponse } from '../../agent/falco/grpc-event.js';
import { decodeOutputsResponse, encodeOutputsResponse } from '../../proto/falco-services.js';
import { FalcoBurstServer } from '../support/falco-burst-server.js';
import { getJson, startCollector, waitFor } from './collector-harness.js';
import { collect, spawnVigil } from '../support/cli.js';
import { loadCorpus, loadExpectations, toGrpcResponse } from '../support/corpus.js';
import { describeMachine, machine, record } from './machine.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 200_000);
const HTTP_EVENTS = Number(process.env.BENCH_HTTP_EVENTS ?? 50_000);

// Every attributable container event of the corpora, cycled.
const files = Object.entries(loadExpectations())
  .filter(([, e]) => e.host === 0 && e.internal === 0 && e.otherSource === 0)
  .map(([file]) => file);
const corpus = files.flatMap((f) => loadCorpus(f));
const lines = corpus.map((c) => c.line);
// Dated now (the corpus spans a week): the collector run learns them all within its window.
const benchStart = Math.floor(Date.now() / 1000);
const encoded = corpus.map((c, i) => encodeOutputsResponse({ ...toGrpcResponse(c.json), time: { seconds: benchStart, nanos: i } }));
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

async function waitForEvents(port: number, n: number, timeoutMs: number): Promise<{ ms: number; m: Map<string, number> }> {
  const start = performance.now();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const m = await metrics(port);
    if (sum(m, 'vigil_agent_falco_events_total') + sum(m, 'vigil_agent_falco_rejected_total') >= n || Date.now() > deadline) {
      return { ms: performance.now() - start, m };
    }
    // Every 100 ms: each scrape costs the agent ~1.5 ms (a real Prometheus scrapes every 15–30 s).
    await new Promise((r) => setTimeout(r, 100));
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

async function grpcRun(output: 'stdout' | 'collector'): Promise<AgentRun> {
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
    // Learn the corpus once, then wait for every baseline to lock and reach the agent.
    for (const message of encoded) server.publishRaw(message);
    await waitForEvents(agent.port, encoded.length, 60_000);
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
  const before = await metrics(agent.port);
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  // Pre-encoded, as a real Falco encodes in its own (C++) process: this process must not be the
  // bottleneck it measures. Handed over at once, as Falco's queue after a busy second.
  for (let i = 0; i < EVENTS; i++) server.publishRaw(encoded[i % encoded.length] ?? Buffer.alloc(0));
  const { ms, m } = await waitForEvents(agent.port, EVENTS + (collector ? encoded.length : 0), 300_000);
  const cpu = process.cpuUsage(cpuBefore);
  const result: AgentRun = {
    ...summarize(EVENTS, ms, before, m),
    senderCpuPercent: Math.round(((cpu.user + cpu.system) / 1000 / (performance.now() - start)) * 100),
    ...(collector ? { decisions: subtract(decisions(m), decisions(before)) } : {}),
  };
  await agent.stop();
  await collector?.stop();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
  return result;
}

function subtract(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - (before[k] ?? 0)]));
}

async function httpRun(connections: number): Promise<AgentRun> {
  const agent = await startAgentProcess(['--falco-http-listen', '127.0.0.1:0']);
  const before = await metrics(agent.port);
  const pool = new HttpAgent({ keepAlive: true, maxSockets: connections });
  let next = 0;
  const start = performance.now();
  const worker = async (): Promise<void> => {
    while (next < HTTP_EVENTS) {
      const body = lines[next++ % lines.length] ?? '';
      await new Promise<void>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port: agent.httpPort, method: 'POST', path: '/', agent: pool, headers: { 'Content-Type': 'application/json' } },
          (res) => {
            res.resume();
            res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const ms = performance.now() - start;
  const after = await metrics(agent.port);
  pool.destroy();
  const result = summarize(HTTP_EVENTS, ms, before, after);
  await agent.stop();
  return result;
}

const m = machine();
console.log(`agent ingest benchmark — ${describeMachine(m)}`);
console.log(`corpus: ${corpus.length} distinct events from ${files.length} files; JSON ${avgJsonBytes} B/event, protobuf ${avgProtoBytes} B/event`);

const protoDecode = timeLoop(EVENTS, (i) => decodeOutputsResponse(encoded[i % encoded.length] ?? Buffer.alloc(0)));
const protoToEvent = timeLoop(EVENTS, (i) => decodeGrpcResponse(decodeOutputsResponse(encoded[i % encoded.length] ?? Buffer.alloc(0))));
const jsonParse = timeLoop(EVENTS, (i) => JSON.parse(lines[i % lines.length] ?? '{}'));
const jsonToEvent = timeLoop(EVENTS, (i) => decodeJsonEvent(parseJsonEvents(lines[i % lines.length] ?? '{}')[0]));
console.log(`raw decode, this process: protobuf ${protoDecode.toLocaleString()}/s (→ FalcoEvent ${protoToEvent.toLocaleString()}/s); JSON.parse ${jsonParse.toLocaleString()}/s (lossless → FalcoEvent ${jsonToEvent.toLocaleString()}/s)`);

const grpcCollector = await grpcRun('collector');
console.log(
  `gRPC  → agent → collector (repeats of learned items): ${grpcCollector.eventsPerSecond.toLocaleString()} events/s ` +
    `(${Math.round((grpcCollector.eventsPerSecond / protoToEvent) * 100)}% of decode-to-event rate), ` +
    `${grpcCollector.events.toLocaleString()}/${EVENTS.toLocaleString()} received, ${grpcCollector.rejected} rejected, ` +
    `${grpcCollector.cpuPerEventMicros} µs CPU/event, RSS ${grpcCollector.rssMB} MB, sender CPU ${grpcCollector.senderCpuPercent}%, ` +
    `decisions ${JSON.stringify(grpcCollector.decisions)}`,
);
const grpc = await grpcRun('stdout');
console.log(
  `gRPC  → agent --stdout (every event printed): ${grpc.eventsPerSecond.toLocaleString()} events/s (${Math.round((grpc.eventsPerSecond / protoToEvent) * 100)}% of decode-to-event rate), ` +
    `${grpc.events.toLocaleString()}/${EVENTS.toLocaleString()} received, ${grpc.rejected} rejected, ${grpc.cpuPerEventMicros} µs CPU/event, RSS ${grpc.rssMB} MB, sender CPU ${grpc.senderCpuPercent}%`,
);
const http1 = await httpRun(1);
console.log(
  `HTTP  → agent, 1 connection (as Falco's http_output): ${http1.eventsPerSecond.toLocaleString()} events/s, ` +
    `${http1.events.toLocaleString()}/${HTTP_EVENTS.toLocaleString()} received, ${http1.cpuPerEventMicros} µs CPU/event, RSS ${http1.rssMB} MB`,
);
const http8 = await httpRun(8);
console.log(
  `HTTP  → agent, 8 connections: ${http8.eventsPerSecond.toLocaleString()} events/s (${Math.round((http8.eventsPerSecond / jsonToEvent) * 100)}% of decode-to-event rate), ` +
    `${http8.events.toLocaleString()}/${HTTP_EVENTS.toLocaleString()} received, ${http8.cpuPerEventMicros} µs CPU/event, RSS ${http8.rssMB} MB`,
);
const file = record('agent-ingest', {
  events: EVENTS,
  httpEvents: HTTP_EVENTS,
  bytesPerEvent: { json: avgJsonBytes, protobuf: avgProtoBytes },
  decodePerSecond: { protobuf: protoDecode, protobufToEvent: protoToEvent, jsonParse, jsonToEvent },
  grpc,
  grpcCollector,
  http1,
  http8,
});
console.log(`figures written to ${file}`);
