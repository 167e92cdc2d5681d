#!/usr/bin/env node
// The one `vigil` executable: agent, collector, and the SOC's terminal commands.
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/parse.js';
import { VIGIL_VERSION } from '../version.js';
import { agentCommand } from './agent-command.js';
import { collectorCommand } from '../../collector/cli/collector-command.js';
import { socCommands } from '../../collector/cli/soc-commands.js';
import { devCommand } from '../../collector/cli/dev-command.js';

function buildProgram(): Command {
  const program = new Command('vigil')
    .description('Vigil: runtime anomaly detection for Kubernetes, built on Falco.')
    .version(VIGIL_VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .enablePositionalOptions()
    .addCommand(agentCommand())
    .addCommand(collectorCommand())
    .addCommand(devCommand());
  for (const cmd of socCommands()) program.addCommand(cmd);
  return program;
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
