import t from 'tap';
import { CommitPacer } from '../../agent/state/commit-pacer.js';

const nextTurn = () => new Promise((r) => setImmediate(r));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A pacer whose commit only counts. */
function counted(windowMs: number): { pacer: CommitPacer; commits: () => number } {
  let n = 0;
  return { pacer: new CommitPacer(windowMs, () => n++), commits: () => n };
}

t.test('after a quiet window the commit runs on the next turn: an isolated event waits for nothing', async (t) => {
  const { pacer, commits } = counted(200);
  pacer.request();
  pacer.request();
  t.equal(commits(), 0, 'never inside the request');
  await nextTurn();
  t.equal(commits(), 1, 'one commit for both requests, on the next turn');
});

t.test('requests within the window after a commit wait for its end and share one commit', async (t) => {
  const { pacer, commits } = counted(200);
  pacer.request();
  await nextTurn();
  t.equal(commits(), 1);
  for (let i = 0; i < 5; i++) {
    pacer.request();
    await nextTurn();
  }
  t.equal(commits(), 1, 'five turns with work, no commit yet: the window is still open');
  await sleep(300);
  t.equal(commits(), 2, 'one commit at the end of the window for all five');
  await sleep(300);
  pacer.request();
  await nextTurn();
  t.equal(commits(), 3, 'quiet again: the next request commits on the next turn');
});

t.test('commitNow commits at once and drops the scheduled commit; cancel drops it too', async (t) => {
  const { pacer, commits } = counted(200);
  pacer.request();
  pacer.commitNow();
  t.equal(commits(), 1, 'committed inside commitNow');
  await nextTurn();
  t.equal(commits(), 1, 'the commit that was scheduled for the next turn did not run as well');
  pacer.request();
  pacer.cancel();
  await sleep(300);
  t.equal(commits(), 1, 'a cancelled commit never runs');
});

t.test('a window of 0 commits on every turn with work, as before pacing', async (t) => {
  const { pacer, commits } = counted(0);
  for (let i = 1; i <= 3; i++) {
    pacer.request();
    await nextTurn();
    t.equal(commits(), i);
  }
});
