// Severity rules: how much a deviation should worry a SOC analyst, and which items are never
// learned silently. Read from YAML (rules/severity.yaml ships with Vigil; operators add their
// own files in front of it), checked strictly at start-up so that a typo stops the collector
// with the file, the rule and the key named, instead of quietly rating everything "medium".
// Rating is pure: the first rule whose every condition holds decides.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { peerScope } from '../../agent/model/peer.js';
import { PACKAGE_ROOT } from '../../agent/version.js';
import { SEVERITIES, type Severity } from './severity.js';

export const BUILT_IN_RULES_FILE = join(PACKAGE_ROOT, 'rules', 'severity.yaml');

/** What a rule can test. Lists match when any entry matches; all given conditions must hold. */
export interface RuleMatch {
  readonly type?: 'process' | 'network';
  /** The binary was written after the container started (Falco's proc.is_exe_upper_layer). */
  readonly exe_upper_layer?: boolean;
  /** Executable paths; `*` matches any run of characters, `/` included. */
  readonly exe?: readonly string[];
  /** Executable file names. */
  readonly exe_name?: readonly string[];
  /** File names of the parent's executable. */
  readonly parent_name?: readonly string[];
  readonly direction?: 'outbound' | 'inbound';
  /** Remote port (outbound) or listening port (inbound). */
  readonly port?: readonly number[];
  /** `private`: RFC 1918, CGNAT, loopback, link-local, IPv6 ULA, cluster DNS names; `public`: anything else. */
  readonly peer?: 'private' | 'public';
}

export interface SeverityRule {
  readonly id: string;
  readonly severity: Severity;
  readonly reason: string;
  /** Seen while learning, the item raises a review alert instead of joining the baseline. */
  readonly neverLearn: boolean;
  readonly match: RuleMatch;
  /** `file#index`, for messages. */
  readonly source: string;
}

export interface RatingInput {
  readonly type: 'process' | 'network';
  readonly exe?: string | null;
  readonly exeUpperLayer?: boolean | null;
  readonly parentExe?: string | null;
  readonly direction?: 'outbound' | 'inbound';
  readonly peer?: string | null;
  readonly port?: number | null;
}

export interface Rating {
  readonly severity: Severity;
  readonly reason: string;
  /** The deciding rule's id (`default` when none matched). */
  readonly rule: string;
  readonly neverLearn: boolean;
}

export class SeverityRulesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeverityRulesError';
  }
}

const MATCH_KEYS = new Set(['type', 'exe_upper_layer', 'exe', 'exe_name', 'parent_name', 'direction', 'port', 'peer']);
const RULE_KEYS = new Set(['id', 'severity', 'reason', 'never_learn', 'match']);

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

function glob(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

interface CompiledRule {
  readonly rule: SeverityRule;
  readonly exe: readonly RegExp[] | null;
  readonly exeNames: ReadonlySet<string> | null;
  readonly parentNames: ReadonlySet<string> | null;
  readonly ports: ReadonlySet<number> | null;
}

export class SeverityRules {
  private readonly compiled: readonly CompiledRule[];

  constructor(readonly rules: readonly SeverityRule[]) {
    this.compiled = rules.map((rule) => ({
      rule,
      exe: rule.match.exe ? rule.match.exe.map(glob) : null,
      exeNames: rule.match.exe_name ? new Set(rule.match.exe_name) : null,
      parentNames: rule.match.parent_name ? new Set(rule.match.parent_name) : null,
      ports: rule.match.port ? new Set(rule.match.port) : null,
    }));
  }

  /** The built-in rules file, then nothing else. */
  static builtIn(): SeverityRules {
    builtIn ??= SeverityRules.load([]);
    return builtIn;
  }

  /** User files first (their rules win: first match decides), then the built-in file. */
  static load(userFiles: readonly string[]): SeverityRules {
    const rules: SeverityRule[] = [];
    const ids = new Map<string, string>();
    // The built-in file named again among the user's files is read once, last.
    const files = [...userFiles.filter((f) => resolve(f) !== BUILT_IN_RULES_FILE), BUILT_IN_RULES_FILE];
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
        throw new SeverityRulesError(`cannot read severity rules ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
      for (const rule of parseSeverityRules(text, file)) {
        const earlier = ids.get(rule.id);
        // A user rule with a built-in id replaces it: the first one wins, the later one is skipped.
        if (earlier !== undefined && earlier === file) throw new SeverityRulesError(`${rule.source}: rule id "${rule.id}" is used twice in ${file}`);
        if (earlier === undefined) {
          ids.set(rule.id, file);
          rules.push(rule);
        }
      }
    }
    return new SeverityRules(rules);
  }

  rate(input: RatingInput): Rating {
    for (const c of this.compiled) {
      if (matches(c, input)) return { severity: c.rule.severity, reason: c.rule.reason, rule: c.rule.id, neverLearn: c.rule.neverLearn };
    }
    return input.type === 'network' && input.direction === 'inbound'
      ? { severity: 'low', reason: 'a new listening port', rule: 'default', neverLearn: false }
      : { severity: 'medium', reason: input.type === 'network' ? 'a new outbound destination' : 'a process not in the baseline', rule: 'default', neverLearn: false };
  }
}

let builtIn: SeverityRules | undefined;

function matches(c: CompiledRule, i: RatingInput): boolean {
  const m = c.rule.match;
  if (m.type !== undefined && m.type !== i.type) return false;
  if (m.exe_upper_layer !== undefined && (i.exeUpperLayer === true) !== m.exe_upper_layer) return false;
  const exe = i.exe ?? '';
  if (c.exe && !c.exe.some((re) => re.test(exe))) return false;
  if (c.exeNames && !c.exeNames.has(baseName(exe))) return false;
  if (c.parentNames && !c.parentNames.has(baseName(i.parentExe ?? ''))) return false;
  if (m.direction !== undefined && m.direction !== i.direction) return false;
  if (c.ports && (i.port === null || i.port === undefined || !c.ports.has(i.port))) return false;
  if (m.peer !== undefined && (i.peer === null || i.peer === undefined || peerScope(i.peer) !== m.peer)) return false;
  return true;
}

/** Parses and checks one rules file. */
export function parseSeverityRules(text: string, file: string): SeverityRule[] {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    throw new SeverityRulesError(`${file}: not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new SeverityRulesError(`${file}: expected a mapping with "vigil_severity_rules: 1" and "rules:"`);
  const top = doc as Record<string, unknown>;
  if (top.vigil_severity_rules !== 1) throw new SeverityRulesError(`${file}: "vigil_severity_rules: 1" is required (the format version)`);
  for (const key of Object.keys(top)) if (key !== 'vigil_severity_rules' && key !== 'rules') throw new SeverityRulesError(`${file}: unknown top-level key "${key}"`);
  if (!Array.isArray(top.rules)) throw new SeverityRulesError(`${file}: "rules" must be a list`);
  return top.rules.map((raw: unknown, index) => parseRule(raw, `${file}#${index + 1}`));
}

function parseRule(raw: unknown, source: string): SeverityRule {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new SeverityRulesError(`${source}: a rule must be a mapping`);
  const r = raw as Record<string, unknown>;
  for (const key of Object.keys(r)) if (!RULE_KEYS.has(key)) throw new SeverityRulesError(`${source}: unknown key "${key}" (expected ${[...RULE_KEYS].join(', ')})`);
  if (typeof r.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(r.id)) throw new SeverityRulesError(`${source}: "id" must be lower-case letters, digits and dashes`);
  const at = `${source} (${r.id})`;
  if (typeof r.severity !== 'string' || !(SEVERITIES as readonly string[]).includes(r.severity)) throw new SeverityRulesError(`${at}: "severity" must be one of ${SEVERITIES.join(', ')}`);
  if (typeof r.reason !== 'string' || r.reason.trim() === '') throw new SeverityRulesError(`${at}: "reason" must be a sentence for the analyst`);
  if (r.never_learn !== undefined && typeof r.never_learn !== 'boolean') throw new SeverityRulesError(`${at}: "never_learn" must be true or false`);
  if (typeof r.match !== 'object' || r.match === null || Array.isArray(r.match)) throw new SeverityRulesError(`${at}: "match" must be a mapping of conditions`);
  const m = r.match as Record<string, unknown>;
  if (Object.keys(m).length === 0) throw new SeverityRulesError(`${at}: "match" is empty; a rule matching everything would hide every rule after it`);
  for (const key of Object.keys(m)) if (!MATCH_KEYS.has(key)) throw new SeverityRulesError(`${at}: unknown condition "${key}" (expected ${[...MATCH_KEYS].join(', ')})`);
  const strings = (key: string): string[] | undefined => {
    const v = m[key];
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || v.length === 0 || !v.every((s) => typeof s === 'string' && s !== '')) throw new SeverityRulesError(`${at}: "${key}" must be a non-empty list of strings`);
    return v as string[];
  };
  const oneOf = <T extends string>(key: string, allowed: readonly T[]): T | undefined => {
    const v = m[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) throw new SeverityRulesError(`${at}: "${key}" must be one of ${allowed.join(', ')}`);
    return v as T;
  };
  let port: number[] | undefined;
  if (m.port !== undefined) {
    if (!Array.isArray(m.port) || m.port.length === 0 || !m.port.every((p) => Number.isInteger(p) && (p as number) >= 0 && (p as number) <= 65535)) {
      throw new SeverityRulesError(`${at}: "port" must be a non-empty list of port numbers (0-65535)`);
    }
    port = m.port as number[];
  }
  if (m.exe_upper_layer !== undefined && typeof m.exe_upper_layer !== 'boolean') throw new SeverityRulesError(`${at}: "exe_upper_layer" must be true or false`);
  const exe = strings('exe');
  if (exe?.some((e) => !e.startsWith('/') && !e.startsWith('*'))) throw new SeverityRulesError(`${at}: "exe" patterns are absolute paths (or start with *)`);
  const match: RuleMatch = {
    type: oneOf('type', ['process', 'network'] as const),
    exe_upper_layer: m.exe_upper_layer as boolean | undefined,
    exe,
    exe_name: strings('exe_name'),
    parent_name: strings('parent_name'),
    direction: oneOf('direction', ['outbound', 'inbound'] as const),
    port,
    peer: oneOf('peer', ['private', 'public'] as const),
  };
  const processOnly = match.exe_upper_layer !== undefined || match.exe || match.exe_name || match.parent_name;
  const networkOnly = match.direction || match.port || match.peer;
  if (processOnly && networkOnly) throw new SeverityRulesError(`${at}: mixes process conditions with network ones; no item has both`);
  if ((processOnly && match.type === 'network') || (networkOnly && match.type === 'process')) throw new SeverityRulesError(`${at}: its conditions contradict "type: ${String(match.type)}"`);
  return { id: r.id, severity: r.severity as Severity, reason: r.reason.trim(), neverLearn: r.never_learn === true, match, source };
}
