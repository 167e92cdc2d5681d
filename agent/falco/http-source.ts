// Receives Falco's http_output (json_output: true, one event per POST) and the Falcosidekick
// webhook body, which is the same JSON object; and batches from forwarders: a JSON array of
// events, or newline-delimited JSON.
//
// Falco ignores the response status but blocks every one of its outputs while this receiver is
// slow, so the receiver never waits on anything downstream: it decodes, hands the event to the
// ingest path (which drops and counts rather than blocks when the output is behind) and answers
// at once. Status codes still say what happened, for people testing with curl: 200 accepted,
// 400 malformed, 401 wrong token, 405 not a POST, 413 too large, 415 unknown content encoding.
//
// Requests in the shape Falco sends are read by Http1FastLane; a connection that sends anything
// else is passed to node:http. Both end in receive(), so the answers do not depend on the parser.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { gunzipSync, inflateSync } from 'node:zlib';
import type { Logger } from 'pino';
import type { IngestSink, RejectReason } from '../pipeline/ingest.js';
import { FalcoDecodeError, type Decoded } from './event.js';
import { decodeJsonEvent, parseJsonEvents, parseJsonValue } from './json-event.js';
import type { Fingerprint } from './fingerprint-scratch.js';
import { JsonRepeats, REPLAYED } from './json-repeats.js';
import { bearerMatcher, isLoopback, type HttpTlsMaterial } from './http-auth.js';
import type { AgentMetrics } from '../metrics/agent-metrics.js';
import { Http1FastLane, type Http1Reply, type Responder } from './http1-fast-lane.js';

export interface HttpSourceOptions {
  readonly host: string;
  readonly port: number;
  /** Largest accepted body, after decompression. */
  readonly maxBodyBytes: number;
  /** HTTPS, and with a CA, required client certificates (Falco's http_output mtls). */
  readonly tls?: HttpTlsMaterial | null;
  /** Required `Authorization: Bearer` token. */
  readonly token?: string | null;
}

/** How long a kept-alive connection may idle, and a request may take to arrive, on both parsers. */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;
const REQUEST_TIMEOUT_MS = 30_000;
/** How long stop() lets requests in progress finish before it cuts their connections. */
const STOP_GRACE_MS = 3_000;

export class HttpSource {
  private server: Server | null = null;
  private lane: Http1FastLane | null = null;
  private readonly log: Logger;
  /** null when no token is required. */
  private readonly authorized: ((header: string | undefined) => boolean) | null;
  private readonly repeats: JsonRepeats;

  constructor(
    private readonly opts: HttpSourceOptions,
    private readonly sink: IngestSink,
    private readonly metrics: AgentMetrics,
    log: Logger,
  ) {
    this.log = log.child({ input: 'http' });
    this.authorized = opts.token ? bearerMatcher(opts.token) : null;
    this.repeats = new JsonRepeats(sink, 'http');
  }

  get listening(): boolean {
    return this.server?.listening ?? false;
  }

  /** Listens and resolves with the bound address (port 0 picks a free one). */
  async start(): Promise<AddressInfo> {
    const handler = (req: IncomingMessage, res: ServerResponse): void => this.handle(req, res);
    const common = { keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS };
    const tls = this.opts.tls;
    const server: Server = tls
      ? createTlsServer(
          { ...common, cert: tls.cert, key: tls.key, ...(tls.ca ? { ca: tls.ca, requestCert: true, rejectUnauthorized: true } : {}) },
          handler,
        )
      : createServer(common, handler);
    server.on('tlsClientError', (err: Error) => {
      this.sink.reject('http', 'unauthorized', `TLS handshake refused: ${err.message}`);
    });
    this.takeConnections(server, tls ? 'secureConnection' : 'connection');
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', (err: NodeJS.ErrnoException) =>
        reject(new Error(`cannot listen for Falco http_output on ${this.opts.host}:${this.opts.port}: ${err.code ?? err.message}`)),
      );
      server.listen(this.opts.port, this.opts.host, () => resolve());
    });
    const address = server.address() as AddressInfo;
    const auth = tls?.ca ? 'client certificate' : this.opts.token ? 'bearer token' : 'none';
    this.log.info({ address: `${address.address}:${address.port}`, tls: Boolean(tls), auth }, 'listening for Falco http_output');
    if (auth === 'none' && !isLoopback(this.opts.host)) {
      this.log.warn(
        { address: `${address.address}:${address.port}` },
        'the Falco HTTP receiver accepts events from anyone who can reach it, and events teach baselines: ' +
          'require a client certificate (--falco-http-client-ca) or a token (--falco-http-token-file)',
      );
    }
    return address;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    this.lane?.stop(STOP_GRACE_MS);
    server.closeIdleConnections();
    // A request still arriving may finish within the grace; then every connection is cut.
    const cut = setTimeout(() => server.closeAllConnections(), STOP_GRACE_MS);
    cut.unref();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    clearTimeout(cut);
  }

  /**
   * Puts the fast lane in front of node:http: the server's own connection listener (node:http's)
   * is taken off and called only for the connections the lane passes on. `event` is where
   * node:http listens: 'connection', or 'secureConnection' behind TLS.
   */
  private takeConnections(server: Server, event: 'connection' | 'secureConnection'): void {
    const listeners = server.listeners(event);
    const httpConnection = listeners[0];
    if (listeners.length !== 1 || typeof httpConnection !== 'function') {
      throw new Error(`cannot put the Falco HTTP fast lane in front of node:http: expected one '${event}' listener, found ${listeners.length}`);
    }
    server.removeListener(event, httpConnection as (socket: Socket) => void);
    const lane = new Http1FastLane(
      { maxBodyBytes: this.opts.maxBodyBytes, keepAliveTimeoutMs: KEEP_ALIVE_TIMEOUT_MS, requestTimeoutMs: REQUEST_TIMEOUT_MS },
      {
        request: (authorization, body, responder) => {
          this.metrics.falcoHttpRequests.inc(FAST);
          const refused = this.admit(authorization);
          if (refused) responder.reply(refused);
          else this.receive('identity', body, responder);
        },
        general: (socket) => (httpConnection as (this: Server, socket: Socket) => void).call(server, socket),
        socketError: (err) => this.log.debug({ err: err.message }, 'Falco http_output connection error'),
      },
    );
    server.on(event, (socket: Socket) => lane.accept(socket));
    this.lane = lane;
  }

  /** The 401 answer when a token is required and the request lacks it, else null. */
  private admit(authorization: string | undefined): Http1Reply | null {
    if (!this.authorized || this.authorized(authorization)) return null;
    return this.refusal(401, 'unauthorized', 'missing or wrong bearer token', UNAUTHORIZED_HEADERS);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    this.metrics.falcoHttpRequests.inc(GENERAL);
    const responder: Responder = { reply: (reply) => writeReply(res, reply) };
    const denied = this.admit(req.headers.authorization);
    if (denied) {
      req.resume();
      responder.reply(denied);
      return;
    }
    if (req.method !== 'POST') {
      req.resume();
      responder.reply(this.refusal(405, 'bad_method', `only POST is accepted, got ${req.method ?? '?'}`, { Allow: 'POST' }));
      return;
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > this.opts.maxBodyBytes) {
      this.tooLarge(req, res, declared);
      return;
    }
    // A Falco event (2 KB) arrives in one chunk: it is used as it is, and only a body that
    // comes in several chunks is gathered and copied into one buffer.
    let first: Buffer | null = null;
    let more: Buffer[] | null = null;
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > this.opts.maxBodyBytes) {
        refused = true;
        this.tooLarge(req, res, size);
        return;
      }
      if (first === null) first = chunk;
      else (more ??= [first]).push(chunk);
    });
    req.on('end', () => {
      if (refused) return;
      const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
      this.receive(encoding, more ? Buffer.concat(more, size) : (first ?? EMPTY), responder);
    });
    req.on('error', (err) => this.log.debug({ err: err.message }, 'Falco http_output request aborted'));
  }

  /**
   * Decodes one request's body, ingests its events and answers (a one-event body is answered
   * before its event is ingested). `raw` is valid only during the call: the fast lane reuses it.
   */
  private receive(encoding: string, raw: Buffer, responder: Responder): void {
    let body: Buffer;
    try {
      if (encoding === 'gzip' || encoding === 'x-gzip') body = gunzipSync(raw, { maxOutputLength: this.opts.maxBodyBytes });
      else if (encoding === 'deflate') body = inflateSync(raw, { maxOutputLength: this.opts.maxBodyBytes });
      else if (encoding === 'identity') body = raw;
      else {
        responder.reply(this.refusal(415, 'bad_encoding', `unsupported Content-Encoding ${encoding}`));
        return;
      }
    } catch (err) {
      if (err instanceof RangeError) {
        responder.reply(this.refusal(413, 'too_large', `body inflates past ${this.opts.maxBodyBytes} bytes`));
      } else {
        responder.reply(this.refusal(400, 'bad_encoding', `cannot decompress ${encoding} body: ${(err as Error).message}`));
      }
      return;
    }

    const shape = bodyShape(body);
    if (shape === 'array') this.receiveArray(body, responder);
    else if (shape === 'lines') this.receiveLines(body, responder);
    else this.receiveOne(body, responder);
  }

  /** A body of one event (what Falco and Falcosidekick post), or one document over several lines. */
  private receiveOne(body: Buffer, responder: Responder): void {
    // Most events on a busy node repeat one seen moments ago: counted without parsing. Only an
    // event that decoded before has a cached outcome, so the answer is the one it got.
    const fingerprint = this.repeats.lookUp(body);
    if (fingerprint === REPLAYED) {
      responder.reply(ACCEPTED_ONE);
      return;
    }
    const items = parseEvents(body);
    if (items instanceof FalcoDecodeError) {
      this.sink.reject('http', items.reason, items.message);
      responder.reply(jsonReply(400, { error: items.message }));
      return;
    }
    const tally = new Tally();
    const decoded: Decoded[] = [];
    for (let i = 0; i < items.length && tally.goOn(); i++) {
      const event = this.decode(items[i], items.length > 1 ? `element ${i + 1}: ` : '', tally);
      if (event) decoded.push(event);
    }
    tally.accepted = decoded.length;
    // The status depends on decoding alone, so the answer goes out before the events are
    // ingested: Falco (one request in flight, every output blocked meanwhile) sends its next
    // event while this process normalizes the last one.
    responder.reply(tally.answer());
    // A fingerprint is of a one-event body; the fingerprint's buffer is intact (nothing since
    // lookUp() took another).
    for (const event of decoded) this.repeats.remember(fingerprint, this.sink.event(event, 'http'));
  }

  /**
   * A JSON array of events, from a forwarder that batches (Fluent Bit, Vector, a relay): each
   * element fingerprinted on its own, so that repeats are replayed as they are one at a time,
   * and ingested in order. The answer comes after the batch is ingested: a batching sender is
   * not Falco waiting on every event.
   */
  private receiveArray(body: Buffer, responder: Responder): void {
    const tally = new Tally();
    let element = 0;
    const scan = this.repeats.eachElement(body, (start, stop, fingerprint) => {
      if (!tally.goOn()) return false;
      element++;
      if (this.repeats.replayed(fingerprint)) tally.accepted++;
      else if (this.ingestText(body.toString('utf8', start, stop), fingerprint, `element ${element}: `, tally)) tally.accepted++;
      return true;
    });
    if (!scan.complete && !scan.stopped) {
      // The scan could not follow the rest, or the body is malformed: the full parser reads the
      // whole body again, and the elements not yet ingested are taken from what it returns.
      const items = parseEvents(body);
      if (items instanceof FalcoDecodeError) {
        this.sink.reject('http', items.reason, items.message);
        responder.reply(tally.answer(items.message));
        return;
      }
      for (let i = scan.visited; i < items.length && tally.goOn(); i++) if (this.ingest(items[i], null, `element ${i + 1}: `, tally)) tally.accepted++;
    }
    responder.reply(tally.answer());
  }

  /**
   * Newline-delimited JSON (Fluent Bit's json_lines, Vector's newline_delimited framing): one
   * event per line, each line on its own as in the JSON-lines input, so a bad line is rejected
   * and the others are taken. A body whose first line is not JSON by itself is read as one
   * document (an event written over several lines, pretty-printed, or one malformed body).
   */
  private receiveLines(body: Buffer, responder: Responder): void {
    const tally = new Tally();
    let line = 0;
    let first = true;
    for (let start = 0; start < body.length; ) {
      const newline = body.indexOf(NEWLINE, start);
      const stop = newline < 0 ? body.length : newline;
      const text = body.subarray(start, stop);
      start = stop + 1;
      line++;
      if (isBlank(text)) continue;
      if (!tally.goOn()) break;
      const fingerprint = this.repeats.lookUp(text);
      if (fingerprint === REPLAYED) {
        tally.accepted++;
        first = false;
        continue;
      }
      const items = parseEvents(text);
      if (items instanceof FalcoDecodeError && first) {
        this.receiveOne(body, responder);
        return;
      }
      first = false;
      if (items instanceof FalcoDecodeError) this.refuse(items, `line ${line}: `, tally);
      else for (const item of items) if (this.ingest(item, fingerprint, `line ${line}: `, tally)) tally.accepted++;
    }
    responder.reply(tally.answer());
  }

  /** Parses one element of a batch, then ingest(). */
  private ingestText(text: string, fingerprint: Fingerprint | null, where: string, tally: Tally): boolean {
    let item: unknown;
    try {
      item = parseJsonValue(text);
    } catch (err) {
      this.refuse(err, where, tally);
      return false;
    }
    return this.ingest(item, fingerprint, where, tally);
  }

  /** Decodes one parsed event and ingests it; false (counted, its error kept) when it does not decode. */
  private ingest(item: unknown, fingerprint: Fingerprint | null, where: string, tally: Tally): boolean {
    const event = this.decode(item, where, tally);
    if (event === null) return false;
    this.repeats.remember(fingerprint, this.sink.event(event, 'http'));
    return true;
  }

  /** `where` names the event in a batch ("element 3: "), empty for a body of one event. */
  private decode(item: unknown, where: string, tally: Tally): Decoded | null {
    try {
      return decodeJsonEvent(item);
    } catch (err) {
      this.refuse(err, where, tally);
      return null;
    }
  }

  /** Counts an event that did not decode and keeps its error for the answer. */
  private refuse(err: unknown, where: string, tally: Tally): void {
    if (!(err instanceof FalcoDecodeError)) throw err;
    this.sink.reject('http', err.reason, where + err.message);
    tally.errors.push(where + err.message);
  }

  private tooLarge(req: IncomingMessage, res: ServerResponse, size: number): void {
    writeReply(
      res,
      this.refusal(413, 'too_large', `body of ${size} bytes exceeds the ${this.opts.maxBodyBytes}-byte limit`, { Connection: 'close' }),
    );
    // Stop reading the rest; the connection closes after the answer.
    req.resume();
  }

  /** Counts a refused request and builds its answer. */
  private refusal(status: number, reason: RejectReason, message: string, headers?: Record<string, string>): Http1Reply {
    this.sink.reject('http', reason, message);
    return jsonReply(status, { error: message }, headers);
  }
}

const EMPTY = Buffer.alloc(0);
const FAST = { parser: 'fast' };
const GENERAL = { parser: 'general' };

// The answer to nearly every request (Falco posts one event each): built once, not per request.
const ACCEPTED_ONE: Http1Reply = { status: 200, text: JSON.stringify({ accepted: 1 }), shared: true };
const ACCEPTED_ONE_HEADERS = ['Content-Type', 'application/json', 'Content-Length', String(Buffer.byteLength(ACCEPTED_ONE.text))];
const UNAUTHORIZED_HEADERS = { 'WWW-Authenticate': 'Bearer' };

/**
 * Events in a body that may fail before the rest of it is not read: a body of a million bad
 * events (`[1,1,…]`, or lines) cost seconds of the event loop, counting each.
 */
const MAX_FAILED_EVENTS = 100;

/** What a body's events came to, for its answer. */
class Tally {
  accepted = 0;
  readonly errors: string[] = [];
  private stopped = false;

  /** Whether to read another event: not once MAX_FAILED_EVENTS have failed. */
  goOn(): boolean {
    if (this.errors.length < MAX_FAILED_EVENTS) return true;
    this.stopped = true;
    return false;
  }

  /**
   * 200 when every event was accepted, else 400 with the counts and the first error (or
   * `malformed`, why the body itself could not be read past the accepted events).
   */
  answer(malformed?: string): Http1Reply {
    const { accepted, errors } = this;
    if (malformed !== undefined) {
      return accepted === 0 && errors.length === 0 ? jsonReply(400, { error: malformed }) : jsonReply(400, { accepted, rejected: errors.length, error: malformed });
    }
    if (this.stopped) {
      return jsonReply(400, { accepted, rejected: errors.length, error: errors[0], stopped: `${MAX_FAILED_EVENTS} events failed: the rest of the body was not read` });
    }
    if (errors.length > 0) return jsonReply(400, { accepted, rejected: errors.length, error: errors[0] });
    return accepted === 1 ? ACCEPTED_ONE : jsonReply(200, { accepted });
  }
}

const NEWLINE = 0x0a;

/** Whitespace as JSON has it. */
function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

function isBlank(bytes: Buffer, from = 0): boolean {
  for (let i = from; i < bytes.length; i++) if (!isSpace(bytes[i] as number)) return false;
  return true;
}

/**
 * What a body holds, from its first bytes: a JSON array, lines (text after the first newline:
 * newline-delimited JSON, or one document over several lines), or one event on one line.
 */
function bodyShape(body: Buffer): 'array' | 'lines' | 'one' {
  let i = 0;
  while (i < body.length && isSpace(body[i] as number)) i++;
  if (body[i] === 0x5b) return 'array';
  const newline = body.indexOf(NEWLINE, i);
  return newline >= 0 && !isBlank(body, newline + 1) ? 'lines' : 'one';
}

/** The events in `bytes` (one, or an array's), or why they are not JSON. */
function parseEvents(bytes: Buffer): unknown[] | FalcoDecodeError {
  try {
    return parseJsonEvents(bytes.toString('utf8'));
  } catch (err) {
    if (!(err instanceof FalcoDecodeError)) throw err;
    return err;
  }
}

function jsonReply(status: number, body: object, headers?: Record<string, string>): Http1Reply {
  return headers ? { status, text: JSON.stringify(body), headers } : { status, text: JSON.stringify(body) };
}

/** Answers through node:http. */
function writeReply(res: ServerResponse, reply: Http1Reply): void {
  if (res.headersSent) return;
  if (reply === ACCEPTED_ONE) {
    res.writeHead(200, ACCEPTED_ONE_HEADERS);
  } else {
    res.writeHead(reply.status, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(reply.text),
      ...reply.headers,
    });
  }
  res.end(reply.text);
}
