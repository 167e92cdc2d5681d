// The web console in a real headless Chromium against a real collector on loopback: sign-in,
// alerts arriving live and updating in place, filters, pause, alert actions, the mode toggle,
// viewer restrictions, workloads and agents pages, and the reconnect banner across a collector
// restart. Screenshots of the main screens go to test-output/screenshots/.
import t from 'tap';
import type { Page } from 'playwright-core';
import { apiFixture, lockedWithAlerts, OPERATOR, T0, MS, VIEWER, type ApiFixture } from '../support/api-fixture.js';
import { launchBrowser, openPage, screenshot } from '../support/browser.js';
import { until } from '../support/processes.js';

const browser = await launchBrowser(t);

async function signIn(page: Page, f: ApiFixture, token: string): Promise<void> {
  await page.goto(`${f.base}/#token=${encodeURIComponent(token)}`);
  await page.waitForSelector('[data-test=connection][data-state=live]', { timeout: 15_000 });
}

const rows = (page: Page): Promise<string[]> => page.$$eval('tr.alert-row', (els) => els.map((e) => (e as HTMLElement).dataset.alertId ?? ''));

t.test('the page is served by the collector with a strict CSP, and a bad token gets the sign-in form back', async (t) => {
  const f = await apiFixture(t);
  const page = await openPage(t, browser);
  const res = await page.goto(`${f.base}/`);
  t.equal(res?.status(), 200);
  t.match(res?.headers()['content-security-policy'] ?? '', /script-src 'self'/, 'scripts only from the collector');
  await page.waitForSelector('form.login');
  t.equal(page.url().includes('token'), false);
  await page.fill('input[name=token]', 'not-a-token-of-this-collector');
  await page.click('form.login button[type=submit]');
  await page.waitForSelector('form.login .error');
  t.match(await page.textContent('form.login .error'), /does not know this token/);
  await screenshot(page, 'login');

  await page.fill('input[name=token]', VIEWER);
  await page.click('form.login button[type=submit]');
  await page.waitForSelector('[data-test=connection][data-state=live]');
  t.equal(await page.textContent('.who'), 'vera · viewer', 'who is signed in, with the role');
  t.equal(await page.$('[data-test=demo-banner]'), null, 'a real collector is not marked as a demo');
});

t.test('alerts appear live, newest first, and counts update in place', async (t) => {
  const f = await apiFixture(t);
  await lockedWithAlerts(f, ['/bin/a'], ['/usr/bin/curl']);
  const page = await openPage(t, browser);
  await signIn(page, f, OPERATOR);
  await page.waitForSelector('tr.alert-row[data-alert-id="1"]');
  t.same(await rows(page), ['1'], 'the alert raised before the page opened is listed');

  const first = await page.$('tr.alert-row[data-alert-id="1"]');
  await f.observe([{ exe: '/tmp/xmrig', at: T0 + 70_000n * MS }, { exe: '/bin/sh', at: T0 + 71_000n * MS }]);
  await page.waitForSelector('tr.alert-row[data-alert-id="3"]');
  t.same(await rows(page), ['3', '2', '1'], 'new alerts arrive over the stream, newest first');
  t.equal(await page.textContent('tr.alert-row[data-alert-id="2"] .sev'), 'critical', 'a binary in /tmp is critical');
  t.match(await page.getAttribute('tr.alert-row[data-alert-id="2"]', 'class'), /sev-row-critical/, 'coloured by severity');
  t.match(await page.textContent('[data-tab=alerts]'), /Alerts\s*3/, 'the tab counts unresolved alerts');

  await f.observe([{ exe: '/usr/bin/curl', at: T0 + 72_000n * MS }]);
  await page.waitForSelector('tr.alert-row[data-alert-id="1"][data-count="2"]');
  t.equal(await first?.evaluate((el) => el.isConnected), true, 'the same row was updated, not replaced');
  t.equal(await page.textContent('tr.alert-row[data-alert-id="1"] .count'), '2');
  await screenshot(page, 'alerts');

  t.test('filters narrow the list; grouping shows one section per workload', async (t) => {
    await page.selectOption('select[name=severity]', 'critical');
    await page.waitForFunction(() => document.querySelectorAll('tr.alert-row').length === 1);
    t.same(await rows(page), ['2'], 'critical or worse');
    await page.selectOption('select[name=severity]', '');
    await f.observe([{ exe: '/bin/true', name: 'api', namespace: 'billing', at: T0 + 72_500n * MS }]);
    // The operator's lock takes effect from the collector's now, after the workload's first event.
    f.clock.now = Number(T0 / MS) + 72_800;
    t.equal((await f.call('PUT', '/api/v1/workloads/billing/Deployment/api/mode', { body: { mode: 'detecting' } })).status, 200);
    await f.observe([{ exe: '/bin/bash', name: 'api', namespace: 'billing', at: T0 + 73_000n * MS }]);
    await page.waitForSelector('tr.alert-row[data-alert-id="4"]');
    await page.selectOption('select[name=namespace]', 'billing');
    await page.waitForFunction(() => document.querySelectorAll('tr.alert-row').length === 1);
    t.same(await rows(page), ['4'], 'by namespace');
    await page.selectOption('select[name=namespace]', '');
    await page.check('input[name=group]');
    await page.waitForSelector('section.group');
    const groups = await page.$$eval('section.group', (els) => els.map((e) => [(e as HTMLElement).dataset.workload, e.querySelectorAll('tr.alert-row').length]));
    t.same(groups, [['test/billing/Deployment/api', 1], ['test/shop/Deployment/web', 3]], 'grouped by workload, newest group first');
    t.match(await page.textContent('section.group[data-workload="test/shop/Deployment/web"] h3'), /3 alerts, 4 sightings/);
    await screenshot(page, 'alerts-grouped');
    await page.uncheck('input[name=group]');
  });

  t.test('pause holds new alerts until resumed', async (t) => {
    await page.click('[data-test=pause]');
    await f.observe([{ exe: '/usr/bin/wget', at: T0 + 74_000n * MS }]);
    await page.waitForFunction(() => /Resume \(1 new\)/.test(document.querySelector('[data-test=pause]')?.textContent ?? ''));
    t.equal(await page.$('tr.alert-row[data-alert-id="5"]'), null, 'not shown while paused');
    await page.click('[data-test=pause]');
    await page.waitForSelector('tr.alert-row[data-alert-id="5"]');
    t.equal(await page.textContent('[data-test=pause]'), 'Pause');
  });
});

t.test('alert detail shows the evidence; acknowledge, then approve removes it from the open list', async (t) => {
  const f = await apiFixture(t);
  await lockedWithAlerts(f, ['/bin/a'], ['/usr/bin/curl', '/usr/bin/nc']);
  const page = await openPage(t, browser);
  await signIn(page, f, OPERATOR);
  await page.click('tr.alert-row[data-alert-id="1"]');
  await page.waitForSelector('table.evidence');
  const evidence = await page.$$eval('table.evidence tr', (trs) => Object.fromEntries(trs.map((tr) => [tr.querySelector('th')?.textContent, tr.querySelector('td')?.textContent])));
  t.match(evidence, {
    'Command line': '/usr/bin/curl --run',
    Parent: '/bin/sh',
    User: 'app',
    Pod: 'web-7d9c8b6f5-x2k4p',
    Node: 'node-a',
    Image: 'registry.example/web:1.0',
    'Falco rule': 'Vigil process exec',
  });
  await screenshot(page, 'alert-detail');

  await page.click('button[data-action=acknowledge]');
  await page.waitForSelector('[data-test=status]:text("acknowledged")');
  t.equal((await f.call('GET', '/api/v1/alerts/1')).body.status, 'acknowledged', 'the collector has it');

  await page.click('button[data-action=approve]');
  await page.waitForSelector('[data-test=status]:text("resolved")');
  const baseline = (await f.call('GET', '/api/v1/workloads/shop/Deployment/web')).body.baseline as Array<{ item: string; added_by: string }>;
  t.ok(baseline.some((i) => i.item === 'exe:/usr/bin/curl' && i.added_by === 'approved'), 'the item joined the baseline');
  t.equal(await page.isDisabled('button[data-action=resolve]'), true, 'a resolved alert offers no more actions');

  await page.click('a.back');
  await page.waitForSelector('tr.alert-row[data-alert-id="2"]');
  t.same(await rows(page), ['2'], 'the approved alert left the open list');
});

t.test('workloads: the mode toggle reaches the collector; the window shows its time left; baseline items are listed', async (t) => {
  const f = await apiFixture(t, { windowMs: 60_000, startupGraceMs: 60_000 });
  await f.observe([{ exe: '/bin/a' }, { exe: '/bin/b', name: 'api', namespace: 'billing' }, { exe: '/bin/init', name: 'api', namespace: 'billing', containerStart: T0 }]);
  const page = await openPage(t, browser);
  await signIn(page, f, OPERATOR);
  await page.click('[data-tab=workloads]');
  await page.waitForSelector('tr[data-workload="test/shop/Deployment/web"]');
  t.match(await page.textContent('tr[data-workload="test/shop/Deployment/web"] .progress-label'), /^(\d+ s|1 min) left$/, 'time left in the 60 s window');
  t.match(await page.textContent('tr[data-workload="test/shop/Deployment/web"] .completeness'), /^1 item · last new (just now|\d+ s ago) · 1 node, 1 pod$/, 'how complete the baseline looks');

  await page.click('tr[data-workload="test/shop/Deployment/web"] button[data-mode=detecting]');
  await page.waitForSelector('tr[data-workload="test/shop/Deployment/web"][data-mode=detecting]');
  const w = (await f.call('GET', '/api/v1/workloads/shop/Deployment/web')).body;
  t.equal(w.mode, 'detecting', 'the collector has the new mode');
  t.equal(w.locked_by, 'oscar', 'locked by the signed-in operator');
  await screenshot(page, 'workloads');

  await page.click('a:text("billing/Deployment/api")');
  await page.waitForSelector('table.baseline tr[data-item="exe:/bin/b"]');
  t.match(await page.textContent('table.baseline tr[data-item="exe:/bin/b"]'), /app.*exe:\/bin\/b.*process.*learned.*2026-11-20.*node-a/);
  t.equal(await page.textContent('table.baseline tr[data-item="exe:/bin/init"] .startup-tag'), 'start-up', 'an item of the start-up set is marked');
  t.equal(await page.$('table.baseline tr[data-item="exe:/bin/b"] .startup-tag'), null, 'others are not');
  t.match(await page.textContent('table.images tr[data-digest="sha256:abc"]'), /app.*sha256:abc.*2026-11-20.*—/, 'the image digests the workload ran, in its history');
  await page.click('button[data-action=network-policy]');
  await page.waitForSelector('[data-test=network-policy]');
  t.match(await page.textContent('[data-test=network-policy]'), /kind: NetworkPolicy[\s\S]*namespace: billing/, 'the generated NetworkPolicy is shown');
  t.match(await page.getAttribute('section.policy a[download]', 'href'), /^blob:/, 'and offered for download');
  await page.selectOption('select[name=extend-by]', '1h');
  await page.click('button[data-action=extend]');
  await page.waitForFunction(() => /^1 h left$/.test(document.querySelector('.progress-label')?.textContent ?? ''));
  t.equal(await page.textContent('.progress-label'), '1 h left', 'the window is an hour longer');
  await page.selectOption('select[name=identity]', 'args');
  await page.click('button[data-action=identity]');
  await page.waitForSelector('[data-identity=args]');
  t.equal((await f.call('GET', '/api/v1/workloads/billing/Deployment/api')).body.identity, 'args', 'the identity reached the collector');
  await page.click('button[data-action=relearn]');
  await page.click('button[data-action=relearn-confirm]');
  await page.waitForSelector('table.baseline', { state: 'detached' });
  t.same((await f.call('GET', '/api/v1/workloads/billing/Deployment/api')).body.baseline, [], 'relearn cleared the baseline');
  await screenshot(page, 'workload');
});

t.test('a viewer sees but cannot change', async (t) => {
  const f = await apiFixture(t);
  await lockedWithAlerts(f, ['/bin/a'], ['/usr/bin/curl']);
  const page = await openPage(t, browser);
  await signIn(page, f, VIEWER);
  await page.click('[data-tab=workloads]');
  await page.waitForSelector('tr[data-workload="test/shop/Deployment/web"]');
  const toggle = 'tr[data-workload="test/shop/Deployment/web"] button[data-mode=learning]';
  t.equal(await page.isDisabled(toggle), true, 'the toggle is disabled');
  t.match(await page.getAttribute(toggle, 'title'), /needs the operator role; vera is a viewer/);
  await page.click(toggle, { force: true });
  t.equal((await f.call('GET', '/api/v1/workloads/shop/Deployment/web')).body.mode, 'detecting', 'nothing changed');
  await page.goto(`${f.base}/#/alerts/1`);
  await page.waitForSelector('button[data-action=approve]');
  for (const action of ['acknowledge', 'resolve', 'approve']) t.equal(await page.isDisabled(`button[data-action=${action}]`), true, `${action} is disabled`);
});

t.test('agents: node, heartbeat, Falco version, rates, drops and outbox', async (t) => {
  const f = await apiFixture(t);
  f.agent.send({ heartbeat: { stats: { events_total: 1200, dropped_total: 3, outbox_depth: 7, falco_connected: true } } });
  await until(async () => ((await f.call('GET', '/api/v1/agents')).body.agents as Array<{ stats: unknown }>)[0]?.stats !== null, 'the heartbeat stored');
  const page = await openPage(t, browser);
  await signIn(page, f, VIEWER);
  await page.click('[data-tab=agents]');
  await page.waitForSelector('tr[data-agent="agent-api-test"]');
  const cells = await page.$$eval('tr[data-agent="agent-api-test"] td', (tds) => tds.map((td) => td.textContent));
  t.match(cells, ['node-a', 'test', 'connected', /ago|just now/, String, String, '1,200', '3', '7', 'agent-api-test']);
  t.equal(await page.getAttribute('tr[data-agent="agent-api-test"]', 'data-connected'), 'true');
  await screenshot(page, 'agents');
});

t.test('the reconnect banner shows while the collector restarts, clears when it is back, and nothing is missed', async (t) => {
  const f = await apiFixture(t);
  await lockedWithAlerts(f, ['/bin/a'], ['/usr/bin/curl']);
  const page = await openPage(t, browser);
  await signIn(page, f, OPERATOR);
  await page.waitForSelector('tr.alert-row[data-alert-id="1"]');
  t.equal(await page.isVisible('[data-test=reconnect-banner]'), false, 'no banner while live');

  await f.restart(async () => {
    await page.waitForSelector('[data-test=reconnect-banner]', { state: 'visible', timeout: 10_000 });
    t.equal(await page.getAttribute('[data-test=connection]', 'data-state'), 'reconnecting');
    t.match(await page.textContent('[data-test=reconnect-banner]'), /Connection to the collector lost/);
    await screenshot(page, 'reconnecting');
  });
  // Raised before the page is back: it must come from the replay, after the cursor.
  await f.observe([{ exe: '/usr/bin/nc', at: T0 + 80_000n * MS }]);
  await page.waitForSelector('[data-test=connection][data-state=live]', { timeout: 15_000 });
  await page.waitForSelector('[data-test=reconnect-banner]', { state: 'hidden' });
  await page.waitForSelector('tr.alert-row[data-alert-id="2"]');
  await f.observe([{ exe: '/bin/sh', at: T0 + 81_000n * MS }]);
  await page.waitForSelector('tr.alert-row[data-alert-id="3"]');
  t.same(await rows(page), ['3', '2', '1'], 'every alert once, none missed across the restart');
});

t.test('collector data is shown as text, never as markup', async (t) => {
  const f = await apiFixture(t);
  await lockedWithAlerts(f, ['/bin/a'], ['/tmp/<img src=x onerror="document.title=\'pwned\'">']);
  const page = await openPage(t, browser);
  await signIn(page, f, OPERATOR);
  await page.waitForSelector('tr.alert-row[data-alert-id="1"]');
  t.equal(await page.$('tr.alert-row img'), null, 'no element made from the item');
  t.match(await page.textContent('tr.alert-row .item'), '<img src=x');
  t.not(await page.title(), 'pwned');
});
