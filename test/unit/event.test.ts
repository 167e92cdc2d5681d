import t from 'tap';
import {
  fieldBool,
  fieldInt,
  fieldNs,
  fieldText,
  formatRfc3339Ns,
  parseRfc3339Ns,
  priorityFromName,
  priorityFromNumber,
  type FalcoEvent,
  type FieldValue,
} from '../../agent/falco/event.js';

function event(fields: Record<string, FieldValue>): FalcoEvent {
  return {
    timeNs: 0n,
    priority: 'informational',
    rule: 'r',
    source: 'syscall',
    hostname: 'h',
    output: null,
    tags: [],
    fields: new Map(Object.entries(fields)),
    encoding: 'json',
  };
}

t.test('RFC 3339 with nine fractional digits round-trips exactly', async (t) => {
  const text = '2026-11-20T09:00:00.123456789Z';
  const ns = parseRfc3339Ns(text);
  t.equal(ns, 1795165200123456789n);
  t.equal(formatRfc3339Ns(ns ?? 0n), text);
  t.equal(parseRfc3339Ns('2026-11-20T09:00:00Z'), 1795165200000000000n, 'no fraction');
  t.equal(parseRfc3339Ns('2026-11-20T10:00:00.5+01:00'), 1795165200500000000n, 'offset and short fraction');
  t.equal(parseRfc3339Ns('yesterday'), null);
  t.equal(parseRfc3339Ns('2026-13-45T99:00:00Z'), null, 'impossible date');
  t.equal(formatRfc3339Ns(5n), '1970-01-01T00:00:00.000000005Z');
});

t.test('accessors read both encodings alike', async (t) => {
  const e = event({
    'proc.pid': 42,
    'fd.rport': '443',
    'proc.is_exe_upper_layer': true,
    'text.bool': 'false',
    'empty': '',
    'missing': null,
    'big': 1763629200123456789n,
    'word': 'abc',
    'float': 1.5,
  });
  t.equal(fieldInt(e, 'proc.pid'), 42);
  t.equal(fieldInt(e, 'fd.rport'), 443, 'numeric text from gRPC');
  t.equal(fieldInt(e, 'word'), null);
  t.equal(fieldInt(e, 'float'), null);
  t.equal(fieldInt(e, 'absent'), null);
  t.equal(fieldInt(e, 'big'), 1763629200123456789, 'bigint narrows');
  t.equal(fieldBool(e, 'proc.is_exe_upper_layer'), true);
  t.equal(fieldBool(e, 'text.bool'), false);
  t.equal(fieldBool(e, 'word'), null);
  t.equal(fieldText(e, 'proc.pid'), '42');
  t.equal(fieldText(e, 'empty'), null, 'empty text counts as missing');
  t.equal(fieldText(e, 'missing'), null);
  t.equal(fieldText(e, 'big'), '1763629200123456789');
});

t.test('fieldNs: exact nanoseconds from a JSON integer or gRPC digits; 0 and junk are unknown', async (t) => {
  const e = event({
    json: 1795165199876543210n,
    grpc: '1795165199876543210',
    small: 1_000,
    zero: 0n,
    zeroText: '0',
    negative: -5n,
    unsafe: 2 ** 60,
    signed: '-1795165199876543210',
    word: 'soon',
    uint64Max: '18446744073709551615',
    tooBig: 18446744073709551616n,
    tooLong: '99999999999999999999',
    na: null,
  });
  t.equal(fieldNs(e, 'json'), 1795165199876543210n, 'a bigint keeps every digit');
  t.equal(fieldNs(e, 'grpc'), 1795165199876543210n, 'gRPC text digits');
  t.equal(fieldNs(e, 'small'), 1000n, 'a safe JSON number');
  t.equal(fieldNs(e, 'zero'), null, 'Falco sends 0 when it does not know');
  t.equal(fieldNs(e, 'zeroText'), null);
  t.equal(fieldNs(e, 'negative'), null);
  t.equal(fieldNs(e, 'unsafe'), null, 'a number that already lost digits is not trusted');
  t.equal(fieldNs(e, 'signed'), null);
  t.equal(fieldNs(e, 'word'), null);
  t.equal(fieldNs(e, 'uint64Max'), 18446744073709551615n);
  t.equal(fieldNs(e, 'tooBig'), null, 'beyond uint64: not a Falco time');
  t.equal(fieldNs(e, 'tooLong'), null);
  t.equal(fieldNs(e, 'na'), null, 'null (JSON) or <NA> (gRPC, decoded to null)');
  t.equal(fieldNs(e, 'absent'), null);
  t.equal(formatRfc3339Ns(fieldNs(e, 'uint64Max') ?? 0n), '2554-07-21T23:34:33.709551615Z', 'the largest accepted value still formats');
});

t.test('priorities by name and number', async (t) => {
  t.equal(priorityFromName('Informational'), 'informational');
  t.equal(priorityFromName('INFO'), 'informational');
  t.equal(priorityFromName('Critical'), 'critical');
  t.equal(priorityFromName('Severe'), null);
  t.equal(priorityFromNumber(0), 'emergency');
  t.equal(priorityFromNumber(7), 'debug');
  t.equal(priorityFromNumber(8), null);
  t.equal(priorityFromNumber(-1), null);
});
