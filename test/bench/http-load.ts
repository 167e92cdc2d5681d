// Sends Falco-style POSTs for the HTTP benchmarks, in two ways:
//
// - `raw`: as Falco's http_output does with libcurl: each connection a kept-alive TCP socket
//   (TCP_NODELAY), one request in flight, no pipelining. Requests are pre-built bytes (head and
//   body in one buffer) and responses are checked with a minimal parser, so the sender's own
//   cost per request is one write and one read: the figure measures the receiver, not this
//   process.
// - `node-http`: node:http's client with a keep-alive agent (what the benchmark used first),
//   kept to show how much the client itself costs.
import { Agent as HttpAgent, request } from 'node:http';
import { connect, type Socket } from 'node:net';

export type HttpClientKind = 'raw' | 'node-http';

export interface LoadResult {
  readonly requests: number;
  readonly ms: number;
  /** This process's CPU (user + system) while sending, µs. */
  readonly clientCpuMicros: number;
  /**
   * From writing a request to reading its whole answer (raw client only; null for node-http):
   * how long Falco's http_output, which blocks every output meanwhile, waits per event.
   */
  readonly roundTripMicros: { readonly p50: number; readonly p99: number } | null;
}

export interface LoadOptions {
  readonly port: number;
  readonly connections: number;
  readonly requests: number;
  readonly bodies: readonly string[];
  readonly client: HttpClientKind;
}

export async function sendLoad(opts: LoadOptions): Promise<LoadResult> {
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const pool = opts.client === 'node-http' ? new HttpAgent({ keepAlive: true, maxSockets: opts.connections }) : null;
  const roundTrips: number[] = [];
  const send: Connection = pool ? nodeHttpConnection(pool) : rawConnection(roundTrips);
  let next = 0;
  // Each connection takes the next body when its previous request is answered, so all of them
  // share the one count, as Falco's single output thread would spread over more connections.
  const take = (): number | null => (next < opts.requests ? next++ : null);
  try {
    await Promise.all(Array.from({ length: opts.connections }, () => send(opts, take)));
  } finally {
    pool?.destroy();
  }
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  return { requests: opts.requests, ms, clientCpuMicros: cpu.user + cpu.system, roundTripMicros: percentiles(roundTrips) };
}

function percentiles(values: number[]): LoadResult['roundTripMicros'] {
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  const at = (q: number): number => Math.round((values[Math.min(values.length - 1, Math.floor(values.length * q))] ?? 0) * 1000);
  return { p50: at(0.5), p99: at(0.99) };
}

type Connection = (opts: LoadOptions, take: () => number | null) => Promise<void>;

/** libcurl's request for http_output: POST, Host, User-Agent, Accept, Content-Type, Content-Length. */
export function falcoRequestBytes(port: number, body: string): Buffer {
  const payload = Buffer.from(body, 'utf8');
  const head =
    `POST / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUser-Agent: falcosecurity/falco\r\nAccept: */*\r\n` +
    `Content-Type: application/json\r\nContent-Length: ${payload.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), payload]);
}

const prebuilt = new WeakMap<readonly string[], Map<number, Buffer[]>>();

function requestsFor(port: number, bodies: readonly string[]): Buffer[] {
  let byPort = prebuilt.get(bodies);
  if (!byPort) prebuilt.set(bodies, (byPort = new Map()));
  let built = byPort.get(port);
  if (!built) byPort.set(port, (built = bodies.map((b) => falcoRequestBytes(port, b))));
  return built;
}

const rawConnection = (roundTrips: number[]): Connection => (opts, take) => {
  const requests = requestsFor(opts.port, opts.bodies);
  return new Promise<void>((resolve, reject) => {
    const socket: Socket = connect({ host: '127.0.0.1', port: opts.port, noDelay: true });
    const reader = new ResponseReader();
    let sentAt = 0;
    const sendNext = (): void => {
      const i = take();
      if (i === null) {
        socket.end();
        resolve();
        return;
      }
      sentAt = performance.now();
      socket.write(requests[i % requests.length] ?? Buffer.alloc(0));
    };
    socket.on('connect', sendNext);
    socket.on('data', (chunk: Buffer) => {
      let status: number | null;
      try {
        status = reader.push(chunk);
      } catch (err) {
        socket.destroy();
        reject(err instanceof Error ? err : new Error(String(err)));
        return;
      }
      if (status === null) return;
      roundTrips.push(performance.now() - sentAt);
      if (status !== 200) {
        socket.destroy();
        reject(new Error(`HTTP ${status}`));
        return;
      }
      sendNext();
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error('connection closed before every request was answered')));
  });
};

/**
 * Just enough of an HTTP/1.1 response parser for one response at a time: status line, a
 * Content-Length, the body. Returns the status once the whole response has arrived.
 */
export class ResponseReader {
  private pending: Buffer | null = null;

  push(chunk: Buffer): number | null {
    const data = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    const headEnd = data.indexOf('\r\n\r\n');
    if (headEnd < 0) {
      this.pending = data;
      return null;
    }
    const head = data.toString('latin1', 0, headEnd);
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (!length) throw new Error(`response without Content-Length: ${head.slice(0, 200)}`);
    const end = headEnd + 4 + Number(length[1]);
    if (data.length < end) {
      this.pending = data;
      return null;
    }
    if (data.length > end) throw new Error('more bytes than one response: the server answered twice');
    this.pending = null;
    return Number(head.slice(9, 12));
  }
}

function nodeHttpConnection(pool: HttpAgent): Connection {
  return async (opts, take) => {
    for (let i = take(); i !== null; i = take()) {
      const body = opts.bodies[i % opts.bodies.length] ?? '';
      await new Promise<void>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port: opts.port, method: 'POST', path: '/', agent: pool, headers: { 'Content-Type': 'application/json' } },
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
}
