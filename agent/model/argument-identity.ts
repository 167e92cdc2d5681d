// The args identity: for an interpreter, what it runs is the real program. `python3 app.py` and
// `python3 /tmp/x.py` share an executable but are different things, so under this identity an
// interpreter's item also names its script, module, jar, main class or inline code, normalized
// so that what changes from run to run (numbers, hashes, temporary paths) does not make new
// items. Other executables keep their plain key. Pure.
//
// Falco's proc.cmdline is proc.name (the kernel's comm, at most 15 characters) followed by the
// arguments joined with spaces, quoting lost; so arguments are split on spaces and inline code
// (`sh -c …`) is taken as the rest of the line. Known limits: a relative script is named as
// given (the working directory is not in the key), a file name with spaces reads as a shorter
// name and arguments, and a shell reading its program from stdin (`curl … | sh`) runs `''`.
import { createHash } from 'node:crypto';

/** How one interpreter's arguments are read. */
interface Interpreter {
  /** Options that take a value which is skipped with them (warnings, memory, titles). */
  readonly skip: ReadonlySet<string>;
  /** Options that take a value naming code loaded besides the program: kept in the key. */
  readonly loads: ReadonlySet<string>;
  /** Options whose value is the program itself: inline code (the rest of the line) or a name. */
  readonly program: ReadonlyMap<string, 'code' | 'name'>;
  /** Single-letter options cluster getopt-style (`-Bc`, `-we`, `-Ilib`). */
  readonly getopt: boolean;
  /** Options whose value is attached after a prefix (`-javaagent:x.jar`): kept in the key. */
  readonly loadPrefixes: readonly string[];
}

const interp = (skip: string[], loads: string[], program: Array<[string, 'code' | 'name']>, getopt: boolean, loadPrefixes: string[] = []): Interpreter => ({
  skip: new Set(skip),
  loads: new Set(loads),
  program: new Map(program),
  getopt,
  loadPrefixes,
});

const SHELL = interp(['-o', '+o', '-O', '+O', '--rcfile', '--init-file'], [], [['-c', 'code']], true);
const PYTHON = interp(['-W', '-X', '-Q'], [], [['-c', 'code'], ['-m', 'name']], true);
const NODE = interp(
  ['--env-file', '--inspect-port', '--title', '-C', '--conditions', '--max-old-space-size', '--stack-size'],
  ['-r', '--require', '--import', '--loader', '--experimental-loader'],
  [['-e', 'code'], ['--eval', 'code'], ['-p', 'code'], ['--print', 'code']],
  true,
);
const JAVA = interp(
  ['--add-modules', '--add-opens', '--add-exports', '--add-reads', '--limit-modules'],
  ['-cp', '-classpath', '--class-path', '-p', '--module-path', '--upgrade-module-path', '--patch-module'],
  [['-jar', 'name'], ['-m', 'name'], ['--module', 'name']],
  false,
  ['-javaagent:', '-agentpath:', '-agentlib:', '-Xbootclasspath', '-Djava.system.class.loader=', '-Dloader.path=', '-Djava.ext.dirs='],
);
const PERL = interp(['-x'], ['-I', '-M', '-m'], [['-e', 'code'], ['-E', 'code']], true);
const RUBY = interp(['-C', '-E', '-F'], ['-I', '-r'], [['-e', 'code']], true);
const PHP = interp(['-c', '-z', '-t', '-S'], ['-d'], [['-r', 'code'], ['-f', 'name']], true);

/** Interpreters by executable name; version suffixes (python3.11, php8.2) are matched too. */
const INTERPRETERS: ReadonlyArray<readonly [RegExp, Interpreter]> = [
  [/^(sh|bash|dash|ash|zsh|ksh|mksh|yash)$/, SHELL],
  [/^(python|pypy)(\d+(\.\d+)*)?$/, PYTHON],
  [/^(node|nodejs|bun)$/, NODE],
  [/^java$/, JAVA],
  [/^perl(\d+(\.\d+)*)?$/, PERL],
  [/^ruby(\d+(\.\d+)*)?$/, RUBY],
  [/^php(\d+(\.\d+)*)?(-cli)?$/, PHP],
];

/** Longest normalized program kept in a key as it is; a longer one is cut and ends in a hash of the whole. */
export const MAX_ARGS_LENGTH = 160;

/**
 * The normalized program an interpreter runs (`app.py`, `-m gunicorn`, `-jar /app/app.jar`,
 * `-c exec nginx -g daemon off;`), with what it loads besides (`-r /app/tracing.js server.js`),
 * `''` for an interpreter given none (an interactive shell, or one reading stdin), or null when
 * `exe` is no interpreter. A busybox applet is named by its applet (`wget`), a shell applet read
 * like a shell.
 */
export function interpreterProgram(exe: string, name: string | null, cmdline: string | null): string | null {
  const base = exe.slice(exe.lastIndexOf('/') + 1);
  let args = argumentsOf(cmdline);
  if (base === 'busybox') {
    // Every applet is /bin/busybox: the kernel's comm says which one ran, or, for
    // `busybox APPLET …`, the first argument does.
    let applet = name ?? '';
    if (applet === 'busybox') [applet = '', ...args] = args;
    if (!SHELL_APPLETS.has(applet)) return limit(normalizeText(applet));
    return programOf(SHELL, args);
  }
  const found = INTERPRETERS.find(([pattern]) => pattern.test(base));
  return found ? programOf(found[1], args) : null;
}

const SHELL_APPLETS = new Set(['sh', 'ash', 'hush', 'bash']);

/** The arguments after proc.name, with the agent's truncation marker removed. */
function argumentsOf(cmdline: string | null): string[] {
  if (!cmdline) return [];
  const text = cmdline.replace(/…\[\+\d+ chars\]$/, '');
  return text.split(' ').filter((a) => a !== '').slice(1);
}

function programOf(i: Interpreter, args: readonly string[]): string {
  const kept: string[] = [];
  const done = (program: string): string => limit(normalizeText([...kept, program].join(' ').trim()));
  for (let at = 0; at < args.length; at++) {
    const arg = args[at] ?? '';
    if (arg === '--') return done(args[at + 1] ?? '');
    // `--eval=code`, `--require=x`: the value after `=`.
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const option = eq > 0 ? arg.slice(0, eq) : arg;
    const attached = eq > 0 ? arg.slice(eq + 1) : null;
    const kind = i.program.get(option);
    if (kind !== undefined) {
      const rest = attached !== null ? [attached, ...args.slice(at + 1)] : args.slice(at + 1);
      return done(`${option} ${kind === 'code' ? rest.join(' ') : (rest[0] ?? '')}`);
    }
    if (i.loads.has(option) || i.skip.has(option)) {
      const value = attached ?? args[++at] ?? '';
      if (i.loads.has(option)) kept.push(`${option} ${value}`);
      continue;
    }
    if (i.loadPrefixes.some((p) => arg.startsWith(p))) {
      kept.push(arg);
      continue;
    }
    if (i.getopt && /^-[A-Za-z0-9]./.test(arg)) {
      // A cluster: each letter is an option; the first that takes a value takes the rest of
      // the cluster, or the next argument.
      const cluster = readCluster(i, arg, args, at);
      if (cluster.program !== null) return done(cluster.program);
      if (cluster.load !== null) kept.push(cluster.load);
      at = cluster.at;
      continue;
    }
    if (arg.startsWith('-') || arg.startsWith('+')) continue;
    // The first operand is the program: script, main class; its own arguments vary, so they go.
    return done(arg);
  }
  return done('');
}

function readCluster(i: Interpreter, arg: string, args: readonly string[], at: number): { program: string | null; load: string | null; at: number } {
  for (let k = 1; k < arg.length; k++) {
    const option = `-${arg[k] ?? ''}`;
    const inline = arg.slice(k + 1);
    const kind = i.program.get(option);
    if (kind !== undefined) {
      const rest = inline ? [inline, ...args.slice(at + 1)] : args.slice(at + 1);
      return { program: `${option} ${kind === 'code' ? rest.join(' ') : (rest[0] ?? '')}`, load: null, at };
    }
    if (i.loads.has(option) || i.skip.has(option)) {
      const next = inline ? at : at + 1;
      const value = inline || (args[at + 1] ?? '');
      return { program: null, load: i.loads.has(option) ? `${option} ${value}` : null, at: next };
    }
  }
  return { program: null, load: null, at };
}

/** Cuts a long program, ending it with a hash of the whole so that different tails stay apart. */
function limit(text: string): string {
  if (text.length <= MAX_ARGS_LENGTH) return text;
  return `${text.slice(0, MAX_ARGS_LENGTH - 14)}…#${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;
}

const TEMP_PATH = /(\/(?:tmp|var\/tmp|dev\/shm|run\/user\/[^/\s]+))\/((?:[^/\s]+\/)*)([^/\s]*)/g;
const UUID = /\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/g;
// A run of hex long enough to be a hash or id, with at least one digit (not a plain word).
const HEX = /\b(?=[0-9a-fA-F]*\d)[0-9a-fA-F]{8,}\b/g;
// mktemp's random suffix: tmp.AbC123xYz, build-XXXXXX.
const MKTEMP = /([._-])(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{6,}\b/g;
// Numbers that vary from run to run (counts, ports, times, ids: `upload-48233.jpg`); dotted
// numbers are kept, so that addresses (`45.9.1.2`) and versions (`app-1.4.2.jar`) still tell
// programs apart.
const NUMBER = /(?<!\d|\d\.)\d+(?!\d|\.\d)/g;

/**
 * Makes run-to-run noise the same: temporary directories become `*` (the file name stays),
 * UUIDs `<uuid>`, hashes `<hex>`, mktemp suffixes `<rand>`, numbers `<n>`; the characters a key
 * uses as separators (`[`, `]`, `<-`) are replaced so a key stays readable.
 */
export function normalizeText(text: string): string {
  return text
    .replace(TEMP_PATH, (_m, root: string, dirs: string, file: string) => `${root}/${dirs ? '*/' : ''}${file}`)
    .replace(UUID, '<uuid>')
    .replace(HEX, '<hex>')
    .replace(MKTEMP, '$1<rand>')
    .replace(NUMBER, '<n>')
    .replace(/\[/g, '(')
    .replace(/\]/g, ')')
    .replace(/<-/g, '<~')
    .replace(/\s+/g, ' ')
    .trim();
}
