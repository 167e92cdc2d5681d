// The fingerprint of an encoded Falco `response`: its bytes without the parts that change from
// one event of the same thing to the next. Two events with the same fingerprint skip, normalize,
// attribute and key alike, so what the agent made of the first holds for the second, and a
// repeat (most events on a busy node) is counted without being decoded (response-handler.ts, outcome-cache.ts).
//
// Left out: `time` (returned separately), the formatted `output` text (it embeds the pid and the
// time), and the output fields that differ per process or per event and that neither the
// decision nor the item key reads: proc.pid, proc.ppid, proc.vpid, evt.time, evt.rawtime,
// evt.time.iso8601, and an outbound connection's local (ephemeral) port, fd.lport when
// evt.type is connect; an inbound connection's fd.lport is its listening port and stays in.
// Every other byte counts, field names and order included, so anything that could change the
// outcome (the rule, the command line, the container's metadata, a `<NA>` turning into a name)
// makes a different fingerprint. Malformed or unusual messages get none and take the full path.

import { randomBytes } from 'node:crypto';
import type { EventTime } from './event.js';

/**
 * Valid until the next call, which reuses the object and its bytes (copy them to keep them):
 * nothing is allocated per event, where two small objects per event were a fifth of what the
 * garbage collector had to clear.
 */
export interface Fingerprint extends EventTime {
  /** The remaining bytes. */
  readonly bytes: Buffer;
  /** A hash of all of `bytes`, for a first lookup: equal bytes have equal hashes. */
  readonly hash: number;
}

/** Longer keys are not worth keeping: such messages (huge command lines) take the full path. */
export const MAX_FINGERPRINT_BYTES = 4096;
/** A message this long has a long key too (the output text is most of what is cut): not worth scanning. */
const MAX_MESSAGE_BYTES = 2 * MAX_FINGERPRINT_BYTES;

/** What the scan does with a field of this name. */
const KEEP = 0;
const VOLATILE = 1;
const LOCAL_PORT = 2;
const EVENT_TYPE = 3;

const SPECIAL: ReadonlyArray<readonly [string, number]> = [
  ['proc.pid', VOLATILE],
  ['proc.ppid', VOLATILE],
  ['proc.vpid', VOLATILE],
  ['evt.time', VOLATILE],
  ['evt.rawtime', VOLATILE],
  ['evt.time.iso8601', VOLATILE],
  ['fd.lport', LOCAL_PORT],
  ['evt.type', EVENT_TYPE],
];
// Field names are compared as integers: a name's length rules out most fields at once, then
// its first and last four bytes (which for 8 bytes is all of it); comparing byte by byte was
// half the cost of the scan. The specials sorted by length; FIRST[n] is the first of length n.
const SORTED = [...SPECIAL].sort((x, y) => x[0].length - y[0].length);
const LONGEST = (SORTED[SORTED.length - 1] as (typeof SORTED)[number])[0].length;
const FIRST = new Int32Array(LONGEST + 2);
for (let n = 0, i = 0; n <= LONGEST + 1; n++) {
  while (i < SORTED.length && (SORTED[i] as (typeof SORTED)[number])[0].length < n) i++;
  FIRST[n] = i;
}
const SPECIAL_HEAD = Int32Array.from(SORTED, ([name]) => Buffer.from(name).readInt32LE(0));
const SPECIAL_TAIL = Int32Array.from(SORTED, ([name]) => Buffer.from(name).readInt32LE(name.length - 4));
const SPECIAL_NAME = SORTED.map(([name]) => Buffer.from(name));
const SPECIAL_ROLE = Int32Array.from(SORTED, ([, role]) => role);
const CONNECT = Buffer.from('connect');

/** Ranges left out of the current message, [start, end) pairs; reused between calls. */
const cut = new Int32Array(64);

/**
 * Where the remaining bytes are gathered; reused between calls. Its own aligned memory, read as
 * words to hash; room for a whole message, which is copied in at once and then closed up over
 * the cuts (one native copy per range instead of a view and a copy).
 */
const scratch = Buffer.allocUnsafeSlow(MAX_MESSAGE_BYTES + 4);
const words = new Int32Array(scratch.buffer, scratch.byteOffset, (MAX_MESSAGE_BYTES + 4) >> 2);
/**
 * Random per process: a process in a monitored container chooses its command line, and with a
 * known hash could aim its events at one bucket of the cache and push others out (never a wrong
 * outcome, bytes are compared, but the full path again for those).
 */
const HASH_SEED = randomBytes(4).readInt32LE(0);

export function fingerprintResponse(buf: Buffer): Fingerprint | null {
  const end = buf.length;
  if (end > MAX_MESSAGE_BYTES) return null;
  let cuts = 0;
  let seconds = -1;
  let nanos = 0;
  let localPort = -1; // index in `cut` of fd.lport's range
  let connect = false;
  let pos = 0;
  while (pos < end) {
    const start = pos;
    const tag = buf[pos++] as number;
    // Fields 1–15 only (one-byte tags), as in Falco's `response`; anything else is unusual.
    if (tag >= 0x80) return null;
    const wireType = tag & 7;
    if (wireType === 0) {
      // priority, source_deprecated: kept.
      let i = 0;
      while (pos < end && (buf[pos++] as number) >= 0x80) if (++i === 10) return null;
      if (pos > end || (buf[pos - 1] as number) >= 0x80) return null;
      continue;
    }
    if (wireType !== 2) return null;
    // The length: one byte below 128, else up to four (256 MiB).
    let length = buf[pos++] as number;
    if (length >= 0x80) {
      length &= 0x7f;
      for (let shift = 7; ; shift += 7) {
        if (shift > 21 || pos >= end) return null;
        const b = buf[pos++] as number;
        length |= (b & 0x7f) << shift;
        if (b < 0x80) break;
      }
    }
    const stop = pos + length;
    if (stop > end) return null;
    if (tag === 0x32) {
      // A map entry as Falco writes it: key (1), then value (2) unless empty; names below 128 bytes.
      if (buf[pos] !== 0x0a) return null;
      const keyLength = buf[pos + 1] as number;
      const keyStart = pos + 2;
      const keyEnd = keyStart + keyLength;
      if (keyLength >= 0x80 || keyEnd > stop) return null;
      // Then nothing but the value, exactly to the end: the decoder reads every field of an
      // entry and the last key wins, so a second key would decode as another field than it reads here.
      if (keyEnd < stop && (buf[keyEnd] !== 0x12 || !valueEndsAt(buf, keyEnd + 1, stop))) return null;
      const role = roleOf(buf, keyStart, keyLength);
      if (role === EVENT_TYPE) {
        // The value's length byte follows its tag; "connect" is short.
        connect = keyEnd + 2 + CONNECT.length === stop && buf[keyEnd + 1] === CONNECT.length && same(buf, keyEnd + 2, CONNECT.length, CONNECT);
      } else if (role !== KEEP) {
        if (cuts === cut.length || !plainValue(buf, keyEnd, stop)) return null;
        if (role === LOCAL_PORT) localPort = cuts;
        cut[cuts++] = start;
        cut[cuts++] = stop;
      }
    } else if (tag === 0x0a || tag === 0x2a) {
      if (tag === 0x0a) {
        if (!readTimestamp(buf, pos, stop)) return null;
        seconds = timestamp.seconds;
        nanos = timestamp.nanos;
      }
      if (cuts === cut.length) return null;
      cut[cuts++] = start;
      cut[cuts++] = stop;
    }
    pos = stop;
  }
  if (seconds < 0) return null;
  // What remains: the message with the cut ranges closed up.
  scratch.set(buf, 0);
  let out = 0;
  let from = 0;
  for (let i = 0; i <= cuts; i += 2) {
    if (i === localPort && !connect) continue;
    const to = i < cuts ? (cut[i] as number) : end;
    if (to > from) {
      if (from !== out) scratch.copyWithin(out, from, to);
      out += to - from;
    }
    if (i < cuts) from = cut[i + 1] as number;
  }
  if (out > MAX_FINGERPRINT_BYTES) return null;
  // A hash over every byte, four at a time in four lanes that do not wait on one another (as a
  // string Map key, V8 hashed the key a byte at a time and that cost more than the rest of a
  // repeat); the bytes past the end of the last word are zeroed.
  scratch[out] = 0;
  scratch[out + 1] = 0;
  scratch[out + 2] = 0;
  let a = HASH_SEED ^ out;
  let b = (HASH_SEED + 0x9e3779b9) | 0;
  let c = HASH_SEED ^ 0x7f4a7c15;
  let d = (HASH_SEED + 0x3c6ef372) | 0;
  const n = (out + 3) >> 2;
  let w = 0;
  for (; w + 3 < n; w += 4) {
    a = Math.imul((a + (words[w] as number)) | 0, 0x01000193);
    b = Math.imul((b + (words[w + 1] as number)) | 0, 0x01000193);
    c = Math.imul((c + (words[w + 2] as number)) | 0, 0x01000193);
    d = Math.imul((d + (words[w + 3] as number)) | 0, 0x01000193);
    a ^= a >>> 15;
    b ^= b >>> 15;
    c ^= c >>> 15;
    d ^= d >>> 15;
  }
  for (; w < n; w++) {
    a = Math.imul(a ^ (words[w] as number), 0x01000193);
    a ^= a >>> 15;
  }
  let hash = Math.imul(a ^ (b >>> 7), 0x85ebca6b);
  hash = Math.imul(hash ^ c ^ (hash >>> 13), 0xc2b2ae35);
  hash ^= d ^ (hash >>> 16);
  result.bytes = views[out] ??= scratch.subarray(0, out);
  result.hash = hash >>> 0;
  result.seconds = seconds;
  result.nanos = nanos;
  return result;
}

/** The returned fingerprint, and a view of the scratch buffer for each key length seen (at most 4 KiB of them). */
const result: { -readonly [K in keyof Fingerprint]: Fingerprint[K] } = { bytes: scratch.subarray(0, 0), hash: 0, seconds: 0, nanos: 0 };
const views: Array<Buffer | undefined> = [];

/** What readTimestamp() read; reused between calls. */
const timestamp = { seconds: 0, nanos: 0 };

/** google.protobuf.Timestamp with its two varints, as Falco writes it, into `timestamp`; else false. */
function readTimestamp(buf: Buffer, pos: number, end: number): boolean {
  let seconds = 0;
  let nanos = 0;
  while (pos < end) {
    const tag = buf[pos++] as number;
    if (tag !== 0x08 && tag !== 0x10) return false;
    // Seconds until 2106 fit in 5 varint bytes and a double exactly.
    let value = 0;
    let scale = 1;
    for (let i = 0; ; i++) {
      if (i === 5 || pos >= end) return false;
      const b = buf[pos++] as number;
      value += (b & 0x7f) * scale;
      scale *= 128;
      if (b < 0x80) break;
    }
    if (tag === 0x08) seconds = value;
    else nanos = value;
  }
  if (nanos >= 1_000_000_000) return false;
  timestamp.seconds = seconds;
  timestamp.nanos = nanos;
  return true;
}

/**
 * Whether a left-out entry's value is one the full decoder reads without complaint: well formed
 * and ASCII (pids, times and ports are digits). Anything else takes the full path, which rejects
 * it or counts its warning.
 */
function plainValue(buf: Buffer, keyEnd: number, stop: number): boolean {
  if (keyEnd === stop) return true;
  const length = buf[keyEnd + 1] as number;
  if (length >= 0x80 || keyEnd + 2 + length !== stop) return false;
  for (let i = keyEnd + 2; i < stop; i++) if ((buf[i] as number) >= 0x80) return false;
  return true;
}

/** Whether the length varint at `at` and the bytes it counts end exactly at `stop`. */
function valueEndsAt(buf: Buffer, at: number, stop: number): boolean {
  let length = 0;
  for (let shift = 0; shift <= 21; shift += 7) {
    if (at >= stop) return false;
    const b = buf[at++] as number;
    length |= (b & 0x7f) << shift;
    if (b < 0x80) return at + length === stop;
  }
  return false;
}

function roleOf(buf: Buffer, start: number, length: number): number {
  if (length > LONGEST) return KEEP;
  const from = FIRST[length] as number;
  const to = FIRST[length + 1] as number;
  if (from === to) return KEEP;
  const head = (buf[start] as number) | ((buf[start + 1] as number) << 8) | ((buf[start + 2] as number) << 16) | ((buf[start + 3] as number) << 24);
  const last = start + length - 4;
  const tail = (buf[last] as number) | ((buf[last + 1] as number) << 8) | ((buf[last + 2] as number) << 16) | ((buf[last + 3] as number) << 24);
  for (let i = from; i < to; i++) {
    if (SPECIAL_HEAD[i] !== head || SPECIAL_TAIL[i] !== tail) continue;
    if (length <= 8 || same(buf, start, length, SPECIAL_NAME[i] as Buffer)) return SPECIAL_ROLE[i] as number;
  }
  return KEEP;
}

function same(buf: Buffer, start: number, length: number, expected: Buffer): boolean {
  if (length !== expected.length) return false;
  for (let i = 0; i < length; i++) if (buf[start + i] !== expected[i]) return false;
  return true;
}
