// Receives Falco's http_output (json_output: true, one event per POST) and the Falcosidekick
// webhook body, which is the same JSON object.
//
// Falco ignores the response status but blocks every one of its outputs while this receiver is
// slow, so the receiver never waits on anything downstream: it decodes, hands the event to the
// ingest path (which drops and counts rather than blocks when the output is behind) and answers
// at once. Status codes still say what happened, for people testing with curl: 200 accepted,
// 400 malformed, 401 wrong token, 405 not a POST, 413 too large, 415 unknown content encoding.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { gunzipSync, inflateSync } from 'node:zlib';
import type { Logger } from 'pino';
import type { IngestSink, RejectReason } from '../pipeline/ingest.js';
import { FalcoDecodeError, type Decoded } from './event.js';
import { decodeJsonEvent, parseJsonEvents } from './json-event.js';
import { JsonRepeats, REPLAYED } from './json-repeats.js';
import { bearerMatcher, isLoopback, type HttpTlsMaterial } from './http-auth.js';

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

export class HttpSource {
  private server: Server | null = null;
  private readonly log: Logger;
  /** null when no token is required. */
  private readonly authorized: ((header: string | undefined) => boolean) | null;
  private readonly repeats: JsonRepeats;

  constructor(
    private readonly opts: HttpSourceOptions,
    private readonly sink: IngestSink,
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
    const common = { keepAliveTimeout: 65_000, requestTimeout: 30_000 };
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
    server.closeIdleConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    if (this.authorized && !this.authorized(req.headers.authorization)) {
      req.resume();
      this.refuse(res, 401, 'unauthorized', 'missing or wrong bearer token', { 'WWW-Authenticate': 'Bearer' });
      return;
    }
    if (req.method !== 'POST') {
      req.resume();
      this.refuse(res, 405, 'bad_method', `only POST is accepted, got ${req.method ?? '?'}`, { Allow: 'POST' });
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
      this.process(req, res, more ? Buffer.concat(more, size) : (first ?? EMPTY));
    });
    req.on('error', (err) => this.log.debug({ err: err.message }, 'Falco http_output request aborted'));
  }

  private process(req: IncomingMessage, res: ServerResponse, raw: Buffer): void {
    const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
    let body: Buffer;
    try {
      if (encoding === 'gzip' || encoding === 'x-gzip') body = gunzipSync(raw, { maxOutputLength: this.opts.maxBodyBytes });
      else if (encoding === 'deflate') body = inflateSync(raw, { maxOutputLength: this.opts.maxBodyBytes });
      else if (encoding === 'identity') body = raw;
      else {
        this.refuse(res, 415, 'bad_encoding', `unsupported Content-Encoding ${encoding}`);
        return;
      }
    } catch (err) {
      if (err instanceof RangeError) {
        this.refuse(res, 413, 'too_large', `body inflates past ${this.opts.maxBodyBytes} bytes`);
      } else {
        this.refuse(res, 400, 'bad_encoding', `cannot decompress ${encoding} body: ${(err as Error).message}`);
      }
      return;
    }

    // Most events on a busy node repeat one seen moments ago: counted without parsing. Only an
    // event that decoded before has a cached outcome, so the answer is the one it got.
    const fingerprint = this.repeats.lookUp(body);
    if (fingerprint === REPLAYED) {
      replyAcceptedOne(res);
      return;
    }
    let items: unknown[];
    try {
      items = parseJsonEvents(body.toString('utf8'));
    } catch (err) {
      this.refuseDecode(res, err);
      return;
    }
    const decoded: Decoded[] = [];
    const errors: string[] = [];
    for (const item of items) {
      try {
        decoded.push(decodeJsonEvent(item));
      } catch (err) {
        if (!(err instanceof FalcoDecodeError)) throw err;
        this.sink.reject('http', err.reason, err.message);
        errors.push(err.message);
      }
    }
    // The status depends on decoding alone, so the answer goes out before the events are
    // ingested: Falco (one request in flight, every output blocked meanwhile) sends its next
    // event while this process normalizes the last one.
    if (errors.length === 0) {
      if (items.length === 1) replyAcceptedOne(res);
      else reply(res, 200, { accepted: items.length });
    } else {
      reply(res, 400, { accepted: items.length - errors.length, rejected: errors.length, error: errors[0] });
    }
    // A fingerprint is of a one-event body; the fingerprint's buffer is intact (nothing since
    // lookUp() took another).
    for (const event of decoded) this.repeats.remember(fingerprint, this.sink.event(event, 'http'));
  }

  private refuseDecode(res: ServerResponse, err: unknown): void {
    if (!(err instanceof FalcoDecodeError)) throw err;
    this.sink.reject('http', err.reason, err.message);
    reply(res, 400, { error: err.message });
  }

  private tooLarge(req: IncomingMessage, res: ServerResponse, size: number): void {
    this.refuse(res, 413, 'too_large', `body of ${size} bytes exceeds the ${this.opts.maxBodyBytes}-byte limit`, {
      Connection: 'close',
    });
    // Stop reading the rest; the connection closes after the answer.
    req.resume();
  }

  private refuse(
    res: ServerResponse,
    status: number,
    reason: RejectReason,
    message: string,
    headers: Record<string, string> = {},
  ): void {
    this.sink.reject('http', reason, message);
    reply(res, status, { error: message }, headers);
  }
}

const EMPTY = Buffer.alloc(0);

// The answer to nearly every request (Falco posts one event each): built once, not per request.
const ACCEPTED_ONE = JSON.stringify({ accepted: 1 });
const ACCEPTED_ONE_HEADERS = ['Content-Type', 'application/json', 'Content-Length', String(Buffer.byteLength(ACCEPTED_ONE))];

function replyAcceptedOne(res: ServerResponse): void {
  if (res.headersSent) return;
  res.writeHead(200, ACCEPTED_ONE_HEADERS);
  res.end(ACCEPTED_ONE);
}

function reply(res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}
