import t from 'tap';
import { GrpcFrameError, GrpcFrameSplitter, frameMessage } from '../../agent/falco/grpc-frames.js';

function collect(max: number): { splitter: GrpcFrameSplitter; messages: Buffer[]; oversize: number[] } {
  const messages: Buffer[] = [];
  const oversize: number[] = [];
  const splitter = new GrpcFrameSplitter(max, { message: (b) => messages.push(Buffer.from(b)), oversize: (n) => oversize.push(n) });
  return { splitter, messages, oversize };
}

const bodies = Array.from({ length: 120 }, (_, i) => Buffer.alloc((i * 37) % 2500, i % 251));
const stream = Buffer.concat(bodies.map(frameMessage));

t.test('messages come out whole and in order however the bytes are chunked', async (t) => {
  for (const size of [1, 2, 4, 5, 6, 13, 1000, 16_384, stream.length]) {
    const { splitter, messages } = collect(1 << 20);
    for (let i = 0; i < stream.length; i += size) splitter.push(stream.subarray(i, i + size));
    t.equal(messages.length, bodies.length, `chunks of ${size} bytes: every message`);
    t.ok(messages.every((m, i) => m.equals(bodies[i] as Buffer)), `chunks of ${size} bytes: same bytes, same order`);
    t.notOk(splitter.midMessage, `chunks of ${size} bytes: nothing left over`);
  }
});

t.test('a message over the limit is skipped as it arrives, never buffered; the next one follows', async (t) => {
  const big = Buffer.alloc(100_000, 7);
  const after = Buffer.from('after');
  const bytes = Buffer.concat([frameMessage(Buffer.from('before')), frameMessage(big), frameMessage(after)]);
  for (const size of [3, 4096, bytes.length]) {
    const { splitter, messages, oversize } = collect(1024);
    let sawInside = false;
    for (let i = 0; i < bytes.length; i += size) {
      splitter.push(bytes.subarray(i, i + size));
      if (i + size > 50_000 && i + size < 60_000) sawInside = splitter.midMessage;
    }
    if (size < 10_000) t.ok(sawInside, `chunks of ${size}: mid-message while inside the big one`);
    t.same(oversize, [100_000], `chunks of ${size}: counted once with its length`);
    t.same(messages.map(String), ['before', 'after'], `chunks of ${size}: the messages around it arrive`);
  }
});

t.test('an oversize message whose header was split is skipped too, with what follows it in the same chunk', async (t) => {
  const bytes = Buffer.concat([frameMessage(Buffer.alloc(20, 9)), frameMessage(Buffer.from('next'))]);
  const { splitter, messages, oversize } = collect(10);
  splitter.push(bytes.subarray(0, 3));
  splitter.push(bytes.subarray(3));
  t.same(oversize, [20]);
  t.same(messages.map(String), ['next']);
  t.notOk(splitter.midMessage);
});

t.test('a message exactly at the limit is kept; an empty message is a message', async (t) => {
  const { splitter, messages, oversize } = collect(10);
  splitter.push(Buffer.concat([frameMessage(Buffer.alloc(10, 1)), frameMessage(Buffer.alloc(0))]));
  t.same(messages.map((m) => m.length), [10, 0]);
  t.same(oversize, []);
});

t.test('a compressed or invalid flag stops the stream with a clear error', async (t) => {
  const compressed = Buffer.from([1, 0, 0, 0, 2, 0xaa, 0xbb]);
  t.throws(() => collect(100).splitter.push(compressed), new GrpcFrameError('Falco sent a compressed message, but no compression was offered'));
  t.throws(() => collect(100).splitter.push(Buffer.from([9, 0, 0, 0, 0])), { name: 'GrpcFrameError', message: 'invalid gRPC message flag 9' });
  const { splitter, messages } = collect(100);
  t.throws(() => splitter.push(Buffer.concat([frameMessage(Buffer.from('ok')), compressed])), GrpcFrameError);
  t.same(messages.map(String), ['ok'], 'what came before the bad frame was delivered');
});

t.test('a partly received message is reported as such', async (t) => {
  const { splitter } = collect(100);
  splitter.push(Buffer.from([0, 0]));
  t.ok(splitter.midMessage, 'half a header');
  splitter.push(Buffer.from([0, 0, 3, 1]));
  t.ok(splitter.midMessage, 'header and part of the body');
  splitter.push(Buffer.from([2, 3]));
  t.notOk(splitter.midMessage, 'complete');
});

t.test('frameMessage writes the flag and big-endian length', async (t) => {
  t.same([...frameMessage(Buffer.from([0xab, 0xcd]))], [0, 0, 0, 0, 2, 0xab, 0xcd]);
});

t.test('a header split across chunks is joined once, not again for every chunk of a large message', async (t) => {
  const body = Buffer.alloc(16 * 1024 * 1024, 3);
  const bytes = frameMessage(body);
  const { splitter, messages } = collect(32 * 1024 * 1024);
  const started = performance.now();
  splitter.push(bytes.subarray(0, 2)); // two bytes of the header
  for (let i = 2; i < bytes.length; i += 16 * 1024) splitter.push(bytes.subarray(i, i + 16 * 1024));
  const ms = performance.now() - started;
  t.equal(messages.length, 1);
  t.equal(messages[0]?.length, body.length);
  // Joined per chunk this took seconds (1,024 chunks × up to 16 MiB copied); linear, milliseconds.
  t.ok(ms < 1_000, `16 MiB in 16 KiB chunks after a split header: ${Math.round(ms)} ms`);
});
