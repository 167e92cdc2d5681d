import t from 'tap';
import { rmSync } from 'node:fs';
import { FalcoCompatibleServer } from '../../agent/falco/falco-compatible-server.js';
import { startAgent } from '../support/agent-harness.js';
import { toGrpcResponse } from '../support/corpus.js';
import { execEvent } from '../support/events.js';
import { makePki } from '../support/tls.js';

const pki = makePki();
t.teardown(() => rmSync(pki.dir, { recursive: true, force: true }));

async function tlsFalco(): Promise<FalcoCompatibleServer> {
  const server = new FalcoCompatibleServer({
    address: '127.0.0.1:0',
    tls: { ca: pki.read(pki.caFile), cert: pki.read(pki.serverCertFile), key: pki.read(pki.serverKeyFile) },
    version: { version: '0.41.3', minor: 41, patch: 3 },
  });
  await server.start();
  return server;
}

const grpc = (port: number, caFile: string) => ({
  grpc: {
    target: `localhost:${port}`,
    tls: { caFile, certFile: pki.clientCertFile, keyFile: pki.clientKeyFile },
    pollIntervalMs: 50,
    backoffInitialMs: 50,
    backoffMaxMs: 200,
    maxMessageBytes: 4 * 1024 * 1024,
  },
});

t.test('Falco over TCP with mutual TLS', async (t) => {
  const server = await tlsFalco();
  t.teardown(() => server.stop());
  server.publish(toGrpcResponse(execEvent({ exe: '/usr/bin/tls-ok' })));
  const run = await startAgent(grpc(server.boundPort, pki.caFile));
  t.teardown(() => run.stop());
  const [obs] = await run.waitForObservations(1);
  t.equal(obs?.process?.exe, '/usr/bin/tls-ok');
  await run.waitForLog((l) => l.msg === 'connected to Falco' && l.falcoVersion === '0.41.3');
});

t.test('a server certificate from an untrusted CA is refused', async (t) => {
  const server = await tlsFalco();
  t.teardown(() => server.stop());
  server.publish(toGrpcResponse(execEvent()));
  const run = await startAgent(grpc(server.boundPort, pki.otherCaFile));
  t.teardown(() => run.stop());
  await run.waitForLog((l) => l.msg === 'Falco gRPC is not reachable; retrying');
  t.equal(run.observations.length, 0);
  t.equal(server.backlog, 1, 'Falco still holds the event');
});

t.test('an unreadable TLS file fails start-up with the path in the message', async (t) => {
  await t.rejects(
    startAgent({ grpc: { ...grpc(1, pki.caFile).grpc, tls: { caFile: '/nonexistent/ca.crt', certFile: pki.clientCertFile, keyFile: pki.clientKeyFile } } }),
    { message: 'cannot read Falco TLS file /nonexistent/ca.crt: ENOENT' },
  );
});
