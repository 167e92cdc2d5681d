// The JSON inputs' replay of repeated events (json-fingerprint.ts, json-repeats.ts) must change
// nothing but the cost, as the gRPC input's (repeat-replay.test.ts): the corpus, many times
// over with new times, pids, output text, uuids and local ports, goes through a real HttpSource
// (over HTTP, some bodies gzip or deflate, a few batched) or a real JsonLinesSource into one
// pipeline, and is decoded in full into another. Their outboxes, byte for byte, and their
// metrics must be equal, through mode changes, identity changes and a relearn, while most
// events are replayed.
import t, { type Test } from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { deflateSync, gzipSync } from 'node:zlib';
import { decodeJsonEvent, parseJsonEvents } from '../../agent/falco/json-event.js';
import { HttpSource } from '../../agent/falco/http-source.js';
import { JsonLinesSource } from '../../agent/falco/jsonl-source.js';
import { AgentMetrics, type IngestSource } from '../../agent/metrics/agent-metrics.js';
import { DEFAULT_ATTRIBUTOR_OPTIONS } from '../../agent/model/attributor.js';
import { JsonLinesOutput } from '../../agent/output/stdout-output.js';
import { Ingest, type IngestSink } from '../../agent/pipeline/ingest.js';
import { loadCorpus, loadExpectations } from '../support/corpus.js';
import { acceptEvent, connectEvent, execEvent, toJsonLine } from '../support/events.js';
import { FalcoHttpSender } from '../support/http-sender.js';
import { metricsText, outbox, pipeline, quiet, runRounds, type Pipeline } from '../support/replay-pipeline.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-json-replay-'));
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

const VOLATILE = ['proc.pid', 'proc.ppid', 'proc.vpid', 'evt.time', 'evt.rawtime', 'evt.time.iso8601'];

const corpus: Array<Record<string, unknown>> = [
  ...Object.keys(loadExpectations()).flatMap((file) => loadCorpus(file).map((c) => c.json)),
  // Alike but for what the fingerprint must keep apart: listening ports of inbound connections.
  ...[80, 443, 80, 8443].map((port) => acceptEvent({ port })),
  // A Falcosidekick body (uuid), and connects from one process on ever new local ports.
  connectEvent({ top: { uuid: 'a' } }),
  connectEvent(),
  connectEvent(),
  // Alike but for one field each: a fingerprint that left it out would replay the first.
  ...[execEvent({ containerId: 'one-field' }), connectEvent({ containerId: 'one-field' })].flatMap((e) => [
    e,
    ...Object.keys(e.output_fields)
      .filter((name) => !VOLATILE.includes(name) && name !== 'fd.lport')
      .map((name) => ({ ...e, output_fields: { ...e.output_fields, [name]: `${String(e.output_fields[name])}-x` } })),
    ...['rule', 'hostname', 'priority', 'source'].map((name) => ({ ...e, [name]: `${String(e[name])}-x` })),
  ]),
];

/** The corpus again, an hour per round later, with new pids, times, output text, uuids and local ports. */
function round(n: number): string[] {
  return corpus.map((e, i) => {
    const fields = { ...(e.output_fields as Record<string, unknown>) };
    const nudge = (v: unknown): unknown => (typeof v === 'bigint' ? v + BigInt(n * 1000 + i) : typeof v === 'number' ? v + n * 100_000 + i : v);
    if (n > 0) {
      for (const f of VOLATILE) if (f in fields) fields[f] = nudge(fields[f]);
      if (fields['evt.type'] === 'connect' && 'fd.lport' in fields) fields['fd.lport'] = 30_000 + ((i * 7 + n) % 30_000);
    }
    const time = String(e.time).replace(/T(\d\d)/, (_m, h: string) => `T${String((Number(h) + n) % 24).padStart(2, '0')}`);
    const next: Record<string, unknown> = { ...e, time, output: `${String(e.output ?? '')} #${n}`, output_fields: fields };
    if ('uuid' in e) next.uuid = `uuid-${n}-${i}`;
    return toJsonLine(next);
  });
}

/** The reference: every event parsed and decoded, as the inputs did before replays. */
function decodeAll(p: Pipeline, input: IngestSource, lines: readonly string[]): void {
  for (const line of lines) for (const item of parseJsonEvents(line)) p.ingest.event(decodeJsonEvent(item), input);
}

async function compare(t: Test, fast: Pipeline, reference: Pipeline, replays: { afterLearning: number; afterDetecting: number }): Promise<void> {
  t.ok(replays.afterLearning > corpus.length * 0.4, `round 1 mostly replayed (${replays.afterLearning} of ${corpus.length})`);
  t.ok(replays.afterDetecting - replays.afterLearning > corpus.length * 0.8, `rounds 2–4 replay repeats (${replays.afterDetecting - replays.afterLearning})`);
  const [fastOut, refOut] = [await outbox(fast), await outbox(reference)];
  t.ok(refOut.length > 100, `the reference wrote reports (${refOut.length})`);
  t.ok(refOut.some((e) => e.kind === 'repeat') && refOut.some((e) => e.kind === 'deviation') && refOut.some((e) => e.kind === 'learning'), 'of every kind');
  t.same(fastOut, refOut, 'the same reports, in the same order, byte for byte');
  t.equal(await metricsText(fast), await metricsText(reference), 'the same metrics');
  for (const p of [fast, reference]) p.store.close();
}

t.test('over HTTP: replayed repeats leave the same reports, metrics and answers as decoding every event', async (t) => {
  const fast = pipeline(dir, 'http-fast');
  const reference = pipeline(dir, 'http-reference');
  // Its own metrics: the request counts by parser exist only on this side.
  const source = new HttpSource({ host: '127.0.0.1', port: 0, maxBodyBytes: 1024 * 1024 }, fast.sink, new AgentMetrics({ processMetrics: false }), quiet);
  const address = await source.start();
  const sender = new FalcoHttpSender(`http://127.0.0.1:${address.port}/`);
  t.teardown(async () => {
    sender.close();
    await source.stop();
  });
  const answers = new Map<string, number>();
  const replays = await runRounds([fast, reference], async (n) => {
    const lines = round(n);
    // A third one event per body, as Falco posts; a third in JSON arrays and a third as
    // newline-delimited JSON, as forwarders batch (each event replayed on its own, so the
    // thresholds in compare() hold only if batches are replayed too).
    const third = Math.floor(lines.length / 3);
    const bodies = [...lines.slice(0, third)];
    for (let i = third, size = 1; i < 2 * third; i += size, size = (size % 6) + 1) {
      bodies.push(size % 2 === 0 ? `[${lines.slice(i, Math.min(i + size, 2 * third)).join(',')}]` : `[\n  ${lines.slice(i, Math.min(i + size, 2 * third)).join(' ,\n  ')}\n]\n`);
    }
    for (let i = 2 * third; i < lines.length; i += 5) bodies.push(`${lines.slice(i, i + 5).join(i % 2 === 0 ? '\n' : '\r\n')}\n`);
    for (const [i, body] of bodies.entries()) {
      const encoding = i % 7 === 3 ? 'gzip' : i % 7 === 5 ? 'deflate' : null;
      const payload = encoding === 'gzip' ? gzipSync(body) : encoding === 'deflate' ? deflateSync(body) : body;
      const { status, body: answer } = await sender.post(payload, encoding ? { 'Content-Encoding': encoding } : {});
      const k = `${status} ${answer}`;
      answers.set(k, (answers.get(k) ?? 0) + 1);
    }
    decodeAll(reference, 'http', lines);
  });
  t.same(
    [...answers.keys()].filter((k) => !/^200 \{"accepted":\d\}$/.test(k)),
    [],
    'every body accepted',
  );
  t.ok(answers.has('200 {"accepted":5}') && answers.has('200 {"accepted":6}'), 'batches among them');
  // Two thirds of rounds 2–4 came in batches: most of their events must have been replayed.
  const later = replays.afterDetecting - replays.afterLearning;
  t.ok(later > 3 * corpus.length * 0.6, `batched repeats replayed (${later} of ${3 * corpus.length} events in rounds 2–4)`);
  await compare(t, fast, reference, replays);
});

t.test('JSON lines: replayed repeats leave the same reports and metrics as decoding every event', async (t) => {
  const fast = pipeline(dir, 'jsonl-fast');
  const reference = pipeline(dir, 'jsonl-reference');
  const stdin = new PassThrough();
  const source = new JsonLinesSource('-', fast.sink, quiet, stdin);
  await source.open();
  const running = source.run();
  let expected = 0;
  const replays = await runRounds([fast, reference], async (n) => {
    const lines = round(n);
    expected += lines.length;
    stdin.write(`${lines.join('\n')}\n\n`);
    while (fast.handled() < expected) await new Promise((r) => setImmediate(r));
    decodeAll(reference, 'jsonl', lines);
  });
  stdin.end();
  const result = await running;
  t.same(result, { lines: expected + 8, events: expected, rejected: 0 }, 'every line read (and the blank ones)');
  await compare(t, fast, reference, replays);
});

t.test('under --stdout the JSON inputs take no fingerprints: every event is decoded', async (t) => {
  const metrics = new AgentMetrics({ processMetrics: false });
  const devNull = new PassThrough();
  devNull.resume();
  const ingest = new Ingest(
    { cluster: 'prod', node: null, includeHost: false, rulePrefix: 'Vigil', maxFieldLength: 4096, attribution: DEFAULT_ATTRIBUTOR_OPTIONS },
    new JsonLinesOutput(devNull, metrics),
    metrics,
    quiet,
  );
  t.equal(ingest.replaysObservations, false);
  let decoded = 0;
  const sink: IngestSink = {
    event: (d, input) => {
      decoded++;
      return ingest.event(d, input);
    },
    replay: () => t.fail('no replay') as false,
    reject: (input, reason, detail) => ingest.reject(input, reason, detail),
    backlogged: false,
    replaysObservations: ingest.replaysObservations,
    drained: () => ingest.drained(),
  };
  const stdin = new PassThrough();
  const source = new JsonLinesSource('-', sink, quiet, stdin);
  await source.open();
  const skipped = { ...execEvent(), rule: 'Falco stock rule' };
  stdin.end(`${[execEvent(), execEvent(), skipped, skipped].map((e) => toJsonLine(e)).join('\n')}\n`);
  t.same(await source.run(), { lines: 4, events: 4, rejected: 0 });
  t.equal(decoded, 4, 'observations and skipped events alike');
});

t.test('a JSON line too long for a fingerprint is decoded each time', async (t) => {
  const p = pipeline(dir, 'long-lines');
  const stdin = new PassThrough();
  const source = new JsonLinesSource('-', p.sink, quiet, stdin);
  await source.open();
  const line = toJsonLine(execEvent({ cmdline: `sleep ${'9'.repeat(9000)}` }));
  stdin.end(`${line}\n${line}\n${toJsonLine(execEvent())}\n${toJsonLine(execEvent())}\n`);
  t.same(await source.run(), { lines: 4, events: 4, rejected: 0 });
  t.equal(p.replays(), 1, 'only the short repeat replayed');
  await p.reporter.close();
  p.store.close();
});
