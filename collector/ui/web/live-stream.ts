// The browser's end of /api/v1/stream: a ticket per attempt, resume from the last cursor after
// any disconnect (so nothing is missed or repeated), and a connection state the page shows at
// all times.
import { ApiRequestError, type ApiClient } from './api-client.js';
import type { StreamMessage } from './api-types.js';

/** connecting: first attempt; catching-up: replaying what was missed; live: caught up. */
export type StreamState = 'connecting' | 'catching-up' | 'live' | 'reconnecting';

export interface StreamEvents {
  message(m: StreamMessage): void;
  state(state: StreamState, detail: string): void;
  /** The cursor cannot be resumed (the collector's database was replaced): reload everything. */
  reset(reason: string): void;
  /** The token was refused: sign in again. */
  unauthorized(reason: string): void;
}

// 4008: this page fell behind (a busy tab); resuming from the cursor loses nothing.
const CLOSE_REASONS: Readonly<Record<number, string>> = {
  1001: 'the collector is stopping',
  1006: 'the connection dropped',
  4008: 'this page fell behind; resuming',
};

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 5_000;

export class LiveStream {
  private ws: WebSocket | null = null;
  private retryMs = RETRY_MIN_MS;
  private timer: number | null = null;
  private stopped = false;
  private attempts = 0;
  private everLive = false;

  constructor(
    private readonly api: ApiClient,
    private cursor: number,
    private readonly events: StreamEvents,
  ) {}

  get lastCursor(): number {
    return this.cursor;
  }

  start(): void {
    this.events.state('connecting', 'connecting to the collector');
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.ws?.close(1000, 'page closed');
    this.ws = null;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    this.attempts++;
    let ticket: string;
    try {
      ticket = await this.api.ticket();
    } catch (err) {
      if (err instanceof ApiRequestError && err.status === 401) {
        this.events.unauthorized(err.message);
        return;
      }
      this.retry(`the collector does not answer (${(err as Error).message})`);
      return;
    }
    if (this.stopped) return;
    const url = new URL('/api/v1/stream', window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('since', String(this.cursor));
    url.searchParams.set('ticket', ticket);
    const ws = new WebSocket(url);
    this.ws = ws;
    ws.onopen = () => {
      this.events.state('catching-up', this.everLive ? 'back; replaying what was missed' : 'loading');
    };
    ws.onmessage = (e: MessageEvent<string>) => {
      let m: StreamMessage;
      try {
        m = JSON.parse(e.data) as StreamMessage;
      } catch (err) {
        console.error('vigil: a stream message is not JSON', err);
        return;
      }
      if (m.type === 'error') {
        console.warn(`vigil: the stream refused cursor ${this.cursor}: ${m.error}`);
        return;
      }
      this.cursor = Math.max(this.cursor, m.cursor);
      if (m.type === 'heartbeat' && m.caught_up) {
        this.retryMs = RETRY_MIN_MS;
        this.attempts = 0;
        this.everLive = true;
        this.events.state('live', 'caught up');
      }
      this.events.message(m);
    };
    ws.onclose = (e: CloseEvent) => {
      if (this.ws !== ws || this.stopped) return;
      this.ws = null;
      if (e.code === 4400 || e.code === 4410) {
        this.events.reset(e.reason || `the stream cannot resume from cursor ${this.cursor}`);
        return;
      }
      this.retry(CLOSE_REASONS[e.code] ?? `connection lost (code ${e.code})`);
    };
  }

  private retry(why: string): void {
    if (this.stopped) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(RETRY_MAX_MS, this.retryMs * 2);
    this.events.state('reconnecting', `${why}; attempt ${this.attempts + 1} in ${Math.ceil(wait / 1000)} s`);
    this.timer = window.setTimeout(() => {
      this.timer = null;
      void this.connect();
    }, wait);
  }
}
