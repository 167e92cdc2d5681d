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
  let parsed: unknown;
  try {
    parsed = parseLosslessJson(text);
  } catch (err) {
    throw new FalcoDecodeError('malformed_json', `malformed JSON: ${(err as Error).message}`);
  }
  return Array.isArray(parsed) ? parsed : [parsed];
}

export function decodeJsonEvent(value: unknown): Decoded {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new FalcoDecodeError('invalid_event', `event must be a JSON object, got ${describe(value)}`);
  }
  const obj = value as Record<string, unknown>;
  const warnings: DecodeWarning[] = [];
  const unknownKeys = Object.keys(obj).filter((k) => !KNOWN_KEYS.has(k));
  if (unknownKeys.length > 0) warnings.push('unknown_field');

  const rule = requireString(obj, 'rule');
  const source = optionalString(obj, 'source') ?? 'syscall';
  const hostname = optionalString(obj, 'hostname') ?? '';
  const output = optionalString(obj, 'output');

  let priority = null;
  const priorityText = optionalString(obj, 'priority');
  if (priorityText !== null) priority = priorityFromName(priorityText);
  if (priority === null) warnings.push('unknown_priority');

  const tags: string[] = [];
  if (obj.tags !== undefined && obj.tags !== null) {
    if (!Array.isArray(obj.tags) || !obj.tags.every((t) => typeof t === 'string')) {
      throw new FalcoDecodeError('invalid_event', `"tags" must be an array of strings, got ${describe(obj.tags)}`);
    }
    tags.push(...(obj.tags as string[]));
  }

  const fields = new Map<string, FieldValue>();
  if (obj.output_fields !== undefined && obj.output_fields !== null) {
    if (typeof obj.output_fields !== 'object' || Array.isArray(obj.output_fields)) {
      throw new FalcoDecodeError(
        'invalid_event',
        `"output_fields" must be an object, got ${describe(obj.output_fields)}`,
      );
    }
    let invalidUtf8 = false;
    for (const [key, raw] of Object.entries(obj.output_fields as Record<string, unknown>)) {
      if (typeof raw === 'string' && raw.includes(REPLACEMENT_CHAR)) invalidUtf8 = true;
      fields.set(key, toFieldValue(raw));
    }
    if (invalidUtf8) warnings.push('invalid_utf8');
  }

  let timeNs: bigint | null = null;
  const timeText = optionalString(obj, 'time');
  if (timeText !== null) {
    timeNs = parseRfc3339Ns(timeText);
    if (timeNs === null) {
      throw new FalcoDecodeError('invalid_event', `"time" is not an RFC 3339 timestamp: ${JSON.stringify(timeText).slice(0, 80)}`);
    }
  } else {
    const evtTime = fields.get('evt.time') ?? fields.get('evt.rawtime');
    if (typeof evtTime === 'bigint') timeNs = evtTime;
    else if (typeof evtTime === 'number' && Number.isInteger(evtTime)) timeNs = BigInt(evtTime);
  }
  if (timeNs === null) {
    warnings.push('missing_time');
    timeNs = BigInt(Date.now()) * 1_000_000n;
  }

  return {
    event: { timeNs, priority, rule, source, hostname, output, tags, fields, encoding: 'json' },
    warnings,
    unknownKeys,
  };
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
