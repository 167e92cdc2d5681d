import t from 'tap';
import { createServer, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { FAST_HEAD_LIMIT, readRequestHead, type FastHead } from '../../agent/falco/http1-head.js';
import { falcoRequestBytes } from '../bench/http-load.js';

const BODY = '{"output":"x","priority":"Notice","rule":"r","time":"2026-11-22T10:00:00.000000000Z","output_fields":{}}';

function head(lines: string[], body = BODY): Buffer {
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body}`, 'latin1');
}

function fast(buf: Buffer, start = 0): FastHead {
  const verdict = readRequestHead(buf, start, buf.length);
  if (typeof verdict === 'string') throw new Error(`expected a fast head, got ${verdict}`);
  return verdict;
}

t.test("Falco's http_output request (libcurl) is read on the fast lane", async (t) => {
  const request = falcoRequestBytes(8765, BODY);
  const h = fast(request);
  t.equal(h.contentLength, Buffer.byteLength(BODY));
  t.equal(request.subarray(h.headBytes).toString(), BODY, 'the body starts right after the head');
  t.equal(h.authorization, undefined);

  const withToken = head(['POST /events?x=1 HTTP/1.1', 'host: a', 'AUTHORIZATION:   Bearer abc def  ', `content-length: ${BODY.length}`, 'Connection: Keep-Alive', 'Content-Encoding: IDENTITY']);
  const h2 = fast(withToken);
  t.equal(h2.authorization, 'Bearer abc def', 'value kept, surrounding whitespace dropped');

  // A request after another in the same buffer (pipelining) is read from its own start.
  const two = Buffer.concat([request, request]);
  const second = fast(two, request.length);
  t.equal(second.headBytes, h.headBytes);
});

t.test('a head cut anywhere is incomplete; a non-POST is general at once', async (t) => {
  const request = falcoRequestBytes(8765, BODY);
  const { headBytes } = fast(request);
  for (let cut = 0; cut < headBytes; cut++) {
    const verdict = readRequestHead(request, 0, cut);
    if (verdict !== 'incomplete') t.fail(`cut at ${cut}: ${JSON.stringify(verdict)}`);
  }
  t.equal(readRequestHead(request, 0, headBytes).constructor, Object, 'whole head: read (the body may follow later)');
  t.equal(readRequestHead(Buffer.from('GET / HT'), 0, 8), 'general');
  t.equal(readRequestHead(Buffer.from('PUT'), 0, 3), 'general');
  t.equal(readRequestHead(Buffer.from('POS'), 0, 3), 'incomplete');
  const huge = Buffer.from(`POST / HTTP/1.1\r\nX: ${'a'.repeat(FAST_HEAD_LIMIT)}`);
  t.equal(readRequestHead(huge, 0, huge.length), 'general', 'a head past the limit goes to node:http');
});

t.test('everything but the plain shape goes to node:http', async (t) => {
  const len = `Content-Length: ${BODY.length}`;
  const cases: Record<string, string[]> = {
    'another method': ['PUT / HTTP/1.1', 'Host: a', len],
    'HTTP/1.0': ['POST / HTTP/1.0', 'Host: a', len],
    'no target': ['POST  HTTP/1.1', 'Host: a', len],
    'target not a path': ['POST falco HTTP/1.1', 'Host: a', len],
    'no Host': ['POST / HTTP/1.1', len],
    'two Hosts': ['POST / HTTP/1.1', 'Host: a', 'Host: b', len],
    'no Content-Length': ['POST / HTTP/1.1', 'Host: a'],
    'two Content-Lengths': ['POST / HTTP/1.1', 'Host: a', len, len],
    'signed Content-Length': ['POST / HTTP/1.1', 'Host: a', 'Content-Length: +5'],
    'Content-Length with a space inside': ['POST / HTTP/1.1', 'Host: a', 'Content-Length: 1 0'],
    'chunked': ['POST / HTTP/1.1', 'Host: a', 'Transfer-Encoding: chunked'],
    'Transfer-Encoding and Content-Length': ['POST / HTTP/1.1', 'Host: a', 'Transfer-Encoding: chunked', len],
    'Expect': ['POST / HTTP/1.1', 'Host: a', len, 'Expect: 100-continue'],
    'Upgrade': ['POST / HTTP/1.1', 'Host: a', len, 'Upgrade: websocket'],
    'Connection: close': ['POST / HTTP/1.1', 'Host: a', len, 'Connection: close'],
    'Connection: upgrade': ['POST / HTTP/1.1', 'Host: a', len, 'Connection: Upgrade'],
    'gzip': ['POST / HTTP/1.1', 'Host: a', len, 'Content-Encoding: gzip'],
    'two Authorizations': ['POST / HTTP/1.1', 'Host: a', len, 'Authorization: Bearer a', 'Authorization: Bearer b'],
    'folded header': ['POST / HTTP/1.1', 'Host: a', len, 'X-A: one', ' two'],
    'space before the colon': ['POST / HTTP/1.1', 'Host: a', `${len}`, 'X-A : one'],
    'empty header name': ['POST / HTTP/1.1', 'Host: a', len, ': one'],
    'NUL in a value': ['POST / HTTP/1.1', 'Host: a', len, 'X-A: o\u0000ne'],
    'bare LF': ['POST / HTTP/1.1', 'Host: a', `${len}\nX-A: one`],
    'control byte in the target': ['POST /\u0001 HTTP/1.1', 'Host: a', len],
    'a tab after the Content-Length digits': ['POST / HTTP/1.1', 'Host: a', `${len}\t`],
    'Proxy-Connection (llhttp reads it as Connection)': ['POST / HTTP/1.1', 'Host: a', len, 'Proxy-Connection: close'],
    'two Content-Encodings': ['POST / HTTP/1.1', 'Host: a', len, 'Content-Encoding: identity', 'Content-Encoding: identity'],
    'two Connections': ['POST / HTTP/1.1', 'Host: a', len, 'Connection: keep-alive', 'Connection: keep-alive'],
    'more than 100 header lines': ['POST / HTTP/1.1', 'Host: a', len, ...Array.from({ length: 100 }, (_, i) => `X-${i}: v`)],
  };
  for (const [name, lines] of Object.entries(cases)) t.equal(readRequestHead(head(lines), 0, head(lines).length), 'general', name);
  t.equal(readRequestHead(Buffer.from('\r\n\r\nPOST'), 0, 8), 'general', 'an empty line first');
  t.equal(readRequestHead(Buffer.from('POST /x\r\n\r\n'), 0, 11), 'general', 'no version');
});

// Whatever the fast lane reads, node:http must read the same way: same framing (body length),
// same Authorization. Mutations of a valid head go to both; a head node:http refuses or frames
// differently must never be read as fast.
t.test('differential: a head read on the fast lane is read the same by node:http', async (t) => {
  const seen: Array<{ length: number; authorization: string | undefined; method: string | undefined }> = [];
  const server = createServer((req: IncomingMessage, res) => {
    let length = 0;
    req.on('data', (c: Buffer) => (length += c.length));
    req.on('end', () => {
      seen.push({ length, authorization: req.headers.authorization, method: req.method });
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.teardown(() => new Promise<void>((r) => server.close(() => r())));
  const port = (server.address() as AddressInfo).port;

  // Whitespace around the Content-Length digits, where llhttp is stricter than the field syntax.
  for (const value of ['5', ' 5', '5 ', '\t5', '5\t', '5 \t', '5\t ', '05', '  5  ']) {
    const request = Buffer.from(`POST / HTTP/1.1\r\nHost: a\r\nContent-Length:${value}\r\n\r\nabcde`, 'latin1');
    const verdict = readRequestHead(request, 0, request.length);
    if (typeof verdict === 'string') continue;
    const before = seen.length;
    t.ok((await sendOnce(port, request)) && seen.length === before + 1 && seen[before]?.length === 5, `Content-Length:${JSON.stringify(value)} read alike`);
  }

  const base = ['POST /falco HTTP/1.1', 'Host: 127.0.0.1', 'User-Agent: falcosecurity/falco', 'Accept: */*', 'Authorization: Bearer tok', 'Content-Type: application/json', `Content-Length: ${BODY.length}`];
  const pieces = [' ', '\t', '\r', '\n', '\r\n', ':', '\u0000', '\u007f', 'é', '0', 'Transfer-Encoding: chunked\r\n', 'Content-Length: 3\r\n', ',', '"', '\r\n '];
  let seed = 12345;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  let fastCount = 0;
  let generalCount = 0;
  for (let round = 0; round < 2000; round++) {
    let text = `${base.join('\r\n')}\r\n\r\n`;
    const edits = 1 + random(3);
    for (let e = 0; e < edits; e++) {
      const at = random(text.length - 4);
      const kind = random(3);
      if (kind === 0) text = text.slice(0, at) + pieces[random(pieces.length)] + text.slice(at);
      else if (kind === 1) text = text.slice(0, at) + text.slice(at + 1);
      else text = text.slice(0, at) + text.charAt(at).toUpperCase() + text.slice(at + 1);
    }
    const request = Buffer.from(text + BODY, 'latin1');
    const verdict = readRequestHead(request, 0, request.length);
    if (verdict === 'incomplete') continue;
    if (verdict === 'general') {
      generalCount++;
      continue;
    }
    if (verdict.contentLength > 100_000) continue;
    fastCount++;
    const before = seen.length;
    // The body the head announces, so that both parsers see one whole request and nothing after.
    const answered = await sendOnce(port, Buffer.concat([request.subarray(0, verdict.headBytes), Buffer.alloc(verdict.contentLength, 0x61)]));
    if (!answered || seen.length !== before + 1) {
      t.fail(`node:http refused a head the fast lane read: ${JSON.stringify(text)}`);
      continue;
    }
    const got = seen[seen.length - 1]!;
    if (got.method !== 'POST' || got.length !== verdict.contentLength || got.authorization !== verdict.authorization) {
      t.fail(`read differently: ${JSON.stringify(text)} fast ${JSON.stringify(verdict)} node ${JSON.stringify(got)}`);
    }
  }
  t.ok(fastCount > 50, `mutations read on the fast lane and checked against node:http (${fastCount})`);
  t.ok(generalCount > 50, `mutations sent to node:http (${generalCount})`);
});

/** Sends one request on a new connection; true when node:http answered 200. */
function sendOnce(port: number, request: Buffer): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (d: Buffer) => {
      answer += d.toString('latin1');
      if (answer.includes('\r\n\r\n')) {
        socket.destroy();
        resolve(answer.startsWith('HTTP/1.1 200'));
      }
    });
    socket.on('error', () => resolve(false));
    socket.on('close', () => resolve(answer.startsWith('HTTP/1.1 200')));
    socket.end(request);
  });
}
