import t from 'tap';
import WebSocket from 'ws';
import { until } from '../support/processes.js';
import { vigil } from '../../proto/gen/vigil.js';
import { validateWithModel } from '../deploy/helpers/schema.js';
import type { JsonObject } from '../support/kustomize.js';
import { AGENT_TOKEN, apiFixture, lockedWithAlerts, OPERATOR, T0, MS, VIEWER } from '../support/api-fixture.js';

t.test('authentication and roles', async (t) => {
  const f = await apiFixture(t);
  const none = await f.call('GET', '/api/v1/alerts', { token: null });
  t.equal(none.status, 401);
  t.same(none.body, { error: 'a bearer token is required (Authorization: Bearer <token>)' });
  t.equal((await f.call('GET', '/api/v1/alerts', { token: 'not-a-known-token-at-all' })).status, 401);
  t.equal((await f.call('GET', '/api/v1/alerts', { token: VIEWER })).status, 200, 'a viewer reads');
  t.equal((await f.call('GET', '/api/v1/alerts', { token: AGENT_TOKEN })).status, 401, 'an agent token opens only the agent stream');
  await lockedWithAlerts(f, ['/bin/app'], ['/bin/evil']);
  const forbidden = await f.call('POST', '/api/v1/alerts/1/approve', { token: VIEWER });
  t.equal(forbidden.status, 403);
  t.same(forbidden.body, { error: 'this action needs the operator role; vera is a viewer' });
  t.equal((await f.call('GET', '/healthz', { token: null })).status, 200, 'health is public');
  t.equal((await f.call('GET', '/readyz', { token: null })).status, 200);
  t.equal((await f.call('GET', '/metrics', { token: null })).status, 401, 'metrics are not');
  const metrics = await (await fetch(`${f.base}/metrics`, { headers: { Authorization: `Bearer ${VIEWER}` } })).text();
  t.match(metrics, /vigil_collector_api_auth_failures_total\{reason="missing_token"\} 2/);
  t.match(metrics, /vigil_collector_api_auth_failures_total\{reason="unknown_token"\} 2/);
  t.match(metrics, /vigil_collector_api_auth_failures_total\{reason="forbidden"\} 1/);
  const all = f.logs.join('');
  t.match(all, /refused an API request: missing or unknown token/);
  t.notOk(all.includes(VIEWER) || all.includes(OPERATOR) || all.includes('not-a-known-token'), 'no secret in the log');
});

t.test('alerts: list with filters and cursor, get with evidence, acknowledge, resolve, approve', async (t) => {
  const f = await apiFixture(t);
  await lockedWithAlerts(f, ['/usr/sbin/nginx'], ['/usr/bin/curl', '/usr/bin/wget', '/tmp/x']);
  const list = await f.call('GET', '/api/v1/alerts?limit=2');
  t.equal(list.status, 200);
  const alerts = list.body.alerts as Array<Record<string, unknown>>;
  t.same(alerts.map((a) => a.item), ['exe:/tmp/x', 'exe:/usr/bin/wget'], 'newest first');
  t.equal(list.body.next_cursor, alerts[1]?.id);
  const page2 = await f.call('GET', `/api/v1/alerts?limit=2&cursor=${String(list.body.next_cursor)}`);
  t.same((page2.body.alerts as Array<Record<string, unknown>>).map((a) => a.item), ['exe:/usr/bin/curl']);
  t.equal(page2.body.next_cursor, null, 'the last page');
  t.equal(((await f.call('GET', '/api/v1/alerts?namespace=shop&status=open')).body.alerts as unknown[]).length, 3, 'namespace filter');
  t.equal(((await f.call('GET', '/api/v1/alerts?namespace=payments')).body.alerts as unknown[]).length, 0);
  const critical = await f.call('GET', '/api/v1/alerts?severity=critical');
  t.same((critical.body.alerts as Array<Record<string, unknown>>).map((a) => [a.item, a.severity, a.severity_reason]), [['exe:/tmp/x', 'critical', 'runs from a temporary directory']]);
  t.equal(((await f.call('GET', '/api/v1/alerts?severity=high')).body.alerts as unknown[]).length, 3, 'severity is "at least"');
  t.equal((await f.call('GET', '/api/v1/alerts?severity=dire')).status, 400);
  t.match((await f.call('GET', '/api/v1/alerts?namspace=shop')).body, { error: /must NOT have additional properties/ }, 'a misspelt filter is refused, not ignored');
  const since = await f.call('GET', `/api/v1/alerts?since=${encodeURIComponent('2026-11-20T09:01:02.0015Z')}`);
  t.same((since.body.alerts as Array<Record<string, unknown>>).map((a) => a.item), ['exe:/tmp/x'], 'time filter (event time)');
  t.match((await f.call('GET', '/api/v1/alerts?since=yesterday')).body, { error: /since: "yesterday" is not an RFC 3339 time/ });
  t.match((await f.call('GET', '/api/v1/alerts?status=bogus')).body, { error: /invalid request: querystring\/status must be equal to one of the allowed values/ });

  const curl = alerts.length ? (await f.call('GET', '/api/v1/alerts?workload=web&limit=100')).body.alerts as Array<{ id: number; item: string }> : [];
  const curlId = curl.find((a) => a.item === 'exe:/usr/bin/curl')?.id ?? 0;
  const one = await f.call('GET', `/api/v1/alerts/${curlId}`);
  t.match(one.body, {
    item: 'exe:/usr/bin/curl',
    status: 'open',
    count: 1,
    workload: { namespace: 'shop', kind: 'Deployment', name: 'web' },
    evidence: { exe: '/usr/bin/curl', cmdline: '/usr/bin/curl --run', parent: '/bin/sh', user: 'app', pod: 'web-7d9c8b6f5-x2k4p', node: 'node-a', image: 'registry.example/web:1.0', rule: 'Vigil process exec', priority: 'informational' },
  });
  t.equal((await f.call('GET', '/api/v1/alerts/999')).status, 404);
  t.match((await f.call('POST', `/api/v1/alerts/${curlId}/acknowledge`)).body, { status: 'acknowledged' });
  const wgetId = curl.find((a) => a.item === 'exe:/usr/bin/wget')?.id ?? 0;
  t.match((await f.call('POST', `/api/v1/alerts/${wgetId}/resolve`)).body, { status: 'resolved' });

  // Approve: the item joins the baseline, the alert resolves, the agent is told.
  const approved = await f.call('POST', `/api/v1/alerts/${curlId}/approve`);
  t.match(approved.body, { status: 'resolved' });
  await f.agent.until((m) => (m.delta?.added?.some((i) => i.item_key === 'exe:/usr/bin/curl') ? true : undefined));
  const web = await f.call('GET', '/api/v1/workloads/shop/Deployment/web');
  t.match(web.body.baseline, [{ item: 'exe:/usr/bin/curl', added_by: 'approved' }, { item: 'exe:/usr/sbin/nginx', added_by: 'learned' }]);
  const before = ((await f.call('GET', '/api/v1/alerts?limit=500')).body.alerts as unknown[]).length;
  await f.observe([{ exe: '/usr/bin/curl', at: T0 + 80_000n * MS }]);
  t.equal(((await f.call('GET', '/api/v1/alerts?limit=500')).body.alerts as unknown[]).length, before, 'an approved item opens no new alert');
  t.equal(((await f.call('GET', `/api/v1/alerts/${curlId}`)).body.count), 1);
  t.equal((await f.call('POST', '/api/v1/alerts/999/approve')).status, 404);
  const again = await f.call('POST', `/api/v1/alerts/${wgetId}/acknowledge`);
  t.equal(again.status, 409, 'a resolved alert stays resolved');
  t.match(again.body, { error: /is resolved; a new sighting of the item opens a new alert/ });
  t.equal((await fetch(`${f.base}/api/v1/alerts`, { headers: { Authorization: `bearer ${VIEWER}` } })).status, 200, 'the scheme is case-insensitive');
  const audit = await f.call('GET', '/api/v1/audit', { token: VIEWER });
  t.same(
    (audit.body.entries as Array<{ actor: string; action: string }>).map((e) => `${e.actor}:${e.action}`),
    ['oscar:approve_alert', 'oscar:resolve_alert', 'oscar:acknowledge_alert', 'system:lock_baseline'],
  );
});

t.test('workloads: list, get, mode, relearn, extend; agents', async (t) => {
  const f = await apiFixture(t);
  await f.observe([{ exe: '/bin/a' }, { exe: '/bin/b' }]);
  const list = await f.call('GET', '/api/v1/workloads', { token: VIEWER });
  t.match(list.body.workloads, [{ key: 'test/shop/Deployment/web', mode: 'learning', items: 2, open_alerts: 0 }]);
  t.equal((await f.call('GET', '/api/v1/workloads/shop/Deployment/nope')).status, 404);

  const bad = await f.call('PUT', '/api/v1/workloads/shop/Deployment/web/mode', { body: { mode: 'paranoid' } });
  t.equal(bad.status, 400);
  t.match(bad.body, { error: /body\/mode must be equal to one of the allowed values/ });
  t.equal((await f.call('PUT', '/api/v1/workloads/shop/Deployment/web/mode', { body: {} })).status, 400);
  const set = await f.call('PUT', '/api/v1/workloads/shop/Deployment/web/mode', { body: { mode: 'detecting' } });
  t.match(set.body, { mode: 'detecting', locked_by: 'oscar' });
  await f.agent.until((m) => (m.delta?.mode === vigil.v1.Mode.DETECTING ? true : undefined));

  t.equal((await f.call('POST', '/api/v1/workloads/shop/Deployment/web/extend', { body: { by: '10m' } })).status, 409, 'extend needs a learning window');
  const relearn = await f.call('POST', '/api/v1/workloads/shop/Deployment/web/relearn');
  t.match(relearn.body, { mode: 'learning', baseline: [] });
  await f.agent.until((m) => (m.delta?.removed?.length === 2 ? true : undefined));
  t.match((await f.call('POST', '/api/v1/workloads/shop/Deployment/web/extend', { body: { by: 'soon' } })).body, { error: /"soon" is not a duration/ });
  for (const by of ['0s', '100000d']) {
    const res = await f.call('POST', '/api/v1/workloads/shop/Deployment/web/extend', { body: { by } });
    t.same([res.status, res.body], [400, { error: 'by must be more than 0 and at most 30d' }], `extend by ${by}`);
  }
  const before = String((relearn.body.window as { end: string }).end);
  const extended = await f.call('POST', '/api/v1/workloads/shop/Deployment/web/extend', { body: { by: '10m' } });
  t.equal(Date.parse(String((extended.body.window as { end: string }).end)) - Date.parse(before), 600_000);

  const agents = await f.call('GET', '/api/v1/agents', { token: VIEWER });
  t.match(agents.body.agents, [{ agent_id: 'agent-api-test', node: 'node-a', version: '0.1.0', falco_version: '0.43.0', last_seq: 2 }]);
  t.match((await f.call('GET', '/api/v1/nope')).body, { error: 'no such endpoint: GET /api/v1/nope' });
});

t.test('baselines: export as JSON and YAML, import with a dry run, add and remove items by hand', async (t) => {
  const f = await apiFixture(t);
  await f.observe([{ exe: '/bin/a' }, { exe: '/bin/b' }]);
  const json = await f.call('GET', '/api/v1/workloads/shop/Deployment/web/baseline', { token: VIEWER });
  t.match(json.body, { vigil_baseline: 1, workload: { namespace: 'shop', kind: 'Deployment', name: 'web' }, mode: 'learning', items: [{ container: 'app', item: 'exe:/bin/a', added_by: 'learned' }, { item: 'exe:/bin/b' }] });
  const yamlRes = await fetch(`${f.base}/api/v1/workloads/shop/Deployment/web/baseline?format=yaml`, { headers: { Authorization: `Bearer ${VIEWER}` } });
  t.match(yamlRes.headers.get('content-type'), /^application\/yaml/);
  const yamlText = await yamlRes.text();
  t.match(yamlText, /vigil_baseline: 1\n/);
  t.match(yamlText, /item: exe:\/bin\/a/);

  // Import the YAML with one item swapped: a dry run first shows the difference only.
  const edited = yamlText.replace('exe:/bin/b', 'exe:/bin/c');
  const put = (dryRun: boolean, body: string, type = 'application/yaml') =>
    fetch(`${f.base}/api/v1/workloads/shop/Deployment/web/baseline?dry_run=${dryRun}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${OPERATOR}`, 'Content-Type': type },
      body,
    });
  const dry = await put(true, edited);
  t.equal(dry.status, 200);
  t.same(await dry.json(), { dry_run: true, added: [{ container: 'app', item: 'exe:/bin/c' }], removed: [{ container: 'app', item: 'exe:/bin/b' }], unchanged: 1 });
  t.match((await f.call('GET', '/api/v1/workloads/shop/Deployment/web')).body.baseline, [{ item: 'exe:/bin/a' }, { item: 'exe:/bin/b' }], 'a dry run changes nothing');
  const real = await put(false, edited);
  t.same(await real.json(), { dry_run: false, added: [{ container: 'app', item: 'exe:/bin/c' }], removed: [{ container: 'app', item: 'exe:/bin/b' }], unchanged: 1 });
  await f.agent.until((m) => (m.delta?.removed?.some((i) => i.item_key === 'exe:/bin/b') && m.delta.added?.some((i) => i.item_key === 'exe:/bin/c') ? true : undefined));
  t.match((await f.call('GET', '/api/v1/workloads/shop/Deployment/web')).body.baseline, [{ item: 'exe:/bin/a', added_by: 'learned' }, { item: 'exe:/bin/c', added_by: 'manual' }]);

  const badYaml = await put(true, 'items: [unclosed');
  t.equal(badYaml.status, 400);
  t.match(await badYaml.json(), { error: /the body is not valid YAML/ });
  const badItem = await put(true, JSON.stringify({ items: [{ container: 'app', item: 'rm -rf' }] }), 'application/json');
  t.equal(badItem.status, 400);
  t.match(await badItem.json(), { error: /body\/items\/0\/item must match pattern/ });
  t.equal((await put(true, JSON.stringify({ items: [] }), 'application/json')).status, 200, 'an empty baseline is a valid import');

  const nul = await f.call('POST', '/api/v1/workloads/shop/Deployment/web/items', { body: { items: [{ container: 'app\u0000exe:/x', item: 'exe:/y' }] } });
  t.equal(nul.status, 400, 'control characters are refused');
  const twice = await put(true, JSON.stringify({ items: [{ container: 'app', item: 'exe:/bin/a' }, { container: 'app', item: 'exe:/bin/z' }, { container: 'app', item: 'exe:/bin/z' }] }), 'application/json');
  t.match(await twice.json(), { added: [{ item: 'exe:/bin/z' }], unchanged: 1 }, 'duplicates count once');
  const add = await f.call('POST', '/api/v1/workloads/shop/Deployment/web/items', { body: { items: [{ container: 'app', item: 'out:tcp:10.96.0.10:53' }, { container: 'app', item: 'exe:/bin/a' }] } });
  t.same(add.body, { added: [{ container: 'app', item: 'out:tcp:10.96.0.10:53' }], removed: [], unchanged: 1 });
  const del = await f.call('DELETE', '/api/v1/workloads/shop/Deployment/web/items', { body: { items: [{ container: 'app', item: 'exe:/bin/a' }] } });
  t.same(del.body, { added: [], removed: [{ container: 'app', item: 'exe:/bin/a' }], unchanged: 0 });
  t.equal((await f.call('POST', '/api/v1/workloads/shop/Deployment/web/items', { token: VIEWER, body: { items: [{ container: 'app', item: 'exe:/x' }] } })).status, 403);
  const big = await put(true, JSON.stringify({ items: Array.from({ length: 5000 }, (_, i) => ({ container: 'app', item: `exe:/bin/${'x'.repeat(60)}-${i}` })) }), 'application/json');
  t.equal(big.status, 200, 'a 5,000-item import fits');
  const huge = await fetch(`${f.base}/api/v1/workloads/shop/Deployment/web/items`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${OPERATOR}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ items: Array.from({ length: 5000 }, (_, i) => ({ container: 'app', item: `exe:/bin/${'x'.repeat(60)}-${i}` })) }),
  });
  t.equal(huge.status, 413);
  t.match(await huge.json(), { error: /the request body is larger than this endpoint accepts/ });
  const metrics = await (await fetch(`${f.base}/metrics`, { headers: { Authorization: `Bearer ${VIEWER}` } })).text();
  t.match(metrics, /vigil_collector_api_auth_failures_total\{reason="oversize_body"\} 1/);
  const audit = await f.call('GET', '/api/v1/audit');
  t.same((audit.body.entries as Array<{ action: string }>).slice(0, 3).map((e) => e.action), ['remove_items', 'add_items', 'import_baseline']);
});

t.test('never-learn items seen while learning raise review alerts instead of joining the baseline', async (t) => {
  const f = await apiFixture(t);
  await f.observe([{ exe: '/bin/a' }, { exe: '/usr/bin/curl' }, { exe: '/tmp/dropper' }]);
  const web = (await f.call('GET', '/api/v1/workloads/shop/Deployment/web')).body as { mode: string; baseline: Array<{ item: string }> };
  t.equal(web.mode, 'learning');
  t.same(web.baseline.map((i) => i.item), ['exe:/bin/a'], 'only the ordinary item was learned');
  const review = (await f.call('GET', '/api/v1/alerts?category=review')).body.alerts as Array<Record<string, unknown>>;
  t.match(review, [
    { id: 2, item: 'exe:/tmp/dropper', category: 'review', severity: 'critical', severity_rule: 'exec-from-temp-dir', reason: undefined, severity_reason: 'runs from a temporary directory; seen while learning, it joins the baseline only when approved' },
    { id: 1, item: 'exe:/usr/bin/curl', category: 'review', severity: 'high', severity_rule: 'download-or-network-tool' },
  ]);
  t.same((await f.call('GET', '/api/v1/alerts?category=deviation')).body.alerts, [], 'nothing deviated: the workload is learning');
  t.equal((await f.call('GET', '/api/v1/alerts?category=other')).status, 400);

  t.equal((await f.call('POST', '/api/v1/alerts/1/approve')).status, 200);
  const after = (await f.call('GET', '/api/v1/workloads/shop/Deployment/web')).body as { baseline: Array<{ item: string; added_by: string }> };
  t.same(after.baseline.map((i) => `${i.item} ${i.added_by}`), ['exe:/bin/a learned', 'exe:/usr/bin/curl approved'], 'reviewed and approved: now in the baseline');

  // After the lock, a deviation of a rated class is a deviation alert with its rule.
  f.clock.now = Number(T0 / MS) + 61_000;
  f.collector.service?.lockDue();
  await f.observe([{ exe: '/usr/bin/wget', at: T0 + 62_000n * MS }]);
  t.match((await f.call('GET', '/api/v1/alerts/3')).body, { category: 'deviation', severity: 'high', severity_rule: 'download-or-network-tool', severity_reason: 'a download or network tool' });

  // The dropper's review alert is still open: seen again after the lock, it becomes a deviation.
  const repeat = (item: string, count: number, atS: number) => ({
    seq: ++f.seq,
    repeat: { workload: { cluster: 'test', namespace: 'shop', kind: 'Deployment', name: 'web' }, container: 'app', item_key: item, count, first_seen: { seconds: Number(T0 / 1_000_000_000n) + atS }, last_seen: { seconds: Number(T0 / 1_000_000_000n) + atS } },
  });
  f.agent.send({ reports: { reports: [repeat('exe:/tmp/dropper', 2, 63)] } });
  await f.agent.ack(f.seq);
  t.match((await f.call('GET', '/api/v1/alerts/2')).body, { category: 'deviation', count: 3, severity_reason: 'runs from a temporary directory' }, 'no longer "seen while learning"');

  // Resolved without approval, the agent only sends repeat counts of it: they open a new alert.
  t.equal((await f.call('POST', '/api/v1/alerts/2/resolve')).status, 200);
  f.agent.send({ reports: { reports: [repeat('exe:/tmp/dropper', 4, 64)] } });
  await f.agent.ack(f.seq);
  t.match((await f.call('GET', '/api/v1/alerts/4')).body, {
    item: 'exe:/tmp/dropper', category: 'deviation', status: 'open', count: 4, severity: 'critical', severity_rule: 'exec-from-temp-dir', severity_reason: 'runs from a temporary directory', evidence: { exe: '/tmp/dropper' },
  }, 'resolving an attacker’s tool does not silence it');
  // An approved item is in the baseline: its repeats open nothing.
  f.agent.send({ reports: { reports: [repeat('exe:/usr/bin/curl', 1, 65)] } });
  await f.agent.ack(f.seq);
  t.equal(((await f.call('GET', '/api/v1/alerts')).body.alerts as unknown[]).length, 4);
});

t.test('a NetworkPolicy from the learned network baseline, valid for the Kubernetes API', async (t) => {
  const f = await apiFixture(t);
  await f.observe([{ exe: '/bin/a' }, { exe: '/bin/b', namespace: '' }]);
  const items = ['out:udp:10.96.0.10:53', 'out:tcp:10.244.2.9:5432', 'out:tcp:52.218.61.0/24:443', 'out:tcp:s3.eu-west-1.amazonaws.com:443', 'in:tcp:8080'];
  t.equal((await f.call('POST', '/api/v1/workloads/shop/Deployment/web/items', { body: { items: items.map((item) => ({ container: 'app', item })) } })).status, 200);

  const res = await f.call('GET', '/api/v1/workloads/shop/Deployment/web/network-policy?selector=app=web,tier=front');
  t.equal(res.status, 200);
  const policy = res.body.policy as JsonObject & { spec: { podSelector: unknown; policyTypes: string[]; egress: Array<{ to?: Array<{ ipBlock?: { cidr: string } }> }>; ingress: Array<{ ports: unknown[] }> } };
  t.equal(await validateWithModel(policy), null, 'kubernetes-models accepts it');
  t.match(policy, { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'vigil-web', namespace: 'shop' } });
  t.same(policy.spec.podSelector, { matchLabels: { app: 'web', tier: 'front' } }, 'the selector given');
  t.same(policy.spec.policyTypes, ['Ingress', 'Egress']);
  const cidrs = policy.spec.egress.flatMap((r) => r.to ?? []).flatMap((p) => (p.ipBlock ? [p.ipBlock.cidr] : []));
  t.same(cidrs.sort(), ['10.244.2.9/32', '10.96.0.10/32', '52.218.61.0/24'], 'learned peers as IP blocks');
  t.same(policy.spec.ingress, [{ ports: [{ protocol: 'TCP', port: 8080 }] }], 'the learned listening port');
  t.match(res.body.warnings, [/s3\.eu-west-1\.amazonaws\.com/], 'a DNS-name peer cannot be expressed: said, not dropped');

  const yaml = await fetch(`${f.base}/api/v1/workloads/shop/Deployment/web/network-policy?format=yaml`, { headers: { Authorization: `Bearer ${VIEWER}` } });
  t.equal(yaml.headers.get('content-type'), 'application/yaml');
  t.match(await yaml.text(), /kind: NetworkPolicy[\s\S]*PLACEHOLDER/, 'a viewer gets the YAML; without a selector the placeholder is flagged');
  for (const [selector, message] of [
    ['no%20spaces', /"no spaces" is not key=value/],
    ['app=web-', /the value of app \("web-"\) is not a Kubernetes label value/],
    ['-a=b', /"-a" is not a Kubernetes label key/],
    ['a//b=c', /"a\/\/b" is not a Kubernetes label key/],
    [`app=${'x'.repeat(64)}`, /is not a Kubernetes label value/],
    ['app=a,app=b', /app is given twice/],
  ] as const) {
    t.match(await f.call('GET', `/api/v1/workloads/shop/Deployment/web/network-policy?selector=${selector}`), { status: 400, body: { error: message } }, selector);
  }
  t.match((await f.call('GET', '/api/v1/workloads/shop/Deployment/web/network-policy?selector=app.kubernetes.io/name=web')).body, { policy: { spec: { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'web' } } } } }, 'a prefixed key');
  t.match(await f.call('GET', '/api/v1/workloads/_/Deployment/web/network-policy'), { status: 409, body: { error: /a NetworkPolicy applies to Kubernetes pods/ } });
});

t.test('image-aware baselines: a rollout’s new digest learns its new items for the review window only', async (t) => {
  const f = await apiFixture(t, { imageReviewMs: 10 * 60_000 });
  const at = (s: number): bigint => T0 + BigInt(s) * 1_000n * MS;
  await f.observe([{ exe: '/app/server', imageDigest: 'sha256:v1', at: at(1) }]);
  f.clock.now = Number(T0 / MS) + 61_000;
  f.collector.service?.lockDue();
  // The rollout: v2 brings a migration step. Inside its window it is learned; a shell is still never learned silently.
  f.clock.now = Number(T0 / MS) + 120_000;
  await f.observe([
    { exe: '/app/server', imageDigest: 'sha256:v2', at: at(120) },
    { exe: '/app/bin/migrate', imageDigest: 'sha256:v2', at: at(121) },
    { exe: '/usr/bin/curl', imageDigest: 'sha256:v2', at: at(122) },
  ]);
  // Still v1 pods running: v1 opened no window, so their novel items are deviations.
  await f.observe([{ exe: '/app/bin/debug', imageDigest: 'sha256:v1', at: at(123) }]);
  // After the window: v2's novel items are deviations again.
  await f.observe([{ exe: '/app/bin/late', imageDigest: 'sha256:v2', at: at(120 + 601) }]);

  const w = (await f.call('GET', '/api/v1/workloads/shop/Deployment/web')).body as { baseline: Array<{ item: string; image_digest: string }>; images: unknown[] };
  t.same(w.baseline.map((i) => `${i.item} ${i.image_digest}`), ['exe:/app/bin/migrate sha256:v2', 'exe:/app/server sha256:v1']);
  t.same(w.images, [
    { container: 'app', image_digest: 'sha256:v1', first_seen: '2026-11-20T09:00:01.000000000Z', review_until: null },
    { container: 'app', image_digest: 'sha256:v2', first_seen: '2026-11-20T09:02:00.000000000Z', review_until: '2026-11-20T09:12:00.000000000Z' },
  ], 'the new digest is in the workload’s history with its review window');
  const alerts = ((await f.call('GET', '/api/v1/alerts')).body.alerts as Array<{ item: string; category: string }>).map((a) => `${a.item} ${a.category}`);
  t.same(alerts, ['exe:/app/bin/late deviation', 'exe:/app/bin/debug deviation', 'exe:/usr/bin/curl review']);
  const audit = (await f.call('GET', '/api/v1/audit')).body.entries as Array<{ action: string; actor: string; detail: unknown }>;
  t.match(audit.find((e) => e.action === 'new_image'), { actor: 'system', detail: { container: 'app', image_digest: 'sha256:v2', review_until: '2026-11-20T09:12:00.000000000Z' } });
});

t.test('image-aware baselines are off by default: a new digest is recorded, its items are deviations', async (t) => {
  const f = await apiFixture(t);
  await lockedWithAlerts(f, ['/app/server'], []);
  await f.observe([{ exe: '/app/bin/migrate', imageDigest: 'sha256:v2', at: T0 + 70_000n * MS }]);
  const w = (await f.call('GET', '/api/v1/workloads/shop/Deployment/web')).body as { images: Array<{ image_digest: string; review_until: string | null }> };
  t.same(w.images.map((i) => `${i.image_digest} ${String(i.review_until)}`), ['sha256:abc null', 'sha256:v2 null']);
  t.match((await f.call('GET', '/api/v1/alerts')).body.alerts, [{ item: 'exe:/app/bin/migrate', category: 'deviation' }]);
});

t.test('convergence: learning goes on while the baseline grows or has one source; completeness is shown', async (t) => {
  const f = await apiFixture(t, { windowMs: 60_000, convergence: { quietMs: 30_000, minSources: 2, maxMs: 240_000 } });
  const sec = (s: number): bigint => T0 + BigInt(s) * 1_000n * MS;
  const tick = (s: number): void => {
    f.clock.now = Number(T0 / MS) + s * 1_000;
    f.collector.service?.lockDue();
  };
  const web = async (): Promise<{ mode: string; window: { end: string }; locked_at: string | null; completeness: unknown }> =>
    (await f.call('GET', '/api/v1/workloads/shop/Deployment/web')).body as { mode: string; window: { end: string }; locked_at: string | null; completeness: unknown };
  await f.observe([{ exe: '/bin/a', at: sec(1) }]);
  tick(65);
  t.match(await web(), { mode: 'learning', window: { end: '2026-11-20T09:01:01.000000000Z' } }, 'no verdict within 10 s of the window end: reports may still be on their way');
  tick(72);
  t.match(await web(), { mode: 'learning', window: { end: '2026-11-20T09:01:42.000000000Z' } }, 'one pod on one node: another quiet period');
  t.same((await web()).completeness, { items: 1, last_new_item: '2026-11-20T09:00:01.000000000Z', nodes: 1, pods: 1 });

  await f.observe([{ exe: '/bin/b', node: 'node-b', at: sec(80) }]);
  // A new item before the moved window end: learned, and the baseline is still growing.
  await f.observe([{ exe: '/bin/c', node: 'node-b', at: sec(101) }]);
  tick(112);
  t.match(await web(), { mode: 'learning', window: { end: '2026-11-20T09:02:11.000000000Z' } }, 'the item at 101 s keeps it learning until 30 s after it');
  tick(141);
  const locked = await web();
  t.match(locked, { mode: 'detecting', locked_at: '2026-11-20T09:02:11.000000000Z' }, 'quiet, two nodes: locked at the end of the quiet period');
  t.same(locked.completeness, { items: 3, last_new_item: '2026-11-20T09:01:41.000000000Z', nodes: 2, pods: 1 });
  const audit = (await f.call('GET', '/api/v1/audit')).body.entries as Array<{ action: string }>;
  t.same(audit.map((e) => e.action).filter((a) => a === 'converge_extend' || a === 'lock_baseline'), ['lock_baseline', 'converge_extend', 'converge_extend']);
  const ws = new WebSocket(`${f.wsBase}/api/v1/stream?since=0`, { headers: { Authorization: `Bearer ${VIEWER}` } });
  const messages: Array<{ type: string; window_end?: string }> = [];
  ws.on('message', (d: Buffer) => messages.push(JSON.parse(d.toString()) as { type: string }));
  await until(() => messages.some((m) => m.type === 'heartbeat'), 'the replay');
  ws.close();
  t.same(messages.filter((m) => m.type === 'workload.window').map((m) => m.window_end), ['2026-11-20T09:01:42.000000000Z', '2026-11-20T09:02:11.000000000Z'], 'each move of the window is streamed');

  // Another workload that never settles locks at the maximum.
  await f.observe([{ exe: '/bin/x', name: 'busy', at: sec(120) }]);
  for (let s = 150; s <= 360; s += 20) {
    await f.observe([{ exe: `/bin/x${s}`, name: 'busy', at: sec(s) }]);
    tick(s);
  }
  tick(370);
  const busy = (await f.call('GET', '/api/v1/workloads/shop/Deployment/busy')).body as { mode: string; locked_at: string };
  t.match(busy, { mode: 'detecting', locked_at: '2026-11-20T09:06:00.000000000Z' }, 'locked at start + 240 s although items kept coming');
});

t.test('an upgrade keeps baselines learned with exact public addresses: each gains its network form', async (t) => {
  const f = await apiFixture(t);
  await f.observe([{ exe: '/bin/a' }]);
  const items = ['out:tcp:52.218.61.227:443', 'out:tcp:10.96.0.10:53', 'out:tcp:2a05:d018:1:2:3:4:5:6:443', 'out:tcp:s3.amazonaws.com:443', 'out:tcp:52.218.0.0/16:443'];
  t.equal((await f.call('POST', '/api/v1/workloads/shop/Deployment/web/items', { body: { items: items.map((item) => ({ container: 'app', item })) } })).status, 200);
  await f.restart();
  const baseline = ((await f.call('GET', '/api/v1/workloads/shop/Deployment/web')).body.baseline as Array<{ item: string; added_by: string }>).map((i) => `${i.item} ${i.added_by}`);
  t.same(baseline, [
    'exe:/bin/a learned',
    'out:tcp:10.96.0.10:53 manual',
    'out:tcp:2a05:d018:1:2:3:4:5:6:443 manual',
    'out:tcp:2a05:d018:1:2::/64:443 manual',
    'out:tcp:52.218.0.0/16:443 manual',
    'out:tcp:52.218.61.0/24:443 manual',
    'out:tcp:52.218.61.227:443 manual',
    'out:tcp:s3.amazonaws.com:443 manual',
  ]);
  await f.restart();
  t.equal(((await f.call('GET', '/api/v1/workloads/shop/Deployment/web')).body.baseline as unknown[]).length, 8, 'idempotent');
});

t.test('convergence never locks a workload before the end of its own (longer) window', async (t) => {
  const f = await apiFixture(t, { windowMs: 60_000, windowOverrides: new Map([['shop/Deployment/web', 300_000]]), convergence: { quietMs: 30_000, minSources: 1, maxMs: 120_000 } });
  await f.observe([{ exe: '/bin/a', at: T0 + 1_000n * MS }, { exe: '/bin/b', at: T0 + 250_000n * MS }]);
  f.clock.now = Number(T0 / MS) + 200_000;
  f.collector.service?.lockDue();
  t.match((await f.call('GET', '/api/v1/workloads/shop/Deployment/web')).body, { mode: 'learning' }, 'past the global maximum, inside its own window');
  f.clock.now = Number(T0 / MS) + 312_000;
  f.collector.service?.lockDue();
  t.match((await f.call('GET', '/api/v1/workloads/shop/Deployment/web')).body, { mode: 'detecting', locked_at: '2026-11-20T09:05:01.000000000Z' }, 'locked at its own window end (start + 300 s), not at start + 120 s');
});

t.test('lineage identity: set per workload (a relearn); a shell from a new parent is a deviation', async (t) => {
  const f = await apiFixture(t);
  await f.observe([{ exe: '/bin/sh', parentExe: '/usr/local/bin/docker-entrypoint.sh' }]);
  const set = await f.call('PUT', '/api/v1/workloads/shop/Deployment/web/identity', { body: { identity: 'lineage' } });
  t.match(set, { status: 200, body: { identity: 'lineage', mode: 'learning', baseline: [] } }, 'the old keys are gone: learning again');
  t.equal((await f.call('PUT', '/api/v1/workloads/shop/Deployment/web/identity', { body: { identity: 'parent' } })).status, 400);
  t.equal((await f.call('PUT', '/api/v1/workloads/shop/Deployment/web/identity', { token: VIEWER, body: { identity: 'exe' } })).status, 403);
  await f.observe([{ exe: '/bin/sh', parentExe: '/usr/local/bin/docker-entrypoint.sh', at: T0 + 2_000n * MS }]);
  t.same(((await f.call('GET', '/api/v1/workloads/shop/Deployment/web')).body.baseline as Array<{ item: string }>).map((i) => i.item), ['exe:/bin/sh<-/usr/local/bin/docker-entrypoint.sh']);
  f.clock.now = Number(T0 / MS) + 200_000;
  f.collector.service?.lockDue();
  await f.observe([
    { exe: '/bin/sh', parentExe: '/usr/local/bin/docker-entrypoint.sh', at: T0 + 201_000n * MS },
    { exe: '/bin/sh', parentExe: '/usr/sbin/nginx', at: T0 + 202_000n * MS },
  ]);
  t.match((await f.call('GET', '/api/v1/alerts')).body.alerts, [{ item: 'exe:/bin/sh<-/usr/sbin/nginx', severity: 'critical', severity_rule: 'server-spawns-shell' }], 'only the shell nginx started');
  const audit = (await f.call('GET', '/api/v1/audit')).body.entries as Array<{ action: string; detail: unknown }>;
  t.match(audit.find((e) => e.action === 'set_identity'), { detail: { from: 'exe', to: 'lineage' } });
  t.equal((await f.call('PUT', '/api/v1/workloads/shop/Deployment/web/identity', { body: { identity: 'lineage' } })).body.mode, 'detecting', 'the same identity again changes nothing');
});

t.test('repeat counts in the other identity’s key form find the alert they belong to', async (t) => {
  const f = await apiFixture(t);
  await lockedWithAlerts(f, ['/bin/a'], ['/usr/bin/curl']);
  const repeat = (item: string) => ({
    seq: ++f.seq,
    repeat: { workload: { cluster: 'test', namespace: 'shop', kind: 'Deployment', name: 'web' }, container: 'app', item_key: item, count: 3, first_seen: { seconds: Number(T0 / 1_000_000_000n) + 70 }, last_seen: { seconds: Number(T0 / 1_000_000_000n) + 70 } },
  });
  // An agent that had not heard the workload's (exe) identity yet counted under the lineage key.
  f.agent.send({ reports: { reports: [repeat('exe:/usr/bin/curl<-/bin/sh')] } });
  await f.agent.ack(f.seq);
  t.match((await f.call('GET', '/api/v1/alerts/1')).body, { item: 'exe:/usr/bin/curl', count: 4 });
  // The finest form an agent uses before it hears (program and parent) is read as exe too.
  f.agent.send({ reports: { reports: [repeat('exe:/usr/bin/curl [x]<-/bin/sh')] } });
  await f.agent.ack(f.seq);
  t.match((await f.call('GET', '/api/v1/alerts/1')).body, { item: 'exe:/usr/bin/curl', count: 7 });
  // Under lineage, a plain key cannot say which alert it belongs to: counted as unmatched.
  t.equal((await f.call('PUT', '/api/v1/workloads/shop/Deployment/web/identity', { body: { identity: 'lineage' } })).status, 200);
  f.agent.send({ reports: { reports: [repeat('exe:/usr/bin/curl')] } });
  await f.agent.ack(f.seq);
  const metrics = await (await fetch(`${f.base}/metrics`, { headers: { Authorization: `Bearer ${VIEWER}` } })).text();
  t.match(metrics, /vigil_collector_reports_total\{outcome="repeat_unmatched"\} 1/);
});

t.test('start-up grace: an entrypoint started by another runtime is quiet; a new parent inside the container, a late or once-alerted start-up binary is not', async (t) => {
  const f = await apiFixture(t, { windowMs: 600_000, startupGraceMs: 30_000 });
  const sec = (s: number): bigint => T0 + BigInt(s) * 1_000n * MS;
  await f.observe([{ exe: '/app/server', parentExe: '/app/entrypoint', at: sec(0) }]);
  t.equal((await f.call('PUT', '/api/v1/workloads/shop/Deployment/web/identity', { body: { identity: 'lineage' } })).status, 200);
  // While learning: a container started at 10 s; the runtime runs its entrypoint, which runs the
  // server and a shell; much later the server runs a report tool.
  const first = sec(10);
  await f.observe([
    { exe: '/app/entrypoint', parentExe: '/usr/bin/containerd-shim-runc-v2', at: sec(11), containerStart: first },
    { exe: '/bin/sh', parentExe: '/app/entrypoint', at: sec(12), containerStart: first },
    { exe: '/app/server', parentExe: '/app/entrypoint', at: sec(13), containerStart: first },
    { exe: '/app/bin/report', parentExe: '/app/server', at: sec(300), containerStart: first },
  ]);
  const items = async (): Promise<string[]> =>
    ((await f.call('GET', '/api/v1/workloads/shop/Deployment/web')).body.baseline as Array<{ item: string; startup: boolean }>).map((i) => `${i.item}${i.startup ? ' (start-up)' : ''}`);
  t.same(await items(), ['exe:/app/bin/report<-/app/server', 'exe:/app/entrypoint<-/usr/bin/containerd-shim-runc-v2 (start-up)', 'exe:/app/server<-/app/entrypoint (start-up)', 'exe:/bin/sh<-/app/entrypoint (start-up)']);
  f.clock.now = Number(T0 / MS) + 700_000;
  f.collector.service?.lockDue();

  // A restart at 1,000 s on a node whose runtime is installed elsewhere: the entrypoint is learned.
  // A new parent inside the container (a wrapper, nginx), and the entrypoint after the grace or
  // without a known container start, are deviations.
  const second = sec(1_000);
  await f.observe([
    { exe: '/app/entrypoint', parentExe: '/usr/local/bin/containerd-shim', at: sec(1_001), containerStart: second },
    { exe: '/app/server', parentExe: '/app/bin/wrapper', at: sec(1_002), containerStart: second },
    { exe: '/bin/sh', parentExe: '/usr/sbin/nginx', at: sec(1_003), containerStart: second },
    { exe: '/app/entrypoint', parentExe: '/usr/bin/runc', at: sec(1_031), containerStart: second },
    { exe: '/app/entrypoint', parentExe: '/usr/sbin/runc', at: sec(1_004) },
  ]);
  t.same(await items(), [
    'exe:/app/bin/report<-/app/server',
    'exe:/app/entrypoint<-/usr/bin/containerd-shim-runc-v2 (start-up)',
    'exe:/app/entrypoint<-/usr/local/bin/containerd-shim',
    'exe:/app/server<-/app/entrypoint (start-up)',
    'exe:/bin/sh<-/app/entrypoint (start-up)',
  ], 'learned, but not part of the start-up set: what the grace lets in does not widen it');
  const alerts = async (): Promise<Array<{ id: number; item: string; status: string }>> => (await f.call('GET', '/api/v1/alerts')).body.alerts as Array<{ id: number; item: string; status: string }>;
  t.same((await alerts()).map((a) => a.item).sort(), ['exe:/app/entrypoint<-/usr/bin/runc', 'exe:/app/entrypoint<-/usr/sbin/runc', 'exe:/app/server<-/app/bin/wrapper', 'exe:/bin/sh<-/usr/sbin/nginx']);
  const audit = (await f.call('GET', '/api/v1/audit')).body.entries as Array<{ action: string; actor: string; detail: { item: string; container_start: string } }>;
  t.same(audit.filter((e) => e.action === 'startup_learn').map((e) => e.detail.item), ['exe:/app/entrypoint<-/usr/local/bin/containerd-shim']);
  t.match(audit.find((e) => e.action === 'startup_learn'), { actor: 'system', detail: { container: 'app', container_start: '2026-11-20T09:16:40.000000000Z' } });
  const metrics = await (await fetch(`${f.base}/metrics`, { headers: { Authorization: `Bearer ${VIEWER}` } })).text();
  t.match(metrics, /vigil_collector_reports_total\{outcome="startup_learned"\} 1/);

  // Resolving an alert does not let its item in through the next restart.
  const runc = (await alerts()).find((a) => a.item === 'exe:/app/entrypoint<-/usr/bin/runc');
  t.equal((await f.call('POST', `/api/v1/alerts/${runc?.id ?? 0}/resolve`)).status, 200);
  await f.observe([{ exe: '/app/entrypoint', parentExe: '/usr/bin/runc', at: sec(1_501), containerStart: sec(1_500) }]);
  t.equal((await alerts()).filter((a) => a.item === 'exe:/app/entrypoint<-/usr/bin/runc' && a.status === 'open').length, 1, 'a new alert, not a quiet learn');

  // The start-up set survives a collector restart, and a relearn clears it.
  await f.restart();
  await f.observe([{ exe: '/app/entrypoint', parentExe: '/usr/bin/crun', at: sec(2_001), containerStart: sec(2_000) }]);
  t.ok((await items()).includes('exe:/app/entrypoint<-/usr/bin/crun'), 'learned after a collector restart');
  t.equal((await f.call('POST', '/api/v1/workloads/shop/Deployment/web/relearn')).status, 200);
  f.clock.now = Number(T0 / MS) + 4_000_000;
  f.collector.service?.lockDue();
  await f.observe([{ exe: '/app/entrypoint', parentExe: '/usr/bin/youki', at: sec(4_001), containerStart: sec(4_000) }]);
  t.same(await items(), [], 'nothing learned after the relearned window: the old start-up set is gone');
});

t.test('args identity: an interpreter is known by the program it runs, normalized', async (t) => {
  const f = await apiFixture(t);
  await f.observe([{ exe: '/usr/bin/python3.11', cmdline: 'python3 app.py --port 8080', parentExe: '/bin/sh' }]);
  t.match(await f.call('PUT', '/api/v1/workloads/shop/Deployment/web/identity', { body: { identity: 'args' } }), { status: 200, body: { identity: 'args', mode: 'learning', baseline: [] } });
  await f.observe([
    { exe: '/usr/bin/python3.11', cmdline: 'python3 app.py --port 8080', parentExe: '/bin/sh', at: T0 + 2_000n * MS },
    { exe: '/usr/bin/python3.11', cmdline: 'python3 /tmp/tmp.Zq81xK2pLm/report.py --day 2026-11-20', parentExe: '/bin/sh', at: T0 + 3_000n * MS },
    { exe: '/app/bin/server', cmdline: 'server --workers 4', parentExe: '/bin/sh', at: T0 + 4_000n * MS },
  ]);
  t.same(((await f.call('GET', '/api/v1/workloads/shop/Deployment/web')).body.baseline as Array<{ item: string }>).map((i) => i.item), [
    'exe:/app/bin/server',
    'exe:/usr/bin/python3.11 [/tmp/*/report.py]',
    'exe:/usr/bin/python3.11 [app.py]',
  ]);
  f.clock.now = Number(T0 / MS) + 200_000;
  f.collector.service?.lockDue();
  await f.observe([
    // The same programs with other numbers, another temporary directory, other server flags: known.
    { exe: '/usr/bin/python3.11', cmdline: 'python3 app.py --port 9090', parentExe: '/bin/sh', at: T0 + 201_000n * MS },
    { exe: '/usr/bin/python3.11', cmdline: 'python3 /tmp/tmp.Ab12Cd34Ef/report.py --day 2026-11-21', parentExe: '/bin/sh', at: T0 + 202_000n * MS },
    { exe: '/app/bin/server', cmdline: 'server --workers 8 --debug', parentExe: '/bin/sh', at: T0 + 203_000n * MS },
    // A new program for the same interpreter: a deviation.
    { exe: '/usr/bin/python3.11', cmdline: 'python3 -c import pty;pty.spawn("/bin/sh")', parentExe: '/app/bin/server', at: T0 + 204_000n * MS },
  ]);
  t.match((await f.call('GET', '/api/v1/alerts')).body.alerts, [{ item: 'exe:/usr/bin/python3.11 [-c import pty;pty.spawn("/bin/sh")]' }], 'only the inline code');
  t.equal(((await f.call('GET', '/api/v1/alerts')).body.alerts as unknown[]).length, 1);
});

t.test('an identity change is one transaction and one delta: a storage failure in the middle leaves everything as it was', async (t) => {
  const f = await apiFixture(t);
  await lockedWithAlerts(f, ['/bin/a'], []);
  const db = f.collector.database;
  if (!db) throw new Error('no database');
  db.exec("CREATE TRIGGER fail_clear BEFORE DELETE ON baseline_items BEGIN SELECT RAISE(ABORT, 'disk trouble'); END");
  t.equal((await f.call('PUT', '/api/v1/workloads/shop/Deployment/web/identity', { body: { identity: 'lineage' } })).status, 500);
  t.match((await f.call('GET', '/api/v1/workloads/shop/Deployment/web')).body, { identity: 'exe', mode: 'detecting', baseline: [{ item: 'exe:/bin/a' }] }, 'identity, mode and baseline unchanged');
  const actions = async (): Promise<string[]> => ((await f.call('GET', '/api/v1/audit')).body.entries as Array<{ action: string }>).map((e) => e.action);
  t.notOk((await actions()).includes('set_identity'), 'nothing audited');
  await f.observe([{ exe: '/bin/a', at: T0 + 90_000n * MS }]);
  t.same((await f.call('GET', '/api/v1/alerts')).body.alerts, [], 'the collector still keys by executable: /bin/a is known');

  db.exec('DROP TRIGGER fail_clear');
  const deltasBefore = f.agent.received.filter((m) => m.delta).length;
  t.match((await f.call('PUT', '/api/v1/workloads/shop/Deployment/web/identity', { body: { identity: 'lineage' } })).body, { identity: 'lineage', mode: 'learning', baseline: [] });
  t.same((await actions()).slice(0, 3), ['set_mode', 'relearn', 'set_identity'], 'newest first: all three, from one transaction');
  const start = Date.now();
  while (f.agent.received.filter((m) => m.delta).length === deltasBefore && Date.now() - start < 5_000) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, 100));
  const deltas = f.agent.received.filter((m) => m.delta).slice(deltasBefore).map((m) => m.delta);
  t.equal(deltas.length, 1, 'one delta to the agent');
  t.match(deltas[0], { mode: 1, identity: 1, removed: [{ container: 'app', item_key: 'exe:/bin/a' }] }, 'with the mode, the identity and the removed item');
});
