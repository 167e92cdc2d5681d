// Reads the head of one HTTP/1.1 request, but only in the plain shape Falco's http_output
// (libcurl) and Falcosidekick's webhook send: `POST <target> HTTP/1.1`, a Host, a Content-Length,
// perhaps an Authorization, no body framing or connection handling of any other kind.
//
// Anything else is `general`: chunked bodies, compressed bodies, `Expect`, `Upgrade`,
// `Connection: close`, HTTP/1.0, other methods, a duplicated header that matters, odd bytes, a
// head larger than FAST_HEAD_LIMIT. Those requests go to node:http, which implements the whole
// protocol, so this reader can stay strict and small: it must never accept a head that node:http
// would read differently (the differential test in test/unit/http1-head.test.ts holds it to that).

/** Heads larger than this go to node:http (its own limit is 16 KiB). */
export const FAST_HEAD_LIMIT = 8192;

export interface FastHead {
  /** Bytes from the request line through the blank line. */
  readonly headBytes: number;
  readonly contentLength: number;
  /** The Authorization header's value without surrounding whitespace, if there was one. */
  readonly authorization: string | undefined;
}

export type HeadVerdict = FastHead | 'incomplete' | 'general';

const CR = 0x0d;
const LF = 0x0a;
const SP = 0x20;
const HT = 0x09;
const COLON = 0x3a;
const SLASH = 0x2f;
const END_OF_HEAD = Buffer.from('\r\n\r\n', 'latin1');
const REQUEST_START = Buffer.from('POST ', 'latin1');
const VERSION_LINE = Buffer.from(' HTTP/1.1\r\n', 'latin1');

/** RFC 9110 tchar: the bytes a header name may hold. */
const TOKEN = new Uint8Array(256);
for (const c of "!#$%&'*+-.^_`|~") TOKEN[c.charCodeAt(0)] = 1;
for (let c = 0x30; c <= 0x39; c++) TOKEN[c] = 1;
for (let c = 0x41; c <= 0x5a; c++) TOKEN[c] = 1;
for (let c = 0x61; c <= 0x7a; c++) TOKEN[c] = 1;

// Header names this reader acts on, lower case. Each is told apart by its length first.
const HOST = lower('host');
const CONTENT_LENGTH = lower('content-length');
const AUTHORIZATION = lower('authorization');
const CONTENT_ENCODING = lower('content-encoding');
const CONNECTION = lower('connection');
// Present at all: the request is general.
// (llhttp reads Proxy-Connection as Connection.)
const GENERAL_HEADERS = ['transfer-encoding', 'expect', 'upgrade', 'te', 'trailer', 'http2-settings', 'proxy-connection'].map(lower);
/** More header lines than this go to node:http, whose maxHeadersCount (2,000) would drop the later ones. */
const MAX_HEADER_LINES = 100;
const IDENTITY = lower('identity');
const KEEP_ALIVE = lower('keep-alive');

/**
 * Reads the request head that starts at `start` in buf[start, end). `incomplete` means the blank
 * line has not arrived yet (and the head is still under FAST_HEAD_LIMIT).
 */
export function readRequestHead(buf: Buffer, start: number, end: number): HeadVerdict {
  const searchEnd = Math.min(end, start + FAST_HEAD_LIMIT);
  const blank = buf.subarray(start, searchEnd).indexOf(END_OF_HEAD);
  if (blank < 0) {
    if (searchEnd - start >= FAST_HEAD_LIMIT) return 'general';
    // A request that is not a POST need not wait for the rest of its head to be sent onward.
    const seen = Math.min(searchEnd - start, REQUEST_START.length);
    return buf.compare(REQUEST_START, 0, seen, start, start + seen) === 0 ? 'incomplete' : 'general';
  }
  const headEnd = start + blank + 2; // just after the last header line's CRLF
  if (headEnd - start < REQUEST_START.length + VERSION_LINE.length + 1) return 'general';
  if (buf.compare(REQUEST_START, 0, REQUEST_START.length, start, start + REQUEST_START.length) !== 0) return 'general';

  // Request target: a path (origin form, as libcurl sends), visible ASCII only.
  let i = start + REQUEST_START.length;
  if (buf[i] !== SLASH) return 'general';
  while (i < headEnd && buf[i]! > SP && buf[i]! < 0x7f) i++;
  if (i + VERSION_LINE.length > headEnd) return 'general';
  if (buf.compare(VERSION_LINE, 0, VERSION_LINE.length, i, i + VERSION_LINE.length) !== 0) return 'general';
  i += VERSION_LINE.length;

  let host = false;
  let contentLength = -1;
  let authorization: string | undefined;
  let encoding = false;
  let connection = false;
  let lines = 0;
  while (i < headEnd) {
    if (++lines > MAX_HEADER_LINES) return 'general';
    const nameStart = i;
    while (TOKEN[buf[i]!] === 1) i++;
    const nameLength = i - nameStart;
    if (nameLength === 0 || buf[i] !== COLON) return 'general';
    i++;
    while (buf[i] === SP || buf[i] === HT) i++;
    const valueStart = i;
    // Field value: visible ASCII, SP, HT, or obs-text; no other control byte, no bare CR or LF.
    while (i < headEnd) {
      const b = buf[i]!;
      if (b === CR) break;
      if ((b < SP && b !== HT) || b === 0x7f) return 'general';
      i++;
    }
    if (buf[i] !== CR || buf[i + 1] !== LF) return 'general';
    const rawEnd = i;
    let valueEnd = i;
    while (valueEnd > valueStart && (buf[valueEnd - 1] === SP || buf[valueEnd - 1] === HT)) valueEnd--;
    i += 2;

    if (is(buf, nameStart, nameLength, CONTENT_LENGTH)) {
      if (contentLength >= 0) return 'general';
      // Only spaces may follow the digits (llhttp refuses a tab there).
      let digitsEnd = rawEnd;
      while (digitsEnd > valueStart && buf[digitsEnd - 1] === SP) digitsEnd--;
      contentLength = decimal(buf, valueStart, digitsEnd);
      if (contentLength < 0) return 'general';
    } else if (is(buf, nameStart, nameLength, HOST)) {
      if (host) return 'general';
      host = true;
    } else if (is(buf, nameStart, nameLength, AUTHORIZATION)) {
      if (authorization !== undefined) return 'general';
      authorization = buf.toString('latin1', valueStart, valueEnd);
    } else if (is(buf, nameStart, nameLength, CONTENT_ENCODING)) {
      if (encoding || !is(buf, valueStart, valueEnd - valueStart, IDENTITY)) return 'general';
      encoding = true;
    } else if (is(buf, nameStart, nameLength, CONNECTION)) {
      if (connection || !is(buf, valueStart, valueEnd - valueStart, KEEP_ALIVE)) return 'general';
      connection = true;
    } else {
      for (const name of GENERAL_HEADERS) if (is(buf, nameStart, nameLength, name)) return 'general';
    }
  }
  if (!host || contentLength < 0) return 'general';
  return { headBytes: headEnd + 2 - start, contentLength, authorization };
}

function lower(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text, 'latin1'));
}

/** buf[at, at + length) equals `name`, ignoring ASCII case. */
function is(buf: Buffer, at: number, length: number, name: Uint8Array): boolean {
  if (length !== name.length) return false;
  for (let k = 0; k < length; k++) {
    const b = buf[at + k]!;
    // Lower-cases A–Z only; every other byte must match exactly.
    if ((b >= 0x41 && b <= 0x5a ? b | 0x20 : b) !== name[k]) return false;
  }
  return true;
}

/** A Content-Length of 1–15 digits, or -1. */
function decimal(buf: Buffer, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let k = from; k < to; k++) {
    const d = buf[k]! - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}
