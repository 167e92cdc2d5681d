// What the collector does for its web UI over real HTTP: the page and its files without a token
// (code only; data needs one), strict headers, caching, no file-system path from a URL, a clear
// 503 when the UI is not built, the session endpoint, agents' connected state, and the stream's
// same-origin rule for the collector's own page.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import t from 'tap';
import { pino } from 'pino';
import WebSocket from 'ws';
import { UiAssets, UiAssetsMissing, UI_BUILD_DIR } from '../../collector/api/ui-assets.js';
import { parseTokenFile } from '../../collector/auth/api-tokens.js';
import { Collector } from '../../collector/collector.js';
import { VIGIL_VERSION } from '../../agent/version.js';
import { apiFixture, lockedWithAlerts, OPERATOR, VIEWER } from '../support/api-fixture.js';
import { until } from '../support/processes.js';

t.test('the page and its files are served without a token, with strict headers and ETags', async (t) => {
  const f = await apiFixture(t);
  const page = await fetch(`${f.base}/`);
  t.equal(page.status, 200);
  t.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
  t.match(await page.text(), /<script type="module" src="\/ui\/app\.js"><\/script>/);
  const csp = page.headers.get('content-security-policy') ?? '';
  for (const directive of ["default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"]) t.match(csp, directive);
  t.equal(page.headers.get('x-content-type-options'), 'nosniff');
  t.equal(page.headers.get('x-frame-options'), 'DENY');

  const js = await fetch(`${f.base}/ui/app.js`);
  t.equal(js.status, 200);
  t.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
  const css = await fetch(`${f.base}/ui/style.css`);
  t.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
  const etag = js.headers.get('etag') ?? '';
  t.match(etag, /^"[\w-]{22}"$/);
  t.equal((await fetch(`${f.base}/ui/app.js`, { headers: { 'If-None-Match': etag } })).status, 304, 'unchanged files are not sent again');

  for (const path of ['/ui/nope.js', '/ui/..%2F..%2F..%2Fpackage.json', '/ui/%2e%2e%2fapi-server.js']) {
    const res = await fetch(`${f.base}${path}`);
    t.equal(res.status, 404, `${path} is not served`);
    t.match(await res.json(), { error: /^no such UI file/ });
  }
  t.equal((await fetch(`${f.base}/ui/../package.json`)).status, 401, 'a path outside /ui/ is an API path: token first');
  t.equal((await fetch(`${f.base}/api/v1/alerts`)).status, 401, 'data still needs a token');
});

t.test('UiAssets refuses a folder that is not a UI build, naming the fix', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-ui-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  t.throws(() => UiAssets.load(join(dir, 'missing')), new UiAssetsMissing(join(dir, 'missing'), 'ENOENT'));
  t.throws(() => UiAssets.load(dir), { message: /no index\.html\); run `npm run build`/ });
  writeFileSync(join(dir, 'index.html'), '<!doctype html>');
  writeFileSync(join(dir, 'notes.txt'), 'not served');
  mkdirSync(join(dir, 'sub.js'));
  t.equal(UiAssets.load(dir).size, 1, 'only servable files, no folders');
  t.ok(UiAssets.load(UI_BUILD_DIR).size > 5, 'the real build has the page, scripts and styles');
});

t.test('a collector whose UI is not built serves its API and says why / is missing', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-noui-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const logs: string[] = [];
  const sink = new PassThrough();
  sink.setEncoding('utf8').on('data', (c: string) => logs.push(c));
  const collector = new Collector(
    {
      dbFile: join(dir, 'vigil.db'),
      grpcListen: '127.0.0.1:0',
      grpcTls: null,
      http: { host: '127.0.0.1', port: 0 },
      agentTokens: ['agent-token-0123456789abcdef'],
      apiTokens: parseTokenFile(`viewer ${VIEWER} vera\n`, 'tokens'),
      defaultMode: 'learning',
      windowMs: 60_000,
      uiDir: join(dir, 'no-ui-here'),
    },
    pino({ level: 'info' }, sink),
  );
  await collector.start();
  t.teardown(() => collector.stop());
  const base = `http://127.0.0.1:${collector.httpAddress?.port}`;
  const res = await fetch(`${base}/`);
  t.equal(res.status, 503);
  t.match(await res.json(), { error: /the web UI is not built .*no-ui-here: ENOENT\); run `npm run build`/ });
  t.equal((await fetch(`${base}/api/v1/alerts`, { headers: { Authorization: `Bearer ${VIEWER}` } })).status, 200, 'the API works');
  t.match(logs.join(''), /"level":40.*the web UI is not served/);

  const off = new Collector(
    { dbFile: join(dir, 'off.db'), grpcListen: '127.0.0.1:0', grpcTls: null, http: { host: '127.0.0.1', port: 0 }, agentTokens: ['agent-token-0123456789abcdef'], apiTokens: parseTokenFile(`viewer ${VIEWER} vera\n`, 'tokens'), defaultMode: 'learning', windowMs: 60_000, uiDir: null },
    pino({ level: 'silent' }),
  );
  await off.start();
  t.teardown(() => off.stop());
  t.equal((await fetch(`http://127.0.0.1:${off.httpAddress?.port}/`)).status, 401, 'uiDir null: no UI route at all');
});

t.test('GET /api/v1/session: who, role, demo marking, version, clock and the stream cursor', async (t) => {
  const f = await apiFixture(t);
  await lockedWithAlerts(f, ['/bin/a'], ['/bin/evil']);
  const viewer = await f.call('GET', '/api/v1/session', { token: VIEWER });
  t.equal(viewer.status, 200);
  t.same(viewer.body, { name: 'vera', role: 'viewer', demo: false, version: VIGIL_VERSION, server_time: new Date(f.clock.now).toISOString(), stream_cursor: 3 });
  t.match((await f.call('GET', '/api/v1/session', { token: OPERATOR })).body, { name: 'oscar', role: 'operator' });
  t.equal((await f.call('GET', '/api/v1/session', { token: null })).status, 401);
  // The cursor is the latest stream message: streaming from it replays nothing already stored.
  const ws = new WebSocket(`${f.wsBase}/api/v1/stream?since=${viewer.body.stream_cursor as number}`, { headers: { Authorization: `Bearer ${VIEWER}` } });
  const first = await new Promise<{ type: string; caught_up?: boolean }>((resolve, reject) => {
    ws.once('message', (d: Buffer) => resolve(JSON.parse(d.toString()) as { type: string }));
    ws.once('error', reject);
  });
  ws.close();
  t.match(first, { type: 'heartbeat', caught_up: true, cursor: 3 });
});

t.test('GET /api/v1/agents says whether each agent is connected now', async (t) => {
  const f = await apiFixture(t);
  const connected = async (): Promise<unknown> => ((await f.call('GET', '/api/v1/agents')).body.agents as Array<{ connected: boolean }>)[0]?.connected;
  t.equal(await connected(), true);
  f.agent.close();
  t.equal(await until(async () => ((await connected()) === false ? 'gone' : false), 'the agent marked disconnected', 5_000), 'gone');
});

t.test("the stream accepts the collector's own page (same origin) and refuses others", async (t) => {
  const f = await apiFixture(t, { origins: [] });
  const port = new URL(f.base).port;
  const open = async (origin: string): Promise<string> => {
    const { ticket } = (await f.call('POST', '/api/v1/stream/ticket', { token: VIEWER })).body as { ticket: string };
    const ws = new WebSocket(`${f.wsBase}/api/v1/stream?ticket=${ticket}`, { headers: { Origin: origin } });
    return new Promise((resolve) => {
      ws.once('open', () => {
        ws.close();
        resolve('open');
      });
      ws.once('unexpected-response', (_req, res) => resolve(`HTTP ${res.statusCode}`));
    });
  };
  t.equal(await open(`http://127.0.0.1:${port}`), 'open', 'the page the collector served');
  t.equal(await open(`https://127.0.0.1:${port}`), 'open', 'the same host behind a TLS-terminating proxy');
  t.equal(await open(`http://127.0.0.1:${Number(port) + 1}`), 'HTTP 403', 'another port is another origin');
  t.equal(await open('http://evil.example'), 'HTTP 403');
});
