// Subscribes to Falco's gRPC outputs API (Falco 0.18–0.43.x).
//
// Falco's `sub` sends nothing until the client writes a request, and each request drains Falco's
// queue to this stream. So the source writes an empty request right after each burst and then on
// an adaptive timer (PollPace: about every millisecond while events flow, backing off to the
// configured interval when idle), and stops writing while the output is backlogged: Falco then
// keeps the events in its own queue instead of this process's memory. The stream is never
// half-closed. When it ends (Falco restarted) or cannot open (socket missing), the source
// re-subscribes with capped, jittered back-off; Falco buffers while nobody listens, so the
// events it still holds arrive on the next subscription. The stream itself is read by
// sub-stream.ts (HTTP/2 directly, for speed); the version API goes through grpc-js.
import { readFile } from 'node:fs/promises';
import * as grpc from '@grpc/grpc-js';
import type { Logger } from 'pino';
import { FALCO_VERSION_PATH, decodeVersionResponse, encodeVersionRequest } from '../../proto/falco-services.js';
import { VIGIL_VERSION } from '../version.js';
import type { AgentMetrics } from '../metrics/agent-metrics.js';
import type { IngestSink } from '../pipeline/ingest.js';
import { Backoff, type BackoffOptions } from './backoff.js';
import { ResponseHandler } from './response-handler.js';
import { PollPace } from './poll-pace.js';
import { FalcoSubStream, type SubStreamEnd } from './sub-stream.js';

/** The wait before the next request while Falco is sending: about one event-loop turn or two. */
const BUSY_POLL_MS = 1;

export interface FalcoTls {
  readonly caFile: string;
  readonly certFile: string;
  readonly keyFile: string;
}

export interface GrpcSourceOptions {
  /** A grpc-js target: `unix:///run/falco/falco.sock` or `host:port`. */
  readonly target: string;
  /** Mutual TLS for TCP targets; null for the unix socket. */
  readonly tls: FalcoTls | null;
  /** The longest wait between requests (when Falco has sent nothing for a while). */
  readonly pollIntervalMs: number;
  readonly backoff: BackoffOptions;
  readonly maxMessageBytes: number;
  readonly connectTimeoutMs: number;
}

export class GrpcSource {
  private stream: FalcoSubStream | null = null;
  /** For the version API only, closed once it answered. */
  private versionClient: grpc.Client | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private pace: PollPace;
  private retryTimer: NodeJS.Timeout | null = null;
  private burstPollQueued = false;
  private waitingForDrain = false;
  private stopped = false;
  private warnedNoGrpc = false;
  private versionSeen = false;
  /** Falco's version once its version API answered. */
  version = '';
  private attempts = 0;
  private tls: { ca: Buffer; cert: Buffer; key: Buffer } | null = null;
  private credentials: grpc.ChannelCredentials | null = null;
  private readonly backoff: Backoff;
  private readonly responses: ResponseHandler;
  private readonly log: Logger;
  private connectedFlag = false;

  constructor(
    private readonly opts: GrpcSourceOptions,
    private readonly sink: IngestSink,
    private readonly metrics: AgentMetrics,
    log: Logger,
  ) {
    this.backoff = new Backoff(opts.backoff);
    this.responses = new ResponseHandler(sink);
    this.pace = new PollPace(BUSY_POLL_MS, opts.pollIntervalMs);
    this.log = log.child({ input: 'grpc', falco: opts.target });
  }

  get connected(): boolean {
    return this.connectedFlag;
  }

  /** Reads TLS material (failing fast on a bad path) and starts subscribing in the background. */
  async start(): Promise<void> {
    if (this.opts.tls) {
      const read = (file: string): Promise<Buffer> =>
        readFile(file).catch((err: NodeJS.ErrnoException) => {
          throw new Error(`cannot read Falco TLS file ${file}: ${err.code ?? err.message}`);
        });
      const [ca, cert, key] = await Promise.all([read(this.opts.tls.caFile), read(this.opts.tls.certFile), read(this.opts.tls.keyFile)]);
      this.tls = { ca, cert, key };
      this.credentials = grpc.credentials.createSsl(ca, key, cert);
    } else {
      this.credentials = grpc.credentials.createInsecure();
    }
    this.subscribe();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.teardown();
  }

  private subscribe(): void {
    if (this.stopped || !this.credentials) return;
    if (this.attempts++ > 0) this.metrics.falcoReconnects.inc();
    const stream: FalcoSubStream = new FalcoSubStream(
      {
        target: this.opts.target,
        tls: this.tls,
        maxMessageBytes: this.opts.maxMessageBytes,
        connectTimeoutMs: this.opts.connectTimeoutMs,
        userAgent: `vigil-agent/${VIGIL_VERSION}`,
      },
      {
        opened: () => this.opened(),
        message: (buf) => {
          this.backoff.reset();
          this.pace.responded();
          this.responses.handle(buf);
          this.queueBurstPoll();
        },
        oversize: (length) =>
          // Only this message is skipped (never buffered); the stream and the messages behind it go on.
          this.sink.reject('grpc', 'too_large', `a Falco message of ${length} bytes exceeded --falco-max-message (${this.opts.maxMessageBytes} bytes) and was skipped`),
        ended: (end) => {
          if (this.stream === stream) this.failed(end);
        },
      },
    );
    this.stream = stream;
    stream.open();
  }

  private opened(): void {
    this.askVersion();
    this.connectedFlag = true;
    this.metrics.falcoConnected.set(1);
    this.log.info('subscribed to Falco gRPC outputs');
    this.pace = new PollPace(BUSY_POLL_MS, this.opts.pollIntervalMs);
    this.poll();
  }

  /** One more request right after a burst, so the rest of Falco's queue follows at once. */
  private queueBurstPoll(): void {
    if (this.burstPollQueued) return;
    this.burstPollQueued = true;
    setImmediate(() => {
      this.burstPollQueued = false;
      this.poll();
    });
  }

  /** Writes one request now and arms the timer for the next (none while the output is behind). */
  private poll(): void {
    const stream = this.stream;
    if (!stream || !this.connectedFlag || this.stopped) return;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
    if (this.sink.backlogged) {
      // Let Falco hold the events until the output catches up; poll again once it has.
      if (!this.waitingForDrain) {
        this.waitingForDrain = true;
        void this.sink.drained().then(() => {
          this.waitingForDrain = false;
          this.poll();
        });
      }
      return;
    }
    stream.poll();
    this.pollTimer = setTimeout(() => this.poll(), this.pace.next());
  }

  private askVersion(): void {
    if (!this.credentials) return;
    const client = new grpc.Client(this.opts.target, this.credentials);
    this.versionClient = client;
    client.makeUnaryRequest(
      FALCO_VERSION_PATH,
      encodeVersionRequest,
      decodeVersionResponse,
      {},
      { deadline: Date.now() + this.opts.connectTimeoutMs },
      (err, res) => {
        client.close();
        if (this.versionClient === client) this.versionClient = null;
        if (err || !res) {
          this.log.warn({ err: err?.message }, "could not read Falco's version");
          return;
        }
        this.versionSeen = true;
        this.version = res.version;
        this.metrics.falcoInfo.reset();
        this.metrics.falcoInfo.set({ version: res.version }, 1);
        this.log.info({ falcoVersion: res.version, engineVersion: res.engine_version }, 'connected to Falco');
        if (res.major > 0 || res.minor >= 44) this.warnNoGrpc();
      },
    );
  }

  private failed(end: SubStreamEnd): void {
    const why = end.connected ? end.detail : `cannot connect: ${end.detail}`;
    const wasConnected = this.connectedFlag;
    this.teardown();
    if (this.stopped) return;
    const delay = this.backoff.next();
    if (wasConnected) this.log.warn({ why, retryInMs: delay }, 'lost the Falco gRPC subscription; re-subscribing');
    else this.log.warn({ why, retryInMs: delay }, 'Falco gRPC is not reachable; retrying');
    // A Falco that answered the version API before has gRPC; it is restarting, not too new.
    if (!this.versionSeen) this.warnNoGrpc();
    this.retryTimer = setTimeout(() => this.subscribe(), delay);
  }

  private warnNoGrpc(): void {
    if (this.warnedNoGrpc) return;
    this.warnedNoGrpc = true;
    this.log.warn(
      "Falco 0.44 and later have no gRPC output. For those, enable Falco's http_output with json_output: true " +
        'and start the agent with --falco-http-listen 127.0.0.1:2802 (see rules/falco/falco-http.yaml)',
    );
  }

  private teardown(): void {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
    this.connectedFlag = false;
    this.metrics.falcoConnected.set(0);
    const stream = this.stream;
    this.stream = null;
    stream?.cancel();
    this.versionClient?.close();
    this.versionClient = null;
  }
}
