#!/usr/bin/env node
// The one `vigil` executable. Subcommands: agent, collector.
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/parse.js';
import { VIGIL_VERSION } from '../version.js';
import { agentCommand } from './agent-command.js';
import { collectorCommand } from '../../collector/cli/collector-command.js';

function buildProgram(): Command {
  return new Command('vigil')
    .description('Vigil: runtime anomaly detection for Kubernetes, built on Falco.')
    .version(VIGIL_VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .addCommand(agentCommand())
    .addCommand(collectorCommand());
}

async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`vigil: ${err.message}\n`);
      process.exit(2);
    }
    if (err instanceof CommanderError) process.exit(err.exitCode);
    throw err;
  }
}

await main(process.argv);
