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
}

export function createLogger(opts: LoggerOptions): Logger {
  const usePretty = opts.format === 'pretty' || (opts.format === 'auto' && process.stderr.isTTY === true);
  const base = { level: opts.level, name: opts.name, base: { pid: process.pid } };
  if (usePretty) {
    return pino(base, pretty({ destination: 2, sync: true, colorize: process.stderr.isTTY === true }));
  }
  return pino(base, opts.destination ?? pino.destination({ dest: 2, sync: true }));
}
