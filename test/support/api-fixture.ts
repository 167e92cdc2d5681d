// A collector with its HTTP API and stream on loopback, an agent stream to feed it, and two SOC
// tokens (viewer, operator).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { Test } from 'tap';
import { pino } from 'pino';
import { Collector } from '../../collector/collector.js';
import { parseTokenFile } from '../../collector/auth/api-tokens.js';
import type { ConvergenceRule } from '../../collector/baseline/decide.js';
import { FakeAgentStream, processObservation, report } from './collector-client.js';

export const AGENT_TOKEN = 'api-test-agent-token-0123456789';
export const VIEWER = 'viewer-token-0123456789abcdef';
export const OPERATOR = 'operator-token-0123456789abcdef';
export const T0 = 1_795_165_200_000_000_000n;
export const MS = 1_000_000n;

export interface ApiFixture {
  collector: Collector;
  readonly base: string;
  readonly wsBase: string;
  agent: FakeAgentStream;
  /** Stops the collector and starts a new one on the same database and HTTP port; `whileDown` runs in between. */
  restart(whileDown?: () => Promise<void>): Promise<void>;
  readonly logs: string[];
  readonly clock: { now: number };
  seq: number;
  /** Sends observations (exe paths) for a workload and waits for their ack. */
  observe(items: Array<{ exe: string; name?: string; namespace?: string; at?: bigint; imageDigest?: string; node?: string; parentExe?: string; containerStart?: bigint; cmdline?: string }>): Promise<void>;
  call(method: string, path: string, opts?: { token?: string | null; body?: unknown }): Promise<{ status: number; body: Record<string, unknown> }>;
}

export async function apiFixture(t: Test, opts: { windowMs?: number; maxBuffered?: number; origins?: string[]; imageReviewMs?: number; startupGraceMs?: number; convergence?: ConvergenceRule; windowOverrides?: ReadonlyMap<string, number>; streamRetentionMs?: number; streamMaxRows?: number } = {}): Promise<ApiFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-api-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const logs: string[] = [];
  const sink = new PassThrough();
  sink.setEncoding('utf8').on('data', (c: string) => logs.push(c));
  const clock = { now: Number(T0 / MS) };
  const make = (httpPort: number): Collector => new Collector(
    {
      dbFile: join(dir, 'vigil.db'),
      grpcListen: '127.0.0.1:0',
      grpcTls: null,
      http: { host: '127.0.0.1', port: httpPort },
      agentTokens: [AGENT_TOKEN],
      apiTokens: parseTokenFile(`viewer ${VIEWER} vera\noperator ${OPERATOR} oscar\n`, 'tokens'),
      allowedOrigins: opts.origins ?? ['https://vigil.example.com'],
      streamMaxBufferedBytes: opts.maxBuffered,
      defaultMode: 'learning',
      windowMs: opts.windowMs ?? 60_000,
      imageReviewMs: opts.imageReviewMs,
      startupGraceMs: opts.startupGraceMs,
      streamRetentionMs: opts.streamRetentionMs,
      streamMaxRows: opts.streamMaxRows,
      convergence: opts.convergence,
      windowOverrides: opts.windowOverrides,
      now: () => clock.now,
    },
    pino({ level: 'info' }, sink),
  );
  const collector = make(0);
  await collector.start();
  const agent = new FakeAgentStream(collector.grpcPort, AGENT_TOKEN);
  agent.hello('agent-api-test');
  await agent.ack(0);
  const port = collector.httpAddress?.port ?? 0;
  const fixture: ApiFixture = {
    collector,
    async restart(whileDown) {
      fixture.agent.close();
      await fixture.collector.stop();
      await whileDown?.();
      fixture.collector = make(port);
      await fixture.collector.start();
      fixture.agent = new FakeAgentStream(fixture.collector.grpcPort, AGENT_TOKEN);
      fixture.agent.hello('agent-api-test');
      await fixture.agent.ack(fixture.seq);
    },
    base: `http://127.0.0.1:${port}`,
    wsBase: `ws://127.0.0.1:${port}`,
    agent,
    logs,
    clock,
    seq: 0,
    async observe(items) {
      const reports = items.map((i) => report(++fixture.seq, processObservation({ exe: i.exe, name: i.name, namespace: i.namespace, imageDigest: i.imageDigest, node: i.node, parentExe: i.parentExe, containerStartNs: i.containerStart, cmdline: i.cmdline, timeNs: i.at ?? T0 + BigInt(fixture.seq) * MS })));
      fixture.agent.send({ reports: { reports } });
      await fixture.agent.ack(fixture.seq);
    },
    async call(method, path, o = {}) {
      const token = o.token === undefined ? OPERATOR : o.token;
      const res = await fetch(`${fixture.base}${path}`, {
        method,
        headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(o.body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
        body: o.body === undefined ? undefined : JSON.stringify(o.body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    },
  };
  t.teardown(async () => {
    fixture.agent.close();
    await fixture.collector.stop();
  });
  return fixture;
}

/** Learns `learned` during the window, locks it, then reports `deviations` after the lock. */
export async function lockedWithAlerts(f: ApiFixture, learned: string[], deviations: string[]): Promise<void> {
  await f.observe(learned.map((exe) => ({ exe })));
  f.clock.now = Number(T0 / MS) + 61_000;
  f.collector.service?.lockDue();
  await f.observe(deviations.map((exe, i) => ({ exe, at: T0 + 62_000n * MS + BigInt(i) * MS })));
}
