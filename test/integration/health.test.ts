import t from 'tap';
import { startAgent } from '../support/agent-harness.js';

t.test('health, readiness and metrics in-process', async (t) => {
  const run = await startAgent({
    http: { host: '127.0.0.1', port: 0, maxBodyBytes: 1024 },
    health: { host: '127.0.0.1', port: 0 },
  });
  t.teardown(() => run.stop());
  const base = `http://127.0.0.1:${run.agent.healthAddress?.port ?? 0}`;
  t.same(await (await fetch(`${base}/healthz`)).json(), { status: 'ok' });
  const ready = await fetch(`${base}/readyz?verbose=1`);
  t.equal(ready.status, 200);
  t.same(await ready.json(), { status: 'ready', checks: { falco_http: true } });
  const metrics = await fetch(`${base}/metrics`);
  t.match(metrics.headers.get('content-type'), /^text\/plain/);
  t.match(await metrics.text(), /# TYPE vigil_agent_falco_events_total counter/);
  const missing = await fetch(`${base}/status`);
  t.equal(missing.status, 404);
  t.same(await missing.json(), { error: 'no such endpoint /status; try /healthz, /readyz or /metrics' });
  t.equal((await fetch(`${base}/metrics`, { method: 'DELETE' })).status, 405);
});

t.test('the health port already in use fails start-up', async (t) => {
  const first = await startAgent({ health: { host: '127.0.0.1', port: 0 } });
  t.teardown(() => first.stop());
  const port = first.agent.healthAddress?.port ?? 0;
  await t.rejects(startAgent({ health: { host: '127.0.0.1', port } }), {
    message: `cannot listen for health and metrics on 127.0.0.1:${port}: EADDRINUSE`,
  });
});
