// `vigil agent`: flags (each with an environment twin) → AgentConfig → a running Agent.
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { Agent, type AgentConfig } from '../agent.js';
import type { HttpTlsFiles } from '../falco/http-auth.js';
import {
  ConfigError,
  parseBoolean,
  parseDuration,
  parseFalcoEndpoint,
  parseHostPort,
  parseSize,
} from '../config/parse.js';
import { createLogger } from '../log/logger.js';
import { addLogOptions, type LogOptions } from './common-options.js';
import { stopOnSignals } from './stop-signals.js';

export const DEFAULT_FALCO_SOCKET = 'unix:///run/falco/falco.sock';

export interface AgentFlags extends LogOptions {
  falco?: string;
  falcoCa?: string;
  falcoCert?: string;
  falcoKey?: string;
  falcoPollInterval: string;
  falcoRetryMax: string;
  falcoMaxMessage: string;
  falcoHttpListen?: string;
  falcoHttpMaxBody: string;
  falcoHttpTlsCert?: string;
  falcoHttpTlsKey?: string;
  falcoHttpClientCa?: string;
  falcoHttpTokenFile?: string;
  falcoJsonl?: string;
  falcoRulePrefix: string;
  stdout?: boolean;
  cluster: string;
  node?: string;
  includeHost?: boolean;
  maxFieldLength: string;
  metadataWait: string;
  listen: string;
  collector?: string;
  agentTokenFile?: string;
  collectorCa?: string;
  collectorCert?: string;
  collectorKey?: string;
  state: string;
  outboxMax: string;
  repeatInterval: string;
  heartbeatInterval: string;
  collectorRetryMax: string;
  shutdownDrain: string;
}

export function agentCommand(): Command {
  const cmd = new Command('agent')
    .summary('read Falco events and turn them into attributed observations')
    .description(
      'Reads Falco events (gRPC outputs API of Falco ≤0.43, http_output JSON of Falco ≥0.44, or JSON lines), ' +
        'attributes each exec, connect and accept to its Kubernetes workload and container, and writes ' +
        'one observation per event. With no input flag it subscribes to Falco\'s gRPC socket.',
    )
    .addOption(new Option('--falco <target>', `Falco gRPC: unix:///path/to/falco.sock, or host:port with mutual TLS [default when no other input: ${DEFAULT_FALCO_SOCKET}]`).env('VIGIL_FALCO'))
    .addOption(new Option('--falco-ca <file>', 'CA certificate that signed Falco\'s gRPC server certificate (host:port targets)').env('VIGIL_FALCO_CA'))
    .addOption(new Option('--falco-cert <file>', 'client certificate for Falco gRPC mutual TLS').env('VIGIL_FALCO_CERT'))
    .addOption(new Option('--falco-key <file>', 'client key for Falco gRPC mutual TLS').env('VIGIL_FALCO_KEY'))
    .addOption(new Option('--falco-poll-interval <duration>', 'how often to ask Falco for queued events when idle').default('100ms').env('VIGIL_FALCO_POLL_INTERVAL'))
    .addOption(new Option('--falco-retry-max <duration>', 'longest wait between gRPC re-subscribe attempts').default('30s').env('VIGIL_FALCO_RETRY_MAX'))
    .addOption(new Option('--falco-max-message <size>', 'largest gRPC message accepted from Falco; a larger one is skipped and counted').default('16MiB').env('VIGIL_FALCO_MAX_MESSAGE'))
    .addOption(new Option('--falco-http-listen <host:port>', 'receive Falco http_output / Falcosidekick webhook JSON, e.g. 127.0.0.1:2802').env('VIGIL_FALCO_HTTP_LISTEN'))
    .addOption(new Option('--falco-http-max-body <size>', 'largest HTTP body accepted (larger: 413)').default('4MiB').env('VIGIL_FALCO_HTTP_MAX_BODY'))
    .addOption(new Option('--falco-http-tls-cert <file>', 'serve the HTTP receiver over HTTPS with this certificate').env('VIGIL_FALCO_HTTP_TLS_CERT'))
    .addOption(new Option('--falco-http-tls-key <file>', 'key for --falco-http-tls-cert').env('VIGIL_FALCO_HTTP_TLS_KEY'))
    .addOption(new Option('--falco-http-client-ca <file>', "require a client certificate signed by this CA (Falco's http_output mtls)").env('VIGIL_FALCO_HTTP_CLIENT_CA'))
    .addOption(new Option('--falco-http-token-file <file>', 'require Authorization: Bearer <token> (e.g. a Falcosidekick webhook header)').env('VIGIL_FALCO_HTTP_TOKEN_FILE'))
    .addOption(new Option('--falco-jsonl <file>', 'read Falco JSON lines from a file, or - for stdin (replay, program_output)').env('VIGIL_FALCO_JSONL'))
    .addOption(new Option('--falco-rule-prefix <prefix>', 'only events of rules whose names start with this become observations').default('Vigil').env('VIGIL_FALCO_RULE_PREFIX'))
    .addOption(new Option('--stdout', 'write each observation to stdout as one JSON line (env: VIGIL_STDOUT=true|false)'))
    .addOption(new Option('--cluster <name>', 'cluster name used in workload identities').default('default').env('VIGIL_CLUSTER'))
    .addOption(new Option('--node <name>', "this node's name [default: the hostname Falco reports]").env('VIGIL_NODE'))
    .addOption(new Option('--include-host', 'also observe processes outside containers, which needs the vigil_scope macro widened (env: VIGIL_INCLUDE_HOST=true|false)'))
    .addOption(new Option('--max-field-length <chars>', 'cut command lines and paths longer than this').default('4096').env('VIGIL_MAX_FIELD_LENGTH'))
    .addOption(new Option('--metadata-wait <duration>', "how long to hold a new container's events for Falco's metadata").default('30s').env('VIGIL_METADATA_WAIT'))
    .addOption(new Option('--listen <host:port|off>', 'serve /healthz, /readyz and /metrics here').default('127.0.0.1:9376').env('VIGIL_LISTEN'))
    .addOption(new Option('--collector <host:port>', 'send novel items to this collector (vigil collector --grpc-listen)').env('VIGIL_COLLECTOR'))
    .addOption(new Option('--agent-token-file <file>', 'this agent\'s token for the collector (or VIGIL_AGENT_TOKEN)').env('VIGIL_AGENT_TOKEN_FILE'))
    .addOption(new Option('--collector-ca <file>', 'connect to the collector over TLS, trusting this CA').env('VIGIL_COLLECTOR_CA'))
    .addOption(new Option('--collector-cert <file>', 'client certificate for the collector (with --collector-key)').env('VIGIL_COLLECTOR_CERT'))
    .addOption(new Option('--collector-key <file>', 'client key for the collector').env('VIGIL_COLLECTOR_KEY'))
    .addOption(new Option('--state <dir>', 'where the outbox and the cached baselines live').default('/var/lib/vigil').env('VIGIL_STATE'))
    .addOption(new Option('--outbox-max <reports>', 'bound on reports waiting on disk (learning items are dropped first)').default('1000000').env('VIGIL_OUTBOX_MAX'))
    .addOption(new Option('--repeat-interval <duration>', 'how often repeat counts of open deviations are sent').default('10s').env('VIGIL_REPEAT_INTERVAL'))
    .addOption(new Option('--heartbeat-interval <duration>', 'how often the agent reports its statistics').default('10s').env('VIGIL_HEARTBEAT_INTERVAL'))
    .addOption(new Option('--collector-retry-max <duration>', 'longest wait between collector reconnect attempts').default('30s').env('VIGIL_COLLECTOR_RETRY_MAX'))
    .addOption(new Option('--shutdown-drain <duration>', 'on stop, how long to wait for the collector to acknowledge what is on disk (it stays there either way)').default('5s').env('VIGIL_SHUTDOWN_DRAIN'));
  addLogOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  vigil agent --stdout                                        # Falco ≤0.43 on the default socket
  vigil agent --stdout --falco-http-listen 127.0.0.1:2802     # Falco ≥0.44 http_output
  vigil agent --stdout --falco falco.falco:5060 --falco-ca ca.crt --falco-cert tls.crt --falco-key tls.key
  falco -o json_output=true | vigil agent --stdout --falco-jsonl -`,
  );
  cmd.action(async (flags: AgentFlags) => {
    await runAgent(flags);
  });
  return cmd;
}

export function agentConfigFromFlags(
  flags: AgentFlags,
  stdout: AgentConfig['stdout'],
  env: NodeJS.ProcessEnv = process.env,
): AgentConfig {
  const wantStdout = flags.stdout ?? parseBoolean('VIGIL_STDOUT', env.VIGIL_STDOUT) ?? false;
  const includeHost = flags.includeHost ?? parseBoolean('VIGIL_INCLUDE_HOST', env.VIGIL_INCLUDE_HOST) ?? false;
  const anyInput = flags.falco !== undefined || flags.falcoHttpListen !== undefined || flags.falcoJsonl !== undefined;
  const falcoTarget = flags.falco ?? (anyInput ? undefined : DEFAULT_FALCO_SOCKET);
  let grpc: AgentConfig['grpc'] = null;
  if (falcoTarget !== undefined) {
    const endpoint = parseFalcoEndpoint('--falco', falcoTarget);
    const tlsFiles = [flags.falcoCa, flags.falcoCert, flags.falcoKey];
    let tls = null;
    if (endpoint.kind === 'tcp') {
      if (!flags.falcoCa || !flags.falcoCert || !flags.falcoKey) {
        throw new ConfigError(
          `--falco ${falcoTarget}: Falco's gRPC over TCP is mutual TLS; pass --falco-ca, --falco-cert and --falco-key (or use the unix socket)`,
        );
      }
      tls = { caFile: flags.falcoCa, certFile: flags.falcoCert, keyFile: flags.falcoKey };
    } else if (tlsFiles.some((f) => f !== undefined)) {
      throw new ConfigError('--falco-ca, --falco-cert and --falco-key apply only to a host:port Falco target, not a unix socket');
    }
    grpc = {
      target: endpoint.target,
      tls,
      pollIntervalMs: positive('--falco-poll-interval', parseDuration('--falco-poll-interval', flags.falcoPollInterval)),
      backoffInitialMs: 250,
      backoffMaxMs: positive('--falco-retry-max', parseDuration('--falco-retry-max', flags.falcoRetryMax)),
      maxMessageBytes: positive('--falco-max-message', parseSize('--falco-max-message', flags.falcoMaxMessage)),
    };
  }
  const http = flags.falcoHttpListen
    ? {
        ...parseHostPort('--falco-http-listen', flags.falcoHttpListen),
        maxBodyBytes: atMost('--falco-http-max-body', positive('--falco-http-max-body', parseSize('--falco-http-max-body', flags.falcoHttpMaxBody)), MAX_HTTP_BODY_BYTES, '1GiB'),
        tls: httpTls(flags),
        tokenFile: flags.falcoHttpTokenFile ?? null,
      }
    : null;
  const collector = collectorConfig(flags, env);
  if (!wantStdout && !collector) {
    throw new ConfigError('no output for observations: pass --collector HOST:PORT, --stdout, or both');
  }
  const maxFieldLength = Number(flags.maxFieldLength);
  if (!Number.isInteger(maxFieldLength) || maxFieldLength < 64) {
    throw new ConfigError(`--max-field-length: "${flags.maxFieldLength}" must be a whole number of at least 64`);
  }
  return {
    cluster: nonEmpty('--cluster', flags.cluster),
    node: flags.node ? flags.node : null,
    includeHost,
    rulePrefix: flags.falcoRulePrefix,
    maxFieldLength,
    grpc,
    http,
    jsonl: flags.falcoJsonl ?? null,
    stdout: wantStdout ? stdout : null,
    health: flags.listen === 'off' ? null : parseHostPort('--listen', flags.listen),
    metadataWaitMs: positive('--metadata-wait', parseDuration('--metadata-wait', flags.metadataWait)),
    collector,
  };
}

function collectorConfig(flags: AgentFlags, env: NodeJS.ProcessEnv): AgentConfig['collector'] {
  if (!flags.collector) {
    if (flags.agentTokenFile || flags.collectorCa || flags.collectorCert || flags.collectorKey) {
      throw new ConfigError('--agent-token-file, --collector-ca, --collector-cert and --collector-key need --collector');
    }
    return null;
  }
  parseHostPort('--collector', flags.collector);
  let token = env.VIGIL_AGENT_TOKEN?.trim() ?? '';
  if (flags.agentTokenFile) {
    try {
      token = readFileSync(flags.agentTokenFile, 'utf8').trim();
    } catch (err) {
      throw new ConfigError(`cannot read --agent-token-file ${flags.agentTokenFile}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }
  if (token === '') throw new ConfigError('--collector needs the agent token: pass --agent-token-file or set VIGIL_AGENT_TOKEN');
  if ((flags.collectorCert === undefined) !== (flags.collectorKey === undefined)) {
    throw new ConfigError('--collector-cert and --collector-key go together');
  }
  if (flags.collectorCert && !flags.collectorCa) throw new ConfigError('--collector-cert needs --collector-ca (TLS)');
  const maxOutboxRows = Number(flags.outboxMax);
  if (!Number.isInteger(maxOutboxRows) || maxOutboxRows < 1000) {
    throw new ConfigError(`--outbox-max: "${flags.outboxMax}" must be a whole number of at least 1000`);
  }
  return {
    target: flags.collector,
    tls: flags.collectorCa ? { caFile: flags.collectorCa, certFile: flags.collectorCert ?? null, keyFile: flags.collectorKey ?? null } : null,
    token,
    stateDir: flags.state,
    maxOutboxRows,
    repeatIntervalMs: positive('--repeat-interval', parseDuration('--repeat-interval', flags.repeatInterval)),
    heartbeatIntervalMs: positive('--heartbeat-interval', parseDuration('--heartbeat-interval', flags.heartbeatInterval)),
    retryMaxMs: positive('--collector-retry-max', parseDuration('--collector-retry-max', flags.collectorRetryMax)),
    shutdownDrainMs: parseDuration('--shutdown-drain', flags.shutdownDrain),
  };
}

async function runAgent(flags: AgentFlags): Promise<void> {
  const config = agentConfigFromFlags(flags, process.stdout);
  const log = createLogger({ level: flags.logLevel, format: flags.logFormat, name: 'vigil-agent' });
  let agent: Agent;
  try {
    agent = new Agent(config, log);
  } catch (err) {
    log.fatal({ err: (err as Error).message }, 'cannot start the agent');
    process.exit(1);
  }
  stopOnSignals(() => agent.stop(), log);
  try {
    await agent.start();
  } catch (err) {
    log.fatal({ err: (err as Error).message }, 'cannot start the agent');
    await agent.stop();
    process.exit(1);
  }
  try {
    await agent.finished();
  } catch (err) {
    log.fatal({ err: (err as Error).message }, 'the agent failed');
    await agent.stop();
    process.exit(1);
  }
  await agent.stop();
  // An open stdin would keep the process alive after the agent is done.
  process.exit(0);
}

function httpTls(flags: AgentFlags): HttpTlsFiles | null {
  const { falcoHttpTlsCert: certFile, falcoHttpTlsKey: keyFile, falcoHttpClientCa: clientCaFile } = flags;
  if (!certFile && !keyFile) {
    if (clientCaFile) throw new ConfigError('--falco-http-client-ca needs HTTPS: pass --falco-http-tls-cert and --falco-http-tls-key too');
    return null;
  }
  if (!certFile || !keyFile) throw new ConfigError('--falco-http-tls-cert and --falco-http-tls-key go together');
  return { certFile, keyFile, clientCaFile: clientCaFile ?? null };
}

/** A body is held in memory whole before it is decoded; past this it is a mistake, not a setting. */
const MAX_HTTP_BODY_BYTES = 1024 ** 3;

function atMost(option: string, value: number, max: number, maxText: string): number {
  if (value > max) throw new ConfigError(`${option} must be at most ${maxText}`);
  return value;
}

function positive(option: string, value: number): number {
  if (!(value > 0)) throw new ConfigError(`${option} must be greater than zero`);
  return value;
}

function nonEmpty(option: string, value: string): string {
  if (value.trim() === '') throw new ConfigError(`${option} must not be empty`);
  return value;
}
