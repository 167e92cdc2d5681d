// `vigil dev` started as a user would: its first alert arrives over the WebSocket within the
// scenario's learning window plus a few seconds.
import t from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { launchBrowser, openPage, screenshot } from '../support/browser.js';
import { VigilProcess, until } from '../support/processes.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-dev-e2e-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

t.test('vigil dev: demo scenario, lock, first alert over the stream', async (t) => {
  const started = Date.now();
  const dev = new VigilProcess([
    'dev', '--window', '3s', '--db', join(dir, 'dev.db'), '--http-listen', '127.0.0.1:0', '--grpc-listen', '127.0.0.1:0',
    '--falco-socket', join(dir, 'no-falco-here.sock'),
  ]);
  t.teardown(() => dev.kill('SIGTERM'));
  await until(() => /operator token (\S+)/.test(dev.stdout), 'the printed token', 20_000);
  const api = /API and stream at (\S+)/.exec(dev.stdout)?.[1] ?? '';
  const token = /operator token (\S+)/.exec(dev.stdout)?.[1] ?? '';
  t.match(dev.stdout, /DEMO — no Falco socket at .*no-falco-here\.sock; replaying the bundled scenario/, 'clearly marked as a demo');

  const ws = new WebSocket(`${api.replace('http', 'ws')}/api/v1/stream?since=0`, { headers: { Authorization: `Bearer ${token}` } });
  const alerts: Array<{ item: string; severity: string; workload: string; at: number }> = [];
  ws.on('message', (data: Buffer) => {
    const m = JSON.parse(data.toString()) as { type: string; item: string; severity: string; workload: string };
    if (m.type === 'alert') alerts.push({ ...m, at: Date.now() });
  });
  t.teardown(() => ws.close());
  await until(() => alerts.length > 0, 'the first alert', 20_000);
  const firstAfter = (alerts[0]?.at ?? 0) - started;
  t.ok(firstAfter < 3_000 + 12_000, `first alert ${firstAfter} ms after start (window 3 s)`);
  t.equal(alerts[0]?.workload, 'dev/shop/Deployment/storefront');
  await until(() => alerts.length >= 5, 'the whole intrusion', 10_000);
  t.same(
    alerts.map((a) => `${a.severity} ${a.item}`).sort(),
    // nginx starting a shell and a pool port are rated by rules/severity.yaml above a plain deviation.
    ['critical exe:/bin/sh', 'critical exe:/tmp/.x/kworkerd', 'critical out:tcp:198.51.100.0/24:3333', 'high exe:/usr/bin/curl', 'medium out:tcp:203.0.113.0/24:80'],
  );
  const workloads = (await (await fetch(`${api}/api/v1/workloads`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { workloads: Array<{ key: string; mode: string }> };
  t.same(workloads.workloads.map((w) => `${w.key} ${w.mode}`).sort(), [
    'dev/batch/CronJob/nightly-report detecting',
    'dev/shop/Deployment/storefront detecting',
    'dev/shop/StatefulSet/orders-db detecting',
  ]);

  t.equal(/web UI at (\S+)/.exec(dev.stdout)?.[1], `${api}/#token=${token}`, 'the UI address, signed in by the token in its fragment');
  const session = (await (await fetch(`${api}/api/v1/session`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { demo: boolean; role: string };
  t.match(session, { demo: true, role: 'operator' }, 'the collector tells clients this is the demo');
  const browser = await launchBrowser(t);
  const page = await openPage(t, browser);
  await page.goto(`${api}/#token=${token}`);
  await page.waitForSelector('[data-test=demo-banner]');
  t.match(await page.textContent('[data-test=demo-banner]'), /DEMO — everything here comes from the bundled scenario/, 'the UI marks the demo');
  await page.waitForFunction(() => document.querySelectorAll('tr.alert-row').length >= 5);
  t.equal(new URL(page.url()).hash, '#/alerts', 'the token left the address bar');
  await screenshot(page, 'dev-demo');
  t.equal(await dev.kill('SIGTERM'), 0, 'stops cleanly');
});
