import t from 'tap';
import { FalcoDecodeError, eventTimeToNs } from '../../agent/falco/event.js';
import { decodeJsonEvent, parseEventTimeNs, parseJsonEvents } from '../../agent/falco/json-event.js';
import { MAX_JSON_BODY_BYTES, fingerprintJsonEvent } from '../../agent/falco/json-fingerprint.js';
import { MAX_FINGERPRINT_BYTES } from '../../agent/falco/fingerprint-scratch.js';
import { loadCorpus, loadExpectations } from '../support/corpus.js';
import { acceptEvent, connectEvent, execEvent, toJsonLine, type FalcoJson } from '../support/events.js';
import { seededRandom } from '../support/seeded-random.js';

const VOLATILE = ['proc.pid', 'proc.ppid', 'proc.vpid', 'evt.time', 'evt.rawtime', 'evt.time.iso8601'];

/** A fingerprint's time as the decoder has it, in nanoseconds; undefined without one. */
function timeNs(fp: { readonly seconds: number; readonly nanos: number } | null): bigint | undefined {
  return fp ? eventTimeToNs(fp) : undefined;
}

/** The fingerprint's bytes and hash as one comparable string; undefined without one. */
function key(body: string | Buffer): string | undefined {
  const fp = fingerprintJsonEvent(typeof body === 'string' ? Buffer.from(body) : body);
  return fp ? `${fp.hash}:${fp.bytes.toString('latin1')}` : undefined;
}

function withFields(e: FalcoJson, fields: Record<string, unknown>, top: Record<string, unknown> = {}): string {
  return toJsonLine({ ...e, ...top, output_fields: { ...e.output_fields, ...fields } });
}

const exec = execEvent({ exe: '/usr/bin/curl', fields: { 'proc.ppid': 1, 'proc.vpid': 7, 'evt.rawtime': 1795165200000000001n, 'evt.time.iso8601': 1795165200000000001n } });

t.test('time, output, uuid, pids and the event times do not change it; the time is returned as the decoder reads it', async (t) => {
  const base = key(withFields(exec, {}));
  t.ok(base);
  const changed = withFields(
    exec,
    { 'proc.pid': 999, 'proc.ppid': '12', 'proc.vpid': null, 'evt.time': 1795165299999999999n, 'evt.rawtime': 5, 'evt.time.iso8601': 'x' },
    { time: '2027-01-02T03:04:05.123456789Z', output: 'other text "quoted" \u00e9', uuid: '0d6e1f8a-5d3b-4c2a-9e1f-3b2a1c0d9e8f' },
  );
  t.equal(key(changed), key(withFields(exec, {}, { uuid: null })), 'uuid present or not, with the rest changed');
  t.not(key(withFields(exec, {}, { uuid: 'x' })), base, 'but whether the key is there counts');
  t.equal(timeNs(fingerprintJsonEvent(Buffer.from(changed))), decodeJsonEvent(parseJsonEvents(changed)[0]).event.timeNs);
  t.equal(timeNs(fingerprintJsonEvent(Buffer.from(changed))), BigInt(Date.UTC(2027, 0, 2, 3, 4, 5)) * 1_000_000n + 123_456_789n);
  const offset = withFields(exec, {}, { time: '2027-01-02T05:04:05.5+02:00' });
  t.equal(timeNs(fingerprintJsonEvent(Buffer.from(offset))), decodeJsonEvent(parseJsonEvents(offset)[0]).event.timeNs, 'another RFC 3339 form');
  t.equal(key(withFields(exec, {}, { output: null })), base, 'a null output');
});

t.test('every other field, its name, its value and its place, changes it', async (t) => {
  const base = key(withFields(exec, {}));
  for (const [name, value] of Object.entries(exec.output_fields)) {
    if (VOLATILE.includes(name)) continue;
    t.not(key(withFields(exec, { [name]: value === 'something else' ? 'other' : 'something else' })), base, `value of ${name}`);
    t.not(key(withFields(exec, { [name]: null })), value === null ? undefined : base, `${name} null`);
    const without = { ...exec.output_fields };
    delete without[name];
    t.not(key(toJsonLine({ ...exec, output_fields: without })), base, `${name} left out`);
  }
  t.not(key(withFields(exec, { 'an.extra.field': 'x' })), base, 'an extra field');
  t.not(key(withFields(exec, { 'k8s.ns.name': 'shop ' })), base, 'one byte more in a value');
  for (const [name, value] of [['rule', 'Vigil other rule'], ['hostname', 'node-2'], ['priority', 'Error'], ['source', 'k8s_audit'], ['tags', ['x']], ['extra', 1]] as const) {
    t.not(key(withFields(exec, {}, { [name]: value })), base, `top-level ${name}`);
  }
  const reordered = { time: exec.time, ...exec };
  t.not(key(toJsonLine(reordered)), base, 'the order of keys');
  t.not(key(withFields(exec, {}).replace('"rule":', '"rule": ')), base, 'whitespace inside the event');
  t.equal(key(`\n ${withFields(exec, {})} \r\n`), base, 'but not around it: the event is the same');
  t.not(key(withFields(exec, {}, { tags: null })), key(withFields(exec, {}, { tags: [] })), 'null and empty');
});

t.test("an outbound connection's local port is left out; an inbound one's listening port is not", async (t) => {
  const connect = connectEvent({ peer: '10.0.0.9', port: 443 });
  t.equal(key(withFields(connect, { 'fd.lport': 40001 })), key(withFields(connect, { 'fd.lport': 51234 })));
  t.not(key(withFields(connect, { 'fd.rport': 444 })), key(withFields(connect, {})), 'the remote port counts');
  const accept = acceptEvent({ port: 80 });
  t.not(key(withFields(accept, { 'fd.lport': 80 })), key(withFields(accept, { 'fd.lport': 443 })));
  // evt.type after fd.lport, and an escape that spells connect: both keep the port.
  const late = (port: number, type: string): string =>
    `{"output_fields":{"fd.lport":${port},"evt.type":${type}},"rule":"r","time":"2026-11-20T09:00:00.000000001Z"}`;
  t.equal(key(late(1, '"connect"')), key(late(2, '"connect"')), 'evt.type after the port');
  t.not(key(late(1, '"accept"')), key(late(2, '"accept"')));
  t.not(key(late(1, '"conn\\u0065ct"')), key(late(2, '"conn\\u0065ct"')), 'an escaped "connect" keeps the port: not read as connect');
});

t.test('unusual bodies get no fingerprint', async (t) => {
  const good = withFields(exec, {});
  t.ok(key(good));
  const none = (body: string | Buffer, why: string): void => {
    t.equal(key(body), undefined, why);
  };
  none(`[${good}]`, 'a top-level array');
  none('"text"', 'a top-level string');
  none('null', 'null');
  none('', 'an empty body');
  none('{}', 'no time');
  none(withFields(exec, {}, { time: null }), 'a null time (the decoder would read evt.time)');
  none(withFields(exec, {}, { time: 1795165200 }), 'a numeric time');
  none(withFields(exec, {}, { time: 'yesterday' }), 'a time that is not RFC 3339');
  none(withFields(exec, {}, { time: '2026-11-20T09:00:00.\u0031Z' }).replace('.1Z', '.\\u0031Z'), 'an escape in the time');
  none(withFields(exec, {}, { output: 7 }), 'a numeric output (the decoder rejects it)');
  none(withFields(exec, {}, { output: 'bad \\x escape' }).replace('\\\\x', '\\x'), 'an invalid escape in the output');
  none(withFields(exec, {}, { uuid: 'caf\u00e9' }), 'a non-ASCII uuid');
  none(withFields(exec, {}, { uuid: { a: 1 } }), 'an object uuid');
  for (const name of VOLATILE) {
    none(withFields(exec, { [name]: { a: 1 } }), `${name}: an object`);
    none(withFields(exec, { [name]: [1] }), `${name}: an array`);
    none(withFields(exec, { [name]: 'a\tb' }), `${name}: an escape`);
    none(withFields(exec, { [name]: '\u00e9' }), `${name}: not ASCII`);
    none(withFields(exec, { [name]: '\ufffd' }), `${name}: a replacement character (the decoder warns)`);
    none(withFields(exec, { [name]: 7 }).replace(`"${name}":7`, `"${name}":07`), `${name}: a leading zero`);
    none(withFields(exec, { [name]: 7 }).replace(`"${name}":7`, `"${name}":tru`), `${name}: a cut literal`);
    for (const ok of [7, -1.5e3, 0, true, false, null, '123', '']) t.ok(key(withFields(exec, { [name]: ok })), `${name}: ${JSON.stringify(ok)} is plain`);
  }
  const connect = connectEvent();
  none(withFields(connect, { 'fd.lport': '\u00e9' }), 'a non-ASCII local port');
  // Special keys twice at their level: JSON.parse keeps the last one.
  const withPort = withFields(connectEvent({ fields: exec.output_fields }), { 'evt.type': 'connect' }, { uuid: 'u' });
  const inner = (extra: string): string => withPort.replace('"output_fields":{', `"output_fields":{${extra}`);
  const outer = (extra: string): string => withPort.replace('{"hostname"', `{${extra}"hostname"`);
  t.ok(key(withPort));
  for (const name of [...VOLATILE, 'fd.lport', 'evt.type']) none(inner(`"${name}":1,`), `${name} twice`);
  none(outer('"time":"2026-11-20T09:00:00.000000001Z",'), 'time twice');
  none(outer('"output":"x",'), 'output twice');
  none(outer('"uuid":"a",'), 'uuid twice');
  none(outer('"output_fields":{},'), 'output_fields twice');
  t.ok(key(outer('"rule":"Vigil other",')), 'another key twice is kept byte for byte (the decoder counts nothing)');
  t.ok(key(inner('"proc.name":"x",')), 'the same inside output_fields');
  t.ok(key(inner('"x":{"proc.pid":1,"proc.pid":2},')), 'special names deeper are ordinary');
  // Escapes in keys could spell a special name.
  none(outer('"ti\\u006de":"2026-11-20T09:00:00.000000001Z",'), 'an escaped key at the top');
  none(inner('"proc.p\\u0069d":1,'), 'an escaped key in output_fields');
  none(inner('"x":{"a\\"b":1},'), 'an escaped key deeper');
  // Malformed JSON.
  for (const [bad, why] of [
    [`${good}x`, 'trailing bytes'],
    [`${good}}`, 'a closing brace too many'],
    [good.replace('"rule":', '"rule" '), 'a missing colon'],
    [good.replace(',"rule":', '"rule":'), 'a missing comma'],
    [good.replace('"tags":["', '"tags":[,"'), 'a comma too many'],
    [good.replace('"tags":[', '"tags":[1,]'), 'a trailing comma'],
    [good.replace('"rule":"', '"rule":"\u0001'), 'a control character in a string'],
    [good.replace('"user.uid":0', '"user.uid":-'), 'a lone minus'],
    [good.replace('"user.uid":0', '"user.uid":1.'), 'a dot without digits'],
    [good.replace('"user.uid":0', '"user.uid":1e'), 'an exponent without digits'],
    [good.replace('"user.uid":0', '"user.uid":\u00e9'), 'a byte that starts no value'],
    [good.replace('"rule":"', '"rule":"\\u12G4'), 'a bad \\u escape'],
    [good.replace('"tags":', '"tags":{"a":1,}'), 'a trailing comma in an object'],
    [good.replace('"tags":', '"tags":{1:2}'), 'a key that is not a string'],
  ] as const) {
    none(bad, why);
    t.throws(() => JSON.parse(bad), why);
  }
  none(good.replace('"tags":', `"tags":${'['.repeat(20)}${']'.repeat(20)},"x":`), 'nesting deeper than 16');
  t.ok(key(good.replace('"tags":', `"tags":${'['.repeat(10)}{"a":[true,false,null,-0.5E+2,"\\ud83d\\u00e9\\n\\/"]}${']'.repeat(10)},"x":`)), 'nesting to 12, every kind of value');
  none(withFields(exec, { 'proc.cmdline': 'x'.repeat(MAX_FINGERPRINT_BYTES) }), 'a key over the limit');
  none(withFields(exec, {}, { output: 'x'.repeat(MAX_JSON_BODY_BYTES) }), 'a body too long to scan');
  none(withFields(exec, Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`x${i}`, { 'proc.pid': 1 }]))).replace(/"x\d+":\{"proc\.pid":1\}/g, '"proc.pid":1'), 'special keys many times');
});

t.test('truncated bodies and junk never throw and get no fingerprint', async (t) => {
  const whole = Buffer.from(withFields(connectEvent(), {}));
  for (let n = 0; n < whole.length; n++) {
    if (fingerprintJsonEvent(whole.subarray(0, n)) !== null) t.fail(`a prefix of ${n} bytes has a fingerprint`);
  }
  t.ok(fingerprintJsonEvent(whole), 'the whole body does');
  let state = 7;
  for (let i = 0; i < 3000; i++) {
    const junk = Buffer.alloc(1 + (i % 200));
    for (let j = 0; j < junk.length; j++) junk[j] = (state = (state * 1103515245 + 12345) & 0x7fffffff) % 256;
    if (i % 3 === 0) junk[0] = 0x7b;
    fingerprintJsonEvent(junk);
  }
  t.pass('random bytes never throw');
});

t.test('every event of the corpus has a fingerprint with the time the decoder reads', async (t) => {
  let count = 0;
  for (const file of Object.keys(loadExpectations())) {
    for (const { line } of loadCorpus(file)) {
      const fp = fingerprintJsonEvent(Buffer.from(line));
      if (timeNs(fp) !== decodeJsonEvent(parseJsonEvents(line)[0]).event.timeNs) t.fail(`${file}: ${line.slice(0, 120)}`);
      count++;
    }
  }
  t.ok(count > 900, `${count} events`);
});

// ---- Random mutations: equal fingerprints must mean the same event but for the left-out values.

/** What decoding a body comes to, without what the fingerprint leaves out. */
function essence(body: Buffer): string {
  let decoded;
  try {
    const items = parseJsonEvents(body.toString('utf8'));
    if (items.length !== 1) return `items ${items.length}`;
    decoded = decodeJsonEvent(items[0]);
  } catch (err) {
    if (err instanceof FalcoDecodeError) return `rejected ${err.reason}`;
    throw err;
  }
  const { event } = decoded;
  const connect = event.fields.get('evt.type') === 'connect';
  const fields = [...event.fields].filter(([k]) => !VOLATILE.includes(k) && !(connect && k === 'fd.lport'));
  return JSON.stringify({ ...event, timeNs: 0, output: 0, fields, warnings: decoded.warnings, unknownKeys: decoded.unknownKeys }, (_k, v: unknown) =>
    typeof v === 'bigint' ? `${v}n` : v,
  );
}

/** Replaces the last digit of a number with another, keeping its length. */
const nudge = (v: unknown, k: number): unknown => {
  if (typeof v === 'bigint') return v - (v % 10n) + ((v % 10n) + BigInt(k)) % 10n;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v - (v % 10) + (((v % 10) + k) % 10);
  return v;
};

/** The same event with other left-out values of the same lengths, so that byte offsets line up. */
function variant(e: Record<string, unknown>, k: number): Buffer {
  const fields = { ...(e.output_fields as Record<string, unknown>) };
  for (const name of VOLATILE) if (name in fields) fields[name] = nudge(fields[name], k);
  if (fields['evt.type'] === 'connect') fields['fd.lport'] = nudge(fields['fd.lport'], k);
  const time = String(e.time);
  const output = String(e.output ?? '');
  return Buffer.from(
    toJsonLine({
      ...e,
      output_fields: fields,
      time: `${time.slice(0, -2)}${(Number(time.at(-2)) + k) % 10}Z`,
      output: `${'ABCD'[k] ?? 'E'}${output.slice(1)}`,
      uuid: `0000000${k}`,
    }),
  );
}

const INTERESTING = [...'"\\,:{}[]0123456789-+.eE tfnu /ax'].map((c) => c.charCodeAt(0)).concat([0x00, 0x0a, 0x1f, 0x7f, 0x80, 0xc3, 0xff]);

t.test('random mutations of corpus events: equal fingerprints, equal events', async (t) => {
  const corpus = Object.keys(loadExpectations()).flatMap((f) => loadCorpus(f).map((c) => c.json));
  const random = seededRandom(20261122);
  const groups = new Map<string, { essence: string; body: string }>();
  let fingerprinted = 0;
  let shared = 0;
  for (let i = 0; i < 4000; i++) {
    const event = corpus[random(corpus.length)] as Record<string, unknown>;
    const bodies = [0, 1, 2].map((k) => variant(event, k));
    const length = bodies[0]?.length ?? 0;
    // The same edits at the same offsets in each variant: 1–3 bytes replaced, inserted or removed.
    const edits = Array.from({ length: 1 + random(3) }, () => ({ at: random(length), kind: random(3), byte: INTERESTING[random(INTERESTING.length)] ?? 0 }));
    for (const original of bodies) {
      let body = original;
      for (const { at, kind, byte } of edits) {
        const b = Buffer.from([byte]);
        if (kind === 0) (body = Buffer.from(body))[at] = byte;
        else if (kind === 1) body = Buffer.concat([body.subarray(0, at), b, body.subarray(at)]);
        else body = Buffer.concat([body.subarray(0, at), body.subarray(at + 1)]);
      }
      const fp = fingerprintJsonEvent(body);
      if (fp === null) continue;
      fingerprinted++;
      try {
        JSON.parse(body.toString('utf8'));
      } catch {
        t.fail('a fingerprint for what JSON.parse rejects', { found: body.toString() });
      }
      const e = essence(body);
      if (!e.startsWith('rejected')) {
        const decoded = decodeJsonEvent(parseJsonEvents(body.toString('utf8'))[0]).event.timeNs;
        if (timeNs(fp) !== decoded) t.fail(`time ${timeNs(fp)} against ${decoded}`, { found: body.toString() });
      }
      const k = `${fp.hash}:${fp.bytes.toString('latin1')}`;
      const seen = groups.get(k);
      if (!seen) groups.set(k, { essence: e, body: body.toString() });
      else {
        shared++;
        if (seen.essence !== e) t.fail(`one fingerprint, two events`, { found: body.toString(), wanted: seen.body });
      }
    }
  }
  t.ok(fingerprinted > 3000, `${fingerprinted} of 12000 mutated bodies fingerprinted`);
  t.ok(shared > 2000, `${shared} shared a fingerprint with an earlier one`);
});

// ---- The scan reads strings four bytes at a time where the body allows (json-fingerprint.ts).

/** `text` as a Buffer that starts `offset` bytes past a 4-byte boundary, as slices of socket reads do. */
function at(offset: number, text: string | Buffer): Buffer {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  const room = Buffer.alloc(bytes.length + 8);
  const start = offset + ((4 - (room.byteOffset & 3)) & 3);
  bytes.copy(room, start);
  return room.subarray(start, start + bytes.length);
}

t.test('a byte that ends or spoils a string is found at every place in a word, at every alignment', async (t) => {
  const LENGTH = 24;
  /** The event with `insert` at place `i` of a 24-byte string: the command line (kept) or proc.pid (left out). */
  const body = (where: 'kept' | 'cut', i: number, insert: number[], offset: number): Buffer => {
    const template = withFields(exec, where === 'kept' ? { 'proc.cmdline': 'MARK', 'proc.pid': 7 } : { 'proc.cmdline': 'x', 'proc.pid': 'MARK' });
    const [before = '', after = ''] = template.split('MARK');
    const filler = (n: number): Buffer => Buffer.from('x'.repeat(n));
    return at(offset, Buffer.concat([Buffer.from(before), filler(i), Buffer.from(insert), filler(LENGTH - i - 1), Buffer.from(after)]));
  };
  let checked = 0;
  for (let offset = 0; offset < 4; offset++) {
    for (let i = 0; i < LENGTH; i++) {
      const has = (where: 'kept' | 'cut', insert: number[]): boolean => fingerprintJsonEvent(body(where, i, insert, offset)) !== null;
      // In a kept value: a control character or a raw quote spoils the event; DEL, high bytes and an escape do not.
      for (const b of [0x00, 0x0a, 0x1f, 0x22]) if (has('kept', [b])) t.fail(`byte ${b} at ${i}, offset ${offset}: fingerprinted`);
      for (const b of [0x20, 0x7e, 0x7f, 0x80, 0xff]) if (!has('kept', [b])) t.fail(`byte ${b} at ${i}, offset ${offset}: not fingerprinted`);
      if (!has('kept', [0x5c, 0x22])) t.fail(`an escaped quote at ${i}, offset ${offset}: not fingerprinted`);
      if (has('kept', [0x5c, 0x78])) t.fail(`an invalid escape at ${i}, offset ${offset}: fingerprinted`);
      // In a left-out value, which must be plain printable ASCII: DEL and high bytes spoil it too.
      for (const b of [0x1f, 0x7f, 0x80, 0xc3]) if (has('cut', [b])) t.fail(`byte ${b} in proc.pid at ${i}, offset ${offset}: fingerprinted`);
      if (!has('cut', [0x7e])) t.fail(`~ in proc.pid at ${i}, offset ${offset}: not fingerprinted`);
      checked++;
    }
  }
  t.equal(checked, 4 * LENGTH, 'every place at every alignment');
  const one = withFields(exec, {});
  t.same([1, 2, 3].map((offset) => key(at(offset, one))), [key(one), key(one), key(one)], 'the same fingerprint at any alignment');
});

t.test("the time: Falco's shape read with the second reused, anything else as the decoder reads it", async (t) => {
  const times = [
    '2026-11-20T10:02:39.000000001Z',
    '2026-11-20T10:02:39.999999999Z',
    '2026-11-20T10:02:40.123456789Z',
    '2026-11-20T10:02:39.5Z',
    '2026-11-20T11:02:39.000000007+01:00',
    '2026-11-20T10:02:40.12345678xZ',
    '2026-11-20T10:02:40.123456789z',
    '2026-11-20T10:02:41.1234567890Z',
    '2026-13-20T10:02:40.123456789Z',
    '1969-12-31T23:59:59.500000000Z',
    '1969-12-31T23:59:59.250000000Z',
    '2026-11-20T10:02:40.123456789Z',
  ];
  for (const time of times) {
    const body = withFields(exec, {}, { time });
    const fp = fingerprintJsonEvent(Buffer.from(body));
    if (parseEventTimeNs(time) === null) t.equal(fp, null, `${time}: not a time the decoder takes, no fingerprint`);
    else t.equal(timeNs(fp), decodeJsonEvent(parseJsonEvents(body)[0]).event.timeNs, `${time}: the decoder's time`);
  }
});
