// A Falco-compatible gRPC server, built from the wire facts in DESIGN.md §5. `vigil dev` feeds
// its demo scenario through it (the same gRPC path production uses), and the tests use it as
// the Falco they cannot run:
// - `sub` sends nothing until the client writes a request; each request drains the queue to
//   that stream (and only that stream: one queue for all clients, no fan-out);
// - events published while nobody listens are buffered;
// - the version API answers with a configurable version;
// - stop() ends every stream the way a Falco restart does.
// Serves a unix socket or TCP with mutual TLS.
import * as grpc from '@grpc/grpc-js';
import {
  falcoOutputsService,
  falcoVersionService,
  type OutputsRequest,
  type OutputsResponse,
  type VersionResponse,
} from '../../proto/falco-services.js';

export interface FalcoServerOptions {
  /** `unix:///tmp/x.sock` or `127.0.0.1:0`. */
  readonly address: string;
  readonly tls?: { readonly ca: Buffer; readonly cert: Buffer; readonly key: Buffer };
  readonly version?: Partial<VersionResponse>;
}

type Queued = { readonly kind: 'message'; readonly message: OutputsResponse } | { readonly kind: 'raw'; readonly bytes: Buffer };
type SubStream = grpc.ServerDuplexStream<OutputsRequest, OutputsResponse | Buffer>;

export class FalcoCompatibleServer {
  private server: grpc.Server | null = null;
  private readonly queue: Queued[] = [];
  private readonly streams = new Set<SubStream>();
  /** Requests received on `sub`, for asserting the client's poll behaviour. */
  requests = 0;
  halfCloses = 0;
  versionCalls = 0;
  delivered = 0;
  boundPort = 0;

  constructor(private readonly opts: FalcoServerOptions) {}

  get backlog(): number {
    return this.queue.length;
  }

  get subscribers(): number {
    return this.streams.size;
  }

  publish(...messages: OutputsResponse[]): void {
    for (const message of messages) this.queue.push({ kind: 'message', message });
  }

  /** Queues bytes that are sent as one message without encoding (truncated protobuf etc.). */
  publishRaw(bytes: Buffer): void {
    this.queue.push({ kind: 'raw', bytes });
  }

  async start(): Promise<void> {
    const server = new grpc.Server({ 'grpc.max_send_message_length': 64 * 1024 * 1024 });
    // Responses may be raw bytes: wrap the serializer so both kinds go out as they are.
    const sub = {
      ...falcoOutputsService.sub,
      responseSerialize: (msg: OutputsResponse | Buffer): Buffer =>
        Buffer.isBuffer(msg) ? msg : falcoOutputsService.sub.responseSerialize(msg),
    };
    server.addService(
      { sub, get: falcoOutputsService.get },
      {
        sub: (stream: SubStream) => this.onSub(stream),
        get: (call: grpc.ServerWritableStream<OutputsRequest, OutputsResponse>) => {
          for (const item of this.queue.splice(0)) if (item.kind === 'message') call.write(item.message);
          call.end();
        },
      },
    );
    server.addService(falcoVersionService, {
      version: (_call: grpc.ServerUnaryCall<unknown, VersionResponse>, cb: grpc.sendUnaryData<VersionResponse>) => {
        this.versionCalls++;
        cb(null, {
          version: '0.43.0',
          major: 0,
          minor: 43,
          patch: 0,
          engine_version: '0.52.0',
          ...this.opts.version,
        });
      },
    });
    const creds = this.opts.tls
      ? grpc.ServerCredentials.createSsl(this.opts.tls.ca, [{ cert_chain: this.opts.tls.cert, private_key: this.opts.tls.key }], true)
      : grpc.ServerCredentials.createInsecure();
    this.boundPort = await new Promise<number>((resolve, reject) =>
      server.bindAsync(this.opts.address, creds, (err, port) => (err ? reject(err) : resolve(port))),
    );
    this.server = server;
  }

  /** Ends every subscription and stops listening, as a Falco restart does. Queued events stay. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const stream of this.streams) stream.destroy(new Error('falco restarting'));
    this.streams.clear();
    if (server) server.forceShutdown();
  }

  private onSub(stream: SubStream): void {
    this.streams.add(stream);
    stream.on('data', () => {
      this.requests++;
      // Falco drains its whole queue to the stream that asked.
      for (const item of this.queue.splice(0)) {
        stream.write(item.kind === 'raw' ? item.bytes : item.message);
        this.delivered++;
      }
    });
    stream.on('end', () => {
      this.halfCloses++;
      stream.end();
    });
    stream.on('error', () => this.streams.delete(stream));
    stream.on('close', () => this.streams.delete(stream));
  }
}
