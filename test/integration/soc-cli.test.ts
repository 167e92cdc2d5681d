// The SOC terminal commands as a user runs them: the built `vigil` against a real collector.
import t from 'tap';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { apiFixture, lockedWithAlerts, OPERATOR, T0, MS, VIEWER } from '../support/api-fixture.js';
import { jsonLines, runVigil } from '../support/cli.js';
import { VigilProcess, until } from '../support/processes.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-soc-cli-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

t.test('alerts list, workloads list, mode, approve, baseline export/diff/import', async (t) => {
  const f = await apiFixture(t);
  await lockedWithAlerts(f, ['/usr/sbin/nginx'], ['/usr/bin/curl', '/tmp/payload']);
  const env = { VIGIL_SERVER: f.base, VIGIL_TOKEN: OPERATOR };
  // A never-learn tool seen while another workload learns: a review alert, marked as such.
  await f.observe([{ exe: '/usr/bin/wget', name: 'api', at: T0 + 63_000n * MS }]);
  const review = await runVigil(['alerts', 'list', '--workload', 'api'], { env });
  t.match(review.stdout, /HIGH  #3  shop\/Deployment\/api  app  exe:\/usr\/bin\/wget  ×1  open \(review\)  node-a/);

  const list = await runVigil(['alerts', 'list'], { env });
  t.equal(list.code, 0, list.stderr);
  t.match(list.stdout, /CRIT  #2  shop\/Deployment\/web  app  exe:\/tmp\/payload  ×1  open  node-a/);
  t.match(list.stdout, /HIGH  #1  shop\/Deployment\/web  app  exe:\/usr\/bin\/curl/);
  const critical = await runVigil(['alerts', 'list', '--severity', 'critical', '--json'], { env });
  t.same(jsonLines(critical.stdout).map((a) => a.item), ['exe:/tmp/payload']);

  const workloads = await runVigil(['workloads', 'list'], { env });
  t.match(workloads.stdout, /test\/shop\/Deployment\/web\s+detecting\s+items\s+1\s+open alerts\s+2/);

  const approve = await runVigil(['approve', '1'], { env });
  t.equal(approve.stdout, 'alert #1 approved: exe:/usr/bin/curl joins the baseline of test/shop/Deployment/web\n');
  const again = await runVigil(['approve', '1'], { env });
  t.equal(again.code, 1);
  t.match(again.stderr, /vigil: alert 1 is resolved; .* \(HTTP 409\)/);

  const exported = join(dir, 'web.yaml');
  t.equal((await runVigil(['baseline', 'export', 'shop/Deployment/web', '--output', exported], { env })).code, 0);
  t.match(readFileSync(exported, 'utf8'), /item: exe:\/usr\/bin\/curl/);
  writeFileSync(exported, readFileSync(exported, 'utf8').replace('exe:/usr/bin/curl', 'exe:/usr/bin/wget'));
  const diff = await runVigil(['baseline', 'diff', 'shop/Deployment/web', exported], { env });
  t.equal(diff.stdout, '+ app exe:/usr/bin/wget\n- app exe:/usr/bin/curl\nwould add 1, would remove 1, unchanged 1\n');
  const imported = await runVigil(['baseline', 'import', 'shop/Deployment/web', exported], { env });
  t.equal(imported.stdout, '+ app exe:/usr/bin/wget\n- app exe:/usr/bin/curl\nadded 1, removed 1, unchanged 1\n');

  await f.call('POST', '/api/v1/workloads/shop/Deployment/web/items', { body: { items: [{ container: 'app', item: 'in:tcp:8080' }] } });
  const policy = await runVigil(['baseline', 'network-policy', 'shop/Deployment/web', '--selector', 'app=web'], { env: { ...env, VIGIL_TOKEN: VIEWER } });
  t.equal(policy.code, 0, policy.stderr);
  t.match(policy.stdout, /kind: NetworkPolicy[\s\S]*name: vigil-web[\s\S]*matchLabels:\n\s+app: web[\s\S]*port: 8080/, 'a viewer exports the NetworkPolicy as YAML');
  t.notMatch(policy.stdout, /PLACEHOLDER/, 'with --selector there is no placeholder');
  const mode = await runVigil(['mode', 'shop/Deployment/web', 'disabled'], { env });
  t.equal(mode.stdout, 'test/shop/Deployment/web is now disabled\n');
  const viewer = await runVigil(['mode', 'shop/Deployment/web', 'learning'], { env: { ...env, VIGIL_TOKEN: VIEWER } });
  t.equal(viewer.code, 1);
  t.match(viewer.stderr, 'vigil: this action needs the operator role; vera is a viewer (HTTP 403)');
  t.match((await runVigil(['mode', 'web', 'learning'], { env })).stderr, /"web" is not NAMESPACE\/KIND\/NAME/);
  t.match((await runVigil(['mode', 'shop/Deployment/web', 'paranoid'], { env })).stderr, /mode must be learning, detecting or disabled/);
  const closed = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const port = (probe.address() as { port: number }).port;
      probe.close(() => resolve(port));
    });
  });
  const down = await runVigil(['alerts', 'list'], { env: { ...env, VIGIL_SERVER: `http://127.0.0.1:${closed}` } });
  t.equal(down.code, 1);
  t.match(down.stderr, `vigil: cannot reach the collector at http://127.0.0.1:${closed}: ECONNREFUSED`);
});

t.test('server and token from a config file; flags win', async (t) => {
  const f = await apiFixture(t);
  const config = join(dir, 'config.yaml');
  writeFileSync(config, `server: ${f.base}\ntoken: ${VIEWER}\n`);
  const res = await runVigil(['workloads', 'list', '--config', config], { env: { VIGIL_TOKEN: '' } });
  t.equal(res.code, 0, res.stderr);
  const bad = await runVigil(['workloads', 'list', '--config', config, '--server', 'ftp://x'], { env: { VIGIL_TOKEN: '' } });
  t.equal(bad.code, 2);
  t.match(bad.stderr, /--server: "ftp:\/\/x" is not an http\(s\) URL/);
  const missing = await runVigil(['workloads', 'list', '--config', join(dir, 'missing.yaml')], { env: { VIGIL_TOKEN: '' } });
  t.match(missing.stderr, /cannot read the config file .*missing\.yaml: ENOENT/);
});

t.test('alerts --follow is readable, and survives a collector restart without losing or repeating alerts', async (t) => {
  const f = await apiFixture(t);
  await lockedWithAlerts(f, ['/bin/app'], []);
  const followJson = new VigilProcess(['alerts', '--follow', '--json'], { VIGIL_SERVER: f.base, VIGIL_TOKEN: VIEWER });
  const followText = new VigilProcess(['alerts', '--follow'], { VIGIL_SERVER: f.base, VIGIL_TOKEN: VIEWER });
  t.teardown(() => Promise.all([followJson.kill('SIGTERM'), followText.kill('SIGTERM')]));
  await until(() => followJson.stderr.includes('following alerts') && followText.stderr.includes('following alerts'), 'both followers connected');
  await f.observe([{ exe: '/bin/before-1', at: T0 + 70_000n * MS }, { exe: '/bin/before-2', at: T0 + 71_000n * MS }]);
  const items = () => jsonLines(followJson.stdout).filter((m) => m.type === 'alert').map((m) => m.item);
  await until(() => items().length === 2, 'two alerts followed');
  await until(() => /#2  test\/shop\/Deployment\/web  app  exe:\/bin\/before-2/.test(followText.stdout), 'the readable line');

  await f.restart();
  await f.observe([{ exe: '/bin/after-1', at: T0 + 80_000n * MS }, { exe: '/bin/after-2', at: T0 + 81_000n * MS }]);
  await until(() => items().length === 4, 'alerts after the restart', 20_000);
  await new Promise((r) => setTimeout(r, 500));
  t.same(items(), ['exe:/bin/before-1', 'exe:/bin/before-2', 'exe:/bin/after-1', 'exe:/bin/after-2'], 'each alert once, in order');
  t.match(followJson.stderr, /lost the collector stream; reconnecting\n(.|\n)*connected again; resuming/, 'the user sees the restart');
});
