// Decodes one Falco event from its JSON form: Falco's json_output (http_output, program_output,
// file_output) and the Falcosidekick webhook body, which is the same object plus a `uuid`.
import {
  FalcoDecodeError,
  REPLACEMENT_CHAR,
  parseRfc3339Ns,
  priorityFromName,
  type Decoded,
  type DecodeWarning,
  type FieldValue,
} from './event.js';
import { parseLosslessJson } from './lossless-json.js';

const KNOWN_KEYS = new Set([
  'hostname',
  'output',
  'output_fields',
  'priority',
  'rule',
  'source',
  'tags',
  'time',
  // Falcosidekick adds these to the same body.
  'uuid',
]);

/** Parses text that holds one event or, from batching forwarders, an array of events. */
export function parseJsonEvents(text: string): unknown[] {
  const parsed = parseJsonValue(text);
  return Array.isArray(parsed) ? parsed : [parsed];
}

/** Parses text that holds one JSON value (an event is an object; decodeJsonEvent() checks). */
export function parseJsonValue(text: string): unknown {
  try {
    return parseLosslessJson(text);
  } catch (err) {
    throw new FalcoDecodeError('malformed_json', `malformed JSON: ${(err as Error).message}`);
  }
}

// Most events have no warning and no unknown key: they share these instead of two new arrays.
const NO_WARNINGS: readonly DecodeWarning[] = Object.freeze([]);
const NO_KEYS: readonly string[] = Object.freeze([]);

export function decodeJsonEvent(value: unknown): Decoded {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new FalcoDecodeError('invalid_event', `event must be a JSON object, got ${describe(value)}`);
  }
  const obj = value as Record<string, unknown>;
  let warnings: DecodeWarning[] | null = null;
  const warn = (warning: DecodeWarning): void => {
    (warnings ??= []).push(warning);
  };
  let unknownKeys: string[] | null = null;
  for (const key in obj) {
    if (!KNOWN_KEYS.has(key)) (unknownKeys ??= []).push(key);
  }
  if (unknownKeys) warn('unknown_field');

  const rule = requireString(obj, 'rule');
  const source = optionalString(obj, 'source') ?? 'syscall';
  const hostname = optionalString(obj, 'hostname') ?? '';
  const output = optionalString(obj, 'output');

  let priority = null;
  const priorityText = optionalString(obj, 'priority');
  if (priorityText !== null) priority = priorityFromName(priorityText);
  if (priority === null) warn('unknown_priority');

  let tags: string[] = [];
  if (obj.tags !== undefined && obj.tags !== null) {
    if (!Array.isArray(obj.tags) || !obj.tags.every((t) => typeof t === 'string')) {
      throw new FalcoDecodeError('invalid_event', `"tags" must be an array of strings, got ${describe(obj.tags)}`);
    }
    // The parsed array is this event's own: no copy needed.
    tags = obj.tags as string[];
  }

  const fields = new Map<string, FieldValue>();
  if (obj.output_fields !== undefined && obj.output_fields !== null) {
    if (typeof obj.output_fields !== 'object' || Array.isArray(obj.output_fields)) {
      throw new FalcoDecodeError(
        'invalid_event',
        `"output_fields" must be an object, got ${describe(obj.output_fields)}`,
      );
    }
    const outputFields = obj.output_fields as Record<string, unknown>;
    let invalidUtf8 = false;
    for (const key in outputFields) {
      const raw = outputFields[key];
      if (typeof raw === 'string' && raw.includes(REPLACEMENT_CHAR)) invalidUtf8 = true;
      fields.set(key, toFieldValue(raw));
    }
    if (invalidUtf8) warn('invalid_utf8');
  }

  let timeNs: bigint | null = null;
  const timeText = optionalString(obj, 'time');
  if (timeText !== null) {
    timeNs = parseEventTimeNs(timeText);
    if (timeNs === null) {
      throw new FalcoDecodeError('invalid_event', `"time" is not an RFC 3339 timestamp: ${JSON.stringify(timeText).slice(0, 80)}`);
    }
  } else {
    const evtTime = fields.get('evt.time') ?? fields.get('evt.rawtime');
    if (typeof evtTime === 'bigint') timeNs = evtTime;
    else if (typeof evtTime === 'number' && Number.isInteger(evtTime)) timeNs = BigInt(evtTime);
  }
  if (timeNs === null) {
    warn('missing_time');
    timeNs = BigInt(Date.now()) * 1_000_000n;
  }

  return {
    event: { timeNs, priority, rule, source, hostname, output, tags, fields, encoding: 'json' },
    warnings: warnings ?? NO_WARNINGS,
    unknownKeys: unknownKeys ?? NO_KEYS,
  };
}

// Falco's `time` is `yyyy-mm-ddThh:mm:ss.nnnnnnnnnZ`, and consecutive events mostly share the
// second: the nanoseconds of the second are reused when the text up to the fraction repeats.
const FALCO_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\.(\d{9})Z$/;
let lastSecondText = '';
let lastSecondNs = 0n;

/** Falco's `time` in nanoseconds, as decodeJsonEvent reads it (json-fingerprint.ts too); null when invalid. */
export function parseEventTimeNs(text: string): bigint | null {
  const match = FALCO_TIME.exec(text);
  if (!match) return parseRfc3339Ns(text); // other offsets and fraction lengths
  const [, second = '', fraction = ''] = match;
  if (second !== lastSecondText) {
    const ns = parseRfc3339Ns(`${second}Z`);
    if (ns === null) return null;
    lastSecondText = second;
    lastSecondNs = ns;
  }
  return lastSecondNs + BigInt(fraction);
}

/**
 * Scalars keep their JSON type. A list or object value (Falco has a few list-valued fields) is
 * kept as its JSON text, so the value stays readable as evidence instead of being dropped.
 */
function toFieldValue(raw: unknown): FieldValue {
  if (raw === null || raw === undefined) return null;
  switch (typeof raw) {
    case 'string':
      return raw === '<NA>' ? null : raw;
    case 'number':
    case 'bigint':
    case 'boolean':
      return raw;
    default:
      return JSON.stringify(raw, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  }
}

function requireString(obj: Record<string, unknown>, key: string): string {
  const value = obj[key];
  if (typeof value !== 'string') {
    throw new FalcoDecodeError('invalid_event', `"${key}" must be a string, got ${describe(value)}`);
  }
  return value;
}

function optionalString(obj: Record<string, unknown>, key: string): string | null {
  const value = obj[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    throw new FalcoDecodeError('invalid_event', `"${key}" must be a string, got ${describe(value)}`);
  }
  return value;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value).slice(0, 40)}`;
}
