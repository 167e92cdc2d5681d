import t from 'tap';
import { decodeJsonEvent, parseJsonEvents } from '../../agent/falco/json-event.js';

const base = {
  hostname: 'node-1',
  output: 'exec',
  priority: 'Informational',
  rule: 'Vigil process exec',
  source: 'syscall',
  tags: ['vigil'],
  time: '2026-11-20T09:00:00.123456789Z',
};

function decodeText(text: string) {
  const [first] = parseJsonEvents(text);
  return decodeJsonEvent(first);
}

t.test('a full Falco JSON event', async (t) => {
  const d = decodeText(
    JSON.stringify({ ...base, output_fields: { 'proc.pid': 7, 'container.name': null, 'x': '<NA>' } }).replace(
      '"proc.pid":7',
      '"proc.pid":7,"evt.time":1795165200123456789',
    ),
  );
  t.equal(d.event.timeNs, 1795165200123456789n);
  t.equal(d.event.fields.get('evt.time'), 1795165200123456789n, 'evt.time exact');
  t.equal(d.event.fields.get('proc.pid'), 7);
  t.equal(d.event.fields.get('container.name'), null);
  t.equal(d.event.fields.get('x'), null, '<NA> in JSON text is missing too');
  t.equal(d.event.priority, 'informational');
  t.equal(d.event.encoding, 'json');
  t.same(d.warnings, []);
});

t.test('output, tags and output_fields may be switched off', async (t) => {
  const { output: _o, tags: _t, ...rest } = base;
  const d = decodeJsonEvent(rest);
  t.equal(d.event.output, null);
  t.same(d.event.tags, []);
  t.equal(d.event.fields.size, 0);
});

t.test('Falcosidekick body: uuid is known, other extra keys are reported', async (t) => {
  const d = decodeJsonEvent({ ...base, uuid: 'a-b', output_fields: {}, extra: 1 });
  t.same(d.unknownKeys, ['extra']);
  t.same(d.warnings, ['unknown_field']);
});

t.test('unknown priority is kept as null with a warning', async (t) => {
  const d = decodeJsonEvent({ ...base, priority: 'Apocalyptic' });
  t.equal(d.event.priority, null);
  t.same(d.warnings, ['unknown_priority']);
});

t.test('time falls back to evt.time, then to now with a warning', async (t) => {
  const { time: _time, ...noTime } = base;
  const withEvt = decodeJsonEvent({ ...noTime, output_fields: { 'evt.time': 1795165200123456789n } });
  t.equal(withEvt.event.timeNs, 1795165200123456789n);
  const small = decodeJsonEvent({ ...noTime, output_fields: { 'evt.rawtime': 5 } });
  t.equal(small.event.timeNs, 5n);
  const before = BigInt(Date.now()) * 1_000_000n;
  const none = decodeJsonEvent(noTime);
  t.ok(none.event.timeNs >= before);
  t.same(none.warnings, ['missing_time']);
});

t.test('list and object field values are kept as JSON text', async (t) => {
  const d = decodeJsonEvent({ ...base, output_fields: { list: ['a', 1n], obj: { k: 'v' } } });
  t.equal(d.event.fields.get('list'), '["a","1"]');
  t.equal(d.event.fields.get('obj'), '{"k":"v"}');
});

t.test('wrong types are rejected with a message naming the field', async (t) => {
  const cases: Array<[unknown, RegExp]> = [
    ['just a string', /must be a JSON object, got string/],
    [null, /got null/],
    [[1], /got an array/],
    [{ ...base, rule: 5 }, /"rule" must be a string, got number 5/],
    [{ ...base, rule: undefined }, /"rule" must be a string, got nothing/],
    [{ ...base, output_fields: 'x' }, /"output_fields" must be an object/],
    [{ ...base, output_fields: [1] }, /"output_fields" must be an object, got an array/],
    [{ ...base, tags: 'vigil' }, /"tags" must be an array of strings/],
    [{ ...base, tags: [1] }, /"tags" must be an array of strings/],
    [{ ...base, time: 'yesterday' }, /"time" is not an RFC 3339 timestamp/],
    [{ ...base, hostname: {} }, /"hostname" must be a string, got an object/],
  ];
  for (const [input, message] of cases) {
    t.throws(() => decodeJsonEvent(input), { name: 'FalcoDecodeError', reason: 'invalid_event', message }, String(message));
  }
});

t.test('malformed JSON is a malformed_json decode error; arrays are batches', async (t) => {
  t.throws(() => parseJsonEvents('{"rule": '), { name: 'FalcoDecodeError', reason: 'malformed_json' });
  t.equal(parseJsonEvents('[{"a":1},{"b":2}]').length, 2);
  t.equal(parseJsonEvents('{"a":1}').length, 1);
});

t.test('event times stay exact across seconds, offsets and impossible dates', async (t) => {
  const at = (time: string): bigint => decodeJsonEvent({ ...base, time }).event.timeNs;
  t.equal(at('2026-11-20T09:00:00.000000001Z'), 1795165200000000001n);
  t.equal(at('2026-11-20T09:00:00.999999999Z'), 1795165200999999999n, 'same second, reused');
  t.equal(at('2026-11-20T09:00:01.000000000Z'), 1795165201000000000n, 'next second');
  t.equal(at('2026-11-20T09:00:00.000000001Z'), 1795165200000000001n, 'back to an earlier second');
  t.equal(at('2026-11-20T10:00:00.5+01:00'), 1795165200500000000n, 'offset and short fraction');
  t.throws(() => at('2026-13-45T99:00:00.000000000Z'), { name: 'FalcoDecodeError', reason: 'invalid_event', message: /RFC 3339/ }, 'impossible date');
  t.equal(at('2026-11-20T09:00:01.000000002Z'), 1795165201000000002n, 'the cache survives a refused time');
});
