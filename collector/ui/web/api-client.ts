// The browser's connection to the collector's API: the token in an Authorization header on every
// request, errors carrying the collector's own message.
import type { Session } from './api-types.js';

export class ApiRequestError extends Error {
  constructor(
    message: string,
    /** HTTP status, or null when the collector could not be reached. */
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

export class ApiClient {
  constructor(readonly token: string) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    return JSON.parse(await this.requestText(method, path, body)) as T;
  }

  /** The answer as text (YAML exports), or an ApiRequestError with the collector's message. */
  async requestText(method: string, path: string, body?: unknown): Promise<string> {
    let res: Response;
    try {
      res = await fetch(path, {
        method,
        headers: { Authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? null : JSON.stringify(body),
        cache: 'no-store',
      });
    } catch (err) {
      throw new ApiRequestError(`cannot reach the collector (${(err as Error).message})`, null);
    }
    const text = await res.text();
    if (!res.ok) {
      let message = `HTTP ${res.status}`;
      try {
        message = (JSON.parse(text) as { error?: string }).error ?? message;
      } catch {
        // Not the collector's JSON (a proxy's error page): the status says enough.
      }
      throw new ApiRequestError(message, res.status);
    }
    return text;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  session(): Promise<Session> {
    return this.get<Session>('/api/v1/session');
  }

  /** A single-use ticket for the stream (a browser cannot put a header on a WebSocket). */
  async ticket(): Promise<string> {
    return (await this.request<{ ticket: string }>('POST', '/api/v1/stream/ticket')).ticket;
  }
}
