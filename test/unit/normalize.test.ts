import t from 'tap';
import type { FalcoEvent, FieldValue } from '../../agent/falco/event.js';
import { decodeGrpcResponse } from '../../agent/falco/grpc-event.js';
import { decodeJsonEvent, parseJsonEvents } from '../../agent/falco/json-event.js';
import { observationToJson } from '../../agent/model/observation.js';
import { normalize, type NormalizeOptions } from '../../agent/pipeline/normalize.js';
import { decodeOutputsResponse, encodeOutputsResponse } from '../../proto/falco-services.js';
import { toGrpcResponse } from '../support/corpus.js';
import { execEvent, toJsonLine } from '../support/events.js';

const opts: NormalizeOptions = { cluster: 'prod', node: null, includeHost: false, rulePrefix: 'Vigil', maxFieldLength: 64 };

const podFields: Record<string, FieldValue> = {
  'container.id': 'c0ffee',
  'container.name': 'nginx',
  'container.image.repository': 'docker.io/library/nginx',
  'container.image.tag': '1.27.3',
  'container.image.digest': 'sha256:abc',
  'k8s.ns.name': 'shop',
  'k8s.pod.name': 'web-7d9c8b6f5-x2k4p',
  'k8s.pod.uid': 'uid-1',
  'k8s.pod.label[pod-template-hash]': '7d9c8b6f5',
};

function event(fields: Record<string, FieldValue>, over: Partial<FalcoEvent> = {}): FalcoEvent {
  return {
    timeNs: 1795165200123456789n,
    priority: 'informational',
    rule: 'Vigil process exec',
    source: 'syscall',
    hostname: 'node-1',
    output: null,
    tags: [],
    fields: new Map(Object.entries(fields)),
    encoding: 'json',
    ...over,
  };
}

const exec = {
  ...podFields,
  'evt.type': 'execve',
  'evt.res': 'SUCCESS',
  'proc.exepath': '/usr/sbin/nginx',
  'proc.name': 'nginx',
  'proc.cmdline': 'nginx -g daemon off;',
  'proc.pexepath': '/docker-entrypoint.sh',
  'proc.pname': 'docker-entrypoi',
  'proc.pid': 12,
  'user.name': 'root',
  'user.uid': 0,
  'proc.is_exe_upper_layer': false,
};

t.test('exec in a Deployment pod', async (t) => {
  const r = normalize(event(exec), opts);
  if (r.kind !== 'draft') throw new Error(`expected a draft, got ${r.reason}`);
  t.same(r.attribution, {
    workload: { cluster: 'prod', namespace: 'shop', kind: 'Deployment', name: 'web' },
    pod: 'web-7d9c8b6f5-x2k4p',
    podUid: 'uid-1',
    container: 'nginx',
    image: 'docker.io/library/nginx:1.27.3',
    imageDigest: 'sha256:abc',
  });
  t.equal(r.draft.type, 'process');
  t.match(r.draft, {
    node: 'node-1',
    containerId: 'c0ffee',
    process: { exe: '/usr/sbin/nginx', parentExe: '/docker-entrypoint.sh', uid: 0, pid: 12, exeUpperLayer: false },
  });
  t.equal(r.truncated, 0);
});

t.test('the configured node name wins over Falco hostname', async (t) => {
  const r = normalize(event(exec), { ...opts, node: 'ip-10-0-1-23' });
  t.equal(r.kind === 'draft' && r.draft.node, 'ip-10-0-1-23');
});

t.test('outbound connect and inbound accept', async (t) => {
  const connect = normalize(
    event({ ...podFields, 'evt.type': 'connect', 'evt.res': 'EINPROGRESS', 'fd.l4proto': 'tcp', 'fd.rip': '52.94.236.248', 'fd.rport': 443, 'fd.lip': '10.244.1.5', 'fd.lport': 40112, 'fd.sip.name': 'api.stripe.com' }, { rule: 'Vigil outbound connect' }),
    opts,
  );
  t.match(connect, { kind: 'draft', draft: { type: 'network', network: { direction: 'outbound', peer: '52.94.236.248', peerName: 'api.stripe.com', port: 443, protocol: 'tcp', localPort: 40112 } } });
  const accept = normalize(
    event({ ...podFields, 'evt.type': 'accept4', 'fd.l4proto': 'tcp', 'fd.rip': '10.244.2.9', 'fd.rport': 51000, 'fd.lport': 80 }, { rule: 'Vigil inbound accept' }),
    opts,
  );
  t.match(accept, { kind: 'draft', draft: { network: { direction: 'inbound', peer: '10.244.2.9', port: 80, localPort: 80, peerName: null } } });
  const older = normalize(
    event({ ...podFields, 'evt.type': 'connect', 'fd.sip': '10.96.0.10', 'fd.sport': '53', 'fd.l4proto': 'udp' }, { rule: 'Vigil outbound connect' }),
    opts,
  );
  t.match(older, { kind: 'draft', draft: { network: { peer: '10.96.0.10', port: 53, protocol: 'udp' } } }, 'server-side fields when fd.rip is absent');
});

t.test('skip reasons', async (t) => {
  const cases: Array<[FalcoEvent, NormalizeOptions, string]> = [
    [event({}, { source: 'internal', rule: 'Falco internal: syscall event drop' }), opts, 'internal_event'],
    [event({}, { source: 'k8s_audit' }), opts, 'other_source'],
    [event(exec, { rule: 'Terminal shell in container' }), opts, 'foreign_rule'],
    [event({ ...exec, 'evt.type': null }), opts, 'missing_field'],
    [event({ ...exec, 'evt.type': 'openat' }), opts, 'unknown_event_type'],
    [event({ ...exec, 'evt.res': 'ENOENT' }), opts, 'failed_syscall'],
    [event({ ...exec, 'proc.exepath': null }), opts, 'missing_field'],
    [event({ ...podFields, 'evt.type': 'connect', 'evt.res': 'ECONNREFUSED', 'fd.rip': '1.2.3.4' }), opts, 'failed_syscall'],
    [event({ ...podFields, 'evt.type': 'connect' }), opts, 'missing_field'],
    [event({ ...exec, 'container.id': null }), opts, 'no_container'],
    [event({ ...exec, 'container.id': 'host' }), opts, 'host_process'],
  ];
  for (const [e, o, reason] of cases) t.match(normalize(e, o), { kind: 'skip', reason }, reason);
});

t.test('host processes with --include-host', async (t) => {
  const r = normalize(event({ ...exec, 'container.id': 'host', 'k8s.ns.name': null, 'k8s.pod.name': null }), { ...opts, includeHost: true });
  t.match(r, { kind: 'draft', attribution: { workload: { kind: 'Host', name: 'node-1', namespace: '' }, container: 'host' } });
});

t.test('metadata not yet resolved: a draft without attribution', async (t) => {
  const r = normalize(event({ ...exec, 'container.name': null, 'k8s.ns.name': null, 'k8s.pod.name': null }), opts);
  t.match(r, { kind: 'draft', attribution: null });
  const half = normalize(event({ ...exec, 'k8s.pod.name': null }), opts);
  t.match(half, { kind: 'draft', attribution: null }, 'namespace without pod: wait, do not invent');
});

t.test('plain container outside Kubernetes', async (t) => {
  const r = normalize(event({ ...exec, 'container.name': 'local-redis', 'k8s.ns.name': null, 'k8s.pod.name': null }), opts);
  t.match(r, { kind: 'draft', attribution: { workload: { kind: 'Container', name: 'local-redis', namespace: '' }, pod: null } });
});

t.test('long command lines and paths are cut and counted', async (t) => {
  const long = 'x'.repeat(1_000_000);
  const r = normalize(event({ ...exec, 'proc.cmdline': long, 'proc.pexepath': `/${long}` }), opts);
  if (r.kind !== 'draft' || r.draft.type !== 'process') throw new Error('expected a process draft');
  t.equal(r.truncated, 2);
  t.equal(r.draft.process.cmdline, `${'x'.repeat(64)}…[+${1_000_000 - 64} chars]`);
});

t.test('image without tag', async (t) => {
  const r = normalize(event({ ...exec, 'container.image.tag': null }), opts);
  t.equal(r.kind === 'draft' && r.attribution?.image, 'docker.io/library/nginx');
});

t.test('container.start_ts from either encoding becomes containerStartNs and container_start', async (t) => {
  const at = 1795165200123456789n;
  // Above 2^53: JSON.parse would round it (to ...543232); every digit must survive both paths.
  const startNs = 1795165199876543210n;
  const viaJson = (value: bigint | null): FalcoEvent => {
    const line = toJsonLine(execEvent({ at, containerStartNs: value }));
    const [parsed] = parseJsonEvents(line);
    return decodeJsonEvent(parsed).event;
  };
  // Falco's gRPC output_fields are text: decimal digits, "<NA>" when missing.
  const viaGrpc = (text: string): FalcoEvent => {
    const res = toGrpcResponse(JSON.parse(toJsonLine(execEvent({ at }))) as Record<string, unknown>);
    res.output_fields = { ...res.output_fields, 'container.start_ts': text };
    return decodeGrpcResponse(decodeOutputsResponse(encodeOutputsResponse(res))).event;
  };
  const cases: Array<[string, FalcoEvent, bigint | null, string | null]> = [
    ['JSON integer', viaJson(startNs), startNs, '2026-11-20T08:59:59.876543210Z'],
    ['JSON null', viaJson(null), null, null],
    ['JSON 0 (unknown)', viaJson(0n), null, null],
    ['gRPC digits', viaGrpc('1795165199876543210'), startNs, '2026-11-20T08:59:59.876543210Z'],
    ['gRPC <NA>', viaGrpc('<NA>'), null, null],
    ['gRPC 0 (unknown)', viaGrpc('0'), null, null],
  ];
  for (const [name, event, wantNs, wantJson] of cases) {
    const r = normalize(event, opts);
    if (r.kind !== 'draft' || r.attribution === null) throw new Error(`${name}: expected an attributed draft`);
    t.equal(r.draft.containerStartNs, wantNs, `${name}: containerStartNs`);
    const json = observationToJson({ ...r.draft, ...r.attribution });
    t.equal(json.container_start, wantJson, `${name}: container_start`);
    t.same(Object.keys(json).slice(5, 8), ['container', 'container_id', 'container_start'], `${name}: right after container_id`);
  }
});

t.test('container.start_ts is read while the container metadata is still unresolved', async (t) => {
  // It comes from the kernel, not from the runtime lookup: a held draft already has it.
  const r = normalize(event({ ...exec, 'container.start_ts': 1795165199876543210n, 'container.name': null, 'k8s.ns.name': null, 'k8s.pod.name': null }), opts);
  t.match(r, { kind: 'draft', attribution: null, draft: { containerStartNs: 1795165199876543210n } });
});
