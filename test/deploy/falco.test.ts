// Falco and the agent must agree: on the socket path (gRPC), on the port, scheme and client
// certificate (HTTP), on the rules file and rule names, on node coverage. The Falco side is the
// Helm values for the official chart (deploy/falco/), whose facts this relies on:
// - `customRules` becomes a ConfigMap mounted at /etc/falco/rules.d;
// - a unix `falco.grpc.bind_address` makes the chart mount the socket's directory from the node
//   (hostPath of the same path);
// - `falco.*` is falco.yaml, whose values expand ${ENV} variables;
// - `extra.env`, `mounts.volumes` and `mounts.volumeMounts` go into the Falco pod as they are.
import t from 'tap';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { isObject, type Json, type JsonObject } from '../support/kustomize.js';
import { ROOT, container, find, flag, list, pod, prepareDeployment, yamlFile } from './helpers/render.js';

const deployment = prepareDeployment();
t.teardown(() => deployment.cleanup());

const CUSTOM_RULES_DIR = '/etc/falco/rules.d';
const RULES_FILE = 'rules/falco/vigil_rules.yaml';

function obj(value: Json | undefined, what: string): JsonObject {
  if (!isObject(value)) throw new Error(`${what} is not a mapping`);
  return value;
}

const values = {
  grpc: obj(yamlFile(join(ROOT, 'deploy', 'falco', 'values-grpc.yaml')), 'values-grpc.yaml'),
  http: obj(yamlFile(join(ROOT, 'deploy', 'falco', 'values-http.yaml')), 'values-http.yaml'),
};
const fragments = {
  grpc: obj(yamlFile(join(ROOT, 'rules', 'falco', 'falco-grpc.yaml')), 'falco-grpc.yaml'),
  http: obj(yamlFile(join(ROOT, 'rules', 'falco', 'falco-http.yaml')), 'falco-http.yaml'),
};

function agentContainer(overlay: 'grpc' | 'http'): JsonObject {
  return container(find(deployment.overlays[overlay], 'DaemonSet', 'vigil-agent'), 'agent');
}

t.test('gRPC: Falco serves the socket the agent mounts and dials', async (t) => {
  const falco = obj(values.grpc.falco, 'falco');
  const grpc = obj(falco.grpc, 'falco.grpc');
  t.equal(grpc.enabled, true);
  t.equal(obj(falco.grpc_output, 'falco.grpc_output').enabled, true, 'the outputs service is on');
  const bind = String(grpc.bind_address);
  t.match(bind, /^unix:\/\//, 'a unix socket: no network, no TLS to manage');
  const agent = agentContainer('grpc');
  t.equal(flag(agent, 'falco'), bind, 'the agent dials the address Falco binds');
  const socketDir = posix.dirname(bind.slice('unix://'.length));
  const ds = find(deployment.overlays.grpc, 'DaemonSet', 'vigil-agent');
  const mount = list(agent.volumeMounts).find((m) => m.mountPath === socketDir);
  const volume = list(pod(ds).volumes).find((v) => v.name === mount?.name);
  t.equal(isObject(volume?.hostPath) ? volume.hostPath.path : undefined, socketDir, 'the agent mounts, from the node, the directory the chart mounts for Falco');
  t.equal(falco.json_output, false, 'protobuf on this path');
});

t.test('HTTP: Falco posts to the port, scheme and certificate the agent serves and requires', async (t) => {
  const falco = obj(values.http.falco, 'falco');
  const out = obj(falco.http_output, 'falco.http_output');
  t.equal(out.enabled, true);
  const agent = agentContainer('http');
  const url = /^(https?):\/\/\$\{([A-Z_]+)\}:(\d+)\/$/.exec(String(out.url));
  t.ok(url, `url ${String(out.url)} is scheme://\${VARIABLE}:port/`);
  if (!url) return;
  const [, scheme, variable, port] = url;
  t.equal(flag(agent, 'falco-http-listen'), `0.0.0.0:${String(port)}`, 'the agent listens on that port');
  const hostPort = list(agent.ports).find((p) => p.containerPort === Number(port));
  t.equal(hostPort?.hostPort, Number(port), "and it is the node's port Falco reaches");
  t.equal(scheme, flag(agent, 'falco-http-tls-cert') ? 'https' : 'http', 'the scheme the agent serves');
  const env = list(obj(values.http.extra, 'extra').env).find((e) => e.name === variable);
  t.same(env?.valueFrom, { fieldRef: { fieldPath: 'status.hostIP' } }, `\${${String(variable)}} is the node's IP: Falco reaches the agent on its own node`);
  // Mutual TLS: Falco presents a client certificate exactly when the agent demands one.
  t.equal(out.mtls, flag(agent, 'falco-http-client-ca') !== undefined, 'mtls matches --falco-http-client-ca');
  const mounts = list(obj(values.http.mounts, 'mounts').volumeMounts);
  const volumes = list(obj(values.http.mounts, 'mounts').volumes);
  for (const key of ['client_cert', 'client_key'] as const) {
    const path = String(out[key]);
    const mount = mounts.find((m) => path.startsWith(`${String(m.mountPath)}/`));
    t.ok(mount?.readOnly, `${key} ${path} is on a read-only mount`);
    const volume = volumes.find((v) => v.name === mount?.name);
    t.equal(isObject(volume?.secret) ? volume.secret.secretName : undefined, 'vigil-falco-client', `${key} comes from the secret the docs create`);
    t.ok(['tls.crt', 'tls.key'].includes(posix.basename(path)), `${key}: a key of \`kubectl create secret tls\``);
  }
  // The certificate the docs put in that secret is the one the agent trusts.
  const receiver = String(flag(agent, 'falco-http-client-ca'));
  t.equal(posix.basename(receiver), 'falco-ca.crt');
  const { X509Certificate } = await import('node:crypto');
  const falcoClient = new X509Certificate(readFileSync(join(deployment.secretsDir, 'falco-http', 'falco-client.crt')));
  const ca = new X509Certificate(readFileSync(join(deployment.secretsDir, 'falco-http', 'falco-ca.crt')));
  t.ok(falcoClient.verify(ca.publicKey), "make-secrets.sh signs Falco's client certificate with the CA the agent requires");
  t.ok(falcoClient.checkIssued(ca));
  t.equal(falco.json_output, true);
  t.equal(falco.json_include_output_fields_property, true, 'the agent reads output_fields');
  t.equal(falco.json_include_message_property, false, 'no extra top-level key');
});

for (const path of ['grpc', 'http'] as const) {
  t.test(`${path}: rules, rule matching, node coverage`, async (t) => {
    const v = values[path];
    const falco = obj(v.falco, 'falco');
    t.equal(falco.rule_matching, 'all', 'stock rules do not shadow the Vigil rules');
    t.ok(['debug', 'informational', 'info'].includes(String(falco.priority)), 'INFORMATIONAL rules are loaded');
    const files = Array.isArray(falco.rules_files) ? falco.rules_files.map(String) : [];
    const stock = files.indexOf('/etc/falco/falco_rules.yaml');
    const custom = files.indexOf(CUSTOM_RULES_DIR);
    t.ok(stock >= 0 && custom > stock, `${CUSTOM_RULES_DIR} (customRules) is loaded after the stock rules`);
    t.same(v.tolerations, [{ operator: 'Exists' }], 'Falco runs on every node the agent runs on');
    t.same(pod(find(deployment.overlays[path], 'DaemonSet', 'vigil-agent')).tolerations, v.tolerations, 'the same tolerations as the agent');
    // The install command in the values file loads the repository's rules file under its own name.
    const text = readFileSync(join(ROOT, 'deploy', 'falco', `values-${path}.yaml`), 'utf8');
    const setFile = /--set-file 'customRules\.([a-z_]+)\\\.yaml=([^']+)'/.exec(text);
    t.ok(setFile, 'the values file documents how the rules are loaded');
    t.equal(setFile?.[2], RULES_FILE);
    t.equal(`${String(setFile?.[1])}.yaml`, posix.basename(RULES_FILE), 'mounted as rules.d/vigil_rules.yaml');
    t.ok(existsSync(join(ROOT, RULES_FILE)));
    // The rules feed the agent only if their names carry the agent's rule prefix.
    const agent = agentContainer(path);
    const prefix = flag(agent, 'falco-rule-prefix') ?? 'Vigil';
    const rules = yamlFile(join(ROOT, RULES_FILE));
    const names = (Array.isArray(rules) ? rules : []).filter(isObject).filter((r) => typeof r.rule === 'string').map((r) => String(r.rule));
    t.ok(names.length >= 3);
    for (const name of names) t.ok(name.startsWith(prefix), `rule "${name}" starts with ${prefix}`);
    // The chart's install namespace is the one the HTTP NetworkPolicy admits.
    t.match(text, /-n falco\b/);
  });
}

t.test('the Helm values agree with the falco.yaml fragments of rules/falco/', async (t) => {
  // Same settings, two forms: the fragments for a Falco installed by hand, the values for the
  // chart. Everything but the rules list (the chart mounts customRules elsewhere) and the URL
  // (node IP and TLS in Kubernetes, loopback beside a local Falco) must match.
  const g = obj(values.grpc.falco, 'falco');
  t.equal(g.rule_matching, fragments.grpc.rule_matching);
  t.equal(g.json_output, fragments.grpc.json_output);
  t.same(g.grpc, fragments.grpc.grpc);
  t.same(g.grpc_output, fragments.grpc.grpc_output);
  const h = obj(values.http.falco, 'falco');
  for (const key of ['rule_matching', 'json_output', 'json_include_output_property', 'json_include_tags_property', 'json_include_output_fields_property', 'time_format_iso_8601']) {
    t.same(h[key], fragments.http[key], key);
  }
  const out = obj(h.http_output, 'http_output');
  const frag = obj(fragments.http.http_output, 'fragment http_output');
  for (const key of ['enabled', 'user_agent', 'keep_alive', 'compress_uploads', 'echo']) t.same(out[key], frag[key], `http_output.${key}`);
  t.equal(new URL(String(frag.url)).port, new URL(String(out.url).replace(/\$\{[A-Z_]+\}/, 'node')).port, 'the same port, 2802');
});
