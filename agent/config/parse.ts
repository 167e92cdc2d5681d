// Parsers for configuration values given as flags or environment variables. Each throws a
// ConfigError naming the option and what a valid value looks like.

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;
const DURATION_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "250ms", "30s", "15m", "1h", "7d" → milliseconds. */
export function parseDuration(option: string, text: string): number {
  const match = DURATION.exec(text.trim());
  const unit = match?.[2];
  if (!match || unit === undefined) {
    throw new ConfigError(`${option}: "${text}" is not a duration; use a number and a unit, e.g. 250ms, 30s, 15m, 1h`);
  }
  return Math.round(Number(match[1]) * (DURATION_MS[unit] ?? 1));
}

const SIZE = /^(\d+)(B|KiB|MiB|GiB|KB|MB|GB)?$/i;
const SIZE_BYTES: Record<string, number> = {
  b: 1,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  kb: 1000,
  mb: 1000 ** 2,
  gb: 1000 ** 3,
};

/** "4MiB", "512KiB", "1048576" → bytes. */
export function parseSize(option: string, text: string): number {
  const match = SIZE.exec(text.trim());
  if (!match) throw new ConfigError(`${option}: "${text}" is not a size; use e.g. 4MiB, 512KiB or a byte count`);
  return Number(match[1]) * (SIZE_BYTES[(match[2] ?? 'b').toLowerCase()] ?? 1);
}

export interface HostPort {
  readonly host: string;
  readonly port: number;
}

/** "127.0.0.1:2802", "[::1]:2802", ":2802" (all interfaces) → host and port. */
export function parseHostPort(option: string, text: string): HostPort {
  const match = /^(?:\[([^\]]+)\]|([^:]*)):(\d{1,5})$/.exec(text.trim());
  const port = Number(match?.[3]);
  if (!match || port > 65535) {
    throw new ConfigError(`${option}: "${text}" is not HOST:PORT; use e.g. 127.0.0.1:2802 or [::1]:2802`);
  }
  return { host: match[1] ?? (match[2] || '0.0.0.0'), port };
}

export type FalcoEndpoint =
  | { readonly kind: 'unix'; readonly target: string; readonly path: string }
  | { readonly kind: 'tcp'; readonly target: string };

/** `unix:///run/falco/falco.sock`, a bare socket path, or `host:port` (mutual TLS). */
export function parseFalcoEndpoint(option: string, text: string): FalcoEndpoint {
  const value = text.trim();
  if (value.startsWith('unix://')) {
    const path = value.slice('unix://'.length);
    if (!path.startsWith('/')) {
      throw new ConfigError(`${option}: "${text}" needs an absolute socket path, e.g. unix:///run/falco/falco.sock`);
    }
    return { kind: 'unix', target: `unix://${path}`, path };
  }
  if (value.startsWith('/')) return { kind: 'unix', target: `unix://${value}`, path: value };
  const { host, port } = parseHostPort(option, value);
  return { kind: 'tcp', target: host.includes(':') ? `[${host}]:${port}` : `${host}:${port}` };
}

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off', '']);

/**
 * A boolean environment variable. commander treats any value of a flag's environment twin as
 * "set", so VIGIL_STDOUT=false would switch output on; these are read here instead.
 */
export function parseBoolean(variable: string, text: string | undefined): boolean | undefined {
  if (text === undefined) return undefined;
  const value = text.trim().toLowerCase();
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  throw new ConfigError(`${variable}: "${text}" is not a boolean; use true or false`);
}
