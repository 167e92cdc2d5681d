// Helpers for the collector-scale and latency benchmarks (not a benchmark itself; importing it
// runs nothing): a real `vigil collector` process with token files in a temp dir, its CPU and
// resident memory read from /proc, the JSON API and /metrics, simulated agent streams, and a
// WebSocket stream client that resumes after a slow-consumer cut (close 4008).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import WebSocket from 'ws';
import type { vigil } from '../../proto/gen/vigil.js';
import { CONNECT_PATH, decodeCollectorMessage, encodeAgentMessage, type AgentMessage } from '../../proto/vigil-wire.js';
import { VigilProcess } from '../support/processes.js';

export const AGENT_TOKEN = 'bench-agent-token-0123456789abcdef';
export const OPERATOR_TOKEN = 'bench-operator-token-0123456789abcdef';

export interface RunningCollector {
  readonly proc: VigilProcess;
  readonly pid: number;
  readonly grpcPort: number;
  readonly httpPort: number;
  stop(): Promise<void>;
}

/** Starts `vigil collector` with its database and token files in `dir`; ports picked by the OS. */
export async function startCollector(dir: string, extra: string[] = []): Promise<RunningCollector> {
  const agentTokens = join(dir, 'agent-tokens');
  const apiTokens = join(dir, 'api-tokens');
  writeFileSync(agentTokens, `${AGENT_TOKEN}\n`);
  writeFileSync(apiTokens, `operator ${OPERATOR_TOKEN} bench\n`);
  const proc = new VigilProcess([
    'collector', '--db', join(dir, 'vigil.db'), '--grpc-listen', '127.0.0.1:0', '--http-listen', '127.0.0.1:0',
    '--agent-token-file', agentTokens, '--api-token-file', apiTokens, ...extra,
  ]);
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    const pid = proc.logs.find((l) => typeof l.pid === 'number')?.pid as number | undefined;
    const exited = proc.kill('SIGTERM');
    const timeout = new Promise<'timeout'>((r) => setTimeout(r, 20_000, 'timeout').unref());
    if ((await Promise.race([exited, timeout])) === 'timeout' && pid) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
      await exited;
    }
  };
  try {
    const grpcLine = await proc.waitForLog((l) => l.msg === 'listening for agents', 20_000);
    const httpLine = await proc.waitForLog((l) => typeof l.msg === 'string' && l.msg.startsWith('serving the API'), 20_000);
    return {
      proc,
      pid: Number(grpcLine.pid),
      grpcPort: Number(String(grpcLine.address).split(':').pop()),
      httpPort: Number(String(httpLine.address).split(':').pop()),
      stop,
    };
  } catch (err) {
    await stop();
    throw new Error(`collector did not start: ${(err as Error).message}; stderr: ${proc.stderr.slice(-1500)}`);
  }
}

/** Resident memory (bytes) and CPU time (user + system, seconds) of a process, from /proc. */
export function procStats(pid: number): { rssBytes: number; cpuSeconds: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of /proc/PID/stat (utime, stime), in clock ticks (USER_HZ = 100 on Linux).
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { rssBytes: rssKb * 1024, cpuSeconds: ticks / 100 };
}

export async function getJson<T>(httpPort: number, path: string, token = OPERATOR_TOKEN): Promise<T> {
  const res = await fetch(`http://127.0.0.1:${httpPort}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The collector's /metrics, summed over label sets by metric name + labels as written. */
export async function collectorMetrics(httpPort: number): Promise<Map<string, number>> {
  const res = await fetch(`http://127.0.0.1:${httpPort}/metrics`, { headers: { Authorization: `Bearer ${OPERATOR_TOKEN}` } });
  const text = await res.text();
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const at = line.lastIndexOf(' ');
    out.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return out;
}

export function metric(m: Map<string, number>, prefix: string): number {
  let total = 0;
  for (const [k, v] of m) if (k === prefix || k.startsWith(`${prefix}{`)) total += v;
  return total;
}

/**
 * One simulated agent: its own gRPC channel and TCP connection (a local subchannel pool, so the
 * 1,000 streams are not multiplexed over one connection as grpc-js would otherwise do), the
 * agent's keepalive settings, and pre-encoded messages so the benchmark's encoding cost stays
 * out of the measured windows.
 */
export class SimAgent {
  highestAck = -1;
  acks = 0;
  snapshots = 0;
  deltas = 0;
  status: grpc.StatusObject | null = null;
  private readonly client: grpc.Client;
  private readonly call: grpc.ClientDuplexStream<AgentMessage | Buffer, vigil.v1.CollectorMessage>;
  private waiters: Array<{ seq: number; resolve: () => void; reject: (e: Error) => void }> = [];

  constructor(
    port: number,
    readonly agentId: string,
    readonly node: string,
  ) {
    this.client = new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
      'grpc.use_local_subchannel_pool': 1,
      'grpc.keepalive_time_ms': 30_000,
      'grpc.keepalive_timeout_ms': 10_000,
    });
    const md = new grpc.Metadata();
    md.set('authorization', `Bearer ${AGENT_TOKEN}`);
    const serialize = (m: AgentMessage | Buffer): Buffer => (Buffer.isBuffer(m) ? m : encodeAgentMessage(m));
    this.call = this.client.makeBidiStreamRequest(CONNECT_PATH, serialize, decodeCollectorMessage, md);
    this.call.on('data', (m: vigil.v1.CollectorMessage) => {
      if (m.ack) {
        this.acks++;
        this.highestAck = Math.max(this.highestAck, Number(m.ack.highest_seq ?? 0));
        this.waiters = this.waiters.filter((w) => (w.seq <= this.highestAck ? (w.resolve(), false) : true));
      } else if (m.snapshot) this.snapshots++;
      else if (m.delta) this.deltas++;
    });
    this.call.on('status', (s: grpc.StatusObject) => {
      this.status = s;
      for (const w of this.waiters) w.reject(new Error(`agent ${agentId}: stream ended: ${s.code} ${s.details}`));
      this.waiters = [];
    });
    this.call.on('error', () => undefined); // surfaced through `status`
  }

  hello(cluster: string): void {
    this.call.write({ hello: { agent_id: this.agentId, node: this.node, cluster, agent_version: '0.1.0', falco_version: '0.43.0', known_workloads: [] } });
  }

  send(msg: AgentMessage | Buffer): void {
    this.call.write(msg);
  }

  /** Resolves once the collector has acknowledged `seq` (0: the answer to Hello). */
  acked(seq: number): Promise<void> {
    if (this.highestAck >= seq) return Promise.resolve();
    if (this.status) return Promise.reject(new Error(`agent ${this.agentId}: stream ended: ${this.status.code} ${this.status.details}`));
    return new Promise((resolve, reject) => this.waiters.push({ seq, resolve, reject }));
  }

  close(): void {
    this.call.cancel();
    this.client.close();
  }
}

export interface StreamMessage {
  readonly type: string;
  readonly cursor: number;
  readonly at?: string;
  readonly item?: string;
  readonly alert?: number;
  /** agent.status: whether the agent's stream opened or closed. */
  readonly connected?: boolean;
}

/**
 * A SOC client on /api/v1/stream (Bearer token). When the collector cuts it as a slow consumer
 * (4008) or the connection drops, it reconnects with since=<last cursor received>, as docs/api.md
 * tells clients to, so it still receives every message exactly once; cuts are counted.
 */
export class StreamClient {
  lastCursor: number | null = null;
  cuts = 0;
  reconnects = 0;
  outOfOrder = 0;
  readonly closes: Array<{ code: number; reason: string }> = [];
  private ws: WebSocket | null = null;
  private closing = false;

  constructor(
    private readonly httpPort: number,
    private readonly onMessage: (m: StreamMessage, arrivalMs: number) => void,
  ) {}

  open(since: number | null = null): Promise<void> {
    const query = since === null ? '' : `?since=${since}`;
    const ws = new WebSocket(`ws://127.0.0.1:${this.httpPort}/api/v1/stream${query}`, {
      headers: { Authorization: `Bearer ${OPERATOR_TOKEN}` },
      perMessageDeflate: false,
    });
    this.ws = ws;
    ws.on('message', (data: Buffer) => {
      const now = performance.now();
      const m = JSON.parse(data.toString()) as StreamMessage;
      if (this.lastCursor !== null && m.type !== 'heartbeat' && m.cursor <= this.lastCursor) this.outOfOrder++;
      if (this.lastCursor === null || m.cursor > this.lastCursor) this.lastCursor = m.cursor;
      this.onMessage(m, now);
    });
    ws.on('close', (code: number, reason: Buffer) => {
      if (this.closing || this.ws !== ws) return;
      const text = reason.toString();
      this.closes.push({ code, reason: text });
      if (code === 4008) this.cuts++;
      this.reconnects++;
      const fromReason = /since=(\d+)/.exec(text)?.[1];
      const resume = this.lastCursor ?? (fromReason === undefined ? null : Number(fromReason));
      setTimeout(() => void this.open(resume).catch(() => undefined), 50).unref();
    });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('unexpected-response', (_req, res) => reject(new Error(`stream refused: HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  close(): Promise<void> {
    this.closing = true;
    const ws = this.ws;
    if (!ws || ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        ws.terminate();
        resolve();
      }, 2000);
      ws.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      ws.close(1000);
    });
  }
}

export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Waits for `check` (polled every `everyMs`), or throws naming `what`. */
export async function waitFor<T>(check: () => Promise<T | undefined | false> | T | undefined | false, what: string, timeoutMs: number, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** A fixed-width text table, as the figures table of a benchmark. */
export function table(rows: ReadonlyArray<readonly string[]>): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((r, n) => {
    const line = r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
    return n === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
  }).join('\n');
}

/**
 * Polls GET /healthz one request at a time (every `everyMs` after the previous answer) and keeps
 * the response times: how long the collector's event loop leaves an HTTP request waiting.
 */
export function probeHealth(httpPort: number, everyMs = 100): { stop(): Promise<{ probes: number; p50Ms: number; p99Ms: number; maxMs: number }> } {
  const times: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const start = performance.now();
      try {
        await (await fetch(`http://127.0.0.1:${httpPort}/healthz`)).text();
      } catch {
        // counted by its time all the same
      }
      times.push(performance.now() - start);
      await sleep(everyMs);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      const sorted = [...times].sort((a, b) => a - b);
      return { probes: sorted.length, p50Ms: round(percentile(sorted, 50)), p99Ms: round(percentile(sorted, 99)), maxMs: round(sorted[sorted.length - 1] ?? NaN) };
    },
  };
}
