import t from 'tap';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { isObject, type Json, type JsonObject } from '../support/kustomize.js';
import { typeCheckObjects, validateWithModel } from './helpers/schema.js';
import {
  OVERLAYS,
  ROOT,
  args,
  container,
  find,
  findGenerated,
  flag,
  label,
  list,
  pod,
  prepareDeployment,
  runAs,
  type Overlay,
} from './helpers/render.js';

const deployment = prepareDeployment();
t.teardown(() => deployment.cleanup());
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

const NAMESPACE = 'vigil';
const CLUSTER_SCOPED = new Set(['Namespace', 'PriorityClass']);

function meta(o: JsonObject): JsonObject {
  return isObject(o.metadata) ? o.metadata : {};
}

function workloads(objects: readonly JsonObject[]): JsonObject[] {
  return objects.filter((o) => o.kind === 'DaemonSet' || o.kind === 'Deployment');
}

function allContainers(o: JsonObject): JsonObject[] {
  const spec = pod(o);
  return [...list(spec.initContainers), ...list(spec.containers)];
}

function labelsMatch(selector: Json | undefined, labels: Json | undefined): boolean {
  if (!isObject(selector) || !isObject(labels)) return false;
  const wanted = isObject(selector.matchLabels) ? selector.matchLabels : selector;
  return Object.entries(wanted).every(([k, v]) => labels[k] === v);
}

function podLabels(o: JsonObject): Json | undefined {
  const spec = o.spec;
  return isObject(spec) && isObject(spec.template) && isObject(spec.template.metadata) ? spec.template.metadata.labels : undefined;
}

for (const overlay of OVERLAYS) {
  const objects = deployment.overlays[overlay];
  const agent = find(objects, 'DaemonSet', 'vigil-agent');
  const collector = find(objects, 'Deployment', 'vigil-collector');

  t.test(`${overlay}: renders the expected objects`, async (t) => {
    const names = objects.map((o) => `${String(o.kind)}/${String(meta(o).name).replace(/-[a-z0-9]{10}$/, '-HASH')}`).sort();
    const expected = [
      'ConfigMap/vigil-config-HASH',
      'DaemonSet/vigil-agent',
      'Deployment/vigil-collector',
      'Namespace/vigil',
      'NetworkPolicy/vigil-agent',
      'NetworkPolicy/vigil-collector',
      'NetworkPolicy/vigil-default-deny',
      'PersistentVolumeClaim/vigil-collector-data',
      'PriorityClass/vigil-agent',
      'Secret/vigil-agent-credentials-HASH',
      'Secret/vigil-collector-tls-HASH',
      'Secret/vigil-collector-tokens-HASH',
      'Service/vigil-api',
      'Service/vigil-collector',
      'ServiceAccount/vigil-agent',
      'ServiceAccount/vigil-collector',
    ];
    if (overlay === 'http') expected.push('NetworkPolicy/vigil-agent-falco-http', 'Secret/vigil-agent-falco-receiver-HASH');
    t.same(names, expected.sort());
  });

  t.test(`${overlay}: every object is valid against the Kubernetes schemas`, async (t) => {
    for (const o of objects) t.equal(await validateWithModel(o), null, `${label(o)} passes the kubernetes-models validator`);
    t.same(typeCheckObjects(objects, label), [], 'every field is a known, well-typed field of its kind');
  });

  t.test(`${overlay}: namespaces`, async (t) => {
    for (const o of objects) {
      if (CLUSTER_SCOPED.has(String(o.kind))) t.equal(meta(o).namespace, undefined, `${label(o)} is cluster-scoped`);
      else t.equal(meta(o).namespace, NAMESPACE, `${label(o)} is in ${NAMESPACE}`);
    }
    const ns = find(objects, 'Namespace', NAMESPACE);
    // hostPath (state, Falco socket) and hostPort are refused by "baseline": enforcement must be
    // privileged or the agent's pods are rejected.
    const nsLabels = meta(ns).labels;
    t.equal(isObject(nsLabels) ? nsLabels['pod-security.kubernetes.io/enforce'] : undefined, 'privileged');
  });

  t.test(`${overlay}: every container has requests, limits and the hardening`, async (t) => {
    for (const w of workloads(objects)) {
      const spec = pod(w);
      t.equal(spec.automountServiceAccountToken, false, `${label(w)}: no service account token`);
      t.equal(spec.enableServiceLinks, false, `${label(w)}: no service-link variables next to VIGIL_*`);
      for (const key of ['hostNetwork', 'hostPID', 'hostIPC']) t.notOk(spec[key], `${label(w)}: no ${key}`);
      const podCtx = isObject(spec.securityContext) ? spec.securityContext : {};
      t.same(podCtx.seccompProfile, { type: 'RuntimeDefault' }, `${label(w)}: seccomp RuntimeDefault`);
      for (const c of allContainers(w)) {
        const where = `${label(w)} container ${String(c.name)}`;
        const res = isObject(c.resources) ? c.resources : {};
        for (const kind of ['requests', 'limits'] as const) {
          const r = res[kind];
          t.ok(isObject(r) && r.cpu !== undefined && r.memory !== undefined, `${where}: ${kind} for cpu and memory`);
        }
        const sc = isObject(c.securityContext) ? c.securityContext : {};
        t.equal(sc.allowPrivilegeEscalation, false, `${where}: no privilege escalation`);
        t.equal(sc.readOnlyRootFilesystem, true, `${where}: read-only root filesystem`);
        t.equal(sc.privileged, false, `${where}: not privileged`);
        const caps = isObject(sc.capabilities) ? sc.capabilities : {};
        t.same(caps.drop, ['ALL'], `${where}: drops every capability`);
        const added = Array.isArray(caps.add) ? caps.add : [];
        if (c.name === 'state-permissions') t.same(added, ['CHOWN', 'FOWNER'], `${where}: only what chown/chmod of the state directory needs`);
        else t.same(added, [], `${where}: adds no capability`);
        t.equal(c.image, `vigil:${pkg.version}`, `${where}: the image of this version`);
      }
      t.equal(typeof spec.terminationGracePeriodSeconds, 'number');
    }
    const agentUser = runAs(pod(agent), container(agent, 'agent'));
    if (overlay === 'grpc') {
      // Falco's socket is root's 0755: the one documented exception, with no capabilities at all.
      t.same(agentUser, { user: 0, group: 0, nonRoot: false }, 'the gRPC agent runs as uid 0 to reach the root-owned socket');
    } else {
      t.same(agentUser, { user: 65532, group: 65532, nonRoot: true }, 'the HTTP agent runs as the image user');
    }
    t.same(runAs(pod(collector), container(collector, 'collector')), { user: 65532, group: 65532, nonRoot: true });
  });

  t.test(`${overlay}: probes on the real health endpoints`, async (t) => {
    const cases: Array<[JsonObject, string, string]> = [
      [agent, 'agent', 'metrics'],
      [collector, 'collector', 'http'],
    ];
    for (const [w, name, port] of cases) {
      const c = container(w, name);
      const ports = list(c.ports);
      const declared = ports.find((p) => p.name === port);
      t.ok(declared, `${name} declares port ${port}`);
      for (const [probe, path] of [
        ['livenessProbe', '/healthz'],
        ['readinessProbe', '/readyz'],
      ] as const) {
        const p = c[probe];
        t.ok(isObject(p) && isObject(p.httpGet), `${name} has an HTTP ${probe}`);
        if (isObject(p) && isObject(p.httpGet)) t.same({ path: p.httpGet.path, port: p.httpGet.port }, { path, port }, `${name} ${probe}`);
      }
      // The health endpoints must be reachable by the kubelet on the pod IP, not only on loopback.
      const listen = name === 'agent' ? flag(c, 'listen') : flag(c, 'http-listen');
      t.equal(listen, `0.0.0.0:${String(declared?.containerPort)}`, `${name} listens on every pod address, on the probed port`);
    }
    const startup = container(collector, 'collector').startupProbe;
    t.ok(isObject(startup) && isObject(startup.httpGet) && startup.httpGet.path === '/healthz', 'a start-up probe covers database migrations');
  });

  t.test(`${overlay}: agent DaemonSet`, async (t) => {
    const spec = pod(agent);
    const c = container(agent, 'agent');
    t.same(spec.tolerations, [{ operator: 'Exists' }], 'tolerates every taint: control plane included');
    find(objects, 'PriorityClass', String(spec.priorityClassName));
    const strategy = isObject(agent.spec) && isObject(agent.spec.updateStrategy) ? agent.spec.updateStrategy : {};
    t.same(isObject(strategy.rollingUpdate) ? strategy.rollingUpdate.maxSurge : undefined, 0, 'never two agents on one state directory');
    const state = flag(c, 'state');
    t.equal(state, '/var/lib/vigil');
    const stateMount = list(c.volumeMounts).find((m) => m.mountPath === state);
    const stateVolume = list(spec.volumes).find((v) => v.name === stateMount?.name);
    t.same(stateVolume?.hostPath, { path: '/var/lib/vigil', type: 'DirectoryOrCreate' }, '--state lives on the node');
    const env = list(c.env);
    const node = env.find((e) => e.name === 'VIGIL_NODE');
    t.same(node?.valueFrom, { fieldRef: { fieldPath: 'spec.nodeName' } }, 'node name from the downward API');
    const cluster = env.find((e) => e.name === 'VIGIL_CLUSTER');
    const ref = isObject(cluster?.valueFrom) && isObject(cluster.valueFrom.configMapKeyRef) ? cluster.valueFrom.configMapKeyRef : {};
    const config = findGenerated(objects, 'ConfigMap', 'vigil-config');
    t.equal(ref.name, meta(config).name, 'cluster name from the generated ConfigMap');
    t.equal(isObject(config.data) ? config.data[String(ref.key)] : undefined, 'default');
    t.equal(spec.serviceAccountName, 'vigil-agent');
    find(objects, 'ServiceAccount', 'vigil-agent');
  });

  t.test(`${overlay}: the state directory belongs to the user the agent runs as`, async (t) => {
    const spec = pod(agent);
    const init = container(agent, 'state-permissions');
    const main = container(agent, 'agent');
    const user = runAs(spec, main);
    t.same(args(init), [flag(main, 'state') ?? '', String(user.user), String(user.group)], 'init container hands --state to the agent uid:gid');
    t.same(list(init.volumeMounts).map((m) => m.mountPath), [flag(main, 'state')]);
    // The script is what the image's node runs; check that it does what it says on a real
    // directory (as this user: chown to oneself needs no privilege).
    const command = init.command;
    t.ok(Array.isArray(command) && command.length === 3 && command[1] === '-e');
    const script = Array.isArray(command) ? String(command[2]) : '';
    const dir = join(deployment.dir, `state-${overlay}`);
    const uid = process.getuid?.() ?? 0;
    const gid = process.getgid?.() ?? 0;
    const out = execFileSync(process.execPath, ['-e', script, dir, String(uid), String(gid)], { encoding: 'utf8' });
    t.match(out, `state directory ${dir} owned by ${uid}:${gid}, mode 0700`);
    t.equal(statSync(dir).mode & 0o777, 0o700);
    const bad = (() => {
      try {
        execFileSync(process.execPath, ['-e', script, dir, 'x', String(gid)], { stdio: 'pipe' });
        return 0;
      } catch (err) {
        return (err as { status: number }).status;
      }
    })();
    t.equal(bad, 2, 'refuses a non-numeric uid');
  });

  t.test(`${overlay}: collector Deployment, storage and Services`, async (t) => {
    const spec = pod(collector);
    const c = container(collector, 'collector');
    t.equal(isObject(collector.spec) ? collector.spec.replicas : undefined, 1, 'one writer on the SQLite file');
    t.same(isObject(collector.spec) ? collector.spec.strategy : undefined, { type: 'Recreate' }, 'the old pod is gone before the new one opens the database');
    const db = flag(c, 'db') ?? '';
    const dataMount = list(c.volumeMounts).find((m) => m.mountPath === posix.dirname(db));
    const dataVolume = list(spec.volumes).find((v) => v.name === dataMount?.name);
    const claim = isObject(dataVolume?.persistentVolumeClaim) ? dataVolume.persistentVolumeClaim.claimName : undefined;
    const pvc = find(objects, 'PersistentVolumeClaim', String(claim));
    t.same(isObject(pvc.spec) ? pvc.spec.accessModes : undefined, ['ReadWriteOnce'], '--db is on the claim');
    const podPorts = new Map(list(c.ports).map((p) => [String(p.name), p.containerPort]));
    for (const [service, port, targetPort] of [
      ['vigil-collector', 7420, 'grpc'],
      ['vigil-api', 7421, 'http'],
    ] as const) {
      const svc = find(objects, 'Service', service);
      const sspec = isObject(svc.spec) ? svc.spec : {};
      t.ok(labelsMatch(sspec.selector, podLabels(collector)), `${service} selects the collector pod`);
      t.same(list(sspec.ports).map((p) => [p.port, p.targetPort]), [[port, targetPort]], `${service} exposes ${port}`);
      t.equal(podPorts.get(targetPort), port, `${service}'s target port is the pod's ${port}`);
    }
    t.equal(flag(c, 'grpc-listen'), '0.0.0.0:7420');
    t.equal(spec.serviceAccountName, 'vigil-collector');
    const sa = find(objects, 'ServiceAccount', 'vigil-collector');
    t.equal(sa.automountServiceAccountToken, false);
    t.notOk(objects.some((o) => /Role/.test(String(o.kind))), 'no RBAC: neither component calls the Kubernetes API');
  });

  t.test(`${overlay}: every referenced Secret, ConfigMap and file exists`, async (t) => {
    for (const w of workloads(objects)) {
      const spec = pod(w);
      const volumes = new Map(list(spec.volumes).map((v) => [String(v.name), v]));
      for (const c of allContainers(w)) {
        const mounts = list(c.volumeMounts);
        for (const m of mounts) t.ok(volumes.has(String(m.name)), `${label(w)}: volume ${String(m.name)} exists`);
        const fileArgs = (Array.isArray(c.args) ? (c.args as string[]) : []).filter((a) => /^--[a-z-]+=\//.test(a) && !/^--(state|db)=/.test(a));
        for (const arg of fileArgs) {
          const path = arg.slice(arg.indexOf('=') + 1);
          const mount = mounts.find((m) => path.startsWith(`${String(m.mountPath)}/`));
          const volume = mount ? volumes.get(String(mount.name)) : undefined;
          t.ok(isObject(volume?.secret), `${label(w)} ${arg}: inside a secret volume`);
          if (!isObject(volume?.secret)) continue;
          t.ok(mount?.readOnly, `${label(w)} ${arg}: mounted read-only`);
          const secret = find(objects, 'Secret', String(volume.secret.secretName));
          const key = posix.relative(String(mount?.mountPath), path);
          t.ok(isObject(secret.data) && typeof secret.data[key] === 'string', `${label(w)} ${arg}: key ${key} is in ${label(secret)}`);
          t.equal(volume.secret.defaultMode, 0o440, `${label(w)} ${arg}: readable by owner and group only`);
        }
      }
    }
  });

  t.test(`${overlay}: NetworkPolicies`, async (t) => {
    const policies = objects.filter((o) => o.kind === 'NetworkPolicy');
    const deny = find(objects, 'NetworkPolicy', 'vigil-default-deny');
    t.same(deny.spec, { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }, 'everything in the namespace is denied unless allowed');
    const agentLabels = podLabels(agent);
    const collectorLabels = podLabels(collector);
    const selecting = (labels: Json | undefined): JsonObject[] => policies.filter((p) => isObject(p.spec) && labelsMatch(p.spec.podSelector, labels) && Object.keys(isObject(p.spec.podSelector) ? p.spec.podSelector : {}).length > 0);

    // Agent egress: the collector's gRPC port and DNS, nothing else.
    const egress = selecting(agentLabels).flatMap((p) => (isObject(p.spec) ? list(p.spec.egress) : []));
    t.equal(egress.length, 2);
    const toCollector = egress.find((r) => list(r.to).some((peer) => labelsMatch(peer.podSelector, collectorLabels)));
    t.same(toCollector && list(toCollector.ports), [{ port: 7420, protocol: 'TCP' }], 'agents reach the collector on 7420');
    const dns = egress.find((r) => r !== toCollector);
    t.same(dns && list(dns.ports), [
      { port: 53, protocol: 'UDP' },
      { port: 53, protocol: 'TCP' },
    ]);
    t.same(dns && list(dns.to), [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], 'DNS only to the cluster DNS');

    // Agent ingress: metrics from the monitoring namespace; on the HTTP path, Falco on 2802.
    const agentIngress = selecting(agentLabels).flatMap((p) => (isObject(p.spec) ? list(p.spec.ingress) : []));
    const ingressPorts = agentIngress.flatMap((r) => list(r.ports).map((p) => p.port)).sort();
    t.same(ingressPorts, overlay === 'http' ? [2802, 9376] : [9376]);
    if (overlay === 'http') {
      const falco = agentIngress.find((r) => list(r.ports).some((p) => p.port === 2802));
      t.same(falco && list(falco.from), [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'falco' } }, podSelector: { matchLabels: { 'app.kubernetes.io/name': 'falco' } } }], 'only Falco posts events');
    }
    for (const r of agentIngress) t.ok(list(r.from).length > 0, 'no agent port is open to everyone');

    // Collector: reached on its two ports only; 7420 from agents; no egress at all.
    const collectorPolicies = selecting(collectorLabels);
    const collectorIngress = collectorPolicies.flatMap((p) => (isObject(p.spec) ? list(p.spec.ingress) : []));
    t.same(collectorIngress.flatMap((r) => list(r.ports).map((p) => p.port)).sort(), [7420, 7421]);
    const grpc = collectorIngress.find((r) => list(r.ports).some((p) => p.port === 7420));
    t.ok(grpc && list(grpc.from).length === 1 && labelsMatch(list(grpc.from)[0]?.podSelector, agentLabels), '7420 only from agent pods');
    t.same(collectorPolicies.flatMap((p) => (isObject(p.spec) ? list(p.spec.egress) : [])), [], 'the collector opens no connection');
    for (const p of collectorPolicies) t.same(isObject(p.spec) ? p.spec.policyTypes : undefined, ['Ingress', 'Egress']);
  });

  t.test(`${overlay}: agents dial the collector Service by a name in its certificate`, async (t) => {
    const target = flag(container(agent, 'agent'), 'collector') ?? '';
    const [host, port] = target.split(':');
    const [service, ns, svc] = (host ?? '').split('.');
    t.equal(svc, 'svc');
    t.equal(ns, NAMESPACE, 'the namespace in --collector is the overlay namespace');
    const s = find(objects, 'Service', String(service));
    t.equal(meta(s).namespace, ns);
    t.ok(isObject(s.spec) && list(s.spec.ports).some((p) => p.port === Number(port)), `${String(service)} serves port ${String(port)}`);
    const tls = findGenerated(objects, 'Secret', 'vigil-collector-tls');
    const pem = Buffer.from(String(isObject(tls.data) ? tls.data['tls.crt'] : ''), 'base64').toString('utf8');
    const { X509Certificate } = await import('node:crypto');
    t.match(new X509Certificate(pem).subjectAltName ?? '', `DNS:${String(host)}`, 'the agent can verify the collector by that name');
  });

  t.test(`${overlay}: the agent's Falco input`, async (t) => {
    const c = container(agent, 'agent');
    const a = args(c);
    if (overlay === 'grpc') {
      t.equal(flag(c, 'falco'), 'unix:///run/falco/falco.sock');
      t.notOk(a.some((x) => x.startsWith('--falco-http')), 'no HTTP receiver');
      const mount = list(c.volumeMounts).find((m) => m.mountPath === '/run/falco');
      t.equal(mount?.readOnly, true, "Falco's socket directory, read-only");
      const volume = list(pod(agent).volumes).find((v) => v.name === mount?.name);
      t.same(volume?.hostPath, { path: '/run/falco', type: 'DirectoryOrCreate' }, 'the directory, so a restarted Falco socket is seen');
    } else {
      t.equal(flag(c, 'falco'), undefined, 'no gRPC input');
      t.equal(flag(c, 'falco-http-listen'), '0.0.0.0:2802');
      t.ok(flag(c, 'falco-http-tls-cert') && flag(c, 'falco-http-tls-key') && flag(c, 'falco-http-client-ca'), 'HTTPS with a required client certificate');
      t.same(list(c.ports).find((p) => p.name === 'falco-http'), { name: 'falco-http', containerPort: 2802, hostPort: 2802, protocol: 'TCP' });
    }
  });
}

t.test('the gRPC and HTTP overlays differ only in the Falco input', async (t) => {
  const strip = (overlay: Overlay): string[] =>
    deployment.overlays[overlay]
      .filter((o) => !/falco/.test(String(meta(o).name)) && o.kind !== 'DaemonSet')
      .map((o) => JSON.stringify(o))
      .sort();
  t.same(strip('grpc'), strip('http'));
});
