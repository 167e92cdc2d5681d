// `vigil dev`: the collector and an agent on loopback with an embedded SQLite file, for a
// laptop or a demo. The agent reads Falco's socket when there is one; otherwise the bundled demo
// scenario is replayed through a Falco-compatible gRPC server, so its events take the same path
// production events do, with a short learning window so the switch to detecting is seen live.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { Agent } from '../../agent/agent.js';
import { addLogOptions, type LogOptions } from '../../agent/cli/common-options.js';
import { ConfigError, parseDuration, parseHostPort } from '../../agent/config/parse.js';
import { FalcoCompatibleServer } from '../../agent/falco/falco-compatible-server.js';
import { createLogger } from '../../agent/log/logger.js';
import { stopOnSignals } from '../../agent/cli/stop-signals.js';
import { devToken } from '../auth/api-tokens.js';
import { Collector } from '../collector.js';
import { DEMO_WORKLOADS, intrusion, normalRound } from '../dev/demo-scenario.js';

interface DevFlags extends LogOptions {
  db: string;
  window: string;
  falcoSocket: string;
  httpListen: string;
  grpcListen: string;
  state?: string;
}

export function devCommand(): Command {
  const cmd = new Command('dev')
    .summary('collector + agent on this machine (a demo when no Falco runs)')
    .description(
      'Starts the collector and an agent on loopback with an embedded SQLite file and prints the web UI and API address ' +
        'and an operator token. With no Falco socket, a bundled scenario (a shop front, a database and a CronJob ' +
        'learning, then an intrusion) is replayed through a Falco-compatible gRPC server.',
    )
    .addOption(new Option('--db <file>', 'SQLite database file').default('vigil-dev.db').env('VIGIL_DB'))
    .addOption(new Option('--window <duration>', 'learning window of each workload').default('20s').env('VIGIL_BASELINE_WINDOW'))
    .addOption(new Option('--falco-socket <path>', "Falco's gRPC socket; used when it exists").default('/run/falco/falco.sock').env('VIGIL_FALCO_SOCKET'))
    .addOption(new Option('--http-listen <host:port>', 'API and stream').default('127.0.0.1:7421').env('VIGIL_HTTP_LISTEN'))
    .addOption(new Option('--grpc-listen <host:port>', 'agent gateway').default('127.0.0.1:7420').env('VIGIL_GRPC_LISTEN'))
    .addOption(new Option('--state <dir>', "the agent's state directory [default: a temporary directory]").env('VIGIL_STATE'));
  addLogOptions(cmd);
  cmd.action(async (flags: DevFlags) => {
    await runDev(flags);
  });
  return cmd;
}

async function runDev(flags: DevFlags): Promise<void> {
  const windowMs = parseDuration('--window', flags.window);
  if (windowMs < 1000) throw new ConfigError('--window must be at least 1s');
  const http = parseHostPort('--http-listen', flags.httpListen);
  parseHostPort('--grpc-listen', flags.grpcListen);
  const log = createLogger({ level: flags.logLevel, format: flags.logFormat, name: 'vigil-dev' });
  const agentToken = `vigil-agent-dev-${randomBytes(18).toString('base64url')}`;
  const operator = `vigil-operator-dev-${randomBytes(18).toString('base64url')}`;
  const scratch = mkdtempSync(join(tmpdir(), 'vigil-dev-'));

  // The demo marking must be decided before the collector starts (the UI reads it at sign-in).
  const useFalco = existsSync(flags.falcoSocket);
  const collector = new Collector(
    {
      dbFile: flags.db,
      grpcListen: flags.grpcListen,
      grpcTls: null,
      http,
      agentTokens: [agentToken],
      apiTokens: [devToken(operator)],
      defaultMode: 'learning',
      windowMs,
      demo: !useFalco,
    },
    log.child({ part: 'collector' }),
  );
  let demo: FalcoCompatibleServer | null = null;
  let agent: Agent | null = null;
  let timer: NodeJS.Timeout | null = null;
  const stop = async (): Promise<void> => {
    if (timer) clearInterval(timer);
    await agent?.stop();
    await demo?.stop();
    await collector.stop();
    rmSync(scratch, { recursive: true, force: true });
  };
  stopOnSignals(stop, log);

  try {
    await collector.start();
    let falcoTarget = `unix://${flags.falcoSocket}`;
    if (!useFalco) {
      falcoTarget = `unix://${join(scratch, 'demo-falco.sock')}`;
      demo = new FalcoCompatibleServer({ address: falcoTarget, version: { version: '0.43.0-vigil-demo', minor: 43 } });
      await demo.start();
    }
    agent = new Agent(
      {
        cluster: 'dev',
        node: useFalco ? null : 'demo-node-1',
        includeHost: false,
        rulePrefix: 'Vigil',
        maxFieldLength: 4096,
        grpc: { target: falcoTarget, tls: null, pollIntervalMs: 100, backoffInitialMs: 250, backoffMaxMs: 5_000, maxMessageBytes: 16 * 1024 * 1024 },
        http: null,
        jsonl: null,
        stdout: null,
        health: null,
        metadataWaitMs: 30_000,
        collector: {
          target: `127.0.0.1:${collector.grpcPort}`,
          tls: null,
          token: agentToken,
          stateDir: flags.state ?? join(scratch, 'agent-state'),
          maxOutboxRows: 100_000,
          repeatIntervalMs: 2_000,
          heartbeatIntervalMs: 5_000,
          retryMaxMs: 5_000,
          shutdownDrainMs: 2_000,
        },
      },
      log.child({ part: 'agent' }),
    );
    await agent.start();
    const api = `http://${collector.httpAddress?.address}:${collector.httpAddress?.port}`;
    process.stdout.write(
      [
        `vigil dev: web UI at ${api}/#token=${operator}`,
        `vigil dev: API and stream at ${api} (database ${flags.db})`,
        `vigil dev: operator token ${operator}`,
        useFalco
          ? `vigil dev: reading Falco at ${flags.falcoSocket}`
          : `vigil dev: DEMO — no Falco socket at ${flags.falcoSocket}; replaying the bundled scenario (${DEMO_WORKLOADS.join(', ')}): learning for ${flags.window}, then an intrusion in shop/Deployment/storefront`,
        `vigil dev: try  VIGIL_SERVER=${api} VIGIL_TOKEN=${operator} npx vigil alerts --follow`,
        '',
      ].join('\n'),
    );
    if (demo) {
      const server = demo;
      const startedMs = Date.now();
      let attacked = false;
      server.publish(...normalRound());
      timer = setInterval(() => {
        server.publish(...normalRound());
        // The intrusion comes once every workload's window has ended (plus a margin for the lock).
        if (!attacked && Date.now() - startedMs > windowMs + 1_500) {
          attacked = true;
          server.publish(...intrusion());
          log.info('demo: the intrusion starts now');
        }
      }, 1_000);
    }
  } catch (err) {
    log.fatal({ err: (err as Error).message }, 'cannot start vigil dev');
    await stop();
    process.exit(1);
  }
}
