import t, { type Test } from 'tap';
import { gzipSync } from 'node:zlib';
import { startAgent, type RunningAgent } from '../support/agent-harness.js';
import { FalcoHttpSender } from '../support/http-sender.js';
import { acceptEvent, connectEvent, execEvent, toJsonLine } from '../support/events.js';

async function httpAgent(t: Test, maxBodyBytes = 4 * 1024 * 1024): Promise<{ run: RunningAgent; sender: FalcoHttpSender }> {
  const run = await startAgent({ http: { host: '127.0.0.1', port: 0, maxBodyBytes } });
  const address = run.agent.httpAddress;
  if (!address) throw new Error('HTTP input did not start');
  const sender = new FalcoHttpSender(`http://127.0.0.1:${address.port}/`);
  t.teardown(async () => {
    sender.close();
    await run.stop();
  });
  return { run, sender };
}

t.test('one event per POST, like Falco http_output; evt.time stays exact', async (t) => {
  const { run, sender } = await httpAgent(t);
  const events = [execEvent({ exe: '/docker-entrypoint.sh' }), connectEvent(), acceptEvent()];
  for (const e of events) {
    const res = await sender.post(toJsonLine(e));
    t.equal(res.status, 200);
    t.same(JSON.parse(res.body), { accepted: 1 });
  }
  const obs = await run.waitForObservations(3);
  t.same(obs.map((o) => o.type), ['process', 'network', 'network']);
  // The observation time comes from the event's RFC 3339 `time`; evt.time, 19 digits, must be
  // the same instant to the nanosecond.
  const line = toJsonLine(events[0] ?? {});
  const evtTime = /"evt\.time":(\d+)/.exec(line)?.[1];
  const seconds = BigInt(Math.floor(Date.parse(obs[0]?.time ?? '') / 1000));
  const nanos = (obs[0]?.time ?? '').slice(20, 29);
  t.equal(`${seconds}${nanos}`, evtTime, 'nanoseconds exact');
  t.equal(await run.metric('vigil_agent_falco_events_total', { input: 'http' }), 3);
});

t.test('Falcosidekick webhook body, gzip, and batched arrays', async (t) => {
  const { run, sender } = await httpAgent(t);
  const sidekick = { ...execEvent({ exe: '/usr/bin/sidekick' }), uuid: '2a8f3c1e-9d4b-4f6a-8e2d-1c3b5a7d9e0f' };
  t.equal((await sender.post(toJsonLine(sidekick))).status, 200);
  const zipped = gzipSync(toJsonLine(execEvent({ exe: '/usr/bin/gzipped' })));
  t.equal((await sender.post(zipped, { 'Content-Encoding': 'gzip' })).status, 200);
  const batch = `[${toJsonLine(execEvent({ exe: '/b/1' }))},${toJsonLine(execEvent({ exe: '/b/2' }))}]`;
  t.same(JSON.parse((await sender.post(batch)).body), { accepted: 2 });
  const obs = await run.waitForObservations(4);
  t.same(obs.map((o) => o.process?.exe), ['/usr/bin/sidekick', '/usr/bin/gzipped', '/b/1', '/b/2']);
  t.equal(await run.metric('vigil_agent_falco_event_warnings_total', { warning: 'unknown_field' }), 0, 'uuid is a known field');
});

t.test('batches from forwarders: JSON arrays and newline-delimited JSON', async (t) => {
  const { run, sender } = await httpAgent(t);
  const line = (exe: string, pid = 100): string => toJsonLine(execEvent({ exe, fields: { 'proc.pid': pid } }));
  const post = async (body: string): Promise<{ status: number; answer: unknown }> => {
    const res = await sender.post(body);
    return { status: res.status, answer: JSON.parse(res.body) };
  };

  // The same three events twice, with new pids (json-repeat-replay.test.ts shows such repeats replayed).
  t.same(await post(`[${line('/a/1')},${line('/a/2')},${line('/a/3')}]`), { status: 200, answer: { accepted: 3 } });
  t.same(await post(`[\n ${line('/a/1', 201)} ,\n ${line('/a/2', 202)},${line('/a/3', 203)}\n]\n`), { status: 200, answer: { accepted: 3 } });

  // Fluent Bit's json_lines and Vector's newline_delimited framing; \r\n and blank lines too.
  t.same(await post(`${line('/nd/1')}\r\n\n${line('/nd/2')}\n${line('/a/1', 301)}\n`), { status: 200, answer: { accepted: 3 } });

  // A pretty-printed event is one document over several lines, not lines.
  t.same(await post(JSON.stringify(JSON.parse(line('/pretty')), null, 2)), { status: 200, answer: { accepted: 1 } });

  // An element with an escaped key: the scan stops there and the full parser takes the rest.
  const escaped = line('/escaped').replace('"rule"', '"\\u0072ule"');
  t.same(await post(`[${line('/e/1')},${escaped},${line('/e/3')}]`), { status: 200, answer: { accepted: 3 } });

  // Bad elements and lines are rejected one by one; the others are taken.
  t.same(await post(`[${line('/bad/1')}, 7, ${line('/bad/3')}]`), {
    status: 400,
    answer: { accepted: 2, rejected: 1, error: 'element 2: event must be a JSON object, got number 7' },
  });
  const lines = await post(`${line('/bad/4')}\n{"rule": \n${line('/bad/6')}\n`);
  t.equal(lines.status, 400);
  t.match(lines.answer, { accepted: 2, rejected: 1, error: /^line 2: malformed JSON/ });
  // A malformed array: the elements before the break are taken, and the answer says so.
  const broken = await post(`[${line('/broken/1')},${line('/broken/2').slice(0, 40)}`);
  t.equal(broken.status, 400);
  t.match(broken.answer, { accepted: 1, error: /^malformed JSON/ });

  // This agent prints every observation (no collector), so repeats are decoded and printed too.
  const obs = await run.waitForObservations(18);
  t.same(
    obs.map((o) => o.process?.exe),
    ['/a/1', '/a/2', '/a/3', '/a/1', '/a/2', '/a/3', '/nd/1', '/nd/2', '/a/1', '/pretty', '/e/1', '/escaped', '/e/3'].concat(
      ['/bad/1', '/bad/3', '/bad/4', '/bad/6', '/broken/1'],
    ),
    'every accepted event, in the order sent',
  );
  const rejected = async (reason: string): Promise<number> => run.metric('vigil_agent_falco_rejected_total', { input: 'http', reason });
  t.equal(await rejected('invalid_event'), 1);
  t.equal(await rejected('malformed_json'), 2);
  t.equal(await run.metric('vigil_agent_falco_events_total', { input: 'http' }), 3 + 3 + 3 + 1 + 3 + 2 + 2 + 1);
});

t.test('bad batches: one error for a malformed document, and at most 100 failed events read per body', async (t) => {
  const { run, sender } = await httpAgent(t);
  const rejected = async (): Promise<Record<string, number>> => ({
    malformed: await run.metric('vigil_agent_falco_rejected_total', { input: 'http', reason: 'malformed_json' }),
    invalid: await run.metric('vigil_agent_falco_rejected_total', { input: 'http', reason: 'invalid_event' }),
  });
  const post = async (body: string): Promise<{ status: number; answer: Record<string, unknown> }> => {
    const res = await sender.post(body);
    return { status: res.status, answer: JSON.parse(res.body) as Record<string, unknown> };
  };
  const event = toJsonLine(execEvent({ exe: '/cap/ok' }));

  // A pretty-printed event with a stray comma is one malformed body, not seventeen bad lines.
  const typo = JSON.stringify(JSON.parse(event), null, 2).replace('"rule"', ',"rule"');
  t.ok(typo.split('\n').length > 10);
  const one = await post(typo);
  t.equal(one.status, 400);
  t.same(Object.keys(one.answer), ['error']);
  t.match(one.answer.error, /^malformed JSON/);
  // So is a body of lines whose first line is not JSON by itself.
  const lines = await post(`{"rule":\n${event}\n${event}\n`);
  t.same([lines.status, Object.keys(lines.answer)], [400, ['error']]);
  t.match(lines.answer.error, /^malformed JSON/);
  t.same(await rejected(), { malformed: 2, invalid: 0 }, 'one rejection each');

  // After 100 failed events the rest of the body is not read.
  const stopped = {
    accepted: 1,
    rejected: 100,
    error: 'element 2: event must be a JSON object, got number 1',
    stopped: '100 events failed: the rest of the body was not read',
  };
  t.same(await post(`[${event},${Array.from({ length: 150 }, () => '1').join(',')},${event}]`), { status: 400, answer: stopped });
  t.same(await post(`${event}\n${Array.from({ length: 150 }, () => '1').join('\n')}\n${event}\n`), {
    status: 400,
    answer: { ...stopped, error: 'line 2: event must be a JSON object, got number 1' },
  });
  t.same(await rejected(), { malformed: 2, invalid: 200 });
  // Exactly 100 bad ones and nothing after: every event was read.
  t.same((await post(`[${event},${Array.from({ length: 100 }, () => '1').join(',')}]`)).answer, {
    accepted: 1,
    rejected: 100,
    error: 'element 2: event must be a JSON object, got number 1',
  });

  // A malformed array: the events before the break are taken and the answer counts them.
  const broken = await post(`[${event},5,${event.slice(0, 40)}`);
  t.equal(broken.status, 400);
  t.match(broken.answer, { accepted: 1, rejected: 1, error: /^malformed JSON/ });
  t.same(await rejected(), { malformed: 3, invalid: 301 });
  const obs = await run.waitForObservations(4);
  t.same(
    obs.map((o) => o.process?.exe),
    ['/cap/ok', '/cap/ok', '/cap/ok', '/cap/ok'],
    'the event before each stop or break',
  );
  t.equal(await run.metric('vigil_agent_falco_events_total', { input: 'http' }), 4, 'and none after');
});

t.test('bad requests get a clear status and are counted; the receiver keeps going', async (t) => {
  const { run, sender } = await httpAgent(t, 64 * 1024);
  const malformed = await sender.post('{"rule": "Vigil process exec", ');
  t.equal(malformed.status, 400);
  t.match(JSON.parse(malformed.body), { error: /^malformed JSON: / });

  const wrongType = await sender.post(JSON.stringify({ rule: ['x'], time: '2026-11-20T09:00:00Z' }));
  t.equal(wrongType.status, 400);
  t.same(JSON.parse(wrongType.body), { accepted: 0, rejected: 1, error: '"rule" must be a string, got an array' });

  const partial = await sender.post(`[${toJsonLine(execEvent({ exe: '/ok' }))}, 5]`);
  t.equal(partial.status, 400);
  t.match(JSON.parse(partial.body), { accepted: 1, rejected: 1, error: /must be a JSON object, got number 5/ });

  const tooBig = await sender.post(toJsonLine(execEvent({ cmdline: 'y'.repeat(100 * 1024) })));
  t.equal(tooBig.status, 413);
  t.match(JSON.parse(tooBig.body), { error: /exceeds the 65536-byte limit/ });

  const bomb = await sender.post(gzipSync(Buffer.alloc(1024 * 1024, 0x20)), { 'Content-Encoding': 'gzip' });
  t.equal(bomb.status, 413, 'a small gzip body that inflates past the limit');

  const badGzip = await sender.post('not gzip at all', { 'Content-Encoding': 'gzip' });
  t.equal(badGzip.status, 400);
  const brotli = await sender.post('x', { 'Content-Encoding': 'br' });
  t.equal(brotli.status, 415);

  const get = await sender.post('', {}, 'GET');
  t.equal(get.status, 405);

  const unknownField = { ...execEvent({ exe: '/with-extra' }), falco_future_field: { a: 1 } };
  t.equal((await sender.post(toJsonLine(unknownField))).status, 200, 'unknown fields are ignored');

  // 0xff 0xfe wherever MARK stood: in the output text, proc.exepath and proc.name.
  const parts = toJsonLine(execEvent({ exe: '/bin/MARK' })).split('MARK');
  const invalidUtf8 = Buffer.concat(parts.flatMap((part, i) => (i === 0 ? [Buffer.from(part)] : [Buffer.from([0xff, 0xfe]), Buffer.from(part)])));
  t.equal((await sender.post(invalidUtf8)).status, 200, 'invalid UTF-8 is replaced, not refused');

  t.equal((await sender.post(toJsonLine(execEvent({ exe: '/still-working' })))).status, 200);
  const obs = await run.waitForObservations(4);
  t.same(obs.map((o) => o.process?.exe), ['/ok', '/with-extra', '/bin/\ufffd\ufffd', '/still-working']);

  const rejected = async (reason: string) => run.metric('vigil_agent_falco_rejected_total', { input: 'http', reason });
  t.equal(await rejected('malformed_json'), 1);
  t.equal(await rejected('invalid_event'), 2);
  t.equal(await rejected('too_large'), 2);
  t.equal(await rejected('bad_encoding'), 2);
  t.equal(await rejected('bad_method'), 1);
  t.equal(await run.metric('vigil_agent_falco_event_warnings_total', { input: 'http', warning: 'unknown_field' }), 1);
  t.equal(await run.metric('vigil_agent_falco_event_warnings_total', { input: 'http', warning: 'invalid_utf8' }), 1);
  await run.waitForLog((l) => l.msg === 'ignoring an unknown top-level field in Falco events (logged once per field)' && l.key === 'falco_future_field');
  await run.waitForLog((l) => l.msg === 'rejected a Falco payload' && l.reason === 'too_large');
});

t.test('a body that arrives in many chunks is gathered whole', async (t) => {
  const { run, sender } = await httpAgent(t);
  const events = Array.from({ length: 80 }, (_, i) => toJsonLine(execEvent({ exe: `/chunked/${i}`, cmdline: 'z'.repeat(2000) })));
  const batch = `[${events.join(',')}]`;
  t.ok(Buffer.byteLength(batch) > 128 * 1024, 'larger than one socket read');
  t.same(JSON.parse((await sender.post(batch)).body), { accepted: 80 });
  const obs = await run.waitForObservations(80);
  t.same(obs.map((o) => o.process?.exe), events.map((_, i) => `/chunked/${i}`));
});

t.test('a port already in use fails start-up with the address in the message', async (t) => {
  const { run } = await httpAgent(t);
  const port = run.agent.httpAddress?.port ?? 0;
  await t.rejects(startAgent({ http: { host: '127.0.0.1', port, maxBodyBytes: 1024 } }), {
    message: `cannot listen for Falco http_output on 127.0.0.1:${port}: EADDRINUSE`,
  });
});
