// The args identity: for an interpreter, what it runs is the real program. `python3 app.py` and
// `python3 /tmp/x.py` share an executable but are different things, so under this identity an
// interpreter's item also names its script, module, jar, main class or inline code, normalized
// so that what changes from run to run (numbers, hashes, temporary paths) does not make new
// items. Other executables keep their plain key. Pure.
//
// Falco's proc.cmdline is proc.name (the kernel's comm, at most 15 characters) followed by the
// arguments joined with spaces, quoting lost; so arguments are split on spaces and inline code
// (`sh -c …`) is taken as the rest of the line.

/** How one interpreter's arguments are read. */
interface Interpreter {
  /** Options that take the next argument as their value (skipped with it). */
  readonly valued: ReadonlySet<string>;
  /** Options whose value is the program itself (inline code, module, jar), by output label. */
  readonly program: ReadonlyMap<string, 'code' | 'name'>;
}

const interp = (valued: string[], program: Array<[string, 'code' | 'name']>): Interpreter => ({ valued: new Set(valued), program: new Map(program) });

const SHELL = interp(['-o', '+o', '-O', '+O', '--rcfile', '--init-file'], [['-c', 'code']]);
const PYTHON = interp(['-W', '-X', '-Q'], [['-c', 'code'], ['-m', 'name']]);
const NODE = interp(['-r', '--require', '--import', '--loader', '--experimental-loader', '--env-file', '--inspect-port', '--title', '-C', '--conditions'], [['-e', 'code'], ['--eval', 'code'], ['-p', 'code'], ['--print', 'code']]);
const JAVA = interp(['-cp', '-classpath', '--class-path', '-p', '--module-path', '--upgrade-module-path', '--add-modules', '--add-opens', '--add-exports', '--add-reads', '--limit-modules', '--patch-module'], [['-jar', 'name'], ['-m', 'name'], ['--module', 'name']]);
const PERL = interp(['-I', '-M', '-m', '-x'], [['-e', 'code'], ['-E', 'code']]);
const RUBY = interp(['-I', '-r', '-C', '-E', '-F'], [['-e', 'code']]);
const PHP = interp(['-c', '-d', '-z', '-t', '-S'], [['-r', 'code'], ['-f', 'name']]);

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

/** Longest normalized argument text kept in a key. */
export const MAX_ARGS_LENGTH = 160;

/**
 * The normalized program an interpreter runs (`app.py`, `-m gunicorn`, `-jar /app/app.jar`,
 * `-c exec nginx -g daemon off;`), `''` for an interpreter given none (an interactive shell), or
 * null when `exe` is no interpreter. A busybox applet is named by its applet (`wget`), a shell
 * applet read like a shell.
 */
export function interpreterProgram(exe: string, name: string | null, cmdline: string | null): string | null {
  const base = exe.slice(exe.lastIndexOf('/') + 1);
  const args = argumentsOf(cmdline);
  if (base === 'busybox') {
    // Every applet is /bin/busybox; the kernel's comm says which one ran.
    const applet = name ?? '';
    if (!SHELL_APPLETS.has(applet)) return normalizeText(applet);
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
  for (let at = 0; at < args.length; at++) {
    const arg = args[at] ?? '';
    if (arg === '--') return normalizeText(args[at + 1] ?? '');
    const kind = i.program.get(arg);
    if (kind === 'code') return limit(`${arg} ${normalizeText(args.slice(at + 1).join(' '))}`);
    if (kind === 'name') return limit(`${arg} ${normalizeText(args[at + 1] ?? '')}`);
    // Shell option clusters such as `-ec` carry -c inside them.
    if (i === SHELL && /^-[a-zA-Z]*c[a-zA-Z]*$/.test(arg)) return limit(`-c ${normalizeText(args.slice(at + 1).join(' '))}`);
    if (i.valued.has(arg)) {
      at++;
      continue;
    }
    if (arg.startsWith('-') || arg.startsWith('+')) continue;
    // The first operand is the program: script, main class; its own arguments vary, so they go.
    return limit(normalizeText(arg));
  }
  return '';
}

function limit(text: string): string {
  return text.length <= MAX_ARGS_LENGTH ? text : `${text.slice(0, MAX_ARGS_LENGTH)}…`;
}

const TEMP_PATH = /(\/(?:tmp|var\/tmp|dev\/shm|run\/user\/[^/\s]+))\/((?:[^/\s]+\/)*)([^/\s]*)/g;
const UUID = /\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/g;
// A run of hex long enough to be a hash or id, with at least one digit (not a plain word).
const HEX = /\b(?=[0-9a-fA-F]*\d)[0-9a-fA-F]{8,}\b/g;
// mktemp's random suffix: tmp.AbC123xYz, build-XXXXXX.
const MKTEMP = /([._-])(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{6,}\b/g;
const NUMBER = /\d+/g;

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
