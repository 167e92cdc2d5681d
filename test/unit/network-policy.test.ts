// NetworkPolicy generation from learned baselines: exact policies for realistic workloads, every
// one checked by kubernetes-models' schema and by the API-server rules that schema leaves out.
import { isIPv4, isIPv6 } from 'node:net';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import t, { type Test } from 'tap';
import { parse } from 'yaml';
import type { WorkloadId } from '../../agent/model/identity.js';
import {
  DEFAULT_CLUSTER_CIDRS,
  generateNetworkPolicy,
  toYaml,
  type BaselineEntry,
  type EgressRule,
  type NetworkPolicyInput,
  type NetworkPolicyObject,
  type NetworkPolicyOptions,
  type NetworkPolicyResult,
} from '../../collector/baseline/network-policy.js';

const AT = new Date('2026-11-22T09:00:00Z');
const GENERATED_AT = '2026-11-22T09:00:00.000Z';

const DNS: EgressRule = {
  to: [
    {
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
      podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
    },
  ],
  ports: [
    { protocol: 'UDP', port: 53 },
    { protocol: 'TCP', port: 53 },
  ],
};

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/**
 * kubernetes-models checks the OpenAPI schema (types, enums, required fields) only: a port of
 * 70000, a CIDR of "nonsense" or an upper-case name pass it. These are the API server's checks
 * for what the generator writes.
 */
function apiServerProblems(p: NetworkPolicyObject): string[] {
  const problems: string[] = [];
  const { name, namespace, labels } = p.metadata;
  if (name.length > 253 || !DNS_SUBDOMAIN.test(name)) problems.push(`metadata.name ${name}`);
  if (namespace.length > 63 || !DNS_LABEL.test(namespace)) problems.push(`metadata.namespace ${namespace}`);
  for (const [k, v] of Object.entries({ ...labels, ...p.spec.podSelector.matchLabels })) {
    if (v.length > 63 || !LABEL_VALUE.test(v)) problems.push(`label ${k}=${v}`);
  }
  const rules = [...p.spec.ingress, ...p.spec.egress];
  for (const port of rules.flatMap((r) => r.ports)) {
    if (!Number.isInteger(port.port) || port.port < 1 || port.port > 65535) problems.push(`port ${port.port}`);
  }
  for (const peer of p.spec.egress.flatMap((r) => r.to)) {
    if (!peer.ipBlock) continue;
    const [ip = '', prefix = ''] = peer.ipBlock.cidr.split('/');
    const max = isIPv4(ip) ? 32 : isIPv6(ip) ? 128 : -1;
    if (!/^\d+$/.test(prefix) || Number(prefix) > max) problems.push(`cidr ${peer.ipBlock.cidr}`);
  }
  return problems;
}

/** Both checks; throws like `kubectl apply` would refuse. */
function validate(p: NetworkPolicyObject): void {
  new NetworkPolicy(p).validate();
  const problems = apiServerProblems(p);
  if (problems.length > 0) throw new Error(`invalid NetworkPolicy: ${problems.join(', ')}`);
}

const workload = (name: string, more: Partial<WorkloadId> = {}): WorkloadId => ({ cluster: 'prod', namespace: 'shop', kind: 'Deployment', name, ...more });
const entries = (container: string, ...items: string[]): BaselineEntry[] => items.map((item) => ({ container, item }));

/** Generates, and fails the test unless the policy passes both validators. */
function generate(
  t: Test,
  input: Omit<NetworkPolicyInput, 'generatedAt'> & { generatedAt?: Date },
  options?: NetworkPolicyOptions,
): NetworkPolicyResult {
  const result = generateNetworkPolicy({ generatedAt: AT, ...input }, options);
  t.doesNotThrow(() => validate(result.policy), `${result.policy.metadata.name} is a valid NetworkPolicy`);
  return result;
}

function expected(
  name: string,
  spec: Omit<NetworkPolicyObject['spec'], 'policyTypes'>,
  annotations: Record<string, string> = {},
  workloadName = name,
): NetworkPolicyObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: {
      name: `vigil-${name}`,
      namespace: 'shop',
      labels: { 'app.kubernetes.io/managed-by': 'vigil', 'vigil.dev/workload-kind': 'Deployment', 'vigil.dev/workload-name': workloadName },
      annotations: { 'vigil.dev/workload': `prod/shop/Deployment/${workloadName}`, 'vigil.dev/generated-at': GENERATED_AT, ...annotations },
    },
    spec: { podSelector: spec.podSelector, policyTypes: ['Ingress', 'Egress'], ingress: spec.ingress, egress: spec.egress },
  };
}

const placeholder = (name: string): Record<string, string> => ({
  'vigil.dev/pod-selector': `placeholder: Vigil does not know the pod labels of Deployment ${name}; replace spec.podSelector with its spec.selector.matchLabels`,
});
const placeholderWarning = (name: string): string =>
  `no pod labels given: spec.podSelector is the placeholder app.kubernetes.io/name=${name}; check that it selects the pods of Deployment ${name} (kubectl get pods -n shop --show-labels) before applying`;
const inClusterWarning = (list: string[], total = list.length): string =>
  `${total} in-cluster peer${total === 1 ? ' is' : 's are'} allowed as single-address ipBlocks (${list.join(', ')}): pod IPs change when pods are rescheduled, and a Service ClusterIP may not match at all because most network plugins apply policy after it is translated to a pod IP; replace them with namespaceSelector/podSelector peers (the baseline does not record peer labels)`;
const block = (...cidrs: string[]): EgressRule['to'] => cidrs.map((cidr) => ({ ipBlock: { cidr } }));

t.test('nginx front: a listening port, an API pod, kube-dns and the Kubernetes API', async (t) => {
  const { policy, warnings } = generate(t, {
    workload: workload('frontend'),
    matchLabels: { tier: 'web', app: 'frontend' },
    items: [
      ...entries('nginx', 'exe:/usr/sbin/nginx', 'in:tcp:8080', 'out:tcp:10.244.1.17:8080', 'out:udp:10.96.0.10:53', 'out:tcp:10.96.0.10:53'),
      ...entries('config-reloader', 'exe:/bin/reloader', 'out:tcp:10.96.0.1:443'),
    ],
  });
  t.strictSame(
    policy,
    expected('frontend', {
      podSelector: { matchLabels: { app: 'frontend', tier: 'web' } },
      ingress: [{ ports: [{ protocol: 'TCP', port: 8080 }] }],
      egress: [
        DNS,
        // numeric order: 10.96.x before 10.244.x
        { to: block('10.96.0.1/32'), ports: [{ protocol: 'TCP', port: 443 }] },
        {
          to: block('10.96.0.10/32'),
          ports: [
            { protocol: 'TCP', port: 53 },
            { protocol: 'UDP', port: 53 },
          ],
        },
        { to: block('10.244.1.17/32'), ports: [{ protocol: 'TCP', port: 8080 }] },
      ],
    }),
  );
  t.strictSame(warnings, [inClusterWarning(['10.96.0.1/32', '10.96.0.10/32', '10.244.1.17/32'])]);
  t.strictSame(Object.keys(policy.spec.podSelector.matchLabels), ['app', 'tier'], 'labels sorted');
});

t.test('Java API: external payment IPs aggregated to /24, a DNS-name peer reported', async (t) => {
  const { policy, warnings } = generate(t, {
    workload: workload('payments-api'),
    items: [
      ...entries('app', 'exe:/opt/java/openjdk/bin/java', 'in:tcp:8080', 'in:tcp:8081'),
      ...entries(
        'app',
        'out:tcp:203.0.113.10:443',
        'out:tcp:203.0.113.77:443',
        'out:tcp:192.0.2.8:443',
        'out:tcp:198.51.100.5:443',
        'out:tcp:198.51.100.5:8443',
        'out:tcp:api.payments.example:443',
        'out:tcp:10.244.2.9:5432',
      ),
    ],
  });
  t.strictSame(
    policy,
    expected(
      'payments-api',
      {
        podSelector: { matchLabels: { 'app.kubernetes.io/name': 'payments-api' } },
        ingress: [
          {
            ports: [
              { protocol: 'TCP', port: 8080 },
              { protocol: 'TCP', port: 8081 },
            ],
          },
        ],
        egress: [
          DNS,
          { to: block('10.244.2.9/32'), ports: [{ protocol: 'TCP', port: 5432 }] },
          // the same port set: one rule for both blocks
          { to: block('192.0.2.0/24', '203.0.113.0/24'), ports: [{ protocol: 'TCP', port: 443 }] },
          {
            to: block('198.51.100.0/24'),
            ports: [
              { protocol: 'TCP', port: 443 },
              { protocol: 'TCP', port: 8443 },
            ],
          },
        ],
      },
      { ...placeholder('payments-api'), 'vigil.dev/unexpressed-egress': '["out:tcp:api.payments.example:443"]' },
    ),
  );
  t.strictSame(warnings, [
    placeholderWarning('payments-api'),
    'out:tcp:api.payments.example:443: DNS-name peer api.payments.example cannot be expressed in a NetworkPolicy (it matches IP blocks and label selectors only); listed in annotation vigil.dev/unexpressed-egress',
    inClusterWarning(['10.244.2.9/32']),
  ]);
});

t.test('IPv6 peers: external to /64, in-cluster (unique-local) to /128, IPv4-mapped as IPv4', async (t) => {
  const { policy, warnings } = generate(t, {
    workload: workload('edge'),
    matchLabels: { app: 'edge' },
    items: entries(
      'proxy',
      'in:tcp:8443',
      'out:tcp:2001:db8:abcd:12::5:443',
      'out:tcp:2001:DB8:ABCD:12:ffff::1:443',
      'out:tcp:[2001:db8:0:0:1::9]:443',
      'out:tcp:fd00:10:244:1::a:8080',
      'out:tcp:::ffff:203.0.113.9:443',
      'out:tcp:::1:15000',
    ),
  });
  t.strictSame(
    policy,
    expected('edge', {
      podSelector: { matchLabels: { app: 'edge' } },
      ingress: [{ ports: [{ protocol: 'TCP', port: 8443 }] }],
      egress: [
        DNS,
        { to: block('203.0.113.0/24', '2001:db8::/64', '2001:db8:abcd:12::/64'), ports: [{ protocol: 'TCP', port: 443 }] },
        { to: block('fd00:10:244:1::a/128'), ports: [{ protocol: 'TCP', port: 8080 }] },
      ],
    }),
  );
  t.strictSame(warnings, [
    'out:tcp:::1:15000: loopback traffic stays inside the pod and is not subject to NetworkPolicy; not needed',
    inClusterWarning(['fd00:10:244:1::a/128']),
  ]);
});

t.test('CIDR peers are kept (canonical), an invalid one is reported', async (t) => {
  const { policy, warnings } = generate(t, {
    workload: workload('reporting'),
    matchLabels: { app: 'reporting' },
    items: entries('app', 'out:tcp:10.20.0.0/24:5432', 'out:tcp:10.20.0.0/16:5432', 'out:tcp:10.30.3.4/16:5432', 'out:tcp:2001:db8::/32:443', 'out:tcp:10.0.0.0/33:5432'),
  });
  t.strictSame(
    policy,
    expected(
      'reporting',
      {
        podSelector: { matchLabels: { app: 'reporting' } },
        ingress: [],
        egress: [
          DNS,
          // kept as given, even when one contains another; the wider block first
          { to: block('10.20.0.0/16', '10.20.0.0/24', '10.30.0.0/16'), ports: [{ protocol: 'TCP', port: 5432 }] },
          { to: block('2001:db8::/32'), ports: [{ protocol: 'TCP', port: 443 }] },
        ],
      },
      { 'vigil.dev/unexpressed-egress': '["out:tcp:10.0.0.0/33:5432"]' },
    ),
  );
  t.strictSame(warnings, [
    'out:tcp:10.0.0.0/33:5432: peer 10.0.0.0/33 is not a valid CIDR; listed in annotation vigil.dev/unexpressed-egress',
    'no inbound port of the baseline could be expressed: the policy denies all ingress',
  ]);
});

t.test('many in-cluster peers: one rule, the warning lists the first five', async (t) => {
  const ips = [7, 3, 12, 9, 1, 5, 20].map((n) => `10.244.0.${n}`);
  const { policy, warnings } = generate(t, {
    workload: workload('fanout'),
    matchLabels: { app: 'fanout' },
    items: entries('app', 'in:tcp:80', ...ips.map((ip) => `out:tcp:${ip}:9000`)),
  });
  const sorted = ['1', '3', '5', '7', '9', '12', '20'].map((n) => `10.244.0.${n}/32`);
  t.strictSame(policy.spec.egress, [DNS, { to: block(...sorted), ports: [{ protocol: 'TCP', port: 9000 }] }]);
  t.strictSame(warnings, [inClusterWarning([...sorted.slice(0, 5), 'and 2 more'], 7)]);
});

t.test('UDP: a listening port and NTP servers', async (t) => {
  const { policy, warnings } = generate(t, {
    workload: workload('mdns'),
    matchLabels: { app: 'mdns' },
    items: entries('app', 'in:udp:5353', 'in:tcp:9100', 'out:udp:198.51.100.53:123', 'out:udp:198.51.100.54:123'),
  });
  t.strictSame(
    policy,
    expected('mdns', {
      podSelector: { matchLabels: { app: 'mdns' } },
      ingress: [{ ports: [{ protocol: 'TCP', port: 9100 }] }, { ports: [{ protocol: 'UDP', port: 5353 }] }],
      egress: [DNS, { to: block('198.51.100.0/24'), ports: [{ protocol: 'UDP', port: 123 }] }],
    }),
  );
  t.strictSame(warnings, []);
});

t.test('SCTP: a Diameter peer', async (t) => {
  const { policy, warnings } = generate(t, {
    workload: workload('diameter'),
    matchLabels: { app: 'diameter' },
    items: entries('app', 'in:sctp:3868', 'out:sctp:10.1.2.3:3868'),
  });
  t.strictSame(
    policy,
    expected('diameter', {
      podSelector: { matchLabels: { app: 'diameter' } },
      ingress: [{ ports: [{ protocol: 'SCTP', port: 3868 }] }],
      egress: [DNS, { to: block('10.1.2.3/32'), ports: [{ protocol: 'SCTP', port: 3868 }] }],
    }),
  );
  t.strictSame(warnings, [inClusterWarning(['10.1.2.3/32'])]);
});

t.test('unknown protocols and ports are skipped, listed and warned about', async (t) => {
  const { policy, warnings } = generate(t, {
    workload: workload('pinger'),
    matchLabels: { app: 'pinger' },
    items: entries('app', 'out:icmp:8.8.8.8:0', 'out:unknown:1.1.1.1:53', 'out:tcp:10.0.0.5:0', 'in:raw:0', 'in:tcp:0', 'bogus'),
  });
  t.strictSame(
    policy,
    expected(
      'pinger',
      { podSelector: { matchLabels: { app: 'pinger' } }, ingress: [], egress: [DNS] },
      {
        'vigil.dev/unexpressed-egress': '["out:icmp:8.8.8.8:0","out:tcp:10.0.0.5:0","out:unknown:1.1.1.1:53"]',
        'vigil.dev/unexpressed-ingress': '["in:raw:0","in:tcp:0"]',
      },
    ),
  );
  t.strictSame(warnings, [
    'bogus: not a process (exe:), outbound (out:) or inbound (in:) item key; ignored',
    'in:raw:0: protocol "raw" cannot be expressed in a NetworkPolicy (TCP, UDP and SCTP only); listed in annotation vigil.dev/unexpressed-ingress',
    'in:tcp:0: port 0 is unknown; a NetworkPolicy port is 1-65535; listed in annotation vigil.dev/unexpressed-ingress',
    'out:icmp:8.8.8.8:0: protocol "icmp" cannot be expressed in a NetworkPolicy (TCP, UDP and SCTP only); listed in annotation vigil.dev/unexpressed-egress',
    'out:tcp:10.0.0.5:0: port 0 is unknown; a NetworkPolicy port is 1-65535; listed in annotation vigil.dev/unexpressed-egress',
    'out:unknown:1.1.1.1:53: protocol "unknown" cannot be expressed in a NetworkPolicy (TCP, UDP and SCTP only); listed in annotation vigil.dev/unexpressed-egress',
    'no inbound port of the baseline could be expressed: the policy denies all ingress',
    'no outbound connection of the baseline could be expressed: the policy denies all egress except DNS to kube-dns',
  ]);

  const far = generate(t, { workload: workload('far'), matchLabels: { app: 'far' }, items: entries('app', 'out:tcp:10.0.0.5:70000', 'out:tcp:!!:80') });
  t.strictSame(far.warnings.slice(0, 2), [
    'out:tcp:!!:80: peer !! is not an IP address, CIDR or DNS name; listed in annotation vigil.dev/unexpressed-egress',
    'out:tcp:10.0.0.5:70000: port 70000 is out of range; a NetworkPolicy port is 1-65535; listed in annotation vigil.dev/unexpressed-egress',
  ]);
  t.strictSame(far.policy.spec.egress, [DNS]);
});

t.test('empty baseline: deny all but DNS, and say so', async (t) => {
  const { policy, warnings } = generate(t, { workload: workload('batch'), matchLabels: { app: 'batch' }, items: [] });
  t.strictSame(policy, expected('batch', { podSelector: { matchLabels: { app: 'batch' } }, ingress: [], egress: [DNS] }));
  t.strictSame(warnings, ['the baseline has no network items: the policy denies all ingress and all egress except DNS to kube-dns']);

  const noDns = generate(t, { workload: workload('batch'), matchLabels: { app: 'batch' }, items: [] }, { allowDns: false });
  t.strictSame(noDns.policy, expected('batch', { podSelector: { matchLabels: { app: 'batch' } }, ingress: [], egress: [] }));
  t.strictSame(noDns.warnings, ['the baseline has no network items: the policy denies all ingress and all egress']);
});

t.test('process-only baseline: the same as an empty one', async (t) => {
  const { policy, warnings } = generate(t, {
    workload: workload('cron-cleanup'),
    items: entries('cleanup', 'exe:/bin/sh', 'exe:/usr/bin/find', 'exe:/bin/rm'),
  });
  t.strictSame(
    policy,
    expected('cron-cleanup', { podSelector: { matchLabels: { 'app.kubernetes.io/name': 'cron-cleanup' } }, ingress: [], egress: [DNS] }, placeholder('cron-cleanup')),
  );
  t.strictSame(warnings, [
    placeholderWarning('cron-cleanup'),
    'the baseline has no network items: the policy denies all ingress and all egress except DNS to kube-dns',
  ]);
});

t.test('options: aggregation prefixes, cluster CIDRs, validation', async (t) => {
  const items = entries('app', 'out:tcp:203.0.113.10:443', 'out:tcp:2001:db8:1:2::5:443', 'out:tcp:10.1.2.3:443', 'out:tcp:100.64.7.9:443');
  const egressOf = (options: NetworkPolicyOptions): EgressRule[] =>
    generate(t, { workload: workload('opts'), matchLabels: { app: 'opts' }, items }, options).policy.spec.egress;
  const tcp443 = [{ protocol: 'TCP' as const, port: 443 }];

  t.strictSame(egressOf({}), [DNS, { to: block('10.1.2.3/32', '100.64.7.0/24', '203.0.113.0/24', '2001:db8:1:2::/64'), ports: tcp443 }], 'defaults');
  t.strictSame(
    egressOf({ aggregateExternal: false }),
    [DNS, { to: block('10.1.2.3/32', '100.64.7.9/32', '203.0.113.10/32', '2001:db8:1:2::5/128'), ports: tcp443 }],
    'no aggregation',
  );
  t.strictSame(
    egressOf({ aggregateExternal: { ipv4Prefix: 16, ipv6Prefix: 48 } }),
    [DNS, { to: block('10.1.2.3/32', '100.64.0.0/16', '203.0.0.0/16', '2001:db8:1::/48'), ports: tcp443 }],
    'wider blocks',
  );
  t.strictSame(
    egressOf({ aggregateExternal: { ipv4Prefix: 28 } }),
    [DNS, { to: block('10.1.2.3/32', '100.64.7.0/28', '203.0.113.0/28', '2001:db8:1:2::/64'), ports: tcp443 }],
    'one prefix given, the other default',
  );
  t.strictSame(
    egressOf({ clusterCidrs: ['100.64.0.0/10'], allowDns: false }),
    [{ to: block('10.1.2.0/24', '100.64.7.9/32', '203.0.113.0/24', '2001:db8:1:2::/64'), ports: tcp443 }],
    'a CGNAT pod range: 10.x is external then',
  );
  t.strictSame(DEFAULT_CLUSTER_CIDRS, ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7']);

  const input = { workload: workload('opts'), items, generatedAt: AT };
  t.throws(() => generateNetworkPolicy(input, { clusterCidrs: ['10.0.0.0/8', 'pods'] }), { message: 'clusterCidrs: "pods" is not a CIDR' });
  t.throws(() => generateNetworkPolicy(input, { aggregateExternal: { ipv4Prefix: 33 } }), { message: 'aggregateExternal.ipv4Prefix must be 0-32, got 33' });
  t.throws(() => generateNetworkPolicy(input, { aggregateExternal: { ipv6Prefix: 12.5 } }), { message: 'aggregateExternal.ipv6Prefix must be 0-128, got 12.5' });
});

t.test('metadata: names and label values made valid, with a hash when changed', async (t) => {
  const of = (name: string): NetworkPolicyObject => generate(t, { workload: workload(name, { kind: 'Pod' }), matchLabels: { run: 'x' }, items: [] }).policy;

  const odd = of('Legacy_App');
  t.equal(odd.metadata.name, 'vigil-legacy-app-0ed462e6');
  t.strictSame(odd.metadata.labels, { 'app.kubernetes.io/managed-by': 'vigil', 'vigil.dev/workload-kind': 'Pod', 'vigil.dev/workload-name': 'Legacy_App' });
  t.equal(odd.metadata.annotations['vigil.dev/workload'], 'prod/shop/Pod/Legacy_App', 'the annotation keeps the real key');
  t.equal(of('legacy-app').metadata.name, 'vigil-legacy-app', 'a valid name is used as is, so the two do not collide');
  t.equal(of('web.v2').metadata.name, 'vigil-web.v2');
  t.equal(of('web..v2').metadata.name, 'vigil-web.v2-c819c0bd');

  const long = of('a'.repeat(300));
  t.equal(long.metadata.name, `vigil-${'a'.repeat(238)}-279e8f01`);
  t.equal(long.metadata.name.length, 253);
  t.equal(long.metadata.labels['vigil.dev/workload-name'], `${'a'.repeat(54)}-279e8f01`);

  const placeholderOnly = generate(t, { workload: workload('___'), items: [] }).policy;
  t.equal(placeholderOnly.metadata.name, 'vigil-045a3b34');
  t.strictSame(placeholderOnly.spec.podSelector, { matchLabels: { 'app.kubernetes.io/name': '045a3b34' } });

  const everyone = generate(t, { workload: workload('all'), matchLabels: {}, items: [] });
  t.strictSame(everyone.policy.spec.podSelector, { matchLabels: {} });
  t.equal(everyone.warnings[0], 'the pod selector is empty: the policy applies to every pod in namespace shop');
});

t.test('only Kubernetes workloads get a policy', async (t) => {
  const input = (w: WorkloadId): NetworkPolicyInput => ({ workload: w, items: [], generatedAt: AT });
  t.throws(() => generateNetworkPolicy(input({ cluster: 'prod', namespace: '', kind: 'Container', name: 'redis' })), {
    message: 'a NetworkPolicy applies to Kubernetes pods; prod//Container/redis is a plain container workload outside any namespace',
  });
  t.throws(() => generateNetworkPolicy(input({ cluster: 'prod', namespace: '', kind: 'Host', name: 'node-a' })), {
    message: 'a NetworkPolicy applies to Kubernetes pods; prod//Host/node-a is a host workload outside any namespace',
  });
});

t.test('stable output: input order and duplicates across containers do not matter', async (t) => {
  const items = [
    ...entries('app', 'in:tcp:8080', 'out:tcp:203.0.113.10:443', 'out:tcp:api.example.com:443', 'out:tcp:10.0.0.7:6379', 'out:udp:198.51.100.1:53'),
    ...entries('sidecar', 'out:tcp:203.0.113.10:443', 'in:tcp:15090', 'out:icmp:8.8.8.8:0'),
  ];
  const a = generate(t, { workload: workload('stable'), items });
  const b = generate(t, { workload: workload('stable'), items: [...items].reverse() });
  const c = generate(t, { workload: workload('stable'), items: [...items.slice(3), ...items.slice(0, 3), ...items] });
  t.strictSame(b, a);
  t.strictSame(c, a);
  t.equal(toYaml(c), toYaml(a));
});

t.test('toYaml: a header, the placeholder flagged, the same object back', async (t) => {
  const result = generate(t, { workload: workload('payments-api'), items: entries('app', 'in:tcp:8080', 'out:tcp:api.payments.example:443') });
  const text = toYaml(result);
  t.strictSame(text.split('\n').slice(0, 7), [
    '# Generated by Vigil from the learned baseline of prod/shop/Deployment/payments-api at 2026-11-22T09:00:00.000Z.',
    '# Review before applying: the selected pods may then make and accept only the connections listed here',
    '# (and those that other NetworkPolicies selecting them allow).',
    '# Warnings:',
    `# - ${placeholderWarning('payments-api')}`,
    '# - out:tcp:api.payments.example:443: DNS-name peer api.payments.example cannot be expressed in a NetworkPolicy (it matches IP blocks and label selectors only); listed in annotation vigil.dev/unexpressed-egress',
    '# - no outbound connection of the baseline could be expressed: the policy denies all egress except DNS to kube-dns',
  ]);
  t.match(text, /\n {2}# PLACEHOLDER: replace with the labels of the workload pods \(see vigil\.dev\/pod-selector\)\n {2}podSelector:\n/);
  t.strictSame(parse(text), result.policy, 'the YAML is the policy');

  const labelled = generate(t, { workload: workload('frontend'), matchLabels: { app: 'frontend' }, items: entries('nginx', 'in:tcp:8080', 'out:tcp:203.0.113.5:443') });
  const plain = toYaml(labelled);
  t.notMatch(plain, /PLACEHOLDER|Warnings:/);
  t.strictSame(parse(plain), labelled.policy);
});

t.test('the validators catch invalid objects', async (t) => {
  const { policy } = generate(t, { workload: workload('frontend'), matchLabels: { app: 'frontend' }, items: entries('nginx', 'in:tcp:8080') });

  const lowerCase = structuredClone(policy);
  const port = lowerCase.spec.ingress[0]?.ports[0] as unknown as { protocol: string };
  port.protocol = 'tcp';
  t.throws(() => new NetworkPolicy(lowerCase).validate(), /protocol must be equal to one of the allowed values/, 'kubernetes-models: item-key protocols are lower case, the API is not');

  const { podSelector, ...noSelector } = policy.spec;
  t.ok(podSelector);
  const spec = noSelector as unknown as NetworkPolicyObject['spec'];
  t.throws(() => new NetworkPolicy({ metadata: policy.metadata, spec }).validate(), /must have required property podSelector/);

  const tooHigh = structuredClone(policy);
  (tooHigh.spec.ingress[0]?.ports[0] ?? { port: 0 }).port = 70000;
  t.throws(() => validate(tooHigh), { message: 'invalid NetworkPolicy: port 70000' }, 'port range: an API-server rule');

  const badCidr = structuredClone(policy);
  badCidr.spec.egress.push({ to: block('10.0.0.0/40'), ports: [{ protocol: 'TCP', port: 1 }] });
  badCidr.metadata.name = 'Vigil_Frontend';
  t.throws(() => validate(badCidr), { message: 'invalid NetworkPolicy: metadata.name Vigil_Frontend, cidr 10.0.0.0/40' });
});
