import t from 'tap';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { RateLimitedLog } from '../../agent/log/rate-limited-log.js';

t.test('logs the first few per interval, then one summary line', async (t) => {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      cb();
    },
  });
  let now = 0;
  const log = new RateLimitedLog(pino({ level: 'warn' }, sink), 2, 1000, () => now);
  for (let i = 0; i < 5; i++) log.warn('bad', { i }, 'bad event');
  log.warn('other', {}, 'other event');
  await new Promise((r) => setImmediate(r));
  t.same(lines.map((l) => l.msg), ['bad event', 'bad event', 'other event']);
  now = 1000;
  log.warn('bad', { i: 9 }, 'bad event');
  await new Promise((r) => setImmediate(r));
  t.match(lines.slice(3), [{ msg: '3 more "bad" warnings were suppressed', suppressed: 3 }, { msg: 'bad event', i: 9 }]);
});
