// Who may post Falco events to the HTTP receiver. Anyone who can post events can teach a
// baseline, so outside loopback the receiver should demand a client certificate (Falco's
// http_output supports mtls) or a bearer token (Falcosidekick's webhook can send headers).
import { timingSafeEqual, createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

export interface HttpTlsFiles {
  readonly certFile: string;
  readonly keyFile: string;
  /** When set, clients must present a certificate signed by this CA. */
  readonly clientCaFile: string | null;
}

export interface HttpTlsMaterial {
  readonly cert: Buffer;
  readonly key: Buffer;
  readonly ca: Buffer | null;
}

export async function readTlsMaterial(files: HttpTlsFiles): Promise<HttpTlsMaterial> {
  const read = (file: string): Promise<Buffer> =>
    readFile(file).catch((err: NodeJS.ErrnoException) => {
      throw new Error(`cannot read HTTP receiver TLS file ${file}: ${err.code ?? err.message}`);
    });
  const [cert, key, ca] = await Promise.all([
    read(files.certFile),
    read(files.keyFile),
    files.clientCaFile ? read(files.clientCaFile) : Promise.resolve(null),
  ]);
  return { cert, key, ca };
}

/** Reads a token file; surrounding whitespace (a trailing newline from `echo`) is ignored. */
export async function readToken(file: string): Promise<string> {
  let text: string;
  try {
    text = (await readFile(file, 'utf8')).trim();
  } catch (err) {
    throw new Error(`cannot read token file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (text.length < 16) throw new Error(`token file ${file} holds ${text.length} characters; use at least 16`);
  return text;
}

/** The token of an `Authorization: Bearer <token>` header; the scheme is case-insensitive (RFC 9110 §11.1). */
export function bearerToken(header: string | undefined): string | null {
  if (!header || !/^bearer /i.test(header)) return null;
  return header.slice('bearer '.length).trim();
}

/**
 * A check of Authorization headers against one bearer token, in constant time. The token's
 * digest is computed once here, not on every request (the receiver sees one request per event).
 */
export function bearerMatcher(token: string): (header: string | undefined) => boolean {
  const expected = sha256(token);
  return (header) => {
    const given = bearerToken(header);
    // Digests of equal length, so timingSafeEqual never sees lengths that differ.
    return given !== null && timingSafeEqual(sha256(given), expected);
  };
}

/** Compares an Authorization header with the expected bearer token in constant time. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  return bearerMatcher(token)(header);
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}
