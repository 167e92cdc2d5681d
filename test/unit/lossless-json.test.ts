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

t.test('big integers are found by their path: nested, in arrays, beside escaped keys and quotes', async (t) => {
  const text =
    '{"a\\"b": 12345678901234567890, "s": "\\\\", "o": {"k\\u00e9y": [1, {"x": -12345678901234567890}, 98765432109876543210]},' +
    ' "e": 1.5e300, "n": -1234567890123456}';
  t.same(parseLosslessJson(text), {
    'a"b': 12345678901234567890n,
    s: '\\',
    o: { 'kéy': [1, { x: -12345678901234567890n }, 98765432109876543210n] },
    e: 1.5e300,
    n: -1234567890123456,
  });
  t.equal(parseLosslessJson(' 12345678901234567890 '), 12345678901234567890n, 'a bare big number');
});

t.test('a duplicate key keeps the last value, as JSON.parse does', async (t) => {
  t.same(parseLosslessJson('{"a": 12345678901234567890, "a": "x"}'), { a: 'x' });
  t.same(parseLosslessJson('{"a": 12345678901234567890, "a": 22345678901234567890}'), { a: 22345678901234567890n });
  t.same(parseLosslessJson('{"a": {"b": 12345678901234567890}, "a": 1}'), { a: 1 });
  t.same(parseLosslessJson('{"a": 12345678901234567890, "a": 5e30}'), { a: 5e30 });
});

t.test('random documents come back exactly as they were written', async (t) => {
  // A small deterministic generator (no dependency): objects, arrays, strings with quotes,
  // backslashes and digit runs, small and big integers, fractions.
  let seed = 42;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const bigs = [9007199254740993n, -9007199254740993n, 1795168933451799087n, 18446744073709551615n];
  const strings = ['plain', 'quote " inside', 'back\\slash', ':12345678901234567890,', '"1795168933451799087"', ''];
  const value = (depth: number): unknown => {
    switch (random(depth > 2 ? 4 : 6)) {
      case 0: return bigs[random(bigs.length)];
      case 1: return strings[random(strings.length)];
      case 2: return random(1000) - 500;
      case 3: return random(1000) / 7;
      case 4: return Array.from({ length: random(4) }, () => value(depth + 1));
      default: return Object.fromEntries(Array.from({ length: random(4) }, (_, i) => [`${strings[random(strings.length)]}${i}`, value(depth + 1)]));
    }
  };
  const write = (v: unknown): string =>
    typeof v === 'bigint' ? v.toString()
    : Array.isArray(v) ? `[${v.map(write).join(',')}]`
    : typeof v === 'object' && v !== null ? `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${write(x)}`).join(', ')}}`
    : JSON.stringify(v);
  for (let i = 0; i < 300; i++) {
    const doc = value(0);
    t.same(parseLosslessJson(write(doc)), doc, write(doc));
  }
});
