// The web UI's pure logic, in Node: merging list pages and stream messages into the alert
// board, filters, grouping, pause, formatting and routes.
import t from 'tap';
import { AlertBoard, DEFAULT_FILTERS, MAX_HELD, statusMatches, type AlertFilters } from '../../collector/ui/web/alert-board.js';
import type { AlertJson, StreamMessage } from '../../collector/ui/web/api-types.js';
import { formatAge, formatCompleteness, formatConnection, formatDuration, formatTime, parseWorkloadKey, windowProgress, workloadApiPath, workloadLabel, workloadRoute } from '../../collector/ui/web/format.js';
import { parseRoute, tokenFromHash } from '../../collector/ui/web/routes.js';

const web = { key: 'prod/shop/Deployment/web', cluster: 'prod', namespace: 'shop', kind: 'Deployment', name: 'web' };
const db = { key: 'prod/data/StatefulSet/db', cluster: 'prod', namespace: 'data', kind: 'StatefulSet', name: 'db' };

function listed(id: number, over: Partial<AlertJson> = {}): AlertJson {
  return {
    id,
    workload: web,
    container: 'app',
    item: `exe:/bin/x${id}`,
    type: 'process',
    status: 'open',
    severity: 'high',
    severity_reason: 'a shell',
    severity_rule: 'shell',
    category: 'deviation',
    count: 1,
    first_seen: '2026-11-20T09:00:00.000000000Z',
    last_seen: '2026-11-20T09:00:00.000000000Z',
    node: 'node-a',
    ...over,
  };
}
const streamed = (id: number, cursor: number, over: Partial<Extract<StreamMessage, { type: 'alert' }>> = {}): StreamMessage => ({
  type: 'alert',
  cursor,
  at: '2026-11-20T09:00:01.000Z',
  workload: web.key,
  alert: id,
  container: 'app',
  item: `exe:/bin/x${id}`,
  severity: 'medium',
  reason: 'a process not in the baseline',
  ...over,
});
const updated = (id: number, cursor: number, count: number, status: 'open' | 'acknowledged' | 'resolved', approved?: boolean): StreamMessage => ({
  type: 'alert.updated',
  cursor,
  at: '2026-11-20T09:00:02.000Z',
  workload: web.key,
  alert: id,
  count,
  status,
  ...(approved ? { approved } : {}),
});

t.test('list pages and stream messages merge the same way in either order', async (t) => {
  const a = new AlertBoard();
  a.addFromApi(listed(1, { count: 3, status: 'acknowledged' }));
  a.onStream(updated(1, 5, 2, 'open'));
  const b = new AlertBoard();
  b.onStream(streamed(1, 4));
  b.onStream(updated(1, 5, 2, 'open'));
  b.addFromApi(listed(1, { count: 3, status: 'acknowledged' }));
  for (const board of [a, b]) {
    t.match(board.get(1), { count: 3, status: 'acknowledged', node: 'node-a', seen: '2026-11-20T09:00:00.000000000Z' }, 'the larger count and the later status win');
  }
  const review = new AlertBoard();
  review.addFromApi(listed(5, { category: 'review' }));
  review.onStream({ ...updated(5, 9, 2, 'open'), category: 'deviation' } as StreamMessage);
  t.equal(review.get(5)?.category, 'deviation', 'a review alert seen after the lock turns into a deviation');
  a.onStream(updated(1, 6, 4, 'resolved', true));
  t.match(a.get(1), { count: 4, status: 'resolved', approved: true });
  a.addFromApi(listed(1, { count: 3, status: 'open' }));
  t.match(a.get(1), { count: 4, status: 'resolved' }, 'an older page does not move it back');
  t.equal(a.onStream({ type: 'heartbeat', cursor: 9 }), false, 'other messages are not the board’s');
  a.onStream(updated(99, 7, 9, 'resolved'));
  t.equal(a.get(99), undefined, 'an update of an alert not listed yet shows nothing');
  a.addFromApi(listed(99, { count: 3, status: 'open' }));
  t.match(a.get(99), { count: 9, status: 'resolved' }, 'the update that came before its page wins over the older page');
});

t.test('a streamed alert parses its workload key and starts open with one sighting', async (t) => {
  const board = new AlertBoard();
  board.onStream(streamed(7, 1, { workload: 'dev//Pod/bare', severity: 'critical' }));
  t.match(board.get(7), { workload: { cluster: 'dev', namespace: '', kind: 'Pod', name: 'bare' }, status: 'open', count: 1, severity: 'critical', seen: '2026-11-20T09:00:01.000Z' });
  board.onStream(streamed(7, 2, { severity: 'low' }));
  t.equal(board.get(7)?.severity, 'critical', 'a repeated alert message changes nothing');
  t.same(board.takeChanged(), [7]);
  t.same(board.takeChanged(), [], 'changes are handed out once');
});

t.test('filters: namespace, workload, at-least severity, status; newest first', async (t) => {
  const board = new AlertBoard();
  board.addFromApi(listed(1, { severity: 'low' }));
  board.addFromApi(listed(2, { severity: 'critical', status: 'resolved' }));
  board.addFromApi(listed(3, { workload: db, severity: 'high', status: 'acknowledged' }));
  board.addFromApi(listed(4, { severity: 'medium' }));
  const ids = (f: Partial<AlertFilters>): number[] => board.visible({ ...DEFAULT_FILTERS, ...f }).map((a) => a.id);
  t.same(ids({}), [4, 3, 1], 'unresolved by default');
  t.same(ids({ status: 'all' }), [4, 3, 2, 1]);
  t.same(ids({ status: 'resolved' }), [2]);
  t.same(ids({ status: 'all', severity: 'high' }), [3, 2], 'high or worse');
  t.same(ids({ namespace: 'data' }), [3]);
  t.same(ids({ workload: 'web', status: 'open' }), [4, 1]);
  t.equal(board.unresolvedCount(), 3);
  t.same(board.facets(), { namespaces: ['data', 'shop'], workloads: ['db', 'web'] });
  t.equal(statusMatches('acknowledged', 'unresolved'), true);
  t.equal(statusMatches('resolved', 'unresolved'), false);
});

t.test('groups by workload with their sightings and worst severity, ordered by newest alert', async (t) => {
  const board = new AlertBoard();
  board.addFromApi(listed(1, { severity: 'low', count: 5 }));
  board.addFromApi(listed(2, { workload: db, severity: 'medium' }));
  board.addFromApi(listed(3, { severity: 'critical', count: 2 }));
  const groups = board.groups(DEFAULT_FILTERS);
  t.same(
    groups.map((g) => [g.workload.key, g.alerts.map((a) => a.id), g.sightings, g.worst]),
    [
      [web.key, [3, 1], 7, 'critical'],
      [db.key, [2], 1, 'medium'],
    ],
  );
});

t.test('pause holds stream messages and applies them in order on resume', async (t) => {
  const board = new AlertBoard();
  board.addFromApi(listed(1));
  board.pause();
  t.equal(board.paused, true);
  board.onStream(streamed(2, 10));
  board.onStream(updated(2, 11, 3, 'acknowledged'));
  board.onStream(updated(1, 12, 9, 'open'));
  t.equal(board.get(2), undefined, 'nothing new while paused');
  t.equal(board.get(1)?.count, 1, 'no update either: the page is frozen for reading');
  t.equal(board.heldNewAlerts, 1, 'one new alert waits (updates are not counted)');
  board.resume();
  t.match(board.get(2), { count: 3, status: 'acknowledged' }, 'the update after its alert, in order');
  t.equal(board.get(1)?.count, 9);
  t.equal(board.heldNewAlerts, 0);
});

t.test('a pause forgotten on another page resumes by itself before holding too much', async (t) => {
  const board = new AlertBoard();
  board.pause();
  for (let i = 1; i <= MAX_HELD; i++) board.onStream(streamed(i, i));
  t.equal(board.paused, true);
  t.equal(board.size, 0);
  board.onStream(streamed(MAX_HELD + 1, MAX_HELD + 1));
  t.equal(board.paused, false, 'resumed');
  t.equal(board.size, 5_000, 'everything held was applied (up to the list bound)');
  t.equal(board.get(MAX_HELD + 1)?.id, MAX_HELD + 1);
});

t.test('the board keeps the newest alerts up to its bound', async (t) => {
  const board = new AlertBoard(3);
  for (let id = 1; id <= 5; id++) board.addFromApi(listed(id));
  t.equal(board.size, 3);
  t.same(board.visible(DEFAULT_FILTERS).map((a) => a.id), [5, 4, 3]);
  board.onStream(streamed(6, 1));
  t.same(board.visible(DEFAULT_FILTERS).map((a) => a.id), [6, 5, 4]);
});

t.test('formatting', async (t) => {
  t.equal(formatTime('2026-11-20T09:01:02.123456789Z'), '2026-11-20 09:01:02 UTC', 'nanosecond fractions');
  t.equal(formatTime('2026-11-20T09:01:02.000Z'), '2026-11-20 09:01:02 UTC');
  t.equal(formatTime(null), '—');
  t.equal(formatTime('not a time'), 'not a time', 'shown as received rather than hidden');
  t.same([0, 999, 45_000, 60_000, 725_000, 3_600_000, 12_000_000, 86_400_000, 187_200_000].map(formatDuration), [
    '0 s',
    '1 s',
    '45 s',
    '1 min',
    '12 min 5 s',
    '1 h',
    '3 h 20 min',
    '1 d',
    '2 d 4 h',
  ]);
  t.equal(formatDuration(-5), '0 s', 'never negative');
  t.equal(formatAge(900), 'just now');
  t.equal(formatAge(40_000), '40 s ago');

  const start = '2026-11-20T09:00:00.000000000Z';
  const end = '2026-11-20T09:10:00.000000000Z';
  const at = (iso: string): number => Date.parse(iso);
  t.same(windowProgress(start, end, at('2026-11-20T09:02:30Z')), { fraction: 0.25, leftMs: 450_000 });
  t.same(windowProgress(start, end, at('2026-11-20T09:20:00Z')), { fraction: 1, leftMs: 0 }, 'past its end: full, nothing left');
  t.same(windowProgress(start, end, at('2026-11-20T08:00:00Z')), { fraction: 0, leftMs: 1_200_000 + 3_000_000 });
  t.equal(windowProgress(null, end, 0), null);
  t.equal(windowProgress(end, start, 0), null, 'an end before the start is no window');

  t.same(parseWorkloadKey('prod/shop/Deployment/web'), web);
  t.same(parseWorkloadKey('odd'), { key: 'odd', cluster: '', namespace: '', kind: '', name: 'odd' }, 'an unexpected key is shown whole');
  t.equal(workloadLabel({ namespace: '', kind: 'Pod', name: 'x' }), '_/Pod/x');
  t.equal(workloadApiPath(web, '/mode'), '/api/v1/workloads/shop/Deployment/web/mode?cluster=prod');
  t.equal(workloadApiPath({ cluster: 'a b', namespace: '', kind: 'Pod', name: 'x/y' }), '/api/v1/workloads/_/Pod/x%2Fy?cluster=a%20b', 'escaped');
  t.equal(workloadRoute(web), '#/workloads/prod%2Fshop%2FDeployment%2Fweb');

  t.equal(
    formatConnection({ direction: 'outbound', peer: '93.184.216.34', peerName: 'example.com', port: 443, protocol: 'tcp', localIp: '10.0.0.5', localPort: 48122 }),
    'outbound tcp 10.0.0.5:48122 → 93.184.216.34:443 (example.com)',
  );
  t.equal(formatConnection({ direction: 'inbound', peer: '10.0.0.9', peerName: null, port: 8080, protocol: 'tcp', localIp: '10.0.0.5', localPort: null }), 'inbound tcp 10.0.0.9 → 10.0.0.5:8080');
  t.equal(formatConnection({ direction: 'outbound', peer: '1.1.1.1', port: null, protocol: 'udp', localIp: null, localPort: null }), 'outbound udp ?:? → 1.1.1.1:?');
  t.equal(formatConnection('raw'), 'raw');
  t.equal(formatCompleteness({ items: 12, last_new_item: '2026-11-20T09:00:00Z', nodes: 2, pods: 3 }, Date.parse('2026-11-20T09:03:00Z')), '12 items · last new 3 min ago · 2 nodes, 3 pods');
  t.equal(formatCompleteness({ items: 1, last_new_item: null, nodes: 1, pods: 1 }, 0), '1 item · nothing learned · 1 node, 1 pod');
});

t.test('routes and the token handed over in the address', async (t) => {
  t.same(parseRoute(''), { view: 'alerts' });
  t.same(parseRoute('#/alerts'), { view: 'alerts' });
  t.same(parseRoute('#/alerts/12'), { view: 'alert', id: 12 });
  t.same(parseRoute('#/alerts/012'), { view: 'alerts' }, 'not an id');
  t.same(parseRoute('#/workloads'), { view: 'workloads' });
  t.same(parseRoute(workloadRoute(web)), { view: 'workload', key: web.key }, 'the inverse of workloadRoute');
  t.same(parseRoute('#/workloads/%E0%A4%A'), { view: 'workloads' }, 'a broken escape shows the list');
  t.same(parseRoute('#/agents'), { view: 'agents' });
  t.same(parseRoute('#/nope'), { view: 'alerts' });
  t.equal(tokenFromHash('#token=abc%2Bdef'), 'abc+def');
  t.equal(tokenFromHash('#/alerts'), null);
  t.equal(tokenFromHash('#token='), null);
  t.equal(tokenFromHash('#token=%E0%A4%A'), null, 'a broken escape is no token');
});
