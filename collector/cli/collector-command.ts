// `vigil collector`: flags (each with an environment twin) → CollectorConfig → a running Collector.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { addLogOptions, type LogOptions } from '../../agent/cli/common-options.js';
import { ConfigError, parseBoolean, parseDuration, parseHostPort } from '../../agent/config/parse.js';
import { createLogger } from '../../agent/log/logger.js';
import { stopOnSignals } from '../../agent/cli/stop-signals.js';
import { Collector, type CollectorConfig } from '../collector.js';
import type { GatewayTls } from '../gateway/agent-gateway.js';
import { SeverityRules, SeverityRulesError } from '../baseline/severity-rules.js';
import type { ConvergenceRule } from '../baseline/decide.js';
import { IDENTITIES, type ItemIdentity } from '../../agent/model/item-key.js';
import { devToken, parseTokenEnv, parseTokenFile, type ApiToken } from '../auth/api-tokens.js';

export interface CollectorFlags extends LogOptions {
  db: string;
  grpcListen: string;
  httpListen: string;
  baselineWindow: string;
  defaultMode: string;
  baselineWindowFor: string[];
  agentTokenFile?: string;
  apiTokenFile?: string;
  allowedOrigin: string[];
  severityRules: string[];
  imageReviewWindow: string;
  startupGrace: string;
  streamRetention: string;
  streamMaxRows: string;
  convergeQuiet: string;
  convergeMinSources: string;
  convergeMax?: string;
  identity: string;
  tlsCert?: string;
  tlsKey?: string;
  agentCa?: string;
  dev?: boolean;
}

export function collectorCommand(): Command {
  const cmd = new Command('collector')
    .summary('receive agent reports, keep baselines and alerts in SQLite')
    .description(
      'Runs the central collector: agents connect over gRPC (vigil.v1), the collector merges what every node ' +
        'learned into per-workload baselines, locks each baseline when its learning window ends, and stores ' +
        'alerts for what deviates from it.',
    )
    .addOption(new Option('--db <file>', 'SQLite database file').default('vigil.db').env('VIGIL_DB'))
    .addOption(new Option('--grpc-listen <host:port>', 'where agents connect').default('127.0.0.1:7420').env('VIGIL_GRPC_LISTEN'))
    .addOption(new Option('--http-listen <host:port|off>', 'the SOC API, the WebSocket stream, health, readiness and metrics').default('127.0.0.1:7421').env('VIGIL_HTTP_LISTEN'))
    .addOption(new Option('--baseline-window <duration>', 'how long a new workload learns before its baseline locks').default('1h').env('VIGIL_BASELINE_WINDOW'))
    .addOption(
      new Option('--baseline-window-for <ns/Kind/name=duration>', 'a different learning window for one workload (repeatable)')
        .argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value])
        .default([] as string[]),
    )
    .addOption(new Option('--default-mode <mode>', 'mode of a newly seen workload').choices(['learning', 'detecting', 'disabled']).default('learning').env('VIGIL_DEFAULT_MODE'))
    .addOption(new Option('--agent-token-file <file>', 'agent tokens, one per line (a Kubernetes Secret mounted as a file)').env('VIGIL_AGENT_TOKEN_FILE'))
    .addOption(new Option('--api-token-file <file>', 'SOC tokens, "ROLE TOKEN [NAME]" per line (role viewer or operator)').env('VIGIL_API_TOKEN_FILE'))
    .addOption(
      new Option(
        '--allowed-origin <origin>',
        'another browser origin allowed on the stream, e.g. https://vigil.example.com (repeatable, or comma-separated in the variable); the page the collector serves is always allowed',
      )
        // Browsers send the scheme and host in lower case.
        .argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), ...value.split(',').map((o) => o.trim().toLowerCase()).filter((o) => o !== '')])
        .default([] as string[])
        .env('VIGIL_ALLOWED_ORIGINS'),
    )
    .addOption(
      new Option('--severity-rules <file>', 'more severity and never-learn rules (YAML, see rules/README.md), tried before the built-in rules/severity.yaml (repeatable, or comma-separated in the variable)')
        .argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), ...value.split(',').map((f) => f.trim()).filter((f) => f !== '')])
        .default([] as string[])
        .env('VIGIL_SEVERITY_RULES'),
    )
    .addOption(
      new Option('--image-review-window <duration>', 'after a rollout brings a new image digest to a locked workload, learn what that container does new for this long (0s: off)')
        .default('0s')
        .env('VIGIL_IMAGE_REVIEW_WINDOW'),
    )
    .addOption(
      new Option(
        '--startup-grace <duration>',
        "start-up grace: what containers do this long after they start is their workload's start-up set; after the lock, a novel item then is learned when it matches that set (0s: off)",
      )
        .default('60s')
        .env('VIGIL_STARTUP_GRACE'),
    )
    .addOption(
      new Option('--converge-quiet <duration>', 'lock a baseline only once no new item was learned for this long (0s: lock at the window end)')
        .default('0s')
        .env('VIGIL_CONVERGE_QUIET'),
    )
    .addOption(new Option('--converge-min-sources <n>', 'with --converge-quiet: and items came from at least this many pods or nodes').default('1').env('VIGIL_CONVERGE_MIN_SOURCES'))
    .addOption(new Option('--converge-max <duration>', 'with --converge-quiet: lock at the latest this long after the window started [default: 4 × --baseline-window]').env('VIGIL_CONVERGE_MAX'))
    .addOption(
      new Option('--identity <identity>', "how a new workload's processes are identified: exe, lineage (exe + parent executable) or args (exe + the normalized program an interpreter runs); per workload with vigil identity")
        .choices([...IDENTITIES])
        .default('exe')
        .env('VIGIL_IDENTITY'),
    )
    .addOption(
      new Option('--stream-retention <duration>', 'delete alert-stream rows older than this; a client resuming from before them is told to reload (0s: keep by age)')
        .default('7d')
        .env('VIGIL_STREAM_RETENTION'),
    )
    .addOption(new Option('--stream-max-rows <n>', 'keep at most this many alert-stream rows (0: no cap)').default('1000000').env('VIGIL_STREAM_MAX_ROWS'))
    .addOption(new Option('--tls-cert <file>', 'serve agents over TLS with this certificate').env('VIGIL_TLS_CERT'))
    .addOption(new Option('--tls-key <file>', 'key for --tls-cert').env('VIGIL_TLS_KEY'))
    .addOption(new Option('--agent-ca <file>', 'require agent client certificates signed by this CA').env('VIGIL_AGENT_CA'))
    .addOption(new Option('--dev', 'local development run: generate the agent and operator tokens that are not configured and print them once (env: VIGIL_DEV=true|false)'));
  addLogOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Agent tokens can also come from VIGIL_AGENT_TOKENS (comma-separated), SOC tokens from
VIGIL_API_TOKENS ("role:token,role:token"). With --dev and no tokens, one of each is generated
and printed once.

Examples:
  vigil collector --dev                                   # local try-out: prints an agent token
  vigil collector --db /var/lib/vigil/vigil.db --grpc-listen 0.0.0.0:7420 --agent-token-file /etc/vigil/agent-tokens`,
  );
  cmd.action(async (flags: CollectorFlags) => {
    await runCollector(flags);
  });
  return cmd;
}

export function collectorConfigFromFlags(
  flags: CollectorFlags,
  env: NodeJS.ProcessEnv = process.env,
): { config: CollectorConfig; generatedToken: string | null; generatedApiToken: string | null } {
  const dev = flags.dev ?? parseBoolean('VIGIL_DEV', env.VIGIL_DEV) ?? false;
  const tokens: string[] = [];
  if (flags.agentTokenFile) tokens.push(...readTokens(flags.agentTokenFile));
  if (env.VIGIL_AGENT_TOKENS) tokens.push(...env.VIGIL_AGENT_TOKENS.split(',').map((t) => t.trim()).filter(Boolean));
  for (const token of tokens) {
    if (token.length < 16) throw new ConfigError('agent tokens must be at least 16 characters long');
  }
  let generatedToken: string | null = null;
  if (tokens.length === 0) {
    if (!dev) {
      throw new ConfigError('no agent tokens: pass --agent-token-file (or VIGIL_AGENT_TOKENS), or --dev for a local run with a generated token');
    }
    generatedToken = `vigil-agent-dev-${randomBytes(18).toString('base64url')}`;
    tokens.push(generatedToken);
  }
  const apiTokens: ApiToken[] = [];
  if (flags.apiTokenFile) {
    let text: string;
    try {
      text = readFileSync(flags.apiTokenFile, 'utf8');
    } catch (err) {
      throw new ConfigError(`cannot read API tokens from ${flags.apiTokenFile}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    apiTokens.push(...parseTokenFile(text, flags.apiTokenFile));
  }
  if (env.VIGIL_API_TOKENS) apiTokens.push(...parseTokenEnv(env.VIGIL_API_TOKENS));
  let generatedApiToken: string | null = null;
  if (apiTokens.length === 0 && flags.httpListen !== 'off') {
    if (!dev) {
      throw new ConfigError('no API tokens: pass --api-token-file (or VIGIL_API_TOKENS), or --dev for a local run with a generated token');
    }
    generatedApiToken = `vigil-operator-dev-${randomBytes(18).toString('base64url')}`;
    apiTokens.push(devToken(generatedApiToken));
  }
  for (const origin of flags.allowedOrigin) {
    // Browsers send the origin exactly so: scheme, host, optional port; never a path or a slash.
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) throw new ConfigError(`--allowed-origin: "${origin}" is not an origin such as https://vigil.example.com (no path, no trailing slash)`);
  }
  let rules: SeverityRules;
  try {
    rules = SeverityRules.load(flags.severityRules);
  } catch (err) {
    if (err instanceof SeverityRulesError) throw new ConfigError(`--severity-rules: ${err.message}`);
    throw err;
  }
  parseHostPort('--grpc-listen', flags.grpcListen);
  const windowMs = parseDuration('--baseline-window', flags.baselineWindow);
  if (windowMs < 1000) throw new ConfigError('--baseline-window must be at least 1s');
  const windowOverrides = new Map<string, number>();
  for (const spec of flags.baselineWindowFor) {
    const match = /^([^/=]*)\/([A-Za-z]+)\/([^/=]+)=(.+)$/.exec(spec);
    if (!match) throw new ConfigError(`--baseline-window-for: "${spec}" is not NAMESPACE/KIND/NAME=DURATION, e.g. shop/Deployment/web=15m`);
    const ms = parseDuration('--baseline-window-for', match[4] ?? '');
    if (ms < 1000) throw new ConfigError('--baseline-window-for: windows must be at least 1s');
    windowOverrides.set(`${match[1]}/${match[2]}/${match[3]}`, ms);
  }
  return {
    config: {
      windowOverrides,
      rules,
      imageReviewMs: parseDuration('--image-review-window', flags.imageReviewWindow),
      startupGraceMs: parseDuration('--startup-grace', flags.startupGrace),
      streamRetentionMs: parseDuration('--stream-retention', flags.streamRetention),
      streamMaxRows: wholeNumber('--stream-max-rows', flags.streamMaxRows),
      convergence: convergenceRule(flags, windowMs),
      defaultIdentity: flags.identity as ItemIdentity,
      dbFile: flags.db,
      grpcListen: flags.grpcListen,
      grpcTls: gatewayTls(flags),
      http: flags.httpListen === 'off' ? null : parseHostPort('--http-listen', flags.httpListen),
      agentTokens: tokens,
      apiTokens,
      allowedOrigins: flags.allowedOrigin,
      defaultMode: flags.defaultMode as CollectorConfig['defaultMode'],
      windowMs,
    },
    generatedToken,
    generatedApiToken,
  };
}

function readTokens(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read agent tokens from ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return text.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
}

function gatewayTls(flags: CollectorFlags): GatewayTls | null {
  if (!flags.tlsCert && !flags.tlsKey) {
    if (flags.agentCa) throw new ConfigError('--agent-ca needs TLS: pass --tls-cert and --tls-key too');
    return null;
  }
  if (!flags.tlsCert || !flags.tlsKey) throw new ConfigError('--tls-cert and --tls-key go together');
  const read = (file: string): Buffer => {
    try {
      return readFileSync(file);
    } catch (err) {
      throw new ConfigError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  };
  return { cert: read(flags.tlsCert), key: read(flags.tlsKey), clientCa: flags.agentCa ? read(flags.agentCa) : null };
}

async function runCollector(flags: CollectorFlags): Promise<void> {
  const { config, generatedToken, generatedApiToken } = collectorConfigFromFlags(flags);
  const log = createLogger({ level: flags.logLevel, format: flags.logFormat, name: 'vigil-collector' });
  if (generatedToken) {
    // Printed once, to stdout, so it can be copied; never logged.
    process.stdout.write(`vigil collector (development run): agent token ${generatedToken}\n`);
  }
  if (generatedApiToken) process.stdout.write(`vigil collector (development run): operator token ${generatedApiToken}\n`);
  const collector = new Collector(config, log);
  stopOnSignals(() => collector.stop(), log);
  try {
    await collector.start();
  } catch (err) {
    log.fatal({ err: (err as Error).message }, 'cannot start the collector');
    await collector.stop();
    process.exit(1);
  }
}

/** The optional convergence lock from its flags; null when --converge-quiet is 0. */
function convergenceRule(flags: CollectorFlags, windowMs: number): ConvergenceRule | null {
  const quietMs = parseDuration('--converge-quiet', flags.convergeQuiet);
  if (!/^[1-9]\d{0,5}$/.test(flags.convergeMinSources)) throw new ConfigError(`--converge-min-sources: "${flags.convergeMinSources}" is not a whole number from 1`);
  if (quietMs === 0) {
    if (flags.convergeMax !== undefined) throw new ConfigError('--converge-max needs --converge-quiet');
    return null;
  }
  const maxMs = flags.convergeMax === undefined ? 4 * windowMs : parseDuration('--converge-max', flags.convergeMax);
  if (maxMs < windowMs) throw new ConfigError(`--converge-max (${flags.convergeMax}) must be at least --baseline-window`);
  return { quietMs, minSources: Number(flags.convergeMinSources), maxMs };
}

function wholeNumber(option: string, text: string): number {
  if (!/^\d{1,12}$/.test(text.trim())) throw new ConfigError(`${option}: "${text}" is not a whole number`);
  return Number(text.trim());
}
