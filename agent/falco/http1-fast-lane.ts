// Serves Falco's http_output requests straight off the socket, and passes every connection whose
// request is anything else to node:http.
//
// Why: Falco posts one event per request and waits for each answer, blocking all its outputs
// meanwhile, so the receiver's cost per request is the rate limit. node:http spends 40–60 µs of
// CPU per request here (parser callbacks, request and response objects, streams, timers); the
// event itself costs the agent 10–20 µs. This lane reads the head with http1-head.ts, takes the
// body as a slice of the chunk it arrived in, and writes a pre-built answer.
//
// Its reach is deliberately small. A request it does not fully understand (see http1-head.ts)
// hands the connection to node:http, bytes not yet used included, and node:http keeps it from then
// on: chunked or compressed bodies, `Expect`, `Connection: close`, HTTP/1.0, other methods and
// oversize bodies get node:http's full handling, and errors its answers.
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { readRequestHead, type FastHead } from './http1-head.js';

export interface Http1Reply {
  readonly status: number;
  /** The body, JSON. */
  readonly text: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** The same object answers many requests: its encoded bytes are kept (renewed every second for Date). */
  readonly shared?: boolean;
}

export interface Responder {
  reply(reply: Http1Reply): void;
}

export interface FastLaneOptions {
  /** Bodies larger than this go to node:http, which refuses them (413). */
  readonly maxBodyBytes: number;
  /** An idle kept-alive connection is closed after this long, as node:http's keepAliveTimeout. */
  readonly keepAliveTimeoutMs: number;
  /** A request not complete this long after its first byte is answered 408 and the connection closed. */
  readonly requestTimeoutMs: number;
}

export interface FastLaneHandlers {
  /** Serves one request. Must call `responder.reply()` exactly once before returning. */
  request(authorization: string | undefined, body: Buffer, responder: Responder): void;
  /** Takes over a connection; bytes it has not read yet are already back in the socket's buffer. */
  general(socket: Socket): void;
  /** A connection error (a reset peer, mostly): for a debug log line. */
  socketError(err: Error): void;
}

/** Answers waiting to be sent past this many bytes: stop reading (a client that pipelines and never reads). */
const WRITE_BACKLOG_BYTES = 1024 * 1024;

export class Http1FastLane {
  private readonly open = new Set<Connection>();
  private stopping = false;

  constructor(
    readonly options: FastLaneOptions,
    readonly handlers: FastLaneHandlers,
  ) {}

  accept(socket: Socket): void {
    if (this.stopping) {
      socket.destroy();
      return;
    }
    const connection = new Connection(socket, this);
    this.open.add(connection);
    socket.once('close', () => {
      this.open.delete(connection);
      connection.closed();
    });
  }

  /** Connections this lane still serves (not those handed to node:http). */
  get connections(): number {
    return this.open.size;
  }

  /** Closes idle connections now and the others once their current request is answered. */
  stop(): void {
    this.stopping = true;
    for (const connection of this.open) connection.closeWhenIdle();
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  forget(connection: Connection): void {
    this.open.delete(connection);
  }
}

class Connection implements Responder {
  /** Bytes of a request not complete yet: its head so far, or (when `need` > 0) the whole request being filled. */
  private held: Buffer | null = null;
  private heldBytes = 0;
  private need = 0;
  private heldHead: FastHead | null = null;
  private requestTimer: NodeJS.Timeout | null = null;
  private replied = false;
  private closing = false;
  private readonly onData = (chunk: Buffer): void => this.receive(chunk);
  private readonly onEnd = (): void => {
    this.socket.end();
  };
  private readonly onError = (err: Error): void => this.lane.handlers.socketError(err);
  private readonly onTimeout = (): void => {
    this.socket.destroy();
  };

  constructor(
    private readonly socket: Socket,
    private readonly lane: Http1FastLane,
  ) {
    socket.on('data', this.onData);
    socket.on('end', this.onEnd);
    socket.on('error', this.onError);
    socket.on('timeout', this.onTimeout);
    socket.setTimeout(lane.options.keepAliveTimeoutMs);
  }

  closeWhenIdle(): void {
    if (this.held === null) this.finish();
    else this.closing = true;
  }

  closed(): void {
    this.release();
  }

  /** Sends what is written, then closes, whether or not the peer closes its side. */
  private finish(last?: Buffer): void {
    this.socket.removeListener('data', this.onData);
    this.release();
    const destroy = (): void => {
      this.socket.destroy();
    };
    if (last) this.socket.end(last, destroy);
    else this.socket.end(destroy);
  }

  reply(reply: Http1Reply): void {
    this.replied = true;
    this.socket.write(encode(reply));
  }

  private receive(chunk: Buffer): void {
    let data = chunk;
    const held = this.held;
    if (held !== null) {
      if (this.need > 0) {
        const take = Math.min(chunk.length, this.need - this.heldBytes);
        chunk.copy(held, this.heldBytes, 0, take);
        this.heldBytes += take;
        if (this.heldBytes < this.need) return;
        const head = this.heldHead!;
        this.release();
        const goOn = this.serve(held, 0, head);
        if (take === chunk.length) return;
        if (!goOn) {
          this.hold(Buffer.from(chunk.subarray(take)), chunk.length - take, 0, null);
          return;
        }
        data = chunk.subarray(take);
      } else {
        // Only a head can be held this way, and heads are at most FAST_HEAD_LIMIT bytes.
        data = Buffer.concat([held, chunk]);
        this.release();
      }
    }
    this.parse(data);
  }

  private parse(data: Buffer): void {
    let at = 0;
    while (at < data.length) {
      const head = readRequestHead(data, at, data.length);
      if (head === 'general' || (head !== 'incomplete' && head.contentLength > this.lane.options.maxBodyBytes)) {
        this.handOver(data.subarray(at));
        return;
      }
      if (head === 'incomplete') {
        this.hold(Buffer.from(data.subarray(at)), data.length - at, 0, null);
        return;
      }
      const total = head.headBytes + head.contentLength;
      if (data.length - at < total) {
        const whole = Buffer.allocUnsafe(total);
        data.copy(whole, 0, at);
        this.hold(whole, data.length - at, total, head);
        return;
      }
      if (!this.serve(data, at, head)) {
        if (at + total < data.length) this.hold(Buffer.from(data.subarray(at + total)), data.length - at - total, 0, null);
        return;
      }
      at += total;
    }
  }

  /** Answers one complete request; false when reading should stop for now (closing, or answers backed up). */
  private serve(buf: Buffer, at: number, head: FastHead): boolean {
    const bodyStart = at + head.headBytes;
    this.replied = false;
    this.lane.handlers.request(head.authorization, buf.subarray(bodyStart, bodyStart + head.contentLength), this);
    if (!this.replied) this.reply(INTERNAL_ERROR);
    if (this.closing || this.lane.isStopping) {
      this.finish();
      return false;
    }
    if (this.socket.writableLength > WRITE_BACKLOG_BYTES) {
      this.socket.pause();
      this.socket.once('drain', () => {
        this.socket.resume();
        const rest = this.held;
        if (rest !== null && this.need === 0) {
          this.release();
          this.parse(rest);
        }
      });
      return false;
    }
    return true;
  }

  private hold(buf: Buffer, bytes: number, need: number, head: FastHead | null): void {
    this.held = buf;
    this.heldBytes = bytes;
    this.need = need;
    this.heldHead = head;
    if (this.requestTimer === null) {
      this.requestTimer = setTimeout(() => this.timedOut(), this.lane.options.requestTimeoutMs);
      this.requestTimer.unref();
    }
  }

  private release(): void {
    this.held = null;
    this.heldBytes = 0;
    this.need = 0;
    this.heldHead = null;
    if (this.requestTimer !== null) {
      clearTimeout(this.requestTimer);
      this.requestTimer = null;
    }
  }

  private timedOut(): void {
    this.requestTimer = null;
    this.finish(encode(REQUEST_TIMEOUT));
  }

  /** From here on node:http reads this connection, starting with `rest`. */
  private handOver(rest: Buffer): void {
    this.release();
    const socket = this.socket;
    // Paused first: no byte may be read while nobody listens.
    socket.pause();
    socket.removeListener('data', this.onData);
    socket.removeListener('end', this.onEnd);
    socket.removeListener('error', this.onError);
    socket.removeListener('timeout', this.onTimeout);
    socket.setTimeout(0);
    this.lane.forget(this);
    if (rest.length > 0) socket.unshift(rest);
    this.lane.handlers.general(socket);
    socket.resume();
  }
}

const INTERNAL_ERROR: Http1Reply = { status: 500, text: JSON.stringify({ error: 'the request was not answered' }), shared: true };
const REQUEST_TIMEOUT: Http1Reply = {
  status: 408,
  text: JSON.stringify({ error: 'request not complete in time' }),
  headers: { Connection: 'close' },
  shared: true,
};

// Shared replies' bytes, renewed when the Date second changes.
let encodedSecond = -1;
let dateText = '';
const encodedShared = new Map<Http1Reply, Buffer>();

function encode(reply: Http1Reply): Buffer {
  const second = Math.floor(Date.now() / 1000);
  if (second !== encodedSecond) {
    encodedSecond = second;
    dateText = new Date(second * 1000).toUTCString();
    encodedShared.clear();
  }
  if (reply.shared) {
    const kept = encodedShared.get(reply);
    if (kept) return kept;
  }
  let head =
    `HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status] ?? ''}\r\nContent-Type: application/json\r\n` +
    `Content-Length: ${Buffer.byteLength(reply.text)}\r\nDate: ${dateText}\r\n`;
  for (const [name, value] of Object.entries(reply.headers ?? {})) head += `${name}: ${value}\r\n`;
  const bytes = Buffer.from(`${head}\r\n${reply.text}`, 'utf8');
  if (reply.shared) encodedShared.set(reply, bytes);
  return bytes;
}
