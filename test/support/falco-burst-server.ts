// A Falco gRPC endpoint for throughput benchmarks and for tests of large coalesced writes: the same `sub` and version wire as
// agent/falco/falco-compatible-server.ts (DESIGN §5), but written on Node's HTTP/2 server
// directly, so that this process can send faster than the agent reads. The grpc-js server the
// tests use costs about 20 µs of CPU per message, which capped the benchmark near 50,000 events/s
// whatever the agent did; a real Falco sends from C++ threads. Here the queued messages, already
// framed, go out in writes of up to WRITE_BYTES, as a busy gRPC server's buffered writes do.
// `sub` semantics as Falco's: nothing until a request arrives, then the whole queue. With a
// `pingPolicy`, it also polices client pings as gRPC C++ servers do (Falco's is one): a ping
// less than `minIntervalMs` after the previous one, with no data sent in between, is a strike,
// and past `maxStrikes` the connection gets GOAWAY ENHANCE_YOUR_CALM "too_many_pings".
import { createServer, constants, type Http2Server, type ServerHttp2Stream } from 'node:http2';
import { FALCO_SUB_PATH, FALCO_VERSION_PATH, encodeVersionResponse } from '../../proto/falco-services.js';
import { frameMessage } from '../../agent/falco/grpc-frames.js';

const WRITE_BYTES = 256 * 1024;
/** gRPC's message prefix: a flag byte and a 4-byte length. */
const HEADER_BYTES = 5;

export interface PingPolicy {
  readonly minIntervalMs: number;
  readonly maxStrikes: number;
}

interface PingState {
  lastPingAt: number;
  strikes: number;
  sentSincePing: boolean;
}

interface Queued {
  readonly bytes: Buffer;
  readonly framed: boolean;
}

export class FalcoBurstServer {
  private server: Http2Server | null = null;
  /** Queued messages from `head` on; `framed: false` goes out as it is (malformed frames for tests). */
  private queue: Queued[] = [];
  private head = 0;
  private readonly streams = new Set<ServerHttp2Stream>();
  private sending = false;
  requests = 0;
  delivered = 0;
  /** When each client ping arrived (Date.now()), and how many GOAWAYs the ping policy sent. */
  readonly pings: number[] = [];
  goaways = 0;
  private readonly pingStates = new WeakMap<object, PingState>();

  /**
   * `refuse`: answer `sub` at once with this gRPC status (a "Trailers-Only" response) instead of
   * serving it, as a server that does not offer the call does.
   */
  constructor(
    private readonly socketPath: string,
    private readonly refuse: { readonly code: number; readonly message: string } | null = null,
    private readonly pingPolicy: PingPolicy | null = null,
  ) {}

  get backlog(): number {
    return this.queue.length - this.head;
  }

  /** Queues one encoded `falco.outputs.response` (framed when it is sent, with its batch). */
  publishRaw(message: Buffer): void {
    this.queue.push({ bytes: message, framed: true });
  }

  async start(): Promise<void> {
    const server = createServer({ settings: { initialWindowSize: 8 * 1024 * 1024 } });
    server.on('session', (session) => {
      const state: PingState = { lastPingAt: -Infinity, strikes: 0, sentSincePing: false };
      this.pingStates.set(session, state);
      session.on('ping', () => {
        const now = Date.now();
        this.pings.push(now);
        const policy = this.pingPolicy;
        if (policy && !state.sentSincePing && now - state.lastPingAt < policy.minIntervalMs && ++state.strikes > policy.maxStrikes) {
          this.goaways++;
          session.goaway(constants.NGHTTP2_ENHANCE_YOUR_CALM, 0, Buffer.from('too_many_pings'));
        }
        state.lastPingAt = now;
        state.sentSincePing = false;
      });
    });
    server.on('stream', (stream, headers) => {
      const path = headers[constants.HTTP2_HEADER_PATH];
      if (path === FALCO_SUB_PATH) this.onSub(stream);
      else if (path === FALCO_VERSION_PATH) this.onVersion(stream);
      else {
        stream.respond({ ':status': 200, 'content-type': 'application/grpc', 'grpc-status': '12' }, { endStream: true });
      }
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.socketPath, resolve);
    });
    this.server = server;
  }

  async stop(): Promise<void> {
    for (const stream of this.streams) stream.close(constants.NGHTTP2_CANCEL);
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Queues bytes sent as they are, without a gRPC prefix (a malformed or compressed frame). */
  publishUnframed(bytes: Buffer): void {
    this.queue.push({ bytes, framed: false });
  }

  private onSub(stream: ServerHttp2Stream): void {
    if (this.refuse) {
      stream.respond(
        { ':status': 200, 'content-type': 'application/grpc', 'grpc-status': String(this.refuse.code), 'grpc-message': encodeURIComponent(this.refuse.message) },
        { endStream: true },
      );
      return;
    }
    this.streams.add(stream);
    stream.respond({ ':status': 200, 'content-type': 'application/grpc' });
    stream.on('data', () => {
      this.requests++;
      void this.drain(stream);
    });
    stream.on('close', () => this.streams.delete(stream));
    stream.on('error', () => this.streams.delete(stream));
  }

  /** Sends the whole queue, in large writes, waiting for the stream to drain between them. */
  private async drain(stream: ServerHttp2Stream): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.backlog > 0 && !stream.closed) {
        let bytes = 0;
        let n = 0;
        while (this.head + n < this.queue.length && bytes < WRITE_BYTES) {
          const item = this.queue[this.head + n++] as Queued;
          bytes += (item.framed ? HEADER_BYTES : 0) + item.bytes.length;
        }
        const batch = Buffer.allocUnsafe(bytes);
        let at = 0;
        for (let i = this.head; i < this.head + n; i++) {
          const item = this.queue[i] as Queued;
          if (item.framed) {
            batch[at] = 0;
            batch.writeUInt32BE(item.bytes.length, at + 1);
            at += HEADER_BYTES;
          }
          item.bytes.copy(batch, at);
          at += item.bytes.length;
        }
        this.head += n;
        if (this.head === this.queue.length) {
          this.queue = [];
          this.head = 0;
        }
        this.delivered += n;
        const ping = this.pingStates.get(stream.session as object);
        if (ping) {
          ping.sentSincePing = true;
          ping.strikes = 0;
        }
        if (!stream.write(batch)) await new Promise((r) => stream.once('drain', r));
      }
    } finally {
      this.sending = false;
    }
  }

  private onVersion(stream: ServerHttp2Stream): void {
    stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
    stream.on('wantTrailers', () => stream.sendTrailers({ 'grpc-status': '0' }));
    stream.end(frameMessage(encodeVersionResponse({ version: '0.43.0', major: 0, minor: 43, patch: 0, engine_version: '0.52.0' })));
  }
}
