// Sends events the way Falco's http_output itself does: libcurl, one easy handle, one POST per
// event, each waiting for its answer, the connection reused (Falco's outputs_http.cpp calls
// curl_easy_perform once per event). The curl command line drives the same library: one
// invocation, one transfer per event (`next` between them), bodies given inline. Its rate against
// a do-nothing server is what one Falco can send at all on this machine; against the agent it
// shows whether the agent or Falco's sender is the limit.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CurlResult {
  readonly requests: number;
  readonly ms: number;
  /** The curl process's CPU (user + system), µs. */
  readonly curlCpuMicros: number;
  /** Answers by HTTP status. */
  readonly statuses: Record<string, number>;
  /** New connections curl opened: 1 when every transfer reused the first. */
  readonly connects: number;
}

/** curl's and libcurl's versions ("curl 7.88.1, libcurl/7.88.1"), or null when there is no curl here. */
export function curlVersion(): string | null {
  const probe = spawnSync('curl', ['--version'], { encoding: 'utf8' });
  if (probe.status !== 0) return null;
  const line = probe.stdout.split('\n')[0] ?? '';
  const parts = /^curl (\S+) \([^)]*\) (libcurl\/\S+)/.exec(line);
  return parts ? `curl ${parts[1]}, ${parts[2]}` : line;
}

/** A curl config value in double quotes: backslash and quote escaped (curl's config syntax). */
function quoted(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
}

export async function sendWithCurl(opts: { port: number; bodies: readonly string[]; requests: number; dir: string }): Promise<CurlResult> {
  // One block per distinct body, its URL repeated: curl parses a short line per transfer, not a
  // 2 KB body, so that its figure is about sending (a real Falco has the event in memory).
  const distinct = Math.min(opts.bodies.length, opts.requests);
  const blocks: string[] = [];
  for (let j = 0; j < distinct; j++) {
    const file = join(opts.dir, `curl-body-${j}.json`);
    writeFileSync(file, opts.bodies[j] ?? '{}');
    const transfers = Math.floor(opts.requests / distinct) + (j < opts.requests % distinct ? 1 : 0);
    blocks.push(
      'header = "Content-Type: application/json"\n' +
        `data-binary = ${quoted(`@${file}`)}\n` +
        'write-out = "\\n%{http_code} %{num_connects}\\n"\n' +
        `url = "http://127.0.0.1:${opts.port}/"\n`.repeat(transfers),
    );
  }
  const config = join(opts.dir, 'curl-requests.conf');
  writeFileSync(config, blocks.join('next\n'));
  // bash's `time` reports the child's CPU, which Node does not expose for a child process.
  const child = spawn('bash', ['-c', `TIMEFORMAT='cpu %3U %3S'; time curl --silent --config ${JSON.stringify(config)}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
  const start = performance.now();
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const ms = performance.now() - start;
  if (code !== 0) throw new Error(`curl exited with ${code}: ${err.trim()}`);
  const cpu = /cpu ([\d.]+) ([\d.]+)/.exec(err);
  const statuses: Record<string, number> = {};
  let connects = 0;
  // Answer bodies go to stdout too (curl's --output names one file per URL); each transfer's
  // write-out line follows its body.
  for (const [, status = '?', newConnections = '0'] of out.matchAll(/^(\d{3}) (\d+)$/gm)) {
    statuses[status] = (statuses[status] ?? 0) + 1;
    connects += Number(newConnections);
  }
  return { requests: opts.requests, ms, curlCpuMicros: cpu ? Math.round((Number(cpu[1]) + Number(cpu[2])) * 1e6) : NaN, statuses, connects };
}
