// Runs the built `vigil` executable (dist/) as a user would.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../agent/version.js';

export const ROOT = PACKAGE_ROOT;
export const VIGIL = join(ROOT, 'dist', 'agent', 'cli', 'vigil.js');

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Extra node flags for every spawned vigil, e.g. `VIGIL_CHILD_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/p"`
 * to profile the processes a benchmark starts (node refuses --cpu-prof in NODE_OPTIONS).
 */
const CHILD_NODE_ARGS = (process.env.VIGIL_CHILD_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');

export function spawnVigil(args: string[], env: Record<string, string> = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [...CHILD_NODE_ARGS, VIGIL, ...args], {
    cwd: ROOT,
    env: { ...process.env, VIGIL_LOG_FORMAT: 'json', ...env },
  });
}

export function runVigil(args: string[], opts: { env?: Record<string, string>; stdin?: string; timeoutMs?: number } = {}): Promise<CliResult> {
  const child = spawnVigil(args, opts.env);
  return collect(child, opts.stdin, opts.timeoutMs ?? 20_000);
}

export function collect(child: ChildProcessWithoutNullStreams, stdin?: string, timeoutMs = 20_000): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  if (stdin !== undefined) child.stdin.end(stdin);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`vigil did not exit within ${timeoutMs} ms; stderr: ${stderr.slice(-2000)}`));
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

export function jsonLines(text: string): Array<Record<string, unknown>> {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Waits for the JSON log line `message` on the child's stderr and returns the port of its `address`. */
export async function loggedPort(child: ChildProcessWithoutNullStreams, message: string, timeoutMs = 15_000): Promise<number> {
  let stderr = '';
  const onData = (c: Buffer | string): void => {
    stderr += c.toString();
  };
  child.stderr.on('data', onData);
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const line = jsonLines(stderr.split('\n').filter((l) => l.startsWith('{')).join('\n')).find((l) => l.msg === message);
      if (line) return Number(String(line.address).split(':').pop());
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no "${message}" log line within ${timeoutMs} ms; stderr: ${stderr.slice(-1000)}`);
  } finally {
    child.stderr.off('data', onData);
  }
}
