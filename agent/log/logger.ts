// Structured logs with pino, to stderr (stdout may carry observations). Pretty output only when
// asked for or, with `auto`, when stderr is a terminal; JSON everywhere else.
import { pino, type Logger, type LevelWithSilent } from 'pino';
import pretty from 'pino-pretty';

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
 * lines past this are dropped and counted. A synchronous write would instead stop the event
 * loop: pino's writer sleeps 100 ms at each refusal of a full pipe, and 1,000 agents
 * reconnecting log ~200 KB, three pipes' worth (the collector-scale benchmark saw 30 % of a
 * mass disconnect spent asleep there).
 */
export const LOG_BUFFER_BYTES = 4 * 1024 * 1024;

let dropped = 0;

/** Log lines dropped since the process started because the buffer above was full. */
export function droppedLogLines(): number {
  return dropped;
}

export function createLogger(opts: LoggerOptions): Logger {
  const usePretty = opts.format === 'pretty' || (opts.format === 'auto' && process.stderr.isTTY === true);
  const base = { level: opts.level, name: opts.name, base: { pid: process.pid } };
  if (usePretty) {
    // For a person at a terminal, which takes what it is given.
    return pino(base, pretty({ destination: 2, sync: true, colorize: process.stderr.isTTY === true }));
  }
  if (opts.destination) return pino(base, opts.destination);
  // Written as the event loop turns, and flushed when the process exits (pino registers that).
  const destination = pino.destination({ dest: opts.fd ?? 2, sync: false, maxLength: LOG_BUFFER_BYTES });
  destination.on('drop', () => {
    dropped++;
  });
  return pino(base, destination);
}
