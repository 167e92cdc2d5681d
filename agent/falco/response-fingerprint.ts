// The fingerprint of an encoded Falco `response`: its bytes without the parts that change from
// one event of the same thing to the next. Two events with the same fingerprint skip, normalize,
// attribute and key alike, so what the agent made of the first holds for the second, and a
// repeat (most events on a busy node) is counted without being decoded (repeat-outcomes.ts).
//
// Left out: `time` (returned separately), the formatted `output` text (it embeds the pid and the
// time), and the output fields that differ per process or per event and that neither the
// decision nor the item key reads: proc.pid, proc.ppid, proc.vpid, evt.time, evt.rawtime,
// evt.time.iso8601, and an outbound connection's local (ephemeral) port, fd.lport when
// evt.type is connect; an inbound connection's fd.lport is its listening port and stays in.
// Every other byte counts, field names and order included, so anything that could change the
// outcome (the rule, the command line, the container's metadata, a `<NA>` turning into a name)
// makes a different fingerprint. Malformed or unusual messages get none and take the full path.

export interface Fingerprint {
  /** The remaining bytes, one byte per character (latin1), as a Map key. */
  readonly key: string;
  /** The event's time, nanoseconds since the epoch. */
  readonly timeNs: bigint;
}

/** Longer keys are not worth keeping: such messages (huge command lines) take the full path. */
export const MAX_FINGERPRINT_BYTES = 4096;

const VOLATILE_FIELDS = ['proc.pid', 'proc.ppid', 'proc.vpid', 'evt.time', 'evt.rawtime', 'evt.time.iso8601'].map((name) =>
  Buffer.from(name),
);
const LOCAL_PORT = Buffer.from('fd.lport');
const EVT_TYPE = Buffer.from('evt.type');
const CONNECT = Buffer.from('connect');

type Latin1Buffer = Buffer & { latin1Slice(start: number, end: number): string };

/** Byte ranges of one message, reused between calls (the agent reads one message at a time). */
const cut: number[] = [];
const scratch = Buffer.allocUnsafe(MAX_FINGERPRINT_BYTES) as Latin1Buffer;

export function fingerprintResponse(buf: Buffer): Fingerprint | null {
  // A message this long has a long key too (the output text is most of what is cut): not worth scanning.
  if (buf.length > 2 * MAX_FINGERPRINT_BYTES) return null;
  cut.length = 0;
  let timeNs: bigint | null = null;
  let localPort = -1; // index in `cut` of fd.lport's range
  let connect = false;
  let pos = 0;
  const end = buf.length;
  while (pos < end) {
    const start = pos;
    const tag = buf[pos++] as number;
    // Fields 1–15 only (one-byte tags), as in Falco's `response`; anything else is unusual.
    if (tag >= 0x80) return null;
    if ((tag & 7) === 0) {
      // priority, source_deprecated: kept.
      pos = skipVarint(buf, pos, end);
      if (pos < 0) return null;
      continue;
    }
    if ((tag & 7) !== 2) return null;
    const length = readVarint(buf, pos, end);
    if (length < 0) return null;
    pos = varintEnd;
    const stop = pos + length;
    if (stop > end) return null;
    if (tag === 0x0a) {
      timeNs = readTimestamp(buf, pos, stop);
      if (timeNs === null) return null;
      cut.push(start, stop);
    } else if (tag === 0x2a) {
      cut.push(start, stop);
    } else if (tag === 0x32) {
      const entry = readEntry(buf, pos, stop);
      if (!entry) return null;
      if (isVolatile(buf, entry.keyStart, entry.keyEnd)) cut.push(start, stop);
      else if (same(buf, entry.keyStart, entry.keyEnd, LOCAL_PORT)) {
        localPort = cut.length;
        cut.push(start, stop);
      } else if (same(buf, entry.keyStart, entry.keyEnd, EVT_TYPE)) {
        connect = same(buf, entry.valueStart, entry.valueEnd, CONNECT);
      }
    }
    pos = stop;
  }
  if (timeNs === null) return null;
  if (localPort >= 0 && !connect) cut.splice(localPort, 2);
  // Copy what remains into one scratch buffer: one string, no concatenation.
  let out = 0;
  let from = 0;
  for (let i = 0; i <= cut.length; i += 2) {
    const to = i < cut.length ? (cut[i] as number) : end;
    const n = to - from;
    if (out + n > MAX_FINGERPRINT_BYTES) return null;
    buf.copy(scratch, out, from, to);
    out += n;
    from = i < cut.length ? (cut[i + 1] as number) : end;
  }
  return { key: scratch.latin1Slice(0, out), timeNs };
}

/** Where the last readVarint ended (saves an allocation per call). */
let varintEnd = 0;

/** A varint of up to 4 bytes (lengths below 256 MiB), or -1. */
function readVarint(buf: Buffer, pos: number, end: number): number {
  let value = 0;
  for (let shift = 0; shift < 28; shift += 7) {
    if (pos >= end) return -1;
    const b = buf[pos++] as number;
    value |= (b & 0x7f) << shift;
    if (b < 0x80) {
      varintEnd = pos;
      return value;
    }
  }
  return -1;
}

function skipVarint(buf: Buffer, pos: number, end: number): number {
  for (let i = 0; i < 10; i++) {
    if (pos >= end) return -1;
    if ((buf[pos++] as number) < 0x80) return pos;
  }
  return -1;
}

/** google.protobuf.Timestamp with its two varints in order, as Falco writes it; else null. */
function readTimestamp(buf: Buffer, pos: number, end: number): bigint | null {
  let seconds = 0;
  let nanos = 0;
  while (pos < end) {
    const tag = buf[pos++] as number;
    if (tag !== 0x08 && tag !== 0x10) return null;
    // Seconds until 2106 fit in 5 varint bytes and a double exactly.
    let value = 0;
    let scale = 1;
    let i = 0;
    for (;; i++) {
      if (i === 5 || pos >= end) return null;
      const b = buf[pos++] as number;
      value += (b & 0x7f) * scale;
      scale *= 128;
      if (b < 0x80) break;
    }
    if (tag === 0x08) seconds = value;
    else nanos = value;
  }
  if (nanos >= 1_000_000_000) return null;
  return BigInt(seconds) * 1_000_000_000n + BigInt(nanos);
}

interface Entry {
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

const entry: Entry = { keyStart: 0, keyEnd: 0, valueStart: 0, valueEnd: 0 };

/** A map entry written as Falco writes it: key (1) then value (2), nothing else. */
function readEntry(buf: Buffer, pos: number, end: number): Entry | null {
  if (buf[pos++] !== 0x0a) return null;
  const keyLength = readVarint(buf, pos, end);
  if (keyLength < 0) return null;
  entry.keyStart = varintEnd;
  entry.keyEnd = varintEnd + keyLength;
  if (entry.keyEnd > end) return null;
  pos = entry.keyEnd;
  if (pos === end) {
    // Proto3 leaves out an empty value.
    entry.valueStart = entry.valueEnd = end;
    return entry;
  }
  if (buf[pos++] !== 0x12) return null;
  const valueLength = readVarint(buf, pos, end);
  if (valueLength < 0) return null;
  entry.valueStart = varintEnd;
  entry.valueEnd = varintEnd + valueLength;
  return entry.valueEnd === end ? entry : null;
}

function isVolatile(buf: Buffer, start: number, stop: number): boolean {
  for (const name of VOLATILE_FIELDS) if (same(buf, start, stop, name)) return true;
  return false;
}

function same(buf: Buffer, start: number, stop: number, expected: Buffer): boolean {
  const n = expected.length;
  if (stop - start !== n) return false;
  for (let i = 0; i < n; i++) if (buf[start + i] !== expected[i]) return false;
  return true;
}
