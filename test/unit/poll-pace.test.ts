import t from 'tap';
import { PollPace } from '../../agent/falco/poll-pace.js';

t.test('while nothing arrives the wait doubles up to the idle interval', async (t) => {
  const pace = new PollPace(1, 100);
  t.same([pace.next(), pace.next(), pace.next(), pace.next()], [2, 4, 8, 16]);
  for (let i = 0; i < 10; i++) pace.next();
  t.equal(pace.next(), 100, 'never longer than the idle interval');
});

t.test('a response brings the next request back to the busy pace', async (t) => {
  const pace = new PollPace(1, 100);
  for (let i = 0; i < 20; i++) pace.next();
  pace.responded();
  t.equal(pace.next(), 1, 'the request after a response goes out at once');
  t.equal(pace.next(), 2, 'then backs off again if that one brought nothing');
  pace.responded();
  pace.responded();
  t.equal(pace.next(), 1, 'several responses count as one');
});

t.test('an idle interval shorter than the busy pace wins', async (t) => {
  const pace = new PollPace(5, 2);
  t.equal(pace.next(), 2);
  pace.responded();
  t.equal(pace.next(), 2);
});
