// Structured logs with pino, to stderr (stdout may carry observations). Pretty output only when
// asked for or, with `auto`, when stderr is a terminal; JSON everywhere else.
import { pino, type Logger, type LevelWithSilent } from 'pino';
import pretty from 'pino-pretty';
import { LogWriter } from './log-writer.js';

export type { Logger } from 'pino';
export type LogFormat = 'auto' | 'json' | 'pretty';
export const LOG_LEVELS: readonly LevelWithSilent[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
export const LOG_FORMATS: readonly LogFormat[] = ['auto', 'json', 'pretty'];

export interface LoggerOptions {
  readonly level: LevelWithSilent;
  readonly format: LogFormat;
  readonly name: string;
  /** Where logs go; tests pass a stream they read. Defaults to stderr. */
  readonly destination?: NodeJS.WritableStream;
  /** The file descriptor JSON logs are written to when no destination is given (default 2, stderr). */
  readonly fd?: number;
}

/**
 * Bytes of log lines held while stderr does not take them (its reader is slow or stopped);
 * lines past this are dropped and counted (log-writer.ts says why logs are not written
 * synchronously).
 */
export const LOG_BUFFER_BYTES = 4 * 1024 * 1024;
/** At exit, how long what waits may take to be written before it is dropped. */
export const EXIT_FLUSH_MS = 2_000;

let dropped = 0;

/** Log lines dropped since the process started because stderr did not take them. */
export function droppedLogLines(): number {
  return dropped;
}

const writers = new Set<LogWriter>();
let flushAtExit = false;

export function createLogger(opts: LoggerOptions): Logger {
  const usePretty = opts.format === 'pretty' || (opts.format === 'auto' && process.stderr.isTTY === true);
  const base = { level: opts.level, name: opts.name, base: { pid: process.pid } };
  if (usePretty) {
    // For a person at a terminal, which takes what it is given.
    return pino(base, pretty({ destination: 2, sync: true, colorize: process.stderr.isTTY === true }));
  }
  if (opts.destination) return pino(base, opts.destination);
  const fd = opts.fd ?? 2;
  // Node makes a pipe on fd 2 non-blocking when it first opens process.stderr; until then a
  // write to a full pipe would block instead of being refused.
  if (fd === 2) void process.stderr;
  const writer = new LogWriter(fd, LOG_BUFFER_BYTES, (lines) => {
    dropped += lines;
  });
  writers.add(writer);
  if (!flushAtExit) {
    flushAtExit = true;
    process.on('exit', () => {
      for (const w of writers) w.flushSync(EXIT_FLUSH_MS);
    });
  }
  return pino(base, writer);
}
