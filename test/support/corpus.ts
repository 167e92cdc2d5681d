// Loads the recorded-format Falco event corpora of test/corpus/ and renders each event the way
// Falco's gRPC output would carry it (every value as text, "<NA>" for missing, the event time
// in the Timestamp, evt.time as Falco's text rendering of an absolute time).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../agent/version.js';
import { parseLosslessJson } from '../../agent/falco/lossless-json.js';
import { PRIORITIES, parseRfc3339Ns } from '../../agent/falco/event.js';
import type { OutputsResponse } from '../../proto/falco-services.js';

export const CORPUS_DIR = join(PACKAGE_ROOT, 'test', 'corpus');

export interface CorpusEvent {
  /** The line exactly as in the file: what Falco's http_output would POST. */
  readonly line: string;
  readonly json: Record<string, unknown>;
}

export interface CorpusExpectation {
  readonly events: number;
  readonly process: number;
  readonly outbound: number;
  readonly inbound: number;
  readonly host: number;
  readonly internal: number;
  readonly otherSource: number;
  readonly failedExec: number;
  readonly neverAttributed: number;
  readonly workloads: readonly string[];
}

export function corpusPath(file: string): string {
  return join(CORPUS_DIR, file);
}

export function loadCorpus(file: string): CorpusEvent[] {
  return readFileSync(corpusPath(file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => ({ line, json: parseLosslessJson(line) as Record<string, unknown> }));
}

export function loadExpectations(): Record<string, CorpusExpectation> {
  return JSON.parse(readFileSync(join(CORPUS_DIR, 'expected.json'), 'utf8')) as Record<string, CorpusExpectation>;
}

const SOURCE_ENUM: Record<string, number> = { syscall: 0, k8s_audit: 1, internal: 2 };

export function toGrpcResponse(json: Record<string, unknown>): OutputsResponse {
  const timeNs = parseRfc3339Ns(String(json.time));
  if (timeNs === null) throw new Error(`corpus event without a valid time: ${String(json.time)}`);
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries((json.output_fields ?? {}) as Record<string, unknown>)) {
    fields[key] = key === 'evt.time' && typeof value === 'bigint' ? timeOfDay(value) : toText(value);
  }
  const source = String(json.source ?? 'syscall');
  return {
    time: { seconds: Number(timeNs / 1_000_000_000n), nanos: Number(timeNs % 1_000_000_000n) },
    priority: PRIORITIES.indexOf(String(json.priority).toLowerCase() as (typeof PRIORITIES)[number]),
    source_deprecated: SOURCE_ENUM[source] ?? 3,
    rule: String(json.rule),
    output: String(json.output ?? ''),
    output_fields: fields,
    hostname: String(json.hostname ?? ''),
    tags: (json.tags as string[] | undefined) ?? [],
    source,
  };
}

function toText(value: unknown): string {
  if (value === null || value === undefined) return '<NA>';
  return typeof value === 'string' ? value : String(value);
}

/** Falco renders evt.time in text outputs as the time of day with nanoseconds. */
function timeOfDay(ns: bigint): string {
  const iso = new Date(Number(ns / 1_000_000n)).toISOString();
  return `${iso.slice(11, 19)}.${(ns % 1_000_000_000n).toString().padStart(9, '0')}`;
}
