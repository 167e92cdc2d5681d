// Logs never stop the event loop: when stderr's reader does not read, lines wait in memory up to
// LOG_BUFFER_BYTES, the rest are dropped and counted, and what waited is written once the reader
// reads again. A real pipe (a FIFO held open at both ends, as a stalled log shipper leaves it).
import t, { type Test } from 'tap';
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LOG_BUFFER_BYTES, createLogger, droppedLogLines } from '../../agent/log/logger.js';
import { AgentMetrics } from '../../agent/metrics/agent-metrics.js';
import { CollectorMetrics } from '../../collector/metrics/collector-metrics.js';
import { ROOT } from '../support/cli.js';

/**
 * A pipe (a FIFO) with its read and write ends in one non-blocking descriptor that nobody reads
 * unless the test does: writes fill its 64 KiB, then are refused with EAGAIN.
 */
function unreadPipe(t: Test): number {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-log-'));
  const fifo = join(dir, 'stderr');
  execFileSync('mkfifo', [fifo]);
  const fd = openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK);
  t.teardown(() => {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  });
  return fd;
}

t.test('a pipe nobody reads: logging goes on at full speed, drops past the buffer are counted, the rest arrives whole', async (t) => {
  const fd = unreadPipe(t);
  const log = createLogger({ level: 'info', format: 'json', name: 'vigil-test', fd });
  const before = droppedLogLines();
  const padding = 'x'.repeat(400);
  const lines = Math.ceil((2 * LOG_BUFFER_BYTES) / 500);
  const started = performance.now();
  for (let i = 0; i < lines; i++) log.info({ i, padding }, 'a line');
  const ms = performance.now() - started;
  // A synchronous writer sleeps 100 ms per refusal of the full pipe and would never finish here.
  t.ok(ms < 5_000, `${lines} lines logged in ${Math.round(ms)} ms while nothing reads the pipe`);
  const dropped = droppedLogLines() - before;
  t.ok(dropped > lines / 4 && dropped < lines, `lines past the buffer dropped and counted (${dropped} of ${lines})`);

  for (const metrics of [new AgentMetrics({ processMetrics: false }), new CollectorMetrics({ processMetrics: false })]) {
    const text = await metrics.registry.metrics();
    t.match(text, new RegExp(`^vigil_(agent|collector)_log_lines_dropped_total ${droppedLogLines()}$`, 'm'), 'on /metrics');
  }

  // The reader comes back: what waited is written, in order and whole, as the event loop turns.
  const chunk = Buffer.alloc(1024 * 1024);
  let text = '';
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    let n = 0;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
    }
    if (n > 0) text += chunk.toString('utf8', 0, n);
    if (text.split('\n').length - 1 >= lines - dropped) break;
    // sonic-boom retries a refused write after 100 ms.
    if (n === 0) await new Promise((r) => setTimeout(r, 20));
  }
  const got = text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as { i: number; msg: string; name: string });
  t.equal(got.length, lines - dropped, 'every line not dropped arrives');
  t.same(
    got.slice(0, 3).map((l) => [l.i, l.msg, l.name]),
    [
      [0, 'a line', 'vigil-test'],
      [1, 'a line', 'vigil-test'],
      [2, 'a line', 'vigil-test'],
    ],
  );
  t.ok(
    got.every((l, k) => k === 0 || l.i > (got[k - 1]?.i ?? -1)),
    'in the order logged',
  );
});

t.test('at exit, lines still waiting on a slow reader are written whole and in order', async (t) => {
  // A real vigil-style process: JSON logs to stderr (a pipe read late), then process.exit().
  const script = `
    const { createLogger } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'agent', 'log', 'logger.js')).href)});
    const log = createLogger({ level: 'info', format: 'json', name: 'vigil-exit' });
    const padding = 'p'.repeat(380);
    for (let i = 0; i < 1000; i++) log.info({ i, padding }, 'line');
    setTimeout(() => { log.fatal('last words'); process.exit(1); }, 300);
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
  // Not read for a second: ~400 KB of lines against a 64 KiB pipe.
  child.stderr.pause();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ended = new Promise<void>((resolve) => child.stderr.on('end', () => resolve()));
  await new Promise((r) => setTimeout(r, 1000));
  let text = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => (text += c));
  child.stderr.resume();
  t.equal(await exited, 1);
  await ended;
  const lines = text.split('\n').filter((l) => l !== '');
  const parsed = lines.map((l) => {
    try {
      return JSON.parse(l) as { i?: number; msg: string };
    } catch {
      return { msg: `broken: ${l.slice(0, 80)}` };
    }
  });
  t.same(parsed.filter((l) => l.msg.startsWith('broken')), [], 'no broken line');
  t.same(
    parsed.map((l) => l.i ?? l.msg),
    [...Array.from({ length: 1000 }, (_, i) => i), 'last words'],
    'every line, once, in order, and the last one',
  );
});

t.test('a reader that went away: lines are dropped and counted, and logging goes on', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-log-'));
  const fifo = join(dir, 'stderr');
  execFileSync('mkfifo', [fifo]);
  const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
  const fd = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
  closeSync(reader);
  t.teardown(() => {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  });
  const log = createLogger({ level: 'info', format: 'json', name: 'vigil-test', fd });
  const before = droppedLogLines();
  t.doesNotThrow(() => {
    for (let i = 0; i < 10; i++) log.info({ i }, 'into a closed pipe');
  });
  t.equal(droppedLogLines() - before, 10, 'every line counted as dropped');
});

t.test('a fatal line into a pipe nobody reads: pino calls flushSync() after it, which gives up after 2 s', async (t) => {
  const fd = unreadPipe(t);
  const log = createLogger({ level: 'info', format: 'json', name: 'vigil-test', fd });
  // Fill the pipe (64 KiB) and leave lines waiting behind it.
  for (let i = 0; i < 400; i++) log.info({ i, padding: 'x'.repeat(400) }, 'a line');
  const before = droppedLogLines();
  const started = performance.now();
  log.fatal('cannot start');
  const ms = performance.now() - started;
  t.ok(ms >= 1_900 && ms < 4_000, `the fatal line waited for the reader, then gave up (${Math.round(ms)} ms)`);
  t.ok(droppedLogLines() - before > 200, `what still waited is dropped and counted (${droppedLogLines() - before})`);
});
