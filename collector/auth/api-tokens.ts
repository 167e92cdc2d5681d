// SOC tokens for the HTTP API and the stream, each with a role: viewer (read and stream) or
// operator (also modes, approvals, imports). From a file ("ROLE TOKEN [NAME]" per line, # for
// comments: a Kubernetes Secret mounted as a file) or VIGIL_API_TOKENS ("role:token,...").
import { createHash, timingSafeEqual } from 'node:crypto';
import { ConfigError } from '../../agent/config/parse.js';
import { bearerToken } from '../../agent/falco/http-auth.js';

export type Role = 'viewer' | 'operator';

export interface ApiToken {
  readonly role: Role;
  /** Who, for the audit log; never the token itself. */
  readonly name: string;
  readonly digest: Buffer;
}

const digest = (token: string): Buffer => createHash('sha256').update(token).digest();

function token(role: string, secret: string, name: string, where: string): ApiToken {
  // The message never repeats the value: a line missing its role would show the secret.
  if (role !== 'viewer' && role !== 'operator') throw new ConfigError(`${where}: the role must be viewer or operator (ROLE TOKEN [NAME])`);
  if (secret.length < 16) throw new ConfigError(`${where}: tokens must be at least 16 characters long`);
  return { role, name, digest: digest(secret) };
}

export function parseTokenFile(text: string, file: string): ApiToken[] {
  const out: ApiToken[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [role = '', secret = '', name] = line.split(/\s+/);
    out.push(token(role, secret, name ?? `${role}-${i + 1}`, `${file}:${i + 1}`));
  });
  return out;
}

export function parseTokenEnv(value: string): ApiToken[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((pair, i) => {
      const at = pair.indexOf(':');
      return token(pair.slice(0, at), pair.slice(at + 1), `${pair.slice(0, at)}-env-${i + 1}`, 'VIGIL_API_TOKENS');
    });
}

export function devToken(secret: string): ApiToken {
  return { role: 'operator', name: 'dev-operator', digest: digest(secret) };
}

/** The token a bearer header names, compared in constant time; null when none matches. */
export function authenticate(tokens: readonly ApiToken[], header: string | undefined): ApiToken | null {
  const secret = bearerToken(header);
  if (secret === null) return null;
  const given = digest(secret);
  let found: ApiToken | null = null;
  for (const t of tokens) if (timingSafeEqual(given, t.digest) && found === null) found = t;
  return found;
}
