// Matching JSON events against remembered ones (json-templates.ts, matchTemplate() in
// json-fingerprint.ts) must give exactly the fingerprint the full scan gives, or none; and the
// crit-bit tree must keep finding what it holds as templates come and go.
import t, { type Test } from 'tap';
import { decodeJsonEvent, parseJsonEvents } from '../../agent/falco/json-event.js';
import { eachArrayElement, fingerprintJsonEvent, lastShape, matchedTemplate } from '../../agent/falco/json-fingerprint.js';
import { JsonTemplates, MAX_WALK, type JsonTemplate, type TemplateNode } from '../../agent/falco/json-templates.js';
import type { Outcome } from '../../agent/pipeline/ingest.js';
import type { Fingerprint } from '../../agent/falco/fingerprint-scratch.js';
import { eventTimeToNs } from '../../agent/falco/event.js';
import { loadCorpus, loadExpectations } from '../support/corpus.js';
import { connectEvent, execEvent, toJsonLine } from '../support/events.js';
import { seededRandom } from '../support/seeded-random.js';

const VOLATILE = ['proc.pid', 'proc.ppid', 'proc.vpid', 'evt.time', 'evt.rawtime', 'evt.time.iso8601'];

function keyOf(fp: Fingerprint | null): string | undefined {
  return fp ? `${fp.hash}:${fp.seconds}.${fp.nanos}:${fp.bytes.toString('latin1')}` : undefined;
}

const SKIPPED: Outcome = { kind: 'skip', reason: 'internal_event' };

/** Remembers the body's fingerprint as JsonRepeats.remember() does; false when it has none or no shape. */
function learn(known: JsonTemplates, body: string | Buffer, outcome = SKIPPED): boolean {
  const fp = fingerprintJsonEvent(typeof body === 'string' ? Buffer.from(body) : body);
  const shape = fp && lastShape();
  if (!fp || !shape) return false;
  known.add(fp, shape, outcome);
  return true;
}

/** Whether the last fingerprint came from one of `known`'s templates. */
function wasMatched(known: JsonTemplates, fp: Fingerprint | null): boolean {
  const template = matchedTemplate();
  return fp !== null && template !== null && known.find(fp.bytes) === template;
}

/** `text` starting `offset` bytes past a 4-byte boundary, as slices of socket reads do. */
function at(offset: number, bytes: Buffer): Buffer {
  const room = Buffer.alloc(bytes.length + 8);
  const start = offset + ((4 - (room.byteOffset & 3)) & 3);
  bytes.copy(room, start);
  return room.subarray(start, start + bytes.length);
}

const corpus = Object.keys(loadExpectations()).flatMap((f) => loadCorpus(f).map((c) => c.json));

/** The event with other left-out values (other lengths too): what a repeat looks like. */
function repeat(e: Record<string, unknown>, k: number): string {
  const fields = { ...(e.output_fields as Record<string, unknown>) };
  for (const name of VOLATILE) {
    const v = fields[name];
    if (typeof v === 'bigint') fields[name] = v + BigInt(k * 7919);
    else if (typeof v === 'number') fields[name] = v * (k + 2) + k;
  }
  if (fields['evt.type'] === 'connect' && 'fd.lport' in fields) fields['fd.lport'] = 32768 + k * 101;
  const seconds = String(10 + (k % 50)).padStart(2, '0');
  const time = String(e.time).replace(/:\d\d\.\d+Z$/, `:${seconds}.${String(k * 12345).padStart(9, '0')}Z`);
  return toJsonLine({ ...e, output_fields: fields, time, output: `${String(e.output ?? '')} ${'x'.repeat(k)}`, ...('uuid' in e ? { uuid: `u-${k}` } : {}) });
}

t.test('repeats of remembered events are matched, with the fingerprint and time the scan gives', async (t) => {
  const known = new JsonTemplates();
  let shaped = 0;
  for (const e of corpus) if (learn(known, toJsonLine(e))) shaped++;
  t.equal(shaped, corpus.length, 'every corpus event has a shape');
  let matched = 0;
  let checked = 0;
  for (let k = 1; k <= 3; k++) {
    for (const e of corpus) {
      const body = Buffer.from(repeat(e, k));
      for (let offset = 0; offset < 4; offset += k) {
        const placed = at(offset, body);
        const scanned = keyOf(fingerprintJsonEvent(placed));
        const fp = fingerprintJsonEvent(placed, known);
        if (wasMatched(known, fp)) matched++;
        if (keyOf(fp) !== scanned) t.fail('another fingerprint than the scan', { found: keyOf(fp)?.slice(0, 200), wanted: scanned?.slice(0, 200) });
        if (eventTimeToNs(fp ?? { seconds: 0, nanos: 0 }) !== decodeJsonEvent(parseJsonEvents(body.toString())[0]).event.timeNs) t.fail('not the decoder time');
        checked++;
      }
    }
  }
  t.equal(matched, checked, `all ${checked} repeats matched, at every alignment`);
});

t.test('the shape: where each left-out value was, in fingerprint bytes', async (t) => {
  const body = '{"output":"a b","output_fields":{"evt.type":"connect","fd.lport":5,"proc.pid":12},"time":"2026-11-20T09:00:00.000000001Z","uuid":"u"}';
  const fp = fingerprintJsonEvent(Buffer.from(body));
  const text = fp?.bytes.toString() ?? '';
  t.equal(text, '{"output":,"output_fields":{"evt.type":"connect","fd.lport":,"proc.pid":},"time":,"uuid":}');
  const shape = lastShape();
  t.same([...(shape?.at ?? [])], [10, 60, 72, 81, 89], 'after each colon of a left-out value');
  t.same(
    [...(shape?.at ?? [])].map((i) => text.slice(i - 2, i)),
    ['":', '":', '":', '":', '":'],
  );
  const accept = fingerprintJsonEvent(Buffer.from(body.replace('"connect"', '"accept"')));
  t.match(accept?.bytes.toString(), /"fd\.lport":5,/, 'an inbound port is kept');
  t.same([...(lastShape()?.at ?? [])], [10, 72, 81, 89], 'and is not a left-out value');
});

t.test('values the scan would not take are not matched, and get no fingerprint', async (t) => {
  const exec = execEvent({ fields: { 'proc.ppid': 1 } });
  const known = new JsonTemplates();
  t.ok(learn(known, toJsonLine(exec)));
  const good = toJsonLine({ ...exec, output_fields: { ...exec.output_fields, 'proc.pid': 4242 } });
  t.ok(wasMatched(known, fingerprintJsonEvent(Buffer.from(good), known)), 'a repeat is matched');
  const bad: Array<[string, string]> = [
    [good.replace('"proc.pid":4242', '"proc.pid":"\u00e9"'), 'a pid that is not plain ASCII'],
    [good.replace('"proc.pid":4242', '"proc.pid":"4\\u0032"'), 'a pid with an escape'],
    [good.replace('"proc.pid":4242', '"proc.pid":{}'), 'a pid that is an object'],
    [good.replace('"proc.pid":4242', '"proc.pid":4242 '), 'whitespace after it (kept bytes differ)'],
    [good.replace('"proc.pid":4242', '"proc.pid":-'), 'a lone minus'],
    [good.replace('"output":"', '"output":"\u0001'), 'a control character in the output'],
    [good.replace('"output":"', '"output":"\\x'), 'an invalid escape in the output'],
    [good.replace('"output":"', '"output":5,"x":"'), 'another key hidden after the output'],
    [good.replace(/"time":"[^"]*"/, '"time":"2026-13-01T00:00:00.000000000Z"'), 'a time the decoder rejects'],
    [good.replace(/"time":"[^"]*"/, '"time":"2026-11-20T10:00:00.00000000\\u0030Z"'), 'a time with an escape'],
    [good.slice(0, -1), 'cut short'],
    [`${good}x`, 'trailing bytes'],
  ];
  for (const [body, why] of bad) {
    const fp = fingerprintJsonEvent(Buffer.from(body), known);
    t.notOk(wasMatched(known, fp), `${why}: not matched`);
    t.equal(keyOf(fp), keyOf(fingerprintJsonEvent(Buffer.from(body))), `${why}: what the scan gives`);
  }
  t.ok(wasMatched(known, fingerprintJsonEvent(Buffer.from(good.replace('"proc.pid":4242', '"proc.pid":"4242"')), known)), 'a pid as a string is as the scan takes it');
});

t.test('whitespace on either side of a left-out value: a node reads it where the template matched has it, or no match', async (t) => {
  // The fingerprint keeps the whitespace around a left-out value but not which side of it the
  // whitespace was on: these two share their bytes up to "A"/"B", yet the time is left out at 8
  // in one and at 48 in the other. The node at "A"/"B" reads the time where B has it.
  const time = '"2026-11-20T09:00:00.000000001Z"';
  const pad = ' '.repeat(40);
  const known = new JsonTemplates();
  t.ok(learn(known, `{"time":${time}${pad},"rule":"A"}`));
  t.ok(learn(known, `{"time":${pad}${time},"rule":"B"}`));
  t.equal(known.size, 2);
  // A's bytes but 40 junk bytes where B has its whitespace: A's last stretch would be compared past the body.
  const junk = Buffer.from(`{"time":${'x'.repeat(40)}${time},"rule":"A"}`);
  let fp: Fingerprint | null = null;
  t.doesNotThrow(() => (fp = fingerprintJsonEvent(junk, known)), 'a body read past its end does not throw');
  t.equal(keyOf(fp), undefined, 'and has no fingerprint');
  // In a batch, the element A's outcome would be replayed for: not A's bytes, its time not the
  // one JSON.parse reads, and not JSON without the 40 bytes after it.
  const batch = Buffer.from(`[{"time":"1999-01-01T00:00:00Z","x":${' '.repeat(13)}${time}${pad},"rule":"A"}]`);
  const elements = (withKnown: JsonTemplates | null): string[] => {
    const found: string[] = [];
    eachArrayElement(
      batch,
      (start, stop, fp) => {
        found.push(`${start}-${stop} ${keyOf(fp)}`);
        if (withKnown && matchedTemplate() !== null) t.doesNotThrow(() => JSON.parse(batch.toString('utf8', start, stop)), 'a matched element parses');
        return true;
      },
      true,
      withKnown,
    );
    return found;
  };
  t.same(elements(known), elements(null), 'the elements and fingerprints the scan gives');
  // B's repeats are matched; A's are scanned (the node reads spaces where B has the time).
  t.ok(wasMatched(known, fingerprintJsonEvent(Buffer.from(`{"time":${pad}"2026-11-20T09:00:01.5Z","rule":"B"}`), known)), 'B matched');
  const a = Buffer.from(`{"time":"2026-11-20T09:00:01.5Z"${pad},"rule":"A"}`);
  const scanned = keyOf(fingerprintJsonEvent(a));
  t.equal(keyOf(fingerprintJsonEvent(a, known)), scanned, 'A scanned');
});

t.test('a connect whose evt.type comes after fd.lport gets no template, and is scanned each time', async (t) => {
  const late = (port: number): string => `{"output_fields":{"fd.lport":${port},"evt.type":"connect"},"rule":"r","time":"2026-11-20T09:00:00.000000001Z"}`;
  const known = new JsonTemplates();
  t.notOk(learn(known, late(1)), 'no shape');
  t.equal(known.size, 0);
  t.equal(keyOf(fingerprintJsonEvent(Buffer.from(late(2)), known)), keyOf(fingerprintJsonEvent(Buffer.from(late(1)))), 'the same fingerprint from the scan');
  const early = (port: number): string => `{"output_fields":{"evt.type":"connect","fd.lport":${port}},"rule":"r","time":"2026-11-20T09:00:00.000000001Z"}`;
  t.ok(learn(known, early(1)), 'evt.type first: a shape');
  t.ok(wasMatched(known, fingerprintJsonEvent(Buffer.from(early(54321)), known)), 'another local port matched');
  const accept = (port: number): string => `{"output_fields":{"fd.lport":${port},"evt.type":"accept"},"rule":"r","time":"2026-11-20T09:00:00.000000001Z"}`;
  t.ok(learn(known, accept(80)), 'an inbound port before evt.type: kept, so a shape');
  t.ok(wasMatched(known, fingerprintJsonEvent(Buffer.from(accept(80)), known)));
  t.notOk(wasMatched(known, fingerprintJsonEvent(Buffer.from(accept(81)), known)), 'another listening port is another event');
  t.notOk(wasMatched(known, fingerprintJsonEvent(Buffer.from(late(80)), known)), 'nor is a connect that matches it byte for byte up to evt.type');
});

t.test('random mutations of repeats: a match is always the scan fingerprint', async (t) => {
  const known = new JsonTemplates();
  for (const e of corpus) learn(known, toJsonLine(e));
  const INTERESTING = [...'"\\,:{}[]0123456789-+.eE tfnu /ax'].map((c) => c.charCodeAt(0)).concat([0x00, 0x0a, 0x1f, 0x7f, 0x80, 0xc3, 0xff]);
  const random = seededRandom(20261123);
  let matched = 0;
  let scanned = 0;
  for (let i = 0; i < 6000; i++) {
    let body = Buffer.from(repeat(corpus[random(corpus.length)] as Record<string, unknown>, 1 + random(5)));
    for (let n = 1 + random(2); n > 0; n--) {
      const where = random(body.length);
      const byte = INTERESTING[random(INTERESTING.length)] ?? 0;
      const kind = random(3);
      if (kind === 0) (body = Buffer.from(body))[where] = byte;
      else if (kind === 1) body = Buffer.concat([body.subarray(0, where), Buffer.from([byte]), body.subarray(where)]);
      else body = Buffer.concat([body.subarray(0, where), body.subarray(where + 1)]);
    }
    const placed = at(random(4), body);
    const wanted = keyOf(fingerprintJsonEvent(placed));
    const fp = fingerprintJsonEvent(placed, known);
    if (wasMatched(known, fp)) {
      matched++;
      try {
        JSON.parse(body.toString('utf8'));
      } catch {
        t.fail('matched what JSON.parse rejects', { found: body.toString() });
      }
    } else if (fp !== null) scanned++;
    if (keyOf(fp) !== wanted) t.fail('another fingerprint than the scan', { found: body.toString() });
  }
  t.ok(matched > 500, `${matched} mutated repeats matched (the mutation hit a left-out value or nothing that counts)`);
  t.ok(scanned > 500, `${scanned} others fingerprinted by the scan`);
});

t.test('array elements are matched as single events are', async (t) => {
  const known = new JsonTemplates();
  const events = corpus.slice(0, 60);
  for (const e of events) learn(known, toJsonLine(e));
  const elements = events.map((e, i) => repeat(e, 1 + (i % 4)));
  elements.push(toJsonLine(connectEvent({ containerId: 'never-seen' })));
  const text = Buffer.from(`[ ${elements.join(' ,\n')} ]`);
  // Aligned, a body's words are compared in JavaScript; not aligned, natively.
  for (const offset of [0, 1, 2, 3]) {
    const body = at(offset, text);
    const keys = (withKnown: JsonTemplates | null): Array<string | undefined> => {
      const found: Array<string | undefined> = [];
      let matched = 0;
      const visit = (_start: number, _stop: number, fp: Fingerprint | null): boolean => {
        found.push(keyOf(fp));
        if (wasMatched(known, fp)) matched++;
        return true;
      };
      eachArrayElement(body, visit, true, withKnown);
      if (withKnown) t.equal(matched, events.length, `offset ${offset}: each repeat matched, the new one not`);
      return found;
    };
    t.same(keys(known), keys(null), `offset ${offset}: what the scan gives`);
    t.same(
      keys(known),
      elements.map((e) => keyOf(fingerprintJsonEvent(Buffer.from(e)))),
      `offset ${offset}: each as alone`,
    );
  }
});

t.test('a chain of templates, each branching off the last a byte later, is matched only to MAX_WALK deep', async (t) => {
  // What a process could make of its command line: "a", "aa", "aaa"… each a node deeper.
  const known = new JsonTemplates();
  const body = (n: number, pid: number): string => toJsonLine(execEvent({ fields: { 'proc.cmdline': `sh ${'a'.repeat(n)}`, 'proc.pid': pid } }));
  const LONGEST = MAX_WALK + 100;
  for (let n = 1; n <= LONGEST; n++) learn(known, body(n, 1));
  t.ok(known.size >= MAX_WALK - 2 && known.size <= MAX_WALK + 1, `${known.size} added: not those that would sit deeper than a walk goes`);
  let matched = 0;
  for (let n = 1; n <= LONGEST; n++) {
    const bytes = Buffer.from(body(n, 2));
    const fp = fingerprintJsonEvent(bytes, known);
    if (wasMatched(known, fp)) matched++;
    else if (n < MAX_WALK - 2) t.fail(`${n}: not matched`);
    if (keyOf(fp) !== keyOf(fingerprintJsonEvent(bytes))) t.fail(`${n}: another fingerprint than the scan`);
  }
  t.equal(matched, known.size, 'each template added is matched, the rest scanned');
});

// ---- The tree itself.

/** Checks the crit-bit invariants; returns the templates it holds. */
function audit(t: Test, node: TemplateNode | null, after = -1): JsonTemplate[] {
  if (node === null) return [];
  if (node.template !== null) return [node.template];
  if (node.byte < after) t.fail('a node tests an earlier byte than its parent');
  const below = [...audit(t, node.left, node.byte), ...audit(t, node.right, node.byte)];
  if (!below.includes(node.ref)) t.fail('a node takes its shape from a template not below it');
  const first = below[0] as JsonTemplate;
  for (const other of below) if (other.bytes.compare(first.bytes, 0, node.byte, 0, node.byte) !== 0 || other.bytes.length < node.byte) t.fail('templates below a node differ before its byte');
  return below;
}

t.test('the tree keeps what it holds and drops the oldest when full', async (t) => {
  const MAX = 64;
  const known = new JsonTemplates(MAX);
  const random = seededRandom(99);
  const added: Buffer[] = [];
  const shape = { at: new Int32Array(0), roles: new Uint8Array(0) };
  for (let i = 0; i < 400; i++) {
    // Short strings over few letters: many shared prefixes, some a prefix of another.
    const bytes = Buffer.from(Array.from({ length: 1 + random(6) }, () => 0x61 + random(3)));
    if (added.slice(-MAX).some((b) => b.equals(bytes))) continue;
    known.add({ bytes, hash: i, seconds: 0, nanos: 0 }, shape, SKIPPED);
    added.push(bytes);
    const kept = added.slice(-MAX);
    if (known.size !== kept.length) t.fail(`size ${known.size}, wanted ${kept.length}`);
    for (const b of kept) if (known.find(b) === null) t.fail(`lost ${b.toString()}`);
    const held = audit(t, known.root);
    if (held.length !== kept.length) t.fail(`${held.length} leaves, wanted ${kept.length}`);
  }
  t.ok(added.length > MAX * 2, `${added.length} added`);
  const gone = added.slice(0, -MAX).filter((b) => !added.slice(-MAX).some((k) => k.equals(b)));
  t.ok(gone.length > 0 && gone.every((b) => known.find(b) === null), 'the oldest are gone');
  t.equal(known.find(Buffer.from('zzz')), null);
  const other: Outcome = { kind: 'skip', reason: 'other_source' };
  known.add({ bytes: added.at(-1) as Buffer, hash: 0, seconds: 0, nanos: 0 }, shape, other);
  t.equal(known.size, MAX, 'adding one it holds adds nothing');
  t.equal(known.find(added.at(-1) as Buffer)?.outcome, other, 'but replaces its outcome');
});
