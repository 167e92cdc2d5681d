import t from 'tap';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:https';
import { startAgent } from '../support/agent-harness.js';
import { FalcoHttpSender } from '../support/http-sender.js';
import { execEvent, toJsonLine } from '../support/events.js';
import { makePki } from '../support/tls.js';
import { bearerMatcher, bearerMatches, isLoopback } from '../../agent/falco/http-auth.js';

const pki = makePki();
t.teardown(() => rmSync(pki.dir, { recursive: true, force: true }));

/** `body` as one string: Content-Length; as pieces: chunked (node:https writes each piece). */
function httpsPost(port: number, body: string | string[], client: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/',
        servername: 'localhost',
        ca: pki.read(pki.caFile),
        ...(client ? { cert: pki.read(pki.clientCertFile), key: pki.read(pki.clientKeyFile) } : {}),
        headers: { 'Content-Type': 'application/json' },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    if (typeof body === 'string') req.end(body);
    else {
      for (const piece of body.slice(0, -1)) req.write(piece);
      req.end(body[body.length - 1]);
    }
  });
}

t.test('HTTPS with required client certificates, as Falco http_output mtls', async (t) => {
  const run = await startAgent({
    http: {
      host: '127.0.0.1',
      port: 0,
      maxBodyBytes: 1024 * 1024,
      tls: { certFile: pki.serverCertFile, keyFile: pki.serverKeyFile, clientCaFile: pki.caFile },
    },
  });
  t.teardown(() => run.stop());
  const port = run.agent.httpAddress?.port ?? 0;
  t.equal(await httpsPost(port, toJsonLine(execEvent({ exe: '/over/mtls' })), true), 200);
  // Chunked over TLS: the fast lane hands the TLS connection to node:http.
  const line = toJsonLine(execEvent({ exe: '/over/mtls/chunked' }));
  t.equal(await httpsPost(port, [line.slice(0, 100), line.slice(100)], true), 200);
  await t.rejects(httpsPost(port, toJsonLine(execEvent({ exe: '/no/cert' })), false), 'no client certificate: handshake refused');
  const obs = await run.waitForObservations(2);
  t.same(obs.map((o) => o.process?.exe), ['/over/mtls', '/over/mtls/chunked']);
  t.equal(await run.metric('vigil_agent_falco_http_requests_total', { parser: 'fast' }), 1, 'the plain POST read by the fast lane over TLS');
  t.equal(await run.metric('vigil_agent_falco_http_requests_total', { parser: 'general' }), 1, 'the chunked one by node:http');
  await run.waitForLog((l) => l.msg === 'rejected a Falco payload' && l.reason === 'unauthorized');
  t.ok((await run.metric('vigil_agent_falco_rejected_total', { input: 'http', reason: 'unauthorized' })) >= 1);
  await run.waitForLog((l) => l.msg === 'listening for Falco http_output' && l.auth === 'client certificate' && l.tls === true);
});

t.test('bearer token', async (t) => {
  const tokenFile = join(pki.dir, 'token');
  writeFileSync(tokenFile, 'falco-to-vigil-token-0123456789\n');
  const run = await startAgent({ http: { host: '127.0.0.1', port: 0, maxBodyBytes: 1024 * 1024, tokenFile } });
  t.teardown(() => run.stop());
  const sender = new FalcoHttpSender(`http://127.0.0.1:${run.agent.httpAddress?.port ?? 0}/`);
  t.teardown(() => sender.close());
  const body = toJsonLine(execEvent({ exe: '/with/token' }));
  t.equal((await sender.post(body)).status, 401, 'no token');
  t.equal((await sender.post(body, { Authorization: 'Bearer wrong-token-wrong-token' })).status, 401, 'wrong token');
  t.equal((await sender.post(body, { Authorization: 'Bearer falco-to-vigil-token-0123456789' })).status, 200);
  t.same((await run.waitForObservations(1)).map((o) => o.process?.exe), ['/with/token']);
  t.equal(await run.metric('vigil_agent_falco_rejected_total', { input: 'http', reason: 'unauthorized' }), 2);
  t.notOk(run.logs.some((l) => JSON.stringify(l).includes('falco-to-vigil-token')), 'the token is never logged');
});

t.test('a short or missing token file fails start-up', async (t) => {
  const short = join(pki.dir, 'short');
  writeFileSync(short, 'abc\n');
  await t.rejects(startAgent({ http: { host: '127.0.0.1', port: 0, maxBodyBytes: 1024, tokenFile: short } }), {
    message: `token file ${short} holds 3 characters; use at least 16`,
  });
  await t.rejects(startAgent({ http: { host: '127.0.0.1', port: 0, maxBodyBytes: 1024, tokenFile: '/nonexistent/token' } }), {
    message: 'cannot read token file /nonexistent/token: ENOENT',
  });
});

t.test('listening beyond loopback without authentication is warned about', async (t) => {
  const run = await startAgent({ http: { host: '0.0.0.0', port: 0, maxBodyBytes: 1024 } });
  t.teardown(() => run.stop());
  await run.waitForLog((l) => typeof l.msg === 'string' && l.msg.startsWith('the Falco HTTP receiver accepts events from anyone'));
});

t.test('helpers', async (t) => {
  t.ok(bearerMatches('Bearer abc', 'abc'));
  t.notOk(bearerMatches('Bearer abd', 'abc'));
  t.notOk(bearerMatches('Basic abc', 'abc'));
  t.notOk(bearerMatches(undefined, 'abc'));
  const matches = bearerMatcher('falco-to-vigil-token-0123456789');
  t.ok(matches('Bearer falco-to-vigil-token-0123456789'));
  t.ok(matches('bearer falco-to-vigil-token-0123456789 '), 'scheme in any case, trailing space ignored');
  t.notOk(matches('Bearer falco-to-vigil-token-012345678'), 'one character short');
  t.notOk(matches('Bearer '));
  t.notOk(matches(undefined));
  t.ok(isLoopback('127.0.0.1'));
  t.ok(isLoopback('::1'));
  t.notOk(isLoopback('0.0.0.0'));
});
