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

import { FingerprintScratch, MAX_FINGERPRINT_BYTES, type Fingerprint } from './fingerprint-scratch.js';

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

/** Where the remaining bytes are gathered. */
const scratch = new FingerprintScratch(MAX_MESSAGE_BYTES);

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
  return scratch.gather(buf, cut, cuts, connect ? -1 : localPort, seconds, nanos);
}

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
