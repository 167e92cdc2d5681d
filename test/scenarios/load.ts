// Reads the labelled scenario corpus (test/scenarios/cluster-week.jsonl) back into the agent's
// Observation type, so an evaluation harness can feed each line to whatever consumes
// observations (known set, collector reports, severity rules) and score the result against its
// label. Each line is a `vigil agent --stdout` line (ObservationJson, docs/observation-model.md
// §5) plus a top-level `label`. The codebase has only the other direction
// (observationToJson); observationFromJson below is its inverse and is checked against it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRIORITIES, parseRfc3339Ns, type Priority } from '../../agent/falco/event.js';
import type { WorkloadId, WorkloadKind } from '../../agent/model/identity.js';
import type { Direction, Observation } from '../../agent/model/observation.js';
import { PACKAGE_ROOT } from '../../agent/version.js';

/** What a line is: normal life, or one step of a named attack with its MITRE ATT&CK technique. */
export type Label =
  | { readonly part: 'normal' }
  | { readonly part: 'attack'; readonly attack: string; readonly technique: string };

export interface LabelledObservation {
  readonly observation: Observation;
  readonly label: Label;
}

export const SCENARIO_DIR = join(PACKAGE_ROOT, 'test', 'scenarios');
export const SCENARIO_FILE = join(SCENARIO_DIR, 'cluster-week.jsonl');

const DAY_NS = 86_400_000_000_000n;
/** Start of day 1 (2026-11-16T00:00:00Z, a Monday); the generator's T0_ISO. */
export const SCENARIO_START_NS = 1_794_787_200_000_000_000n;
export const SCENARIO_DAYS = 7;
/** Day 1 is the learning period: [SCENARIO_START_NS, LEARNING_END_NS). */
export const LEARNING_END_NS = SCENARIO_START_NS + DAY_NS;
export const SCENARIO_END_NS = SCENARIO_START_NS + BigInt(SCENARIO_DAYS) * DAY_NS;

/** 1-based day of the scenario week that `timeNs` falls in (0 before, 8 after). */
export function dayOf(timeNs: bigint): number {
  if (timeNs < SCENARIO_START_NS) return 0;
  return Math.min(SCENARIO_DAYS + 1, Number((timeNs - SCENARIO_START_NS) / DAY_NS) + 1);
}

const KINDS: Record<WorkloadKind, true> = {
  Deployment: true,
  ReplicaSet: true,
  ReplicationController: true,
  StatefulSet: true,
  DaemonSet: true,
  CronJob: true,
  Job: true,
  Pod: true,
  Container: true,
  Host: true,
};

/** A line of the corpus that does not match the documented format. */
export class ScenarioFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioFormatError';
  }
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(where: string, what: string): never {
  throw new ScenarioFormatError(`${where}: ${what}`);
}

function obj(o: Json, key: string, where: string): Json {
  const v = o[key];
  return isObject(v) ? v : fail(where, `"${key}" is not an object`);
}
function str(o: Json, key: string, where: string): string {
  const v = o[key];
  return typeof v === 'string' ? v : fail(where, `"${key}" is not a string`);
}
function strOrNull(o: Json, key: string, where: string): string | null {
  if (!(key in o)) fail(where, `"${key}" is missing`);
  const v = o[key];
  return v === null || typeof v === 'string' ? v : fail(where, `"${key}" is not a string or null`);
}
/** An RFC 3339 time (as observationToJson writes it) to exact ns, or null. */
function timeOrNull(o: Json, key: string, where: string): bigint | null {
  const text = strOrNull(o, key, where);
  if (text === null) return null;
  const ns = parseRfc3339Ns(text);
  return ns === null ? fail(where, `"${key}" is not RFC 3339: ${text}`) : ns;
}
function intOrNull(o: Json, key: string, where: string): number | null {
  if (!(key in o)) fail(where, `"${key}" is missing`);
  const v = o[key];
  return v === null || (typeof v === 'number' && Number.isInteger(v)) ? v : fail(where, `"${key}" is not an integer or null`);
}
function boolOrNull(o: Json, key: string, where: string): boolean | null {
  if (!(key in o)) fail(where, `"${key}" is missing`);
  const v = o[key];
  return v === null || typeof v === 'boolean' ? v : fail(where, `"${key}" is not a boolean or null`);
}

function priorityOf(value: unknown, where: string): Priority | null {
  if (value === null) return null;
  if (typeof value === 'string' && (PRIORITIES as readonly string[]).includes(value)) return value as Priority;
  return fail(where, `"priority" is not one of ${PRIORITIES.join(', ')} or null`);
}

function kindOf(value: string, where: string): WorkloadKind {
  return Object.hasOwn(KINDS, value) ? (value as WorkloadKind) : fail(where, `unknown workload kind "${value}"`);
}

/**
 * The inverse of observationToJson (agent/model/observation.ts): a parsed `vigil agent --stdout`
 * line back to an Observation. `podUid` is not part of the line format and comes back null.
 * Throws ScenarioFormatError when the value does not follow the documented format.
 */
export function observationFromJson(json: unknown, where = 'observation'): Observation {
  if (!isObject(json)) fail(where, 'not a JSON object');
  const timeText = str(json, 'time', where);
  const timeNs = parseRfc3339Ns(timeText);
  if (timeNs === null) fail(where, `"time" is not RFC 3339: ${timeText}`);
  const w = obj(json, 'workload', where);
  const workload: WorkloadId = {
    cluster: str(w, 'cluster', where),
    namespace: str(w, 'namespace', where),
    kind: kindOf(str(w, 'kind', where), where),
    name: str(w, 'name', where),
  };
  if (!('priority' in json)) fail(where, '"priority" is missing');
  const common = {
    timeNs,
    node: str(json, 'node', where),
    containerId: str(json, 'container_id', where),
    containerStartNs: timeOrNull(json, 'container_start', where),
    rule: str(json, 'rule', where),
    priority: priorityOf(json.priority, where),
    workload,
    pod: strOrNull(json, 'pod', where),
    podUid: null,
    container: str(json, 'container', where),
    image: strOrNull(json, 'image', where),
    imageDigest: strOrNull(json, 'image_digest', where),
  };
  const type = str(json, 'type', where);
  if (type === 'process') {
    if ('network' in json) fail(where, 'a process observation with a "network" key');
    const p = obj(json, 'process', where);
    return {
      ...common,
      type: 'process',
      process: {
        exe: str(p, 'exe', where),
        name: strOrNull(p, 'name', where),
        cmdline: strOrNull(p, 'cmdline', where),
        parentExe: strOrNull(p, 'parent', where),
        parentName: strOrNull(p, 'parent_name', where),
        user: strOrNull(p, 'user', where),
        uid: intOrNull(p, 'uid', where),
        pid: intOrNull(p, 'pid', where),
        exeUpperLayer: boolOrNull(p, 'exe_upper_layer', where),
      },
    };
  }
  if (type === 'network') {
    if ('process' in json) fail(where, 'a network observation with a "process" key');
    const n = obj(json, 'network', where);
    const direction = str(n, 'direction', where);
    if (direction !== 'outbound' && direction !== 'inbound') fail(where, `"direction" is "${direction}"`);
    return {
      ...common,
      type: 'network',
      network: {
        direction: direction satisfies Direction,
        peer: str(n, 'peer', where),
        peerName: strOrNull(n, 'peer_name', where),
        port: intOrNull(n, 'port', where),
        protocol: str(n, 'protocol', where),
        localIp: strOrNull(n, 'local_ip', where),
        localPort: intOrNull(n, 'local_port', where),
      },
    };
  }
  return fail(where, `"type" is "${type}"`);
}

const TECHNIQUE = /^T\d{4}(\.\d{3})?$/;
const ATTACK_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Validates a `label` value: exactly {part: normal} or {part: attack, attack, technique}. */
export function parseLabel(value: unknown, where = 'label'): Label {
  if (!isObject(value)) fail(where, '"label" is not an object');
  const keys = Object.keys(value).sort().join(',');
  if (value.part === 'normal') {
    if (keys !== 'part') fail(where, `a normal label has keys ${keys}`);
    return { part: 'normal' };
  }
  if (value.part === 'attack') {
    if (keys !== 'attack,part,technique') fail(where, `an attack label has keys ${keys}`);
    const attack = str(value, 'attack', where);
    const technique = str(value, 'technique', where);
    if (!ATTACK_ID.test(attack)) fail(where, `attack id "${attack}" is not a short kebab-case id`);
    if (!TECHNIQUE.test(technique)) fail(where, `technique "${technique}" is not a MITRE ATT&CK id (T1234 or T1234.001)`);
    return { part: 'attack', attack, technique };
  }
  return fail(where, `"part" is ${JSON.stringify(value.part)}`);
}

/** One line of the corpus: the observation and its label. */
export function parseScenarioLine(line: string, where = 'line'): LabelledObservation {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (err) {
    return fail(where, `not JSON (${(err as Error).message})`);
  }
  if (!isObject(json)) return fail(where, 'not a JSON object');
  const { label, ...rest } = json;
  return { observation: observationFromJson(rest, where), label: parseLabel(label, where) };
}

/** Every line of a scenario file, in file order (which is time order). */
export function loadScenario(path: string = SCENARIO_FILE): LabelledObservation[] {
  const out: LabelledObservation[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (line === '' && i === lines.length - 1) return; // the final newline
    out.push(parseScenarioLine(line, `${path}:${i + 1}`));
  });
  return out;
}
