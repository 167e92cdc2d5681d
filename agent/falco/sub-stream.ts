// One subscription to Falco's `sub` (gRPC outputs API), read with Node's HTTP/2 client directly.
//
// Why not grpc-js here, when the rest of the agent's gRPC uses it: every event is one gRPC
// message, and grpc-js hands each message through its filter stack, a promise, an interceptor
// chain and an object-mode stream: about 18 µs of CPU per message on the benchmark machine
// (docs/performance.md), almost twice the whole per-event budget of DESIGN §7 (100,000 events/s
// on one core). Here a DATA chunk is split into its messages in one loop (grpc-frames.ts). The
// wire is the plain gRPC-over-HTTP/2 protocol: one POST, length-prefixed messages both ways, the
// status in the trailers. Falco's version API (once per connection) stays on grpc-js.
import { connect as connectHttp2, constants, type ClientHttp2Session, type ClientHttp2Stream, type IncomingHttpHeaders } from 'node:http2';
import { connect as connectNet } from 'node:net';
import { status as grpcStatus } from '@grpc/grpc-js';
import { FALCO_SUB_PATH } from '../../proto/falco-services.js';
import { GrpcFrameError, GrpcFrameSplitter, frameMessage } from './grpc-frames.js';

/** An empty `falco.outputs.request`, framed: what each poll writes. */
const POLL = frameMessage(Buffer.alloc(0));
/**
 * The receive window, per stream and for the connection. HTTP/2's default of 64 KiB is about 30
 * events: Falco would stop for a window update every 30 events.
 */
const WINDOW_BYTES = 8 * 1024 * 1024;
/**
 * A ping after 30 s without data, the connection given up when it is not answered in 20 s; but
 * never two pings less than 5 min 10 s apart. gRPC servers (Falco's is gRPC C++) count a ping
 * that comes less than 5 min after the previous one, while they have sent nothing, as a
 * "strike", and after two strikes close the connection with GOAWAY too_many_pings: a ping every
 * 30 s on a quiet node (no events for minutes) cost a re-subscription every 90 s.
 */
export const DEFAULT_KEEPALIVE: KeepaliveOptions = { idleMs: 30_000, minIntervalMs: 310_000, timeoutMs: 20_000 };

export interface KeepaliveOptions {
  /** Ping once nothing has arrived for this long. */
  readonly idleMs: number;
  /** No ping sooner than this after the previous one. */
  readonly minIntervalMs: number;
  /** Give the connection up when a ping is not answered within this. */
  readonly timeoutMs: number;
}

export interface SubStreamOptions {
  /** `unix:///run/falco/falco.sock` or `host:port` (then with TLS). */
  readonly target: string;
  readonly tls: { readonly ca: Buffer; readonly cert: Buffer; readonly key: Buffer } | null;
  readonly maxMessageBytes: number;
  readonly connectTimeoutMs: number;
  readonly userAgent: string;
  readonly keepalive?: KeepaliveOptions;
}

/** Why a subscription ended; `connected` says whether it had opened. */
export interface SubStreamEnd {
  readonly connected: boolean;
  readonly detail: string;
}

export interface SubStreamHandlers {
  /** The connection is up and the stream is open. */
  opened(): void;
  /** One `falco.outputs.response`, still encoded; the buffer is only valid during the call. */
  message(body: Buffer): void;
  oversize(length: number): void;
  /** Called once, whatever ended it (never after cancel()). */
  ended(end: SubStreamEnd): void;
}

export class FalcoSubStream {
  private session: ClientHttp2Session | null = null;
  private stream: ClientHttp2Stream | null = null;
  private connected = false;
  private done = false;
  private connectTimer: NodeJS.Timeout | null = null;
  private keepaliveTimer: NodeJS.Timeout | null = null;
  private pingTimeout: NodeJS.Timeout | null = null;
  /** When data last arrived and when the last ping went out (Date.now()). */
  private lastDataAt = 0;
  private lastPingAt = -Infinity;
  private readonly splitter: GrpcFrameSplitter;

  constructor(
    private readonly opts: SubStreamOptions,
    private readonly handlers: SubStreamHandlers,
  ) {
    this.splitter = new GrpcFrameSplitter(opts.maxMessageBytes, { message: handlers.message, oversize: handlers.oversize });
  }

  open(): void {
    const unix = this.opts.target.startsWith('unix://') ? this.opts.target.slice('unix://'.length) : null;
    const tls = this.opts.tls;
    const session = unix
      ? connectHttp2('http://localhost', { createConnection: () => connectNet(unix), settings: { initialWindowSize: WINDOW_BYTES, enablePush: false } })
      : connectHttp2(`https://${this.opts.target}`, {
          ca: tls?.ca,
          cert: tls?.cert,
          key: tls?.key,
          settings: { initialWindowSize: WINDOW_BYTES, enablePush: false },
        });
    this.session = session;
    this.connectTimer = setTimeout(() => this.end(`no connection within ${this.opts.connectTimeoutMs} ms`), this.opts.connectTimeoutMs);
    session.on('error', (err: NodeJS.ErrnoException) => this.end(err.code ? `${err.code}: ${err.message}` : err.message));
    session.on('goaway', (code: number) => {
      if (code !== constants.NGHTTP2_NO_ERROR) this.end(`Falco closed the connection (HTTP/2 GOAWAY ${code})`);
    });
    session.on('close', () => this.end('the connection closed'));
    session.on('connect', () => {
      if (this.done) return;
      if (this.connectTimer) clearTimeout(this.connectTimer);
      this.connectTimer = null;
      this.connected = true;
      session.setLocalWindowSize(WINDOW_BYTES);
      this.startKeepalive(session);
      this.request(session);
    });
  }

  /** Asks Falco for what it holds (each request drains its queue to this stream). */
  poll(): void {
    if (this.stream && !this.done) this.stream.write(POLL);
  }

  /** Ends the subscription from this side; `ended` is not called. Never a half-close: Falco ends the subscription on one. */
  cancel(): void {
    this.done = true;
    this.clearTimers();
    this.stream?.close(constants.NGHTTP2_CANCEL);
    this.session?.destroy();
  }

  private request(session: ClientHttp2Session): void {
    const stream = session.request(
      {
        [constants.HTTP2_HEADER_METHOD]: 'POST',
        [constants.HTTP2_HEADER_PATH]: FALCO_SUB_PATH,
        [constants.HTTP2_HEADER_CONTENT_TYPE]: 'application/grpc',
        [constants.HTTP2_HEADER_TE]: 'trailers',
        [constants.HTTP2_HEADER_USER_AGENT]: this.opts.userAgent,
        'grpc-accept-encoding': 'identity',
      },
      { endStream: false },
    );
    this.stream = stream;
    let status: string | null = null;
    stream.on('response', (headers: IncomingHttpHeaders) => {
      const http = Number(headers[constants.HTTP2_HEADER_STATUS]);
      if (http !== 200) {
        this.end(`Falco answered HTTP ${http}`);
        return;
      }
      // A "Trailers-Only" answer carries the status in the headers: the call failed at once.
      if (headers['grpc-status'] !== undefined) status = describeStatus(headers);
    });
    stream.on('trailers', (trailers: IncomingHttpHeaders) => {
      status = describeStatus(trailers);
    });
    stream.on('data', (chunk: Buffer) => {
      if (this.done) return;
      this.lastDataAt = Date.now();
      try {
        this.splitter.push(chunk);
      } catch (err) {
        if (!(err instanceof GrpcFrameError)) throw err;
        this.end(err.message);
      }
    });
    stream.on('error', (err: Error) => this.end(`stream failed: ${err.message}`));
    stream.on('close', () => {
      if (status !== null) this.end(status);
      else if (stream.rstCode !== undefined && stream.rstCode !== constants.NGHTTP2_NO_ERROR) this.end(`stream reset (HTTP/2 code ${stream.rstCode})`);
      else this.end(this.splitter.midMessage ? 'Falco ended the stream in the middle of a message' : 'Falco ended the stream');
    });
    this.handlers.opened();
  }

  private startKeepalive(session: ClientHttp2Session): void {
    const { idleMs, minIntervalMs, timeoutMs } = this.opts.keepalive ?? DEFAULT_KEEPALIVE;
    this.lastDataAt = Date.now();
    // Checked a few times per idle period, so that a ping goes out soon after the stream falls quiet.
    this.keepaliveTimer = setInterval(() => {
      const now = Date.now();
      if (this.pingTimeout || now - this.lastDataAt < idleMs || now - this.lastPingAt < minIntervalMs) return;
      this.lastPingAt = now;
      this.pingTimeout = setTimeout(() => this.end(`no answer to a keepalive ping within ${timeoutMs} ms`), timeoutMs);
      session.ping((err) => {
        if (this.pingTimeout) clearTimeout(this.pingTimeout);
        this.pingTimeout = null;
        if (err) this.end(`keepalive ping failed: ${err.message}`);
      });
    }, Math.max(10, Math.floor(idleMs / 4)));
    this.keepaliveTimer.unref();
  }

  private end(detail: string): void {
    if (this.done) return;
    this.done = true;
    this.clearTimers();
    this.stream?.close(constants.NGHTTP2_CANCEL);
    this.session?.destroy();
    this.handlers.ended({ connected: this.connected, detail });
  }

  private clearTimers(): void {
    if (this.connectTimer) clearTimeout(this.connectTimer);
    if (this.keepaliveTimer) clearInterval(this.keepaliveTimer);
    if (this.pingTimeout) clearTimeout(this.pingTimeout);
    this.connectTimer = this.keepaliveTimer = this.pingTimeout = null;
  }
}

/** "OK" for a clean end, else the gRPC status name and message. */
function describeStatus(headers: IncomingHttpHeaders): string {
  const code = Number(headers['grpc-status']);
  const name = grpcStatus[code] ?? `status ${code}`;
  if (code === grpcStatus.OK) return 'Falco ended the stream';
  const raw = headers['grpc-message'];
  const message = typeof raw === 'string' ? percentDecoded(raw) : '';
  return `stream failed: ${name}${message ? ` ${message}` : ''}`;
}

/** grpc-message is percent-encoded; a malformed one is shown as it came rather than lost. */
function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch (err) {
    if (err instanceof URIError) return text;
    throw err;
  }
}
