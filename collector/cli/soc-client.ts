// The SOC terminal client's connection to a collector: server and token from flags,
// environment or a small config file; JSON over HTTP; the alert stream over WebSocket.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import WebSocket from 'ws';
import { ConfigError } from '../../agent/config/parse.js';

export interface ClientConfig {
  readonly server: string;
  readonly token: string;
}

export interface ClientFlags {
  server?: string;
  tokenFile?: string;
  config?: string;
}

/** A request the collector refused or could not serve; the message is the collector's own. */
export class ClientError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'ClientError';
  }
}

export const DEFAULT_SERVER = 'http://127.0.0.1:7421';

/** Flags win over the environment, which wins over the config file (~/.config/vigil/config.yaml). */
export function clientConfig(flags: ClientFlags, env: NodeJS.ProcessEnv = process.env): ClientConfig {
  const file = flags.config ?? env.VIGIL_CONFIG ?? join(homedir(), '.config', 'vigil', 'config.yaml');
  let fromFile: { server?: unknown; token?: unknown } = {};
  try {
    fromFile = (parseYaml(readFileSync(file, 'utf8')) as typeof fromFile | null) ?? {};
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' || flags.config !== undefined) throw new ConfigError(`cannot read the config file ${file}: ${code ?? (err as Error).message}`);
  }
  let token = env.VIGIL_TOKEN?.trim() || (typeof fromFile.token === 'string' ? fromFile.token : '');
  if (flags.tokenFile) {
    try {
      token = readFileSync(flags.tokenFile, 'utf8').trim();
    } catch (err) {
      throw new ConfigError(`cannot read --token-file ${flags.tokenFile}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }
  if (!token) throw new ConfigError('no token: pass --token-file, set VIGIL_TOKEN, or put "token:" in the config file');
  const server = flags.server ?? env.VIGIL_SERVER ?? (typeof fromFile.server === 'string' ? fromFile.server : DEFAULT_SERVER);
  if (!/^https?:\/\/[^/]+/.test(server)) throw new ConfigError(`--server: "${server}" is not an http(s) URL, e.g. ${DEFAULT_SERVER}`);
  return { server: server.replace(/\/+$/, ''), token };
}

export class SocClient {
  constructor(private readonly config: ClientConfig) {}

  async request<T>(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.config.server}${path}`, {
        method,
        headers: { Authorization: `Bearer ${this.config.token}`, ...(body !== undefined ? { 'Content-Type': contentType } : {}) },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
    } catch (err) {
      // Node's fetch puts the socket error in `cause`, sometimes inside an AggregateError.
      const c = (err as { cause?: { code?: string; message?: string; errors?: Array<{ code?: string }> } }).cause;
      const cause = c?.code ?? c?.errors?.[0]?.code ?? c?.message ?? (err as Error).message;
      throw new ClientError(`cannot reach the collector at ${this.config.server}: ${cause}`, null);
    }
    const text = await res.text();
    if (!res.ok) {
      let message = text;
      try {
        message = (JSON.parse(text) as { error?: string }).error ?? text;
      } catch {
        // Not JSON (a proxy's error page): show it as it came.
      }
      throw new ClientError(`${message} (HTTP ${res.status})`, res.status);
    }
    return (res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T;
  }

  /** Opens the stream from `since` (or now); resolves once connected. */
  stream(query: URLSearchParams): WebSocket {
    const url = `${this.config.server.replace(/^http/, 'ws')}/api/v1/stream?${query.toString()}`;
    return new WebSocket(url, { headers: { Authorization: `Bearer ${this.config.token}` } });
  }
}
