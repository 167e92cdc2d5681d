// A Kubernetes NetworkPolicy (networking.k8s.io/v1, Ingress and Egress) generated from a
// workload's learned network baseline: what the workload was seen doing becomes what it may do.
// Pure: no I/O, no clock (the generation time is passed in). Documented in docs/network-policy.md.
//
// What a NetworkPolicy can say is narrower than what the baseline knows, so the translation is
// lossy in known ways, each reported in `warnings` and never silently:
// - outbound peers that are DNS names (a NetworkPolicy matches IP blocks and label selectors
//   only), protocols other than TCP/UDP/SCTP and unknown ports (0) cannot be expressed; they are
//   listed in the `vigil.dev/unexpressed-egress` / `-ingress` annotations;
// - in-cluster peers become /32 (/128) ipBlocks: pod IPs change, and the baseline does not know
//   the peers' labels, which namespaceSelector/podSelector peers would need;
// - external peers are widened to a /24 (/64) by default, because services behind a provider
//   rotate addresses within a block;
// - inbound items record the listening port, not the clients, so ingress rules allow any source
//   on the learned ports;
// - the policy selects pods, not containers: the items of every container are merged.
import { Document, isMap, isScalar } from 'yaml';
import { workloadKey, type WorkloadId } from '../../agent/model/identity.js';

export type PolicyProtocol = 'TCP' | 'UDP' | 'SCTP';

export interface PolicyPort {
  protocol: PolicyProtocol;
  port: number;
}

export interface LabelSelector {
  matchLabels: Record<string, string>;
}

export interface PolicyPeer {
  ipBlock?: { cidr: string };
  namespaceSelector?: LabelSelector;
  podSelector?: LabelSelector;
}

export interface EgressRule {
  to: PolicyPeer[];
  ports: PolicyPort[];
}

/** No `from`: any source may connect to these ports (the baseline does not record clients). */
export interface IngressRule {
  ports: PolicyPort[];
}

/** A plain JSON NetworkPolicy, ready for JSON.stringify, `toYaml` or `kubectl apply`. */
export interface NetworkPolicyObject {
  apiVersion: 'networking.k8s.io/v1';
  kind: 'NetworkPolicy';
  metadata: {
    name: string;
    namespace: string;
    labels: Record<string, string>;
    annotations: Record<string, string>;
  };
  spec: {
    podSelector: LabelSelector;
    policyTypes: Array<'Ingress' | 'Egress'>;
    ingress: IngressRule[];
    egress: EgressRule[];
  };
}

export interface NetworkPolicyResult {
  readonly policy: NetworkPolicyObject;
  /** What the policy could not say, or what to check before applying it; deterministic order. */
  readonly warnings: string[];
}

/** One baseline entry, as in GET /api/v1/workloads/{ns}/{kind}/{name} `baseline` (other fields are ignored). */
export interface BaselineEntry {
  readonly container: string;
  readonly item: string;
}

export interface NetworkPolicyInput {
  readonly workload: WorkloadId;
  readonly items: readonly BaselineEntry[];
  /**
   * The labels of the workload's pods (its `spec.selector.matchLabels`). Vigil does not learn
   * them; when absent, the placeholder `app.kubernetes.io/name: <name>` is used and flagged.
   */
  readonly matchLabels?: Readonly<Record<string, string>>;
  /** Written to the `vigil.dev/generated-at` annotation. */
  readonly generatedAt: Date;
}

export interface NetworkPolicyOptions {
  /** Pod and Service CIDRs: peers inside them get single-address ipBlocks. Default DEFAULT_CLUSTER_CIDRS. */
  readonly clusterCidrs?: readonly string[];
  /**
   * Widen external (not in clusterCidrs) peers to a block: true (default) = /24 for IPv4 and
   * /64 for IPv6; false = single addresses; or the prefix lengths to use.
   */
  readonly aggregateExternal?: boolean | { readonly ipv4Prefix?: number; readonly ipv6Prefix?: number };
  /** Allow egress to kube-dns (kube-system, k8s-app=kube-dns) on UDP and TCP 53. Default true. */
  readonly allowDns?: boolean;
}

/** The private ranges (RFC 1918 and IPv6 unique-local) that pod and Service CIDRs are usually taken from. */
export const DEFAULT_CLUSTER_CIDRS: readonly string[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'];
export const DEFAULT_IPV4_PREFIX = 24;
export const DEFAULT_IPV6_PREFIX = 64;

export const ANNOTATION_WORKLOAD = 'vigil.dev/workload';
export const ANNOTATION_GENERATED_AT = 'vigil.dev/generated-at';
export const ANNOTATION_POD_SELECTOR = 'vigil.dev/pod-selector';
export const ANNOTATION_UNEXPRESSED_EGRESS = 'vigil.dev/unexpressed-egress';
export const ANNOTATION_UNEXPRESSED_INGRESS = 'vigil.dev/unexpressed-ingress';

const PROTOCOLS: Readonly<Record<string, PolicyProtocol>> = { tcp: 'TCP', udp: 'UDP', sctp: 'SCTP' };
const PROTOCOL_ORDER: readonly PolicyProtocol[] = ['TCP', 'UDP', 'SCTP'];
const MAX_NAME = 253;
const MAX_LABEL_VALUE = 63;
const IN_CLUSTER_LISTED = 5;

export function generateNetworkPolicy(input: NetworkPolicyInput, options: NetworkPolicyOptions = {}): NetworkPolicyResult {
  const { workload } = input;
  if (workload.namespace === '' || workload.kind === 'Container' || workload.kind === 'Host') {
    throw new Error(
      `a NetworkPolicy applies to Kubernetes pods; ${workloadKey(workload)} is a ${workload.kind === 'Host' ? 'host' : 'plain container'} workload outside any namespace`,
    );
  }
  const clusterCidrs = (options.clusterCidrs ?? DEFAULT_CLUSTER_CIDRS).map((c) => {
    const cidr = parseCidr(c);
    if (cidr === null) throw new RangeError(`clusterCidrs: ${JSON.stringify(c)} is not a CIDR`);
    return cidr;
  });
  const prefixes = aggregationPrefixes(options.aggregateExternal ?? true);
  const allowDns = options.allowDns ?? true;

  const warnings: string[] = [];
  const annotations: Record<string, string> = {
    [ANNOTATION_WORKLOAD]: workloadKey(workload),
    [ANNOTATION_GENERATED_AT]: input.generatedAt.toISOString(),
  };

  let podSelector: LabelSelector;
  if (input.matchLabels === undefined) {
    const guess = labelValue(workload.name);
    podSelector = { matchLabels: { 'app.kubernetes.io/name': guess } };
    annotations[ANNOTATION_POD_SELECTOR] =
      `placeholder: Vigil does not know the pod labels of ${workload.kind} ${workload.name}; replace spec.podSelector with its spec.selector.matchLabels`;
    warnings.push(
      `no pod labels given: spec.podSelector is the placeholder app.kubernetes.io/name=${guess}; check that it selects the pods of ${workload.kind} ${workload.name} (kubectl get pods -n ${workload.namespace} --show-labels) before applying`,
    );
  } else {
    podSelector = { matchLabels: sortedRecord(input.matchLabels) };
    if (Object.keys(podSelector.matchLabels).length === 0) {
      warnings.push(`the pod selector is empty: the policy applies to every pod in namespace ${workload.namespace}`);
    }
  }

  // One pass over the distinct item keys in sorted order: containers share the pod's policy, and
  // sorting makes the warnings (and everything else) independent of the input order.
  const keys = [...new Set(input.items.map((i) => i.item))].sort(compareStrings);
  const ingressPorts = new Map<PolicyProtocol, Set<number>>();
  const egressByCidr = new Map<string, { cidr: Cidr; ports: Map<string, PolicyPort> }>();
  const inCluster = new Map<string, Cidr>();
  const unexpressedEgress: string[] = [];
  const unexpressedIngress: string[] = [];
  let networkItems = 0;

  for (const key of keys) {
    if (key.startsWith('exe:')) continue;
    const inbound = /^in:([a-z0-9]+):(\d+)$/.exec(key);
    const outbound = inbound ? null : /^out:([a-z0-9]+):(.+):(\d+)$/.exec(key);
    if (!inbound && !outbound) {
      warnings.push(`${key}: not a process (exe:), outbound (out:) or inbound (in:) item key; ignored`);
      continue;
    }
    networkItems++;
    const unexpressed = inbound ? unexpressedIngress : unexpressedEgress;
    const annotation = inbound ? ANNOTATION_UNEXPRESSED_INGRESS : ANNOTATION_UNEXPRESSED_EGRESS;
    const skip = (why: string): void => {
      unexpressed.push(key);
      warnings.push(`${key}: ${why}; listed in annotation ${annotation}`);
    };
    const protoName = (inbound ?? outbound)?.[1] ?? '';
    const protocol = PROTOCOLS[protoName];
    const port = Number(inbound ? inbound[2] : outbound?.[3]);
    if (protocol === undefined) {
      skip(`protocol "${protoName}" cannot be expressed in a NetworkPolicy (TCP, UDP and SCTP only)`);
      continue;
    }
    if (!(port >= 1 && port <= 65535)) {
      skip(`port ${port} is ${port === 0 ? 'unknown' : 'out of range'}; a NetworkPolicy port is 1-65535`);
      continue;
    }
    if (inbound) {
      let set = ingressPorts.get(protocol);
      if (!set) ingressPorts.set(protocol, (set = new Set()));
      set.add(port);
      continue;
    }

    const peerText = unbracket(outbound?.[2] ?? '');
    let block: Cidr;
    if (peerText.includes('/')) {
      const cidr = parseCidr(peerText);
      if (cidr === null) {
        skip(`peer ${peerText} is not a valid CIDR`);
        continue;
      }
      block = cidr;
    } else {
      const ip = parseIp(peerText);
      if (ip === null) {
        skip(
          isDnsName(peerText)
            ? `DNS-name peer ${peerText} cannot be expressed in a NetworkPolicy (it matches IP blocks and label selectors only)`
            : `peer ${peerText} is not an IP address, CIDR or DNS name`,
        );
        continue;
      }
      if (isLoopback(ip)) {
        warnings.push(`${key}: loopback traffic stays inside the pod and is not subject to NetworkPolicy; not needed`);
        continue;
      }
      const bits = ip.family === 4 ? 32 : 128;
      if (clusterCidrs.some((c) => contains(c, ip))) {
        block = { ...ip, prefix: bits };
        inCluster.set(formatCidr(block), block);
      } else {
        block = network({ ...ip, prefix: ip.family === 4 ? prefixes.ipv4 : prefixes.ipv6 });
      }
    }
    const cidrText = formatCidr(block);
    let entry = egressByCidr.get(cidrText);
    if (!entry) egressByCidr.set(cidrText, (entry = { cidr: block, ports: new Map() }));
    entry.ports.set(`${protocol}/${port}`, { protocol, port });
  }

  // Peers allowed exactly the same ports share one rule.
  const rulesBySignature = new Map<string, { cidrs: Cidr[]; ports: PolicyPort[] }>();
  for (const { cidr, ports } of egressByCidr.values()) {
    const sorted = [...ports.values()].sort(comparePorts);
    const signature = sorted.map((p) => `${p.protocol}/${p.port}`).join(',');
    let rule = rulesBySignature.get(signature);
    if (!rule) rulesBySignature.set(signature, (rule = { cidrs: [], ports: sorted }));
    rule.cidrs.push(cidr);
  }
  const learnedEgress: EgressRule[] = [...rulesBySignature.values()]
    .map((r) => ({ cidrs: r.cidrs.sort(compareCidrs), ports: r.ports }))
    .sort((a, b) => compareCidrs(a.cidrs[0] as Cidr, b.cidrs[0] as Cidr))
    .map((r) => ({ to: r.cidrs.map((c) => ({ ipBlock: { cidr: formatCidr(c) } })), ports: r.ports }));
  const egress: EgressRule[] = allowDns ? [dnsRule(), ...learnedEgress] : learnedEgress;

  const ingress: IngressRule[] = [];
  for (const protocol of PROTOCOL_ORDER) {
    const ports = ingressPorts.get(protocol);
    if (ports) ingress.push({ ports: [...ports].sort((a, b) => a - b).map((port) => ({ protocol, port })) });
  }

  if (inCluster.size > 0) {
    const listed = [...inCluster.values()].sort(compareCidrs).map(formatCidr);
    const shown = listed.slice(0, IN_CLUSTER_LISTED).join(', ') + (listed.length > IN_CLUSTER_LISTED ? `, and ${listed.length - IN_CLUSTER_LISTED} more` : '');
    warnings.push(
      `${listed.length} in-cluster peer${listed.length === 1 ? ' is' : 's are'} allowed as single-address ipBlocks (${shown}): pod IPs change when pods are rescheduled, and a Service ClusterIP may not match at all because most network plugins apply policy after it is translated to a pod IP; replace them with namespaceSelector/podSelector peers (the baseline does not record peer labels)`,
    );
  }
  const dnsNote = allowDns ? ' except DNS to kube-dns' : '';
  if (networkItems === 0) {
    warnings.push(`the baseline has no network items: the policy denies all ingress and all egress${dnsNote}`);
  } else {
    if (ingress.length === 0) warnings.push('no inbound port of the baseline could be expressed: the policy denies all ingress');
    if (learnedEgress.length === 0) warnings.push(`no outbound connection of the baseline could be expressed: the policy denies all egress${dnsNote}`);
  }
  if (unexpressedEgress.length > 0) annotations[ANNOTATION_UNEXPRESSED_EGRESS] = JSON.stringify(unexpressedEgress);
  if (unexpressedIngress.length > 0) annotations[ANNOTATION_UNEXPRESSED_INGRESS] = JSON.stringify(unexpressedIngress);

  const policy: NetworkPolicyObject = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: {
      name: policyName(workload.name),
      namespace: workload.namespace,
      labels: {
        'app.kubernetes.io/managed-by': 'vigil',
        'vigil.dev/workload-kind': workload.kind,
        'vigil.dev/workload-name': labelValue(workload.name),
      },
      annotations,
    },
    spec: { podSelector, policyTypes: ['Ingress', 'Egress'], ingress, egress },
  };
  return { policy, warnings };
}

/** YAML for `kubectl apply -f`, headed by a comment saying where it came from and what to check. */
export function toYaml(result: NetworkPolicyResult): string {
  const { policy, warnings } = result;
  const doc = new Document(policy);
  const a = policy.metadata.annotations;
  const header = [
    `Generated by Vigil from the learned baseline of ${a[ANNOTATION_WORKLOAD] ?? policy.metadata.name} at ${a[ANNOTATION_GENERATED_AT] ?? 'an unknown time'}.`,
    'Review before applying: the selected pods may then make and accept only the connections listed here',
    '(and those that other NetworkPolicies selecting them allow).',
    ...(warnings.length > 0 ? ['Warnings:', ...warnings.map((w) => `- ${w}`)] : []),
  ];
  doc.commentBefore = header.map((l) => ` ${l}`).join('\n');
  if (a[ANNOTATION_POD_SELECTOR] !== undefined) {
    const spec = doc.get('spec', true);
    const pair = isMap(spec) ? spec.items.find((p) => isScalar(p.key) && p.key.value === 'podSelector') : undefined;
    if (pair && isScalar(pair.key)) pair.key.commentBefore = ' PLACEHOLDER: replace with the labels of the workload pods (see vigil.dev/pod-selector)';
  }
  return doc.toString({ lineWidth: 0 });
}

function dnsRule(): EgressRule {
  return {
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
}

function aggregationPrefixes(opt: NonNullable<NetworkPolicyOptions['aggregateExternal']>): { ipv4: number; ipv6: number } {
  if (opt === true) return { ipv4: DEFAULT_IPV4_PREFIX, ipv6: DEFAULT_IPV6_PREFIX };
  if (opt === false) return { ipv4: 32, ipv6: 128 };
  const ipv4 = opt.ipv4Prefix ?? DEFAULT_IPV4_PREFIX;
  const ipv6 = opt.ipv6Prefix ?? DEFAULT_IPV6_PREFIX;
  if (!Number.isInteger(ipv4) || ipv4 < 0 || ipv4 > 32) throw new RangeError(`aggregateExternal.ipv4Prefix must be 0-32, got ${ipv4}`);
  if (!Number.isInteger(ipv6) || ipv6 < 0 || ipv6 > 128) throw new RangeError(`aggregateExternal.ipv6Prefix must be 0-128, got ${ipv6}`);
  return { ipv4, ipv6 };
}

// ---- names --------------------------------------------------------------------------------

/** `vigil-<name>` as a DNS-1123 subdomain; a name that had to change gets a hash of the original. */
function policyName(name: string): string {
  const wanted = `vigil-${name}`;
  const clean = wanted
    .toLowerCase()
    .replace(/[^a-z0-9.-]/g, '-')
    .replace(/[-.]*\.[-.]*/g, '.')
    .replace(/[.-]+$/, '');
  if (clean === wanted && clean.length <= MAX_NAME) return clean;
  const suffix = `-${fnv1a(name)}`;
  return clean.slice(0, MAX_NAME - suffix.length).replace(/[.-]+$/, '') + suffix;
}

/** A valid label value (≤ 63, alphanumeric at both ends); one that had to change gets a hash. */
function labelValue(value: string): string {
  const clean = value.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[._-]+|[._-]+$/g, '');
  if (clean === value && clean.length <= MAX_LABEL_VALUE) return clean;
  const hash = fnv1a(value);
  const head = clean.slice(0, MAX_LABEL_VALUE - hash.length - 1).replace(/[._-]+$/, '');
  return head === '' ? hash : `${head}-${hash}`;
}

/** FNV-1a (32-bit) of the UTF-16 code units, as 8 hex digits: a short, stable disambiguator. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

function sortedRecord(r: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(r).sort(compareStrings)) out[k] = r[k] as string;
  return out;
}

function isDnsName(s: string): boolean {
  const label = '[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?';
  return s.length <= 254 && new RegExp(`^${label}(?:\\.${label})*\\.?$`).test(s);
}

// ---- addresses ----------------------------------------------------------------------------

interface Ip {
  readonly family: 4 | 6;
  readonly addr: bigint;
}
interface Cidr extends Ip {
  readonly prefix: number;
}

function unbracket(s: string): string {
  return s.startsWith('[') && s.endsWith(']') ? s.slice(1, -1) : s;
}

function parseIpv4(s: string): bigint | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  let v = 0n;
  for (const p of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(p) || Number(p) > 255) return null;
    v = (v << 8n) | BigInt(p);
  }
  return v;
}

function parseIpv6(text: string): bigint | null {
  let s = text;
  if (!/^[0-9A-Fa-f:.]+$/.test(s)) return null;
  if (s.includes('.')) {
    const at = s.lastIndexOf(':');
    const v4 = parseIpv4(s.slice(at + 1));
    if (v4 === null) return null;
    s = `${s.slice(0, at + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const groups = (h: string | undefined): string[] => (h ? h.split(':') : []);
  const left = groups(halves[0]);
  const right = groups(halves[1]);
  const count = left.length + right.length;
  if (halves.length === 1 ? count !== 8 : count > 7) return null;
  const all = [...left, ...Array<string>(8 - count).fill('0'), ...right];
  let v = 0n;
  for (const g of all) {
    if (!/^[0-9A-Fa-f]{1,4}$/.test(g)) return null;
    v = (v << 16n) | BigInt(`0x${g}`);
  }
  return v;
}

/** An IPv4 or IPv6 address; IPv4-mapped IPv6 (::ffff:a.b.c.d, from dual-stack sockets) is IPv4. */
function parseIp(s: string): Ip | null {
  const v4 = parseIpv4(s);
  if (v4 !== null) return { family: 4, addr: v4 };
  const v6 = parseIpv6(s);
  if (v6 === null) return null;
  if (v6 >> 32n === 0xffffn) return { family: 4, addr: v6 & 0xffffffffn };
  return { family: 6, addr: v6 };
}

/** A CIDR in canonical form (host bits cleared), or null. */
function parseCidr(s: string): Cidr | null {
  const m = /^([^/]+)\/(0|[1-9]\d{0,2})$/.exec(s);
  if (!m) return null;
  const v4 = parseIpv4(m[1] as string);
  const v6 = v4 === null ? parseIpv6(m[1] as string) : null;
  const prefix = Number(m[2]);
  if (v4 !== null && prefix <= 32) return network({ family: 4, addr: v4, prefix });
  if (v6 !== null && prefix <= 128) return network({ family: 6, addr: v6, prefix });
  return null;
}

function bitsOf(family: 4 | 6): bigint {
  return family === 4 ? 32n : 128n;
}

function network(c: Cidr): Cidr {
  const host = bitsOf(c.family) - BigInt(c.prefix);
  return { family: c.family, addr: (c.addr >> host) << host, prefix: c.prefix };
}

function contains(c: Cidr, ip: Ip): boolean {
  if (c.family !== ip.family) return false;
  const host = bitsOf(c.family) - BigInt(c.prefix);
  return ip.addr >> host === c.addr >> host;
}

function isLoopback(ip: Ip): boolean {
  return ip.family === 4 ? ip.addr >> 24n === 127n : ip.addr === 1n;
}

function formatCidr(c: Cidr): string {
  return `${c.family === 4 ? formatIpv4(c.addr) : formatIpv6(c.addr)}/${c.prefix}`;
}

function formatIpv4(v: bigint): string {
  return [24n, 16n, 8n, 0n].map((s) => String((v >> s) & 0xffn)).join('.');
}

/** RFC 5952: lower case, no leading zeros, the first longest run of two or more zero groups as `::`. */
function formatIpv6(v: bigint): string {
  const g: number[] = [];
  for (let i = 7; i >= 0; i--) g.push(Number((v >> BigInt(i * 16)) & 0xffffn));
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j;
  }
  const hex = (xs: number[]): string => xs.map((x) => x.toString(16)).join(':');
  if (best < 0) return hex(g);
  return `${hex(g.slice(0, best))}::${hex(g.slice(best + bestLen))}`;
}

// ---- ordering -----------------------------------------------------------------------------

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** IPv4 before IPv6, then by address, then wider blocks first. */
function compareCidrs(a: Cidr, b: Cidr): number {
  if (a.family !== b.family) return a.family - b.family;
  if (a.addr !== b.addr) return a.addr < b.addr ? -1 : 1;
  return a.prefix - b.prefix;
}

/** By port, then TCP, UDP, SCTP. */
function comparePorts(a: PolicyPort, b: PolicyPort): number {
  return a.port - b.port || PROTOCOL_ORDER.indexOf(a.protocol) - PROTOCOL_ORDER.indexOf(b.protocol);
}
