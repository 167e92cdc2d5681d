import t from 'tap';
import { MAX_FINGERPRINT_BYTES } from '../../agent/falco/fingerprint-scratch.js';
import { fingerprintResponse } from '../../agent/falco/response-fingerprint.js';
import { eventTimeToNs } from '../../agent/falco/event.js';
import { encodeOutputsResponse, type OutputsResponse } from '../../proto/falco-services.js';
import { toGrpcResponse } from '../support/corpus.js';
import { acceptEvent, connectEvent, execEvent } from '../support/events.js';

function withFields(r: OutputsResponse, fields: Record<string, string>, over: Partial<OutputsResponse> = {}): Buffer {
  return encodeOutputsResponse({ ...r, ...over, output_fields: { ...(r.output_fields as Record<string, string>), ...fields } });
}

const exec = toGrpcResponse(execEvent({ exe: '/usr/bin/curl' }));
/** The fingerprint's bytes and hash, as one comparable string. */
function key(buf: Buffer): string | undefined {
  const fp = fingerprintResponse(buf);
  return fp ? `${fp.hash}:${fp.bytes.toString('latin1')}` : undefined;
}

t.test('time, output text, pids and evt.time do not change the fingerprint; the time is returned', async (t) => {
  // A fingerprint holds until the next call: each is read before the next is taken.
  const a = fingerprintResponse(withFields(exec, {}));
  t.ok(a?.bytes.length, 'a key');
  t.equal(a && eventTimeToNs(a), BigInt(exec.time?.seconds ?? 0) * 1_000_000_000n + BigInt(exec.time?.nanos ?? 0));
  const b = fingerprintResponse(
    withFields(exec, { 'proc.pid': '999', 'evt.time': '10:00:00.000000001' }, { time: { seconds: 1_800_000_000, nanos: 7 }, output: 'other text' }),
  );
  t.equal(b && eventTimeToNs(b), 1_800_000_000_000_000_007n);
  t.equal(key(withFields(exec, {})), key(withFields(exec, { 'proc.pid': '999', 'evt.time': '10:00:00.000000001' }, { time: { seconds: 1_800_000_000, nanos: 7 }, output: 'other text' })));
});

t.test('every other field, its name and its value, changes it', async (t) => {
  const base = key(withFields(exec, {}));
  for (const name of Object.keys(exec.output_fields as Record<string, string>)) {
    if (name === 'proc.pid' || name === 'evt.time') continue;
    t.not(key(withFields(exec, { [name]: 'something else' })), base, `value of ${name}`);
  }
  t.not(key(withFields(exec, { 'an.extra.field': 'x' })), base, 'an extra field');
  t.not(key(withFields(exec, {}, { rule: 'Vigil other rule' })), base, 'the rule');
  t.not(key(withFields(exec, {}, { hostname: 'node-2' })), base, 'the hostname');
  t.not(key(withFields(exec, {}, { priority: 3 })), base, 'the priority');
  t.not(key(withFields(exec, {}, { source: 'k8s_audit' })), base, 'the source');
  t.not(key(withFields(exec, {}, { tags: ['x'] })), base, 'the tags');
});

t.test('each per-process field is left out by its exact name; names that share its length and ends are not', async (t) => {
  const volatile = ['proc.pid', 'proc.ppid', 'proc.vpid', 'evt.time', 'evt.rawtime', 'evt.time.iso8601'];
  for (const name of volatile) {
    t.equal(key(withFields(exec, { [name]: '1234' })), key(withFields(exec, { [name]: '98765' })), `${name} is left out`);
    // The same length, the same first and last four bytes, one byte in the middle changed.
    const near = name.length > 8 ? `${name.slice(0, 4)}X${name.slice(5)}` : name.toUpperCase();
    t.not(key(withFields(exec, { [near]: '1234' })), key(withFields(exec, { [near]: '98765' })), `${near} counts`);
  }
});

t.test("an outbound connection's local port is left out; an inbound one's listening port is not", async (t) => {
  const connect = toGrpcResponse(connectEvent({ peer: '10.0.0.9', port: 443 }));
  t.equal(key(withFields(connect, { 'fd.lport': '40001' })), key(withFields(connect, { 'fd.lport': '51234' })));
  t.not(key(withFields(connect, { 'fd.rport': '444' })), key(withFields(connect, {})), 'the remote port counts');
  const accept = toGrpcResponse(acceptEvent({ port: 80 }));
  t.not(key(withFields(accept, { 'fd.lport': '80' })), key(withFields(accept, { 'fd.lport': '443' })));
});

t.test('malformed, unusual or huge messages get no fingerprint and never throw', async (t) => {
  const whole = withFields(exec, {});
  let none = 0;
  for (let n = 0; n < whole.length; n++) {
    const fp = fingerprintResponse(whole.subarray(0, n));
    if (fp === null) none++;
  }
  t.ok(none > whole.length * 0.9, `truncated messages: ${none} of ${whole.length} without fingerprint`);
  t.equal(fingerprintResponse(withFields(exec, {}, { time: null })), null, 'no time');
  t.equal(fingerprintResponse(Buffer.from([0x0a, 0x02, 0x08, 0x01, 0xf8, 0x01, 0x00])), null, 'a field number above 15');
  t.equal(fingerprintResponse(Buffer.from([0x0a, 0x00, 0x0d, 0, 0, 0, 0])), null, 'a fixed32 field');
  t.equal(fingerprintResponse(Buffer.from([0x0a, 0x02, 0x10, 0xff])), null, 'a cut varint in the time');
  t.equal(fingerprintResponse(Buffer.from([0x0a, 0x02, 0x18, 0x01])), null, 'an unknown field in the time');
  t.equal(fingerprintResponse(Buffer.from([0x0a, 0x06, 0x10, 0x80, 0x94, 0xeb, 0xdc, 0x03])), null, 'nanos of a second or more');
  t.equal(fingerprintResponse(Buffer.from([0x0a, 0x00, 0x32, 0x02, 0x12, 0x00])), null, 'a map entry without its key first');
  t.equal(fingerprintResponse(Buffer.from([0x0a, 0x00, 0x32, 0x04, 0x0a, 0x01, 0x61, 0x1a])), null, 'a map entry with a third field');
  t.ok(fingerprintResponse(Buffer.from([0x0a, 0x00, 0x32, 0x03, 0x0a, 0x01, 0x61])), 'a map entry with an empty value is fine');
  t.equal(fingerprintResponse(withFields(exec, { 'proc.cmdline': 'x'.repeat(MAX_FINGERPRINT_BYTES) })), null, 'a key over the limit');
  t.equal(fingerprintResponse(withFields(exec, {}, { output: 'x'.repeat(3 * MAX_FINGERPRINT_BYTES) })), null, 'a message too long to scan');
  for (let i = 0; i < 2000; i++) {
    const junk = Buffer.from(Array.from({ length: 1 + (i % 60) }, (_, j) => (i * 131 + j * 71) % 256));
    fingerprintResponse(junk); // must return, never throw
  }
  t.pass('random bytes never throw');
});

t.test('a left-out field that the decoder would reject or warn about takes the full path', async (t) => {
  t.ok(fingerprintResponse(withFields(exec, { 'proc.pid': '123' })), 'digits');
  const bad = withFields(exec, { 'proc.pid': 'AB' });
  bad.write('\xff\xfe', bad.indexOf('proc.pid') + 'proc.pid'.length + 2, 'latin1');
  t.equal(fingerprintResponse(bad), null, 'invalid UTF-8 in the pid: the decoder counts a warning');
  const odd = withFields(exec, { 'proc.pid': 'AB' });
  odd[odd.indexOf('proc.pid') + 'proc.pid'.length + 1] = 1; // the value claims 1 byte of 2
  t.equal(fingerprintResponse(odd), null, 'a malformed pid entry');
});

t.test('a map entry with anything after its value gets no fingerprint (the decoder lets a second key win)', async (t) => {
  // An extra entry whose key "abc" is overridden by a second key field "evt.type": the decoder
  // reads evt.type=accept4 from it, so this message must not be fingerprinted as a connect.
  const accept = withFields(toGrpcResponse(acceptEvent({ port: 8080 })), { 'evt.type': 'connect' });
  const entry = Buffer.concat([Buffer.from([0x0a, 3]), Buffer.from('abc'), Buffer.from([0x12, 7]), Buffer.from('accept4'), Buffer.from([0x0a, 8]), Buffer.from('evt.type')]);
  t.ok(fingerprintResponse(accept), 'the message itself');
  t.equal(fingerprintResponse(Buffer.concat([accept, Buffer.from([0x32, entry.length]), entry])), null);
  const long = Buffer.concat([Buffer.from([0x0a, 3]), Buffer.from('abc'), Buffer.from([0x12, 0x80, 0x01]), Buffer.alloc(128, 0x61)]);
  t.ok(fingerprintResponse(Buffer.concat([accept, Buffer.from([0x32, 0x88, 0x01]), long])), 'a value of 128 bytes (two-byte length) is fine');
});
