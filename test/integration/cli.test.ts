import t from 'tap';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect, jsonLines, loggedPort, runVigil, spawnVigil } from '../support/cli.js';
import { execEvent, toJsonLine } from '../support/events.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-cli-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

t.test('--help for the program and the agent, --version', async (t) => {
  const top = await runVigil(['--help']);
  t.equal(top.code, 0);
  t.match(top.stdout, /Usage: vigil \[options\] \[command\]/);
  t.match(top.stdout, /agent \[options\]\s+read Falco events/);
  const agent = await runVigil(['agent', '--help']);
  t.equal(agent.code, 0);
  for (const flag of ['--falco <target>', '--falco-http-listen', '--falco-jsonl', '--stdout', '--cluster', '--log-level', '--listen']) {
    t.match(agent.stdout, flag, `documents ${flag}`);
  }
  t.match(agent.stdout, /env: VIGIL_FALCO\)/, 'names environment twins');
  const version = await runVigil(['--version']);
  t.match(version.stdout.trim(), /^\d+\.\d+\.\d+/);
});

t.test('configuration errors exit 2 with a message that says what to do', async (t) => {
  const cases: Array<[string[], RegExp]> = [
    [['agent'], /no output for observations: pass --collector HOST:PORT, --stdout, or both/],
    [['agent', '--collector', '127.0.0.1:7420'], /--collector needs the agent token/],
    [['agent', '--stdout', '--collector-cert', 'c.crt'], /need --collector/],
    [['agent', '--stdout', '--falco', 'falco:5060'], /mutual TLS; pass --falco-ca, --falco-cert and --falco-key/],
    [['agent', '--stdout', '--falco-poll-interval', 'often'], /--falco-poll-interval: "often" is not a duration/],
    [['agent', '--stdout', '--falco-http-listen', 'localhost'], /--falco-http-listen: "localhost" is not HOST:PORT/],
    [['agent', '--stdout', '--falco-ca', 'ca.crt'], /apply only to a host:port Falco target/],
    [['agent', '--stdout', '--max-field-length', '10'], /--max-field-length: "10" must be a whole number of at least 64/],
    [['agent', '--stdout', '--falco-http-listen', ':2802', '--falco-http-client-ca', 'ca.crt'], /--falco-http-client-ca needs HTTPS/],
    [['agent', '--stdout', '--falco-http-listen', ':2802', '--falco-http-tls-cert', 'x.crt'], /--falco-http-tls-cert and --falco-http-tls-key go together/],
    [['agent', '--stdout', '--falco-http-listen', ':2802', '--falco-http-max-body', '2GiB'], /--falco-http-max-body must be at most 1GiB/],
  ];
  for (const [args, message] of cases) {
    const res = await runVigil(args);
    t.equal(res.code, 2, args.join(' '));
    t.match(res.stderr, message);
  }
  const envOff = await runVigil(['agent'], { env: { VIGIL_STDOUT: 'false' } });
  t.equal(envOff.code, 2, 'VIGIL_STDOUT=false means no output');
  t.match(envOff.stderr, /no output for observations/);
  const envBad = await runVigil(['agent'], { env: { VIGIL_STDOUT: 'maybe' } });
  t.equal(envBad.code, 2);
  t.match(envBad.stderr, /VIGIL_STDOUT: "maybe" is not a boolean; use true or false/);
  const badLevel = await runVigil(['agent', '--stdout', '--log-level', 'loud']);
  t.not(badLevel.code, 0);
  t.match(badLevel.stderr, /Allowed choices are fatal, error, warn, info, debug, trace, silent/);
  const unknown = await runVigil(['agent', '--stdout', '--bogus']);
  t.not(unknown.code, 0);
  t.match(unknown.stderr, /unknown option '--bogus'/);
});

t.test('replays JSON lines from a file and from stdin, then exits 0', async (t) => {
  const file = join(dir, 'events.jsonl');
  writeFileSync(file, [execEvent({ exe: '/a' }), execEvent({ exe: '/b' })].map(toJsonLine).join('\n') + '\nnot json\n');
  const fromFile = await runVigil(['agent', '--stdout', '--listen', 'off', '--cluster', 'prod', '--falco-jsonl', file]);
  t.equal(fromFile.code, 0, fromFile.stderr);
  const obs = jsonLines(fromFile.stdout);
  t.same(obs.map((o) => (o.process as { exe: string }).exe), ['/a', '/b']);
  t.match(obs[0], { workload: { cluster: 'prod', namespace: 'shop', kind: 'Deployment', name: 'web' } });
  const logs = jsonLines(fromFile.stderr);
  t.match(logs.find((l) => l.msg === 'rejected a Falco payload'), { reason: 'malformed_json', detail: /^line 3: / });
  t.match(logs.find((l) => l.msg === 'finished reading Falco JSON lines'), { lines: 3, events: 2, rejected: 1 });

  const fromStdin = await runVigil(['agent', '--stdout', '--listen', 'off', '--falco-jsonl', '-'], {
    stdin: `${toJsonLine(execEvent({ exe: '/from/stdin' }))}\n`,
    env: { VIGIL_CLUSTER: 'from-env' },
  });
  t.equal(fromStdin.code, 0);
  t.match(jsonLines(fromStdin.stdout), [{ workload: { cluster: 'from-env' }, process: { exe: '/from/stdin' } }], 'environment twin applies');

  const missing = await runVigil(['agent', '--stdout', '--listen', 'off', '--falco-jsonl', join(dir, 'nope.jsonl')]);
  t.equal(missing.code, 1);
  t.match(missing.stderr, /cannot read Falco events from .*nope\.jsonl: ENOENT/);
});

t.test('health, readiness and metrics endpoints; SIGTERM stops cleanly', async (t) => {
  const child = spawnVigil(['agent', '--stdout', '--falco-http-listen', '127.0.0.1:0', '--listen', '127.0.0.1:0', '--log-level', 'debug']);
  const done = collect(child, undefined, 30_000);
  const [healthPort, httpPort] = await Promise.all([
    loggedPort(child, 'serving /healthz, /readyz and /metrics'),
    loggedPort(child, 'listening for Falco http_output'),
  ]);
  t.ok(healthPort && httpPort, 'both listeners reported their address');
  const base = `http://127.0.0.1:${healthPort}`;
  const health = await fetch(`${base}/healthz`);
  t.equal(health.status, 200);
  t.same(await health.json(), { status: 'ok' });
  const ready = await fetch(`${base}/readyz`);
  t.equal(ready.status, 200);
  t.same(await ready.json(), { status: 'ready', checks: { falco_http: true } });
  await fetch(`http://127.0.0.1:${httpPort}/`, { method: 'POST', body: toJsonLine(execEvent({ exe: '/metrics/check' })) });
  const metrics = await (await fetch(`${base}/metrics`)).text();
  t.match(metrics, /vigil_agent_falco_events_total\{input="http"\} 1/);
  t.match(metrics, /vigil_agent_observations_total\{type="process"\} 1/);
  t.match(metrics, /vigil_agent_process_resident_memory_bytes/);
  t.equal((await fetch(`${base}/nope`)).status, 404);
  t.equal((await fetch(`${base}/healthz`, { method: 'POST' })).status, 405);
  child.kill('SIGTERM');
  const result = await done;
  t.equal(result.code, 0, 'exit 0 after SIGTERM');
  t.match(jsonLines(result.stdout), [{ process: { exe: '/metrics/check' } }]);
  t.ok(jsonLines(result.stderr).some((l) => l.msg === 'stopping' && l.signal === 'SIGTERM'));
});

t.test('not ready while the only input, Falco gRPC, is unreachable', async (t) => {
  const child = spawnVigil(['agent', '--stdout', '--falco', `unix://${join(dir, 'absent.sock')}`, '--listen', '127.0.0.1:0']);
  const done = collect(child, undefined, 30_000);
  const port = await loggedPort(child, 'serving /healthz, /readyz and /metrics');
  const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
  t.equal(ready.status, 503);
  t.same(await ready.json(), { status: 'not ready', checks: { falco_grpc: false } });
  child.kill('SIGINT');
  t.equal((await done).code, 0);
});

t.test('stdout closed by its reader (vigil agent | head): the agent stops cleanly', async (t) => {
  const child = spawnVigil(['agent', '--stdout', '--listen', 'off', '--falco-jsonl', '-'], { VIGIL_STDOUT: 'true' });
  const done = collect(child, undefined, 30_000);
  child.stdin.on('error', () => undefined); // EPIPE here too once the agent has gone
  child.stdin.write(`${toJsonLine(execEvent({ exe: '/first' }))}\n`);
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  child.stdout.destroy(); // like `head -1` exiting
  const more = setInterval(() => child.stdin.write(`${toJsonLine(execEvent({ exe: '/more' }))}\n`), 20);
  const result = await done;
  clearInterval(more);
  t.equal(result.code, 0, result.stderr);
  t.ok(jsonLines(result.stderr).some((l) => l.msg === 'stdout was closed by its reader; stopping'));
  t.notMatch(result.stderr, /EPIPE.*\n\s+at /, 'no stack trace');
});

t.test('vigil collector: help, configuration errors, and a --dev run with a generated token', async (t) => {
  const help = await runVigil(['collector', '--help']);
  t.equal(help.code, 0);
  for (const flag of ['--db <file>', '--grpc-listen', '--http-listen', '--baseline-window', '--default-mode', '--agent-token-file', '--dev']) {
    t.match(help.stdout, flag, `documents ${flag}`);
  }
  writeFileSync(join(dir, 'agent-tokens'), 'an-agent-token-0123456789\n');
  const cases: Array<[string[], RegExp]> = [
    [['collector'], /no agent tokens: pass --agent-token-file \(or VIGIL_AGENT_TOKENS\), or --dev/],
    [['collector', '--agent-token-file', join(dir, 'agent-tokens')], /no API tokens: pass --api-token-file/],
    [['collector', '--dev', '--baseline-window', '5'], /--baseline-window: "5" is not a duration/],
    [['collector', '--dev', '--baseline-window', '10ms'], /--baseline-window must be at least 1s/],
    [['collector', '--agent-token-file', join(dir, 'missing-tokens')], /cannot read agent tokens from .*missing-tokens: ENOENT/],
    [['collector', '--dev', '--agent-ca', 'ca.crt'], /--agent-ca needs TLS/],
    [['collector', '--dev', '--baseline-window-for', 'web=5m'], /"web=5m" is not NAMESPACE\/KIND\/NAME=DURATION/],
    [['collector', '--dev', '--image-review-window', 'soon'], /--image-review-window: "soon" is not a duration/],
    [['collector', '--dev', '--startup-grace', '1 minute'], /--startup-grace: "1 minute" is not a duration/],
    [['collector', '--dev', '--stream-retention', 'forever'], /--stream-retention: "forever" is not a duration/],
    [['collector', '--dev', '--stream-max-rows', '1e6'], /--stream-max-rows: "1e6" is not a whole number/],
    [['collector', '--dev', '--converge-max', '2h'], /--converge-max needs --converge-quiet/],
    [['collector', '--dev', '--converge-quiet', '10m', '--converge-min-sources', '0'], /--converge-min-sources: "0" is not a whole number from 1/],
    [['collector', '--dev', '--converge-quiet', '10m', '--converge-max', '30m'], /--converge-max \(30m\) must be at least --baseline-window/],
    [['collector', '--dev', '--allowed-origin', 'https://vigil.example.com/'], /--allowed-origin: "https:\/\/vigil.example.com\/" is not an origin such as https:\/\/vigil.example.com \(no path, no trailing slash\)/],
  ];
  for (const [args, message] of cases) {
    const res = await runVigil(args);
    t.equal(res.code, 2, args.join(' '));
    t.match(res.stderr, message);
  }
  const short = join(dir, 'short-tokens');
  writeFileSync(short, '# agent tokens\nshort\n');
  t.match((await runVigil(['collector', '--agent-token-file', short])).stderr, /agent tokens must be at least 16 characters/);
  const fromEnv = await runVigil(['collector', '--dev'], { env: { VIGIL_ALLOWED_ORIGINS: 'https://a.example, https://b.example/x' } });
  t.match(fromEnv.stderr, /--allowed-origin: "https:\/\/b.example\/x" is not an origin/, 'VIGIL_ALLOWED_ORIGINS: comma-separated, each checked');

  const child = spawnVigil(['collector', '--dev', '--db', join(dir, 'dev.db'), '--grpc-listen', '127.0.0.1:0', '--http-listen', '127.0.0.1:0']);
  const done = collect(child, undefined, 30_000);
  let stdout = '';
  child.stdout.on('data', (c: string) => (stdout += c));
  const port = await loggedPort(child, 'serving the API, the stream, /healthz, /readyz and /metrics');
  t.match(
    stdout,
    /^vigil collector \(development run\): agent token vigil-agent-dev-[\w-]{24}\nvigil collector \(development run\): operator token vigil-operator-dev-[\w-]{24}\n$/,
    'the tokens, printed once',
  );
  const token = /agent token (\S+)/.exec(stdout)?.[1] ?? 'none';
  const operator = /operator token (\S+)/.exec(stdout)?.[1] ?? 'none';
  t.equal((await fetch(`http://127.0.0.1:${port}/readyz`)).status, 200);
  t.equal((await fetch(`http://127.0.0.1:${port}/metrics`)).status, 401, 'metrics need a token');
  const metrics = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { Authorization: `Bearer ${operator}` } });
  t.match(await metrics.text(), /vigil_collector_agents_connected 0/);
  child.kill('SIGTERM');
  const result = await done;
  t.equal(result.code, 0);
  t.notOk(result.stderr.includes(token) || result.stderr.includes(operator), 'and never logged');
});

t.test('with --collector and without --stdout, nothing is printed on stdout', async (t) => {
  const file = join(dir, 'quiet.jsonl');
  writeFileSync(file, `${toJsonLine(execEvent({ exe: '/quiet' }))}\n`);
  const res = await runVigil(
    ['agent', '--collector', '127.0.0.1:1', '--state', join(dir, 'quiet-state'), '--listen', 'off', '--falco-jsonl', file, '--shutdown-drain', '0s'],
    { env: { VIGIL_AGENT_TOKEN: 'quiet-agent-token-0123456789' } },
  );
  t.equal(res.code, 0, res.stderr);
  t.equal(res.stdout, '');
  t.ok(jsonLines(res.stderr).some((l) => l.msg === 'stopping with reports on disk; they are sent on the next start'));
});
