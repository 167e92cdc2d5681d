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
  /**
   * Serves one request. Must call `responder.reply()` exactly once before returning. `body` is
   * valid only until it returns: its memory is reused for the next request (copy what is kept).
   */
  request(authorization: string | undefined, body: Buffer, responder: Responder): void;
  /** Takes over a connection; bytes it has not read yet are already back in the socket's buffer. */
  general(socket: Socket): void;
  /** A connection error (a reset peer, mostly): for a debug log line. */
  socketError(err: Error): void;
}

/** Answers waiting to be sent past this many bytes: stop reading (a client that pipelines and never reads). */
const WRITE_BACKLOG_BYTES = 1024 * 1024;
/** Bodies up to this size that arrive in several reads are gathered in memory the lane keeps. */
const REUSED_BODY_BYTES = 1024 * 1024;

export class Http1FastLane {
  private readonly open = new Set<Connection>();
  private stopping = false;
  private gathered = Buffer.alloc(0);

  constructor(
    readonly options: FastLaneOptions,
    readonly handlers: FastLaneHandlers,
  ) {}

  /**
   * Serves a new connection. Its server must allow half-open sockets (node:http's does), so that
   * answers to requests read before the peer's FIN still go out; the lane ends its side itself.
   */
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

  /**
   * Closes idle connections now and the others once their current request is answered; what is
   * still open after `graceMs` is cut.
   */
  stop(graceMs: number): void {
    this.stopping = true;
    for (const connection of this.open) connection.closeWhenIdle();
    if (this.open.size === 0) return;
    setTimeout(() => {
      for (const connection of this.open) connection.destroy();
    }, graceMs).unref();
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  /**
   * One buffer holding `pieces` (`bytes` in all), in memory reused from one request to the next:
   * a forwarder's batches (hundreds of KiB, in several reads each) were a new buffer per request,
   * and that outside memory made V8 run a full collection every ~90 ms (8 % of the agent's time).
   * Requests are served one at a time and synchronously, so one buffer serves every connection.
   * The bytes are placed so that the one at `alignAt` (the body's start) is on a 4-byte
   * boundary: the JSON scan reads such a body four bytes at a time.
   */
  gather(pieces: readonly Buffer[], bytes: number, alignAt: number): Buffer {
    if (bytes > REUSED_BODY_BYTES) return Buffer.concat(pieces, bytes);
    if (this.gathered.length < bytes + 3) {
      this.gathered = Buffer.allocUnsafeSlow(Math.min(REUSED_BODY_BYTES + 3, Math.max(bytes + 3, 2 * this.gathered.length)));
    }
    const shift = (4 - ((this.gathered.byteOffset + alignAt) & 3)) & 3;
    let at = shift;
    for (const piece of pieces) at += piece.copy(this.gathered, at);
    return this.gathered.subarray(shift, shift + bytes);
  }

  forget(connection: Connection): void {
    this.open.delete(connection);
  }
}

class Connection implements Responder {
  /** Bytes not parsed yet: the start of a request whose head is incomplete, or, while answers back up, unread requests. */
  private headPart: Buffer | null = null;
  /**
   * A request whose head is read and whose body is still arriving: the pieces as they came, so
   * that memory follows the bytes received, not the Content-Length a client announces.
   */
  private body: { readonly head: FastHead; readonly need: number; readonly pieces: Buffer[]; bytes: number } | null = null;
  /** Runs from the first byte of an incomplete request until it is complete: slow senders cannot hold a connection. */
  private requestTimer: NodeJS.Timeout | null = null;
  /** Reading paused until the answers already written drain. */
  private backlogged = false;
  /** The peer sent FIN; acted on once held bytes are dealt with. */
  private peerEnded = false;
  /** Close after the request in progress (stop()). */
  private closing = false;
  /** Ending: nothing more is read or written. */
  private finished = false;
  private replied = false;
  private readonly onData = (chunk: Buffer): void => this.receive(chunk);
  private readonly onEnd = (): void => {
    this.peerEnded = true;
    if (!this.backlogged) this.afterPeerEnded();
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

  get idle(): boolean {
    return this.headPart === null && this.body === null && !this.backlogged;
  }

  closeWhenIdle(): void {
    if (this.idle) this.finish();
    else this.closing = true;
  }

  closed(): void {
    this.finished = true;
    this.drop();
  }

  destroy(): void {
    this.socket.destroy();
  }

  reply(reply: Http1Reply): void {
    this.replied = true;
    if (!this.finished) this.socket.write(encode(reply));
  }

  private receive(chunk: Buffer): void {
    if (this.finished) return;
    let data = chunk;
    const body = this.body;
    if (body !== null) {
      const take = Math.min(chunk.length, body.need - body.bytes);
      body.pieces.push(take === chunk.length ? chunk : chunk.subarray(0, take));
      body.bytes += take;
      if (body.bytes < body.need) return;
      this.drop();
      const goOn = this.serve(this.lane.gather(body.pieces, body.need, body.head.headBytes), 0, body.head);
      if (take === chunk.length) return;
      if (!goOn) {
        if (!this.finished) this.headPart = Buffer.from(chunk.subarray(take));
        return;
      }
      data = chunk.subarray(take);
    } else if (this.headPart !== null) {
      // Heads are at most FAST_HEAD_LIMIT bytes, so this copy is small. The request timer keeps
      // running: it started at the request's first byte.
      data = Buffer.concat([this.headPart, chunk]);
      this.headPart = null;
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
        this.headPart = Buffer.from(data.subarray(at));
        this.startRequestTimer();
        return;
      }
      const total = head.headBytes + head.contentLength;
      if (data.length - at < total) {
        this.body = { head, need: total, pieces: [data.subarray(at)], bytes: data.length - at };
        this.startRequestTimer();
        return;
      }
      this.drop();
      if (!this.serve(data, at, head)) {
        // Unread requests wait for the drain; they are complete or the client's to finish, so no timer.
        if (!this.finished && at + total < data.length) this.headPart = Buffer.from(data.subarray(at + total));
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
      this.backlogged = true;
      this.socket.pause();
      this.socket.once('drain', () => this.drained());
      return false;
    }
    return true;
  }

  private drained(): void {
    this.backlogged = false;
    if (this.finished) return;
    this.socket.resume();
    const rest = this.headPart;
    this.headPart = null;
    if (rest !== null) this.parse(rest);
    if (this.peerEnded && !this.backlogged && !this.finished) this.afterPeerEnded();
  }

  /** The peer will send nothing more: a request cut short gets a 400, then the connection ends. */
  private afterPeerEnded(): void {
    if (this.finished) return;
    if (this.headPart !== null || this.body !== null) this.finish(encode(INCOMPLETE));
    else this.finish();
  }

  private startRequestTimer(): void {
    if (this.requestTimer !== null || this.finished) return;
    this.requestTimer = setTimeout(() => this.timedOut(), this.lane.options.requestTimeoutMs);
    this.requestTimer.unref();
  }

  /** Forgets held bytes and stops the request timer: the request is complete, handed over, or abandoned. */
  private drop(): void {
    this.headPart = null;
    this.body = null;
    if (this.requestTimer !== null) {
      clearTimeout(this.requestTimer);
      this.requestTimer = null;
    }
  }

  private timedOut(): void {
    this.requestTimer = null;
    this.finish(encode(REQUEST_TIMEOUT));
  }

  /** Sends `last` (and what is already written), then closes, whether or not the peer closes its side. */
  private finish(last?: Buffer): void {
    if (this.finished) return;
    this.finished = true;
    this.socket.removeListener('data', this.onData);
    this.drop();
    const destroy = (): void => {
      this.socket.destroy();
    };
    if (last) this.socket.end(last, destroy);
    else this.socket.end(destroy);
  }

  /** From here on node:http reads this connection, starting with `rest`. */
  private handOver(rest: Buffer): void {
    this.drop();
    this.finished = true;
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
const INCOMPLETE: Http1Reply = {
  status: 400,
  text: JSON.stringify({ error: 'the connection ended inside a request' }),
  headers: { Connection: 'close' },
  shared: true,
};
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
