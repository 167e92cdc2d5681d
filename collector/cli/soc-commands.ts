// The SOC's terminal commands: vigil alerts, workloads, mode, approve, baseline.
import { readFileSync, writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { Backoff } from '../../agent/falco/backoff.js';
import { ConfigError } from '../../agent/config/parse.js';
import { IDENTITIES } from '../../agent/model/item-key.js';
import { ClientError, clientConfig, SocClient, type ClientFlags } from './soc-client.js';

interface Alert {
  id: number;
  workload: { key: string; namespace: string; kind: string; name: string };
  container: string;
  item: string;
  status: string;
  severity: string;
  category?: string;
  count: number;
  last_seen: string;
  node: string;
}

function withConnection(cmd: Command): Command {
  return cmd
    .addOption(new Option('--server <url>', 'the collector API').env('VIGIL_SERVER'))
    .addOption(new Option('--token-file <file>', 'a file holding your API token (or VIGIL_TOKEN)').env('VIGIL_TOKEN_FILE'))
    .addOption(new Option('--config <file>', 'config file with server: and token: [default: ~/.config/vigil/config.yaml]').env('VIGIL_CONFIG'));
}

function client(flags: ClientFlags): SocClient {
  return new SocClient(clientConfig(flags));
}

/** Runs a command body, turning the collector's refusals into one line on stderr and exit 1. */
async function run(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (err) {
    if (err instanceof ClientError) {
      process.stderr.write(`vigil: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}

function workloadPath(ref: string): string {
  const parts = ref.split('/');
  if (parts.length !== 3 || parts.some((p, i) => p === '' && i !== 0)) {
    throw new ConfigError(`"${ref}" is not NAMESPACE/KIND/NAME, e.g. shop/Deployment/web`);
  }
  return parts.map((p, i) => encodeURIComponent(i === 0 && p === '' ? '_' : p)).join('/');
}

const SEVERITY_MARK: Record<string, string> = { critical: 'CRIT', high: 'HIGH', medium: 'MED ', low: 'LOW ' };

function alertLine(a: Alert): string {
  return `${a.last_seen.slice(0, 19)}Z  ${SEVERITY_MARK[a.severity] ?? a.severity}  #${a.id}  ${a.workload.namespace}/${a.workload.kind}/${a.workload.name}  ${a.container}  ${a.item}  ×${a.count}  ${a.status}${reviewMark(a.category)}  ${a.node}`;
}

/** Review alerts (a never-learn item seen while learning) say so: approving them teaches the baseline. */
function reviewMark(category: unknown): string {
  return category === 'review' ? ' (review)' : '';
}

function filterOptions(cmd: Command): Command {
  return cmd
    .option('--namespace <ns>', 'only this namespace')
    .option('--workload <name>', 'only workloads with this name')
    .addOption(new Option('--severity <level>', 'at least this severity').choices(['low', 'medium', 'high', 'critical']))
    .option('--json', 'one JSON object per line, for scripts');
}

export function socCommands(): Command[] {
  const alerts = filterOptions(withConnection(new Command('alerts')))
    .summary('list or follow alerts')
    .description('Without a subcommand and with --follow: a live, readable stream of alerts that survives collector restarts.')
    .option('--follow', 'stream alerts as they happen')
    // Options belong to the command they follow: `alerts list --json` is the list's --json.
    .enablePositionalOptions()
    .action(async (flags: ClientFlags & { follow?: boolean; namespace?: string; workload?: string; severity?: string; json?: boolean }) => {
      if (!flags.follow) {
        process.stderr.write('vigil alerts: use "vigil alerts list" or "vigil alerts --follow"\n');
        process.exit(2);
      }
      await follow(client(flags), flags);
    });
  filterOptions(withConnection(alerts.command('list')))
    .description('recent alerts, newest first')
    .addOption(new Option('--status <status>', 'only this status').choices(['open', 'acknowledged', 'resolved']))
    .option('--limit <n>', 'how many', '50')
    .action(async (flags: ClientFlags & { namespace?: string; workload?: string; severity?: string; status?: string; limit: string; json?: boolean }) => {
      await run(async () => {
        const q = new URLSearchParams({ limit: flags.limit });
        for (const k of ['namespace', 'workload', 'severity', 'status'] as const) if (flags[k]) q.set(k, String(flags[k]));
        const res = await client(flags).request<{ alerts: Alert[] }>('GET', `/api/v1/alerts?${q.toString()}`);
        for (const a of res.alerts) process.stdout.write(`${flags.json ? JSON.stringify(a) : alertLine(a)}\n`);
        if (!flags.json && res.alerts.length === 0) process.stdout.write('no alerts\n');
      });
    });

  const workloads = new Command('workloads').summary('list workloads and their modes');
  withConnection(workloads.command('list'))
    .description('every workload with its mode, window and baseline size')
    .option('--json', 'one JSON object per line')
    .action(async (flags: ClientFlags & { json?: boolean }) => {
      await run(async () => {
        const res = await client(flags).request<{ workloads: Array<Record<string, unknown> & { window: { end: string | null } }> }>('GET', '/api/v1/workloads');
        for (const w of res.workloads) {
          process.stdout.write(
            flags.json
              ? `${JSON.stringify(w)}\n`
              : `${String(w.key).padEnd(48)} ${String(w.mode).padEnd(10)} items ${String(w.items).padStart(4)}  open alerts ${String(w.open_alerts).padStart(3)}  window end ${w.window.end ?? '-'}\n`,
          );
        }
      });
    });

  const mode = withConnection(new Command('mode'))
    .summary('set a workload to learning, detecting or disabled')
    .argument('<workload>', 'NAMESPACE/KIND/NAME')
    .argument('<mode>', 'learning | detecting | disabled')
    .option('--cluster <name>', 'when the workload exists in several clusters')
    .action(async (ref: string, newMode: string, flags: ClientFlags & { cluster?: string }) => {
      if (!['learning', 'detecting', 'disabled'].includes(newMode)) throw new ConfigError(`mode must be learning, detecting or disabled, got "${newMode}"`);
      await run(async () => {
        const q = flags.cluster ? `?cluster=${encodeURIComponent(flags.cluster)}` : '';
        const w = await client(flags).request<{ key: string; mode: string }>('PUT', `/api/v1/workloads/${workloadPath(ref)}/mode${q}`, { mode: newMode });
        process.stdout.write(`${w.key} is now ${w.mode}\n`);
      });
    });

  const identity = withConnection(new Command('identity'))
    .summary("set how a workload's processes are identified: exe, lineage (exe + parent) or args (exe + an interpreter's program); relearns")
    .argument('<workload>', 'NAMESPACE/KIND/NAME')
    .argument('<identity>', 'exe | lineage | args')
    .option('--cluster <name>', 'when the workload exists in several clusters')
    .action(async (ref: string, newIdentity: string, flags: ClientFlags & { cluster?: string }) => {
      if (!(IDENTITIES as readonly string[]).includes(newIdentity)) throw new ConfigError(`identity must be one of ${IDENTITIES.join(', ')}, got "${newIdentity}"`);
      await run(async () => {
        const q = flags.cluster ? `?cluster=${encodeURIComponent(flags.cluster)}` : '';
        const w = await client(flags).request<{ key: string; identity: string; mode: string }>('PUT', `/api/v1/workloads/${workloadPath(ref)}/identity${q}`, { identity: newIdentity });
        process.stdout.write(`${w.key} identifies processes by ${w.identity}; it is ${w.mode}\n`);
      });
    });

  const approve = withConnection(new Command('approve'))
    .summary('approve an alert: its item joins the baseline')
    .argument('<alert>', 'alert id')
    .action(async (id: string, flags: ClientFlags) => {
      if (!/^\d+$/.test(id)) throw new ConfigError(`alert must be a number, got "${id}"`);
      await run(async () => {
        const a = await client(flags).request<Alert>('POST', `/api/v1/alerts/${id}/approve`);
        process.stdout.write(`alert #${a.id} approved: ${a.item} joins the baseline of ${a.workload.key}\n`);
      });
    });

  const baseline = new Command('baseline').summary('export, import or diff a workload baseline; its NetworkPolicy');
  const exporter = (name: 'export' | 'network-policy', description: string, path: (flags: { selector?: string }) => string): Command =>
    withConnection(baseline.command(name))
      .description(description)
      .argument('<workload>', 'NAMESPACE/KIND/NAME')
      .addOption(new Option('--format <format>', 'yaml or json').choices(['yaml', 'json']).default('yaml'))
      .option('--output <file>', 'write here instead of stdout')
      .action(async (ref: string, flags: ClientFlags & { format: string; output?: string; selector?: string }) => {
        await run(async () => {
          const doc = await client(flags).request<unknown>('GET', `/api/v1/workloads/${workloadPath(ref)}/${path(flags)}format=${flags.format}`);
          const text = typeof doc === 'string' ? doc : `${JSON.stringify(doc, null, 2)}\n`;
          if (flags.output) writeFileSync(flags.output, text);
          else process.stdout.write(text);
        });
      });
  exporter('export', 'the baseline as a file, to edit and import', () => 'baseline?');
  exporter('network-policy', 'a Kubernetes NetworkPolicy (ingress and egress) from the learned network baseline; review before applying', (f) =>
    `network-policy?${f.selector ? `selector=${encodeURIComponent(f.selector)}&` : ''}`,
  ).option('--selector <labels>', "the workload's pod labels, e.g. app=web,tier=front (default: a placeholder app.kubernetes.io/name=NAME, flagged in the output)");
  for (const name of ['import', 'diff'] as const) {
    withConnection(baseline.command(name))
      .description(name === 'import' ? 'make the baseline exactly the file (YAML or JSON); --dry-run shows the difference' : 'show how a file differs from the baseline (nothing changes)')
      .argument('<workload>', 'NAMESPACE/KIND/NAME')
      .argument('<file>', 'an exported baseline, edited')
      .option('--dry-run', 'only show what would change')
      .action(async (ref: string, file: string, flags: ClientFlags & { dryRun?: boolean }) => {
        let text: string;
        try {
          text = readFileSync(file, 'utf8');
        } catch (err) {
          throw new ConfigError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
        }
        const dry = name === 'diff' || flags.dryRun === true;
        await run(async () => {
          const type = file.endsWith('.json') ? 'application/json' : 'application/yaml';
          const d = await client(flags).request<{ added: Array<{ container: string; item: string }>; removed: Array<{ container: string; item: string }>; unchanged: number }>(
            'PUT',
            `/api/v1/workloads/${workloadPath(ref)}/baseline?dry_run=${dry}`,
            text,
            type,
          );
          for (const i of d.added) process.stdout.write(`+ ${i.container} ${i.item}\n`);
          for (const i of d.removed) process.stdout.write(`- ${i.container} ${i.item}\n`);
          process.stdout.write(`${dry ? 'would add' : 'added'} ${d.added.length}, ${dry ? 'would remove' : 'removed'} ${d.removed.length}, unchanged ${d.unchanged}\n`);
        });
      });
  }
  return [alerts, workloads, mode, identity, approve, baseline];
}

/** Follows the stream, reconnecting with back-off and resuming from the last cursor. */
async function follow(c: SocClient, flags: { namespace?: string; workload?: string; severity?: string; json?: boolean }): Promise<never> {
  const backoff = new Backoff({ initialMs: 250, maxMs: 5_000 });
  let cursor: number | null = null;
  let announcedDown = false;
  let announcedUp = false;
  for (;;) {
    const q = new URLSearchParams();
    if (cursor !== null) q.set('since', String(cursor));
    for (const k of ['namespace', 'workload', 'severity'] as const) if (flags[k]) q.set(k, String(flags[k]));
    const ws = c.stream(q);
    const fatal = await new Promise<string | null>((resolve) => {
      ws.on('open', () => {
        backoff.reset();
        if (announcedDown) process.stderr.write('vigil: connected again; resuming\n');
        else if (!announcedUp) process.stderr.write('vigil: following alerts (Ctrl-C to stop)\n');
        announcedUp = true;
        announcedDown = false;
      });
      ws.on('unexpected-response', (_req, res) => {
        resolve(res.statusCode === 401 || res.statusCode === 403 ? `the collector refused the stream (HTTP ${res.statusCode}); check the token` : null);
        ws.terminate();
      });
      ws.on('message', (data: Buffer) => {
        const m = JSON.parse(data.toString()) as { type: string; cursor: number; error?: string } & Partial<Alert> & Record<string, unknown>;
        cursor = Math.max(cursor ?? 0, m.cursor);
        if (m.type === 'error') process.stderr.write(`vigil: ${m.error}\n`);
        if (m.type === 'heartbeat') return;
        if (flags.json) process.stdout.write(`${JSON.stringify(m)}\n`);
        else if (m.type === 'alert') process.stdout.write(`${m.at ?? ''}  ${SEVERITY_MARK[String(m.severity)] ?? ''}  #${String(m.alert)}  ${String(m.workload)}  ${String(m.container)}  ${String(m.item)}${reviewMark(m.category)}\n`);
        else if (m.type === 'alert.updated') process.stdout.write(`${m.at ?? ''}        #${String(m.alert)}  ${String(m.status)}  ×${String(m.count)}\n`);
        else if (m.type === 'workload.mode') process.stdout.write(`${m.at ?? ''}        ${String(m.workload)} is now ${String(m.mode)} (${String(m.actor)})\n`);
        else if (m.type === 'agent.status') process.stdout.write(`${m.at ?? ''}        agent on ${String(m.node)} ${m.connected ? 'connected' : 'disconnected'}\n`);
      });
      ws.on('close', () => resolve(null));
      ws.on('error', () => resolve(null)); // reported through close/reconnect below
    });
    if (fatal) {
      process.stderr.write(`vigil: ${fatal}\n`);
      process.exit(1);
    }
    if (!announcedDown) process.stderr.write('vigil: lost the collector stream; reconnecting\n');
    announcedDown = true;
    await new Promise((r) => setTimeout(r, backoff.next()));
  }
}
