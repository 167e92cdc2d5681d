import t from 'tap';
import $protobuf from 'protobufjs/minimal.js';
import { falco } from '../../proto/gen/falco.js';
import { decodeOutputsResponse, encodeOutputsResponse } from '../../proto/falco-services.js';
import { OutputsDecoder } from '../../agent/falco/outputs-decoder.js';
import { loadCorpus, loadExpectations, toGrpcResponse } from '../support/corpus.js';

/** What a decoded message holds, compared field by field with the generated decoder's. */
function plain(m: falco.outputs.response): Record<string, unknown> {
  return JSON.parse(JSON.stringify({ ...m, time: m.time ? { seconds: Number(m.time.seconds ?? 0), nanos: m.time.nanos ?? 0 } : null, priority: m.priority, source_deprecated: m.source_deprecated, rule: m.rule, output: m.output, hostname: m.hostname, source: m.source, tags: m.tags, output_fields: m.output_fields })) as Record<string, unknown>;
}

t.test('the whole Falco corpus decodes exactly as the generated decoder does', async (t) => {
  const decoder = new OutputsDecoder();
  let n = 0;
  for (const file of Object.keys(loadExpectations())) {
    for (const c of loadCorpus(file)) {
      const bytes = encodeOutputsResponse(toGrpcResponse(c.json));
      const mine = decoder.decode(bytes);
      t.ok(mine instanceof falco.outputs.response);
      if (JSON.stringify(plain(mine)) !== JSON.stringify(plain(decodeOutputsResponse(bytes)))) t.fail(`${file}: ${c.line.slice(0, 120)}`);
      n++;
    }
  }
  t.ok(n > 500, `${n} events compared`);
});

t.test('field names are shared strings, and a different layout at the same position still decodes right', async (t) => {
  const decoder = new OutputsDecoder();
  const exec = encodeOutputsResponse({ rule: 'r', output_fields: { 'proc.exepath': '/bin/a', 'container.id': 'c1' } });
  const connect = encodeOutputsResponse({ rule: 'r', output_fields: { 'fd.rip': '10.0.0.1', 'container.id': 'c2' } });
  const a = decoder.decode(exec);
  const b = decoder.decode(connect);
  const c = decoder.decode(exec);
  t.same(a.output_fields, { 'proc.exepath': '/bin/a', 'container.id': 'c1' });
  t.same(b.output_fields, { 'fd.rip': '10.0.0.1', 'container.id': 'c2' });
  t.same(c.output_fields, a.output_fields);
  // More layouts than a position remembers: still right, only decoded instead of reused.
  for (let i = 0; i < 10; i++) {
    const key = `k8s.pod.label[l${i}]`;
    t.same(decoder.decode(encodeOutputsResponse({ output_fields: { [key]: String(i) } })).output_fields, { [key]: String(i) });
  }
  t.same(decoder.decode(exec).output_fields, a.output_fields);
});

t.test('defaults, last-wins fields, negative and large times, missing map halves, __proto__', async (t) => {
  const decoder = new OutputsDecoder();
  const empty = decoder.decode(Buffer.alloc(0));
  t.equal(empty.time, null);
  t.equal(empty.priority, 0);
  t.equal(empty.rule, '');
  t.same(empty.output_fields, {});
  t.same(empty.tags, []);

  const w = $protobuf.Writer.create();
  w.uint32(0x22).string('first').uint32(0x22).string('second'); // rule twice: the last wins
  w.uint32(0x0a).fork().uint32(0x08).int64(-5).uint32(0x10).int32(7).ldelim(); // time
  w.uint32(0x32).fork().uint32(0x12).string('no key').ldelim(); // map entry without a key
  w.uint32(0x32).fork().uint32(0x0a).string('no.value').ldelim(); // map entry without a value
  w.uint32(0x32).fork().uint32(0x0a).string('__proto__').uint32(0x12).string('x').ldelim();
  w.uint32(0x42).string('a').uint32(0x42).string('b');
  w.uint32(0x10).int32(-1); // a negative enum, ten varint bytes
  const bytes = Buffer.from(w.finish());
  t.same(plain(decoder.decode(bytes)), plain(decodeOutputsResponse(bytes)));
  const m = decoder.decode(bytes);
  t.equal(m.rule, 'second');
  t.same(m.time, { seconds: -5, nanos: 7 });
  t.equal(m.priority, -1);
  t.equal(m.output_fields[''], 'no key');
  t.equal(m.output_fields['no.value'], '');
  t.equal(Object.getOwnPropertyDescriptor(m.output_fields, '__proto__')?.value, 'x', '__proto__ is a plain key, not the prototype');
  t.same(m.tags, ['a', 'b']);

  const big = Buffer.from(falco.outputs.response.encode({ time: { seconds: 2 ** 40 + 3, nanos: 999_999_999 } }).finish());
  t.same(decoder.decode(big).time, { seconds: 2 ** 40 + 3, nanos: 999_999_999 });
});

t.test('unknown fields of every wire type are skipped', async (t) => {
  const decoder = new OutputsDecoder();
  const w = falco.outputs.response.encode({ rule: 'x', output_fields: { a: 'b' } });
  w.uint32((20 << 3) | 0).uint64(123456789012);
  w.uint32((21 << 3) | 1).fixed64(1);
  w.uint32((22 << 3) | 2).string('future');
  w.uint32((23 << 3) | 5).fixed32(1);
  w.uint32((24 << 3) | 3).uint32((1 << 3) | 0).uint32(5).uint32((24 << 3) | 4); // a group
  w.uint32(0x32).fork().uint32(0x0a).string('k').uint32((3 << 3) | 0).uint32(1).uint32(0x12).string('v').ldelim();
  const bytes = Buffer.from(w.finish());
  const m = decoder.decode(bytes);
  t.equal(m.rule, 'x');
  t.same(m.output_fields, { a: 'b', k: 'v' });
  t.same(plain(m), plain(decodeOutputsResponse(bytes)));
});

t.test('truncated or malformed messages fail instead of shortening a value', async (t) => {
  const decoder = new OutputsDecoder();
  const whole = encodeOutputsResponse({ rule: 'Vigil process exec', output_fields: { 'proc.exepath': '/usr/bin/curl' } });
  for (let cut = 1; cut < whole.length; cut++) {
    const part = whole.subarray(0, cut);
    let generated: unknown = null;
    try {
      decodeOutputsResponse(part);
    } catch (err) {
      generated = err;
    }
    let mine: unknown = null;
    try {
      decoder.decode(part);
    } catch (err) {
      mine = err;
    }
    t.equal(mine !== null, generated !== null, `cut at ${cut}: fails as the generated decoder does`);
  }
  t.throws(() => decoder.decode(Buffer.from([0x0f])), /invalid wire type 7/);
  t.throws(() => decoder.decode(Buffer.from([0x10, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])), /invalid varint/);
  t.throws(() => decoder.decode(Buffer.from([0x0a, 0x03, 0x08, 0x01])), RangeError, 'a Timestamp longer than the message');
});

t.test('invalid UTF-8 becomes U+FFFD, as on the JSON path', async (t) => {
  const decoder = new OutputsDecoder();
  const bytes = encodeOutputsResponse({ output_fields: { 'proc.exepath': '/bin/ab' } });
  bytes[bytes.length - 2] = 0xff;
  const m = decoder.decode(bytes);
  t.equal(m.output_fields['proc.exepath'], '/bin/\uFFFDb');
  t.same(plain(m), plain(decodeOutputsResponse(bytes)));
});
