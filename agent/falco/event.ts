// One typed model for a Falco event, whichever encoding it arrived in (gRPC protobuf, JSON).
//
// The two encodings disagree on field values: over gRPC every output field is text and a missing
// value is the string "<NA>"; over JSON values are typed (numbers, booleans) and a missing value
// is null. Decoders map both onto FieldValue with null for "missing", and the accessors below
// read a field as the type the caller needs, accepting either representation.

export const PRIORITIES = [
  'emergency',
  'alert',
  'critical',
  'error',
  'warning',
  'notice',
  'informational',
  'debug',
] as const;
export type Priority = (typeof PRIORITIES)[number];

/** bigint appears only for JSON integers beyond Number.MAX_SAFE_INTEGER (evt.time and friends). */
export type FieldValue = string | number | bigint | boolean | null;

export type Encoding = 'grpc' | 'json';

export interface FalcoEvent {
  /** Event time, nanoseconds since the Unix epoch, exact. */
  readonly timeNs: bigint;
  /** null when Falco sent a priority this agent does not know (counted by the decoder's caller). */
  readonly priority: Priority | null;
  readonly rule: string;
  /** "syscall", "internal", "k8s_audit" or a plugin's source name. */
  readonly source: string;
  readonly hostname: string;
  readonly output: string | null;
  readonly tags: readonly string[];
  readonly fields: ReadonlyMap<string, FieldValue>;
  readonly encoding: Encoding;
}

/**
 * An event's time as Falco's Timestamp carries it (seconds < 2^53, nanos < 10^9). A replayed
 * repeat (response-handler.ts) passes this on, and the bigint of eventTimeToNs() is made only
 * where a repeat's time is kept: most repeats are of baseline items, whose times nothing reads.
 */
export interface EventTime {
  readonly seconds: number;
  readonly nanos: number;
}

export function eventTimeToNs(time: EventTime): bigint {
  return BigInt(time.seconds) * 1_000_000_000n + BigInt(time.nanos);
}

/** Something odd but survivable about an event; the caller counts it. */
export type DecodeWarning = 'unknown_priority' | 'missing_time' | 'unknown_field' | 'invalid_utf8';

/** What every decoder puts where a field's bytes were not valid UTF-8. */
export const REPLACEMENT_CHAR = '\uFFFD';

export interface Decoded {
  readonly event: FalcoEvent;
  readonly warnings: readonly DecodeWarning[];
  /** Top-level keys that were not part of Falco's format, for a log line. */
  readonly unknownKeys: readonly string[];
}

/** A payload that cannot become a FalcoEvent. `reason` is a stable label for metrics. */
export class FalcoDecodeError extends Error {
  constructor(
    readonly reason: 'malformed_json' | 'invalid_event' | 'malformed_protobuf',
    message: string,
  ) {
    super(message);
    this.name = 'FalcoDecodeError';
  }
}

const NA = '<NA>';

/** Normalizes a text field value from the gRPC encoding: "<NA>" means missing. */
export function textFieldValue(text: string): string | null {
  return text === NA ? null : text;
}

export function fieldText(event: FalcoEvent, key: string): string | null {
  const value = event.fields.get(key);
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value === '' ? null : value;
  return String(value);
}

/** An integer field (ports, pids, uids). Non-numeric text reads as null. */
export function fieldInt(event: FalcoEvent, key: string): number | null {
  const value = event.fields.get(key);
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && /^-?\d{1,15}$/.test(value)) return Number(value);
  return null;
}

// Falco's time fields are uint64. The bound also keeps a hostile or corrupt JSON integer (which
// has no length limit) from becoming a time that Date cannot format, which would throw later in
// observationToJson.
const MAX_UINT64 = 2n ** 64n - 1n;

/**
 * A time in nanoseconds since the epoch (container.start_ts): a JSON integer above 2^53 or gRPC
 * digits. Zero (Falco's "unknown"), anything beyond uint64 and anything else read as null.
 */
export function fieldNs(event: FalcoEvent, key: string): bigint | null {
  const value = event.fields.get(key);
  let ns: bigint | null = null;
  if (typeof value === 'bigint') ns = value;
  else if (typeof value === 'number' && Number.isSafeInteger(value)) ns = BigInt(value);
  else if (typeof value === 'string' && /^\d{1,20}$/.test(value)) ns = BigInt(value);
  return ns !== null && ns > 0n && ns <= MAX_UINT64 ? ns : null;
}

export function fieldBool(event: FalcoEvent, key: string): boolean | null {
  const value = event.fields.get(key);
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return null;
}

export function priorityFromName(name: string): Priority | null {
  const lower = name.toLowerCase();
  // Falco's JSON spells it "Informational"; its configuration also accepts "info".
  if (lower === 'info') return 'informational';
  return (PRIORITIES as readonly string[]).includes(lower) ? (lower as Priority) : null;
}

export function priorityFromNumber(value: number): Priority | null {
  return PRIORITIES[value] ?? null;
}

const RFC3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

/** Parses RFC 3339 to exact nanoseconds; Date alone would keep only milliseconds. */
export function parseRfc3339Ns(text: string): bigint | null {
  const match = RFC3339.exec(text);
  if (!match) return null;
  const [, whole, fraction = '', zone] = match;
  const ms = Date.parse(`${whole}${zone === 'Z' ? 'Z' : zone}`);
  if (Number.isNaN(ms)) return null;
  return BigInt(ms) * 1_000_000n + BigInt(fraction.padEnd(9, '0'));
}

// Events arrive in time order, many per second: the formatted second is reused.
let lastSecond = -1n;
let lastPrefix = '';

/** Formats nanoseconds as RFC 3339 UTC with nine fractional digits, as Falco does. */
export function formatRfc3339Ns(ns: bigint): string {
  const seconds = ns / 1_000_000_000n;
  const nanos = ns % 1_000_000_000n;
  if (seconds !== lastSecond) {
    lastPrefix = new Date(Number(seconds) * 1000).toISOString().slice(0, 19); // yyyy-mm-ddThh:mm:ss
    lastSecond = seconds;
  }
  return `${lastPrefix}.${nanos.toString().padStart(9, '0')}Z`;
}
