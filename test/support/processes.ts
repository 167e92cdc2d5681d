// Real vigil processes for end-to-end tests: started from dist/, their JSON logs captured, waited
// on by log line, stopped with the signal the test chooses.
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawnVigil } from './cli.js';

export class VigilProcess {
  readonly logs: Array<Record<string, unknown>> = [];
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcessWithoutNullStreams;
  private partial = '';
  stdout = '';
  /** Everything on stderr, JSON or not. */
  stderr = '';

  constructor(args: string[], env: Record<string, string> = {}) {
    this.child = spawnVigil(args, env);
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr += chunk;
      const parts = (this.partial + chunk).split('\n');
      this.partial = parts.pop() ?? '';
      for (const line of parts) {
        if (!line.startsWith('{')) continue;
        this.logs.push(JSON.parse(line) as Record<string, unknown>);
      }
    });
    this.child.stdout.setEncoding('utf8').on('data', (c: string) => (this.stdout += c));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  async waitForLog(predicate: (l: Record<string, unknown>) => boolean, timeoutMs = 15_000, from = 0): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.logs.slice(from).find(predicate);
      if (found) return found;
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for a log line; last: ${this.logs.slice(-8).map((l) => String(l.msg)).join(' | ')}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  kill(signal: NodeJS.Signals): Promise<number | null> {
    this.child.kill(signal);
    return this.exited;
  }
}

export async function until<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
