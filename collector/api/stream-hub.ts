// The SOC's live stream: GET /api/v1/stream (WebSocket), JSON messages each with a cursor from
// the collector's one monotonic stream sequence.
//
// - Authentication on `upgrade`, before the socket becomes a WebSocket: a bearer token (CLI
//   clients), or a short-lived single-use ticket (browsers cannot set headers on a WebSocket)
//   together with an allowed Origin.
// - `since=<cursor>` replays from the store, then continues live. A client is either replaying
//   (live messages skip it; the replay reads them from the store) or live (it gets every message
//   above its last cursor), so there is no gap and no duplicate at the seam.
// - A client whose send buffer passes `maxBufferedBytes` is disconnected (close 4008 naming its
//   resume cursor), so a slow client never delays the others; broadcasts are serialized once.
// - A page of broadcasts reaches each client's socket as one write of WebSocket frames built once
//   per message, not once per message and client: `ws.send` framed and copied the same text for
//   every client (2 million frames for 20,000 alerts and 100 clients, a third of the collector's
//   CPU in garbage collection). Clients without a filter share one buffer for the page.
// - With no live client, a publish reads and serializes nothing: it only moves past the rows.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import type { Counter } from 'prom-client';
import { WebSocket, WebSocketServer } from 'ws';
import { authenticate, type ApiToken } from '../auth/api-tokens.js';
import { atLeast, SEVERITIES, type Severity } from '../baseline/severity.js';
import type { ApiQueries, StreamRow } from '../store/api-queries.js';

/** Stream rows broadcast per event-loop turn. */
const PUBLISH_PAGE = 500;

/** Live tickets at most (a browser needs one per connection attempt, within a minute). */
const MAX_TICKETS = 10_000;

export interface StreamHubOptions {
  /** Origins browsers may connect from; an empty list allows none (CLI clients send none). */
  readonly allowedOrigins: readonly string[];
  readonly maxBufferedBytes: number;
  readonly pingIntervalMs: number;
  readonly ticketTtlMs: number;
}

interface Filter {
  readonly namespace?: string;
  readonly workload?: string;
  /** Alert severities accepted ("at least" expanded); other message types pass. */
  readonly severities?: readonly string[];
}

interface Client {
  readonly ws: WebSocket;
  /** The socket under `ws` (from the upgrade): broadcast pages are written to it as frames. */
  readonly socket: Duplex;
  readonly filter: Filter;
  readonly name: string;
  lastSent: number;
  replaying: boolean;
  alive: boolean;
}

/** Workload (and, for alert messages, severity) of a stream row, for filtering. */
export interface RowSubject {
  readonly namespace: string;
  readonly name: string;
  readonly key: string;
  readonly severity?: string;
}
type Resolve = (row: StreamRow) => RowSubject | null;

export class StreamHub {
  private readonly wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 4 * 1024 });
  private readonly clients = new Set<Client>();
  private readonly tickets = new Map<string, { token: ApiToken; expires: number }>();
  private readonly ping: NodeJS.Timeout;
  private broadcastUpTo = 0;
  private publishing = false;
  private publishAgain = false;

  constructor(
    private readonly queries: ApiQueries,
    private readonly tokens: readonly ApiToken[],
    private readonly resolve: Resolve,
    private readonly authFailures: Counter<'reason'>,
    private readonly log: Logger,
    private readonly opts: StreamHubOptions,
  ) {
    this.broadcastUpTo = queries.streamRange().last;
    this.ping = setInterval(() => this.heartbeat(), opts.pingIntervalMs);
    this.ping.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  /** A single-use ticket for a browser's WebSocket, valid for a short while. */
  issueTicket(token: ApiToken): { ticket: string; expires_in_s: number } | null {
    const now = Date.now();
    // Insertion order is expiry order: prune from the front until the first live ticket.
    for (const [t, v] of this.tickets) {
      if (v.expires > now) break;
      this.tickets.delete(t);
    }
    if (this.tickets.size >= MAX_TICKETS) return null;
    const ticket = randomBytes(24).toString('base64url');
    this.tickets.set(ticket, { token, expires: Date.now() + this.opts.ticketTtlMs });
    return { ticket, expires_in_s: Math.round(this.opts.ticketTtlMs / 1000) };
  }

  attach(server: Server): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => this.upgrade(req, socket, head));
  }

  /** New rows were appended to the stream: send them to every live client that wants them. */
  publish(): void {
    if (this.publishing) {
      this.publishAgain = true;
      return;
    }
    this.publishing = true;
    let more = false;
    try {
      more = this.publishPage();
    } catch (err) {
      // What failed is sent on the next publish, from where it stopped.
      this.log.error({ err: (err as Error).message }, 'cannot publish stream messages');
    } finally {
      this.publishing = false;
    }
    // Yield between pages: agents' acks, gRPC keepalive pings and health checks must not wait for
    // a whole backlog to reach every client.
    if (more) setImmediate(() => this.publish());
    else if (this.publishAgain) {
      this.publishAgain = false;
      this.publish();
    }
  }

  /** Broadcasts one page of stored messages; true when there may be more. */
  private publishPage(): boolean {
    // The slow-consumer limit is checked once per page, before the page is written: a client may
    // pass the limit by at most one page before it is cut.
    const live: Client[] = [];
    for (const c of this.clients) if (!c.replaying && !this.cutIfSlow(c)) live.push(c);
    if (live.length === 0) {
      // A client that connects later starts after the latest row, and one replaying reads the
      // store up to broadcastUpTo before it goes live: nobody needs these rows from here.
      this.broadcastUpTo = Math.max(this.broadcastUpTo, this.queries.streamRange().last);
      return false;
    }
    const rows = this.queries.streamAfter(this.broadcastUpTo, PUBLISH_PAGE);
    if (rows.length === 0) return false;
    const frames: Buffer[] = [];
    const subjects: Array<RowSubject | null> = [];
    let failed: unknown = null;
    for (const row of rows) {
      try {
        const who = this.resolve(row);
        frames.push(textFrame(JSON.stringify(message(row, who))));
        subjects.push(who);
      } catch (err) {
        // The rows before it still go out; it and the rest are sent on the next publish.
        failed = err;
        break;
      }
    }
    const n = frames.length;
    const lastSeq = rows[n - 1]?.seq;
    if (lastSeq !== undefined) {
      let page: Buffer | null = null;
      for (const c of live) {
        // Frames written after ws sent a close frame would break the protocol.
        if (c.ws.readyState !== WebSocket.OPEN) continue;
        if (isOpenFilter(c.filter) && c.lastSent < (rows[0]?.seq ?? 0)) {
          page ??= Buffer.concat(frames);
          c.socket.write(page);
          c.lastSent = lastSeq;
          continue;
        }
        const mine: Buffer[] = [];
        for (let i = 0; i < n; i++) {
          const row = rows[i];
          const frame = frames[i];
          if (row === undefined || frame === undefined || row.seq <= c.lastSent || !matches(c.filter, subjects[i] ?? null)) continue;
          mine.push(frame);
          c.lastSent = row.seq;
        }
        if (mine.length > 0) c.socket.write(mine.length === 1 ? (mine[0] as Buffer) : Buffer.concat(mine));
      }
      this.broadcastUpTo = lastSeq;
    }
    if (failed !== null) throw failed;
    return rows.length === PUBLISH_PAGE;
  }

  close(): void {
    clearInterval(this.ping);
    for (const c of this.clients) c.ws.close(1001, 'collector stopping');
    this.wss.close();
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    // Before anything can fail: a peer that resets mid-refusal must not take the process down.
    socket.on('error', (err) => this.log.debug({ err: err.message }, 'stream upgrade socket error'));
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://collector');
    } catch {
      refuse(socket, 400, 'malformed request target');
      return;
    }
    if (url.pathname !== '/api/v1/stream') {
      refuse(socket, 404, 'no such WebSocket endpoint; use /api/v1/stream');
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !this.opts.allowedOrigins.includes(origin) && !sameOrigin(origin, req.headers.host)) {
      this.authFailures.inc({ reason: 'bad_origin' });
      this.log.warn({ origin, ip: req.socket.remoteAddress }, 'refused a stream connection from a disallowed Origin');
      refuse(socket, 403, `Origin ${origin} is not allowed`);
      return;
    }
    let caller = authenticate(this.tokens, req.headers.authorization);
    const ticket = url.searchParams.get('ticket');
    if (!caller && ticket) {
      const t = this.tickets.get(ticket);
      this.tickets.delete(ticket); // single use, even when expired
      if (t && t.expires > Date.now()) caller = t.token;
    }
    if (!caller) {
      this.authFailures.inc({ reason: ticket ? 'bad_ticket' : req.headers.authorization ? 'unknown_token' : 'missing_token' });
      this.log.warn({ ip: req.socket.remoteAddress }, 'refused a stream connection: missing or unknown token or ticket');
      refuse(socket, 401, 'a bearer token or a stream ticket is required', { 'WWW-Authenticate': 'Bearer' });
      return;
    }
    const sinceText = url.searchParams.get('since');
    const since = sinceText === null || !/^\d{1,15}$/.test(sinceText) ? null : Number(sinceText);
    if (sinceText !== null && since === null) {
      refuse(socket, 400, `since must be a cursor (a whole number), got "${sinceText}"`);
      return;
    }
    const severity = url.searchParams.get('severity');
    if (severity !== null && !(SEVERITIES as readonly string[]).includes(severity)) {
      refuse(socket, 400, `severity must be one of ${SEVERITIES.join(', ')}, got "${severity}"`);
      return;
    }
    const filter: Filter = {
      ...(url.searchParams.get('namespace') !== null ? { namespace: url.searchParams.get('namespace') ?? '' } : {}),
      ...(url.searchParams.get('workload') !== null ? { workload: url.searchParams.get('workload') ?? '' } : {}),
      ...(severity !== null ? { severities: atLeast(severity as Severity) } : {}),
    };
    const name = caller.name;
    this.wss.handleUpgrade(req, socket, head, (ws) => this.connected(ws, socket, name, filter, since));
  }

  private connected(ws: WebSocket, socket: Duplex, name: string, filter: Filter, since: number | null): void {
    const { first, last } = this.queries.streamRange();
    if (since !== null && since > last) {
      ws.send(JSON.stringify({ type: 'error', cursor: last, error: `cursor ${since} is in the future; the latest is ${last}` }));
      ws.close(4400, 'cursor in the future');
      return;
    }
    if (since !== null && first > 0 && since < first - 1) {
      ws.send(JSON.stringify({ type: 'error', cursor: first - 1, error: `cursor ${since} is older than what the collector keeps (from ${first}); reconnect with since=${first - 1} and reload the lists` }));
      ws.close(4410, 'cursor too old');
      return;
    }
    const client: Client = { ws, socket, filter, name, lastSent: since ?? last, replaying: since !== null, alive: true };
    this.clients.add(client);
    ws.on('pong', () => (client.alive = true));
    ws.on('close', () => this.clients.delete(client));
    ws.on('error', (err: Error & { code?: string }) => {
      if (err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
        this.authFailures.inc({ reason: 'oversize_message' });
        this.log.warn({ client: name }, 'stream client sent an oversize message; closed');
      } else {
        this.log.debug({ err: err.message, client: name }, 'stream client error');
      }
    });
    ws.on('message', () => ws.close(1008, 'this stream is read-only'));
    this.log.info({ client: name, since, filter }, 'stream client connected');
    if (client.replaying) void this.replay(client);
  }

  /** Sends the stored rows after the client's cursor, page by page, waiting while it is behind. */
  private async replay(c: Client): Promise<void> {
    for (;;) {
      if (c.ws.readyState !== WebSocket.OPEN) return;
      const rows = this.queries.streamAfter(c.lastSent, 500);
      // A page in one write, as broadcasts are (a client cut as slow catches up through here).
      const frames: Buffer[] = [];
      try {
        for (const row of rows) {
          const who = this.resolve(row);
          if (matches(c.filter, who)) frames.push(textFrame(JSON.stringify(message(row, who))));
          c.lastSent = row.seq;
        }
      } finally {
        // Whatever was framed goes out, even when a later row failed: lastSent has passed it.
        if (frames.length > 0) c.socket.write(Buffer.concat(frames));
      }
      if (rows.length < 500 && c.lastSent >= this.broadcastUpTo) break;
      while (c.ws.readyState === WebSocket.OPEN && c.ws.bufferedAmount > this.opts.maxBufferedBytes / 2) {
        await new Promise((r) => setTimeout(r, 10));
      }
    }
    c.replaying = false; // from here on, live broadcasts above lastSent reach it
    c.ws.send(JSON.stringify({ type: 'heartbeat', cursor: c.lastSent, caught_up: true }));
  }

  /** Disconnects a client whose send buffer is past the limit; true when it did. */
  private cutIfSlow(c: Client): boolean {
    if (c.ws.bufferedAmount <= this.opts.maxBufferedBytes) return false;
    this.authFailures.inc({ reason: 'slow_client' });
    this.log.warn({ client: c.name, buffered: c.ws.bufferedAmount, cursor: c.lastSent }, 'stream client too slow; disconnecting it (it resumes from its cursor)');
    this.clients.delete(c);
    c.ws.close(4008, `slow consumer: reconnect with since=${c.lastSent}`);
    return true;
  }

  private heartbeat(): void {
    for (const c of this.clients) {
      if (!c.alive) {
        c.ws.terminate();
        this.clients.delete(c);
        continue;
      }
      c.alive = false;
      c.ws.ping();
      if (!c.replaying) c.ws.send(JSON.stringify({ type: 'heartbeat', cursor: Math.max(c.lastSent, this.broadcastUpTo) }));
    }
  }
}

function message(row: StreamRow, who: RowSubject | null): Record<string, unknown> {
  return { type: row.type, cursor: row.seq, at: new Date(row.at_ms).toISOString(), ...(who ? { workload: who.key } : {}), ...row.payload };
}

function isOpenFilter(f: Filter): boolean {
  return f.namespace === undefined && f.workload === undefined && f.severities === undefined;
}

function matches(f: Filter, who: RowSubject | null): boolean {
  if (isOpenFilter(f)) return true;
  // Messages about no workload (agent.status) are not filtered away by workload filters.
  if (!who) return true;
  if (f.severities !== undefined && who.severity !== undefined && !f.severities.includes(who.severity)) return false;
  return (f.namespace === undefined || f.namespace === who.namespace) && (f.workload === undefined || f.workload === who.name);
}

/**
 * One final, unmasked text frame (RFC 6455 §5.2), as ws frames a server's `send(text)`: written
 * straight to the socket, it can be shared by every client. Safe beside ws's own sends because
 * ws writes each of its frames to the socket at once (no permessage-deflate here, so it never
 * queues one).
 */
export function textFrame(text: string): Buffer {
  const n = Buffer.byteLength(text);
  const head = n < 126 ? 2 : n < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(head + n);
  frame[0] = 0x81; // FIN, opcode 1 (text)
  if (n < 126) {
    frame[1] = n;
  } else if (n < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(n, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(n / 2 ** 32), 2);
    frame.writeUInt32BE(n >>> 0, 6);
  }
  frame.write(text, head, 'utf8');
  return frame;
}

function refuse(socket: Duplex, status: number, message: string, headers: Record<string, string> = {}): void {
  const body = JSON.stringify({ error: message });
  const reason = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[status] ?? 'Error';
  const extra = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extra}Connection: close\r\n\r\n${body}`);
}

/**
 * The collector's own web UI: a page served from the host and port the upgrade is addressed to.
 * A page elsewhere (the cross-site WebSocket attack the Origin check is for) has another origin;
 * the ticket, which only a token holder can get, stays the credential either way.
 */
function sameOrigin(origin: string, host: string | undefined): boolean {
  return host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
}

