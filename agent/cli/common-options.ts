// Options every long-running vigil command shares, each with its environment twin.
import { Option, type Command } from 'commander';
import { LOG_FORMATS, LOG_LEVELS, type LogFormat } from '../log/logger.js';
import type { LevelWithSilent } from 'pino';

export interface LogOptions {
  logLevel: LevelWithSilent;
  logFormat: LogFormat;
}

export function addLogOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option('--log-level <level>', 'log verbosity').choices(LOG_LEVELS).default('info').env('VIGIL_LOG_LEVEL'),
    )
    .addOption(
      new Option('--log-format <format>', 'auto: pretty on a terminal, JSON otherwise')
        .choices(LOG_FORMATS)
        .default('auto')
        .env('VIGIL_LOG_FORMAT'),
    );
}
