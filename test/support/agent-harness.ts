// Runs a real Agent in this process with its stdout and logs captured, so integration tests can
// assert on the observations it prints and the lines it logs.
import { PassThrough } from 'node:stream';
import { pino } from 'pino';
import { Agent, type AgentConfig } from '../../agent/agent.js';
import type { ObservationJson } from '../../agent/model/observation.js';

export interface RunningAgent {
  readonly agent: Agent;
  readonly observations: ObservationJson[];
  readonly logs: Array<Record<string, unknown>>;
  /** Resolves once at least `count` observations arrived; rejects after `timeoutMs`. */
  waitForObservations(count: number, timeoutMs?: number): Promise<ObservationJson[]>;
  waitForLog(predicate: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  metric(name: string, labels?: Record<string, string>): Promise<number>;
  stop(): Promise<void>;
}

export const baseConfig: Omit<AgentConfig, 'stdout'> = {
  cluster: 'test',
  node: null,
  includeHost: false,
  rulePrefix: 'Vigil',
  maxFieldLength: 4096,
  grpc: null,
  http: null,
  jsonl: null,
  health: null,
  metadataWaitMs: 30_000,
  collector: null,
};

/** With `output` given, observations go there instead of being captured; null means no --stdout. */
export async function startAgent(config: Partial<AgentConfig>, output?: AgentConfig['stdout']): Promise<RunningAgent> {
  const stdout = new PassThrough();
  const observations: ObservationJson[] = [];
  const logs: Array<Record<string, unknown>> = [];
  let pendingLine = '';
  stdout.setEncoding('utf8');
  stdout.on('data', (chunk: string) => {
    const parts = (pendingLine + chunk).split('\n');
    pendingLine = parts.pop() ?? '';
    for (const part of parts) observations.push(JSON.parse(part) as ObservationJson);
  });
  const logStream = new PassThrough();
  logStream.setEncoding('utf8');
  let pendingLog = '';
  logStream.on('data', (chunk: string) => {
    const parts = (pendingLog + chunk).split('\n');
    pendingLog = parts.pop() ?? '';
    for (const part of parts) logs.push(JSON.parse(part) as Record<string, unknown>);
  });
  const log = pino({ level: 'debug' }, logStream);
  const agent = new Agent({ ...baseConfig, ...config, stdout: output === undefined ? stdout : output }, log);
  await agent.start();

  async function poll<T>(check: () => T | undefined, timeoutMs: number, what: () => string): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what()}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  return {
    agent,
    observations,
    logs,
    waitForObservations: (count, timeoutMs = 10_000) =>
      poll(() => (observations.length >= count ? observations : undefined), timeoutMs, () => `${count} observations (have ${observations.length})`),
    waitForLog: (predicate, timeoutMs = 10_000) =>
      poll(() => logs.find(predicate), timeoutMs, () => `a log line; have: ${logs.map((l) => String(l.msg)).join(' | ')}`),
    metric: async (name, labels = {}) => {
      const metric = agent.metrics.registry.getSingleMetric(name);
      if (!metric) throw new Error(`no metric ${name}`);
      const data = await metric.get();
      return data.values
        .filter((v) => Object.entries(labels).every(([k, val]) => (v.labels as Record<string, unknown>)[k] === val))
        .reduce((sum, v) => sum + v.value, 0);
    },
    stop: () => agent.stop(),
  };
}
