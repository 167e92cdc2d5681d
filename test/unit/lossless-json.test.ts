import t from 'tap';
import { parseLosslessJson } from '../../agent/falco/lossless-json.js';

t.test('integers beyond 2^53 stay exact as bigint', async (t) => {
  const parsed = parseLosslessJson('{"evt.time": 1763629200123456789, "n": 42, "f": 1.5}') as Record<string, unknown>;
  t.equal(parsed['evt.time'], 1763629200123456789n);
  t.equal(parsed.n, 42);
  t.equal(parsed.f, 1.5);
});

t.test('digits inside strings are never touched, also where they look like a value', async (t) => {
  const tricky = '{"cmd": "x:12345678901234567890,y", "list": "[1234567890123456789]", "t": 1763629200123456789}';
  t.same(parseLosslessJson(tricky), { cmd: 'x:12345678901234567890,y', list: '[1234567890123456789]', t: 1763629200123456789n });
  const text = '{"cmd": "sleep 1763629200123456789", "esc": "a\\"1763629200123456789\\"", "big": -9007199254740993}';
  const parsed = parseLosslessJson(text) as Record<string, unknown>;
  t.equal(parsed.cmd, 'sleep 1763629200123456789');
  t.equal(parsed.esc, 'a"1763629200123456789"');
  t.equal(parsed.big, -9007199254740993n);
});

t.test('16-digit integers that fit stay numbers; nested arrays work', async (t) => {
  const parsed = parseLosslessJson('[1234567890123456, {"a": [12345678901234567890]}]') as unknown[];
  t.equal(parsed[0], 1234567890123456);
  t.same(parsed[1], { a: [12345678901234567890n] });
});

t.test('strings that start like the internal markers come back unchanged', async (t) => {
  const parsed = parseLosslessJson(
    '{"x": "\\u0000b5", "z": "\\u0000sabc", "y": 12345678901234567890}',
  ) as Record<string, unknown>;
  t.equal(parsed.x, '\u0000b5');
  t.equal(parsed.z, '\u0000sabc');
  t.equal(parsed.y, 12345678901234567890n);
  t.same(parseLosslessJson('["\\u0000b7"]'), ['\u0000b7'], 'also without any big number present');
});

t.test('long fractions and exponents stay numbers on both paths', async (t) => {
  t.same(parseLosslessJson('{"a": 0.30000000000000004, "b": 1.2345678901234567e300, "c": 12345678901234567890}'), {
    a: 0.30000000000000004,
    b: 1.2345678901234567e300,
    c: 12345678901234567890n,
  });
  // A NUL-led string sends the text down the exact path.
  t.same(parseLosslessJson('{"s": "\\u0000x", "a": 0.30000000000000004, "c": 12345678901234567890}'), {
    s: '\u0000x',
    a: 0.30000000000000004,
    c: 12345678901234567890n,
  });
});

t.test('malformed JSON throws', async (t) => {
  t.throws(() => parseLosslessJson('{"a": 12345678901234567890'));
  t.throws(() => parseLosslessJson('nope'));
});
