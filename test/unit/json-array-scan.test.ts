// eachArrayElement(): the elements of a JSON array body, each with the fingerprint it has alone.
// What it visits must be what a full parse of the body finds, in order, whatever the bytes: the
// HTTP input ingests the visited elements and leaves only the rest to the full parser.
import t from 'tap';
import { eachArrayElement, fingerprintJsonEvent, MAX_JSON_BODY_BYTES } from '../../agent/falco/json-fingerprint.js';
import type { Fingerprint } from '../../agent/falco/fingerprint-scratch.js';
import { loadCorpus, loadExpectations } from '../support/corpus.js';
import { execEvent, toJsonLine } from '../support/events.js';
import { seededRandom } from '../support/seeded-random.js';

interface Visit {
  readonly text: string;
  readonly bytes: Buffer;
  /** The fingerprint's hash, bytes and time as one string; undefined without one. */
  readonly key: string | undefined;
}

function keyOf(fp: Fingerprint | null): string | undefined {
  return fp ? `${fp.hash}:${fp.seconds}.${fp.nanos}:${fp.bytes.toString('latin1')}` : undefined;
}

function scan(body: string | Buffer): { visits: Visit[]; complete: boolean } {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  const visits: Visit[] = [];
  const { visited, complete } = eachArrayElement(bytes, (start, stop, fp) => {
    visits.push({ text: bytes.toString('utf8', start, stop), bytes: Buffer.from(bytes.subarray(start, stop)), key: keyOf(fp) });
    return true;
  });
  t.equal(visited, visits.length, 'visited counts the visits');
  return { visits, complete };
}

const corpus = Object.keys(loadExpectations()).flatMap((f) => loadCorpus(f).map((c) => toJsonLine(c.json)));

t.test('each element has the fingerprint it has alone, whatever the whitespace between', async (t) => {
  const lines = corpus.slice(0, 40);
  for (const [open, comma, close] of [
    ['[', ',', ']'],
    [' \n[\n  ', ' ,\r\n  ', '\n]\n'],
  ] as const) {
    const { visits, complete } = scan(`${open}${lines.join(comma)}${close}`);
    t.ok(complete);
    t.same(
      visits.map((v) => v.text),
      lines,
      'the bytes of each element',
    );
    t.same(
      visits.map((v) => v.key),
      lines.map((l) => keyOf(fingerprintJsonEvent(Buffer.from(l)))),
      'and its fingerprint',
    );
  }
  t.ok(
    lines.every((l) => fingerprintJsonEvent(Buffer.from(l)) !== null),
    'corpus events have fingerprints',
  );
});

t.test('bodies that are not arrays, or not whole ones', async (t) => {
  const one = toJsonLine(execEvent());
  t.same(scan('[]'), { visits: [], complete: true });
  t.same(scan(' [ ] \n'), { visits: [], complete: true });
  t.same(scan('[]x').complete, false, 'bytes after the array');
  t.same(scan(one), { visits: [], complete: false }, 'one event: not an array');
  t.same(scan(''), { visits: [], complete: false });
  const cut = scan(`[${one},${one.slice(0, 50)}`);
  t.same([cut.visits.length, cut.complete], [1, false], 'cut short: the whole elements are visited');
  t.same([scan(`[${one} ${one}]`).visits.length, scan(`[${one} ${one}]`).complete], [1, false], 'no comma');
  t.same(scan(`[${one},]`).complete, false, 'a trailing comma');

  const scalars = scan(`[5, "x", null, [1, {"a": 2}], ${one}]`);
  t.ok(scalars.complete);
  t.same(
    scalars.visits.map((v) => [v.text.slice(0, 12), v.key === undefined]),
    [
      ['5', true],
      ['"x"', true],
      ['null', true],
      ['[1, {"a": 2}', true],
      [one.slice(0, 12), false],
    ],
    'any value is an element; only events have fingerprints',
  );

  const escaped = one.replace('"rule"', '"\\u0072ule"');
  const stops = scan(`[${one},${escaped},${one}]`);
  t.same([stops.visits.length, stops.complete], [1, false], 'an element with an escaped key stops the scan: the full parser takes the rest');
  const untimed = scan(`[${one.replace(/"time":"[^"]*"/, '"time":"yesterday"')},${one}]`);
  t.same(
    [untimed.visits.length, untimed.visits[0]?.key, untimed.complete],
    [2, undefined, true],
    'an event the fingerprint does not take is still an element',
  );
  const long = toJsonLine(execEvent({ cmdline: `sleep ${'9'.repeat(MAX_JSON_BODY_BYTES)}` }));
  const big = scan(`[${long},${one}]`);
  t.same(
    [big.visits.length, big.visits[0]?.key, big.visits[0]?.text.length, big.visits[1]?.key !== undefined, big.complete],
    [2, undefined, long.length, true, true],
    'an element too long for a fingerprint is visited without one',
  );
});

t.test('the visitor can stop the scan, and a visitor that throws leaves the scanner ready for the next body', async (t) => {
  const one = toJsonLine(execEvent());
  const body = Buffer.from(`[${one},${one},${one}]`);
  let calls = 0;
  t.same(
    eachArrayElement(body, () => ++calls < 2),
    { visited: 2, complete: false, stopped: true },
    'stopped at the second element',
  );
  t.equal(calls, 2);
  t.same(
    eachArrayElement(body, () => true),
    { visited: 3, complete: true, stopped: false },
  );
  t.throws(() =>
    eachArrayElement(body, () => {
      throw new Error('from the visitor');
    }),
  );
  t.equal(scan(`[${one}]`).visits[0]?.key, keyOf(fingerprintJsonEvent(Buffer.from(one))), 'the next scan is whole');
  t.not(fingerprintJsonEvent(Buffer.from(one)), null, 'and so is the next fingerprint');
});

const INTERESTING = [...'"\\,:{}[]0123456789-+.eE tfnu /ax'].map((c) => c.charCodeAt(0)).concat([0x00, 0x0a, 0x1f, 0x7f, 0x80, 0xc3, 0xff]);

t.test('random mutations of array bodies: what is visited is what JSON.parse finds, in order', async (t) => {
  const random = seededRandom(20261122);
  let complete = 0;
  let partial = 0;
  let fingerprinted = 0;
  for (let i = 0; i < 3000; i++) {
    const elements = Array.from({ length: 1 + random(4) }, () => corpus[random(corpus.length)] ?? '');
    let body = Buffer.from(`[${elements.join(',')}]`);
    for (let e = 0, edits = 1 + random(3); e < edits; e++) {
      const at = random(body.length);
      const byte = INTERESTING[random(INTERESTING.length)] ?? 0;
      const kind = random(3);
      if (kind === 0) (body = Buffer.from(body))[at] = byte;
      else if (kind === 1) body = Buffer.concat([body.subarray(0, at), Buffer.from([byte]), body.subarray(at)]);
      else body = Buffer.concat([body.subarray(0, at), body.subarray(at + 1)]);
    }
    const result = scan(body);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      parsed = undefined;
    }
    if (result.complete) {
      complete++;
      if (!Array.isArray(parsed) || parsed.length !== result.visits.length) {
        t.fail('a complete scan of what JSON.parse does not read as that many elements', { body: body.toString() });
        continue;
      }
    }
    if (!result.complete && result.visits.length > 0) partial++;
    // Elements visited before a scan gave up must be the first elements of the full parse.
    if (Array.isArray(parsed)) {
      for (const [k, visit] of result.visits.entries()) {
        if (JSON.stringify(JSON.parse(visit.text)) !== JSON.stringify(parsed[k])) {
          t.fail(`element ${k} is not what JSON.parse finds`, { body: body.toString() });
        }
      }
    }
    for (const visit of result.visits) {
      if (visit.key === undefined) continue;
      fingerprinted++;
      if (visit.key !== keyOf(fingerprintJsonEvent(visit.bytes))) t.fail('a fingerprint other than the element has alone', { body: body.toString() });
    }
  }
  t.ok(complete > 500, `many mutated bodies are still whole arrays (${complete})`);
  t.ok(partial > 100, `many are visited in part (${partial})`);
  t.ok(fingerprinted > 2000, `many elements have fingerprints (${fingerprinted})`);
});
