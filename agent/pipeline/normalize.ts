// Turns one FalcoEvent into an observation draft plus what identity the event carries, or a
// reason to skip it. Pure: no I/O, no clock, no counters (the caller counts the reasons).
import { fieldBool, fieldInt, fieldNs, fieldText, type FalcoEvent } from '../falco/event.js';
import {
  containerWorkload,
  hostWorkload,
  kubernetesWorkload,
  type PodFacts,
} from '../model/identity.js';
import type { Attribution, Draft, NetworkDetails, ProcessDetails } from '../model/observation.js';

export type SkipReason =
  | 'internal_event'
  | 'other_source'
  | 'foreign_rule'
  | 'unknown_event_type'
  | 'failed_syscall'
  | 'missing_field'
  | 'no_container'
  | 'host_process';

export interface NormalizeOptions {
  readonly cluster: string;
  /** Overrides Falco's hostname as the node name (the downward API's spec.nodeName). */
  readonly node: string | null;
  readonly includeHost: boolean;
  /** Rules whose names start with this produce observations; other rules' events are skipped. */
  readonly rulePrefix: string;
  /** Longer command lines and paths are cut to this many characters. */
  readonly maxFieldLength: number;
}

export type Normalized =
  | {
      readonly kind: 'draft';
      readonly draft: Draft;
      /** null while Falco has not resolved the container's metadata. */
      readonly attribution: Attribution | null;
      readonly truncated: number;
    }
  | { readonly kind: 'skip'; readonly reason: SkipReason; readonly detail: string };

const EXEC_TYPES = new Set(['execve', 'execveat']);
const OUTBOUND_TYPES = new Set(['connect']);
const INBOUND_TYPES = new Set(['accept', 'accept4']);
const CONNECT_OK = new Set(['SUCCESS', 'EINPROGRESS']);

export function normalize(event: FalcoEvent, opts: NormalizeOptions): Normalized {
  if (event.source !== 'syscall') {
    return event.source === 'internal'
      ? skip('internal_event', event.rule)
      : skip('other_source', event.source);
  }
  if (!event.rule.startsWith(opts.rulePrefix)) return skip('foreign_rule', event.rule);

  const evtType = fieldText(event, 'evt.type');
  if (evtType === null) return skip('missing_field', 'evt.type');
  const res = fieldText(event, 'evt.res');

  const cut = new Truncator(opts.maxFieldLength);
  let item: { type: 'process'; process: ProcessDetails } | { type: 'network'; network: NetworkDetails };
  if (EXEC_TYPES.has(evtType)) {
    if (res !== null && res !== 'SUCCESS') return skip('failed_syscall', `${evtType} ${res}`);
    const exe = fieldText(event, 'proc.exepath');
    if (exe === null) return skip('missing_field', 'proc.exepath');
    item = {
      type: 'process',
      process: {
        exe: cut.text(exe),
        name: fieldText(event, 'proc.name'),
        cmdline: cut.optional(fieldText(event, 'proc.cmdline')),
        parentExe: cut.optional(fieldText(event, 'proc.pexepath')),
        parentName: fieldText(event, 'proc.pname'),
        user: fieldText(event, 'user.name'),
        uid: fieldInt(event, 'user.uid'),
        pid: fieldInt(event, 'proc.pid'),
        exeUpperLayer: fieldBool(event, 'proc.is_exe_upper_layer'),
      },
    };
  } else if (OUTBOUND_TYPES.has(evtType) || INBOUND_TYPES.has(evtType)) {
    if (res !== null && !CONNECT_OK.has(res)) return skip('failed_syscall', `${evtType} ${res}`);
    const outbound = OUTBOUND_TYPES.has(evtType);
    const peer = fieldText(event, 'fd.rip') ?? fieldText(event, outbound ? 'fd.sip' : 'fd.cip');
    if (peer === null) return skip('missing_field', 'fd.rip');
    const localPort = fieldInt(event, 'fd.lport');
    item = {
      type: 'network',
      network: {
        direction: outbound ? 'outbound' : 'inbound',
        peer,
        peerName: outbound ? fieldText(event, 'fd.sip.name') : null,
        port: outbound ? (fieldInt(event, 'fd.rport') ?? fieldInt(event, 'fd.sport')) : (localPort ?? fieldInt(event, 'fd.sport')),
        protocol: fieldText(event, 'fd.l4proto') ?? 'unknown',
        localIp: fieldText(event, 'fd.lip'),
        localPort,
      },
    };
  } else {
    return skip('unknown_event_type', evtType);
  }

  const containerId = fieldText(event, 'container.id');
  if (containerId === null) return skip('no_container', 'container.id missing');
  const node = opts.node ?? event.hostname;
  const draft: Draft = {
    ...item,
    timeNs: event.timeNs,
    node,
    containerId,
    containerStartNs: fieldNs(event, 'container.start_ts'),
    rule: event.rule,
    priority: event.priority,
  };

  let attribution: Attribution | null;
  if (containerId === 'host') {
    if (!opts.includeHost) return skip('host_process', draft.type === 'process' ? draft.process.exe : 'network');
    const workload = hostWorkload(opts.cluster, node);
    attribution = { workload, pod: null, podUid: null, container: 'host', image: null, imageDigest: null };
  } else {
    attribution = attributionOf(event, opts.cluster);
  }
  return { kind: 'draft', draft, attribution, truncated: cut.count };
}

/** The workload an event's own metadata names, or null while Falco is still looking it up. */
function attributionOf(event: FalcoEvent, cluster: string): Attribution | null {
  const container = fieldText(event, 'container.name');
  if (container === null) return null;
  const repo = fieldText(event, 'container.image.repository');
  const tag = fieldText(event, 'container.image.tag');
  const image = repo === null ? null : tag === null ? repo : `${repo}:${tag}`;
  const imageDigest = fieldText(event, 'container.image.digest');
  const facts: PodFacts = {
    namespace: fieldText(event, 'k8s.ns.name'),
    podName: fieldText(event, 'k8s.pod.name'),
    labels: {
      podTemplateHash: fieldText(event, 'k8s.pod.label[pod-template-hash]'),
      statefulSetPodName: fieldText(event, 'k8s.pod.label[statefulset.kubernetes.io/pod-name]'),
      controllerRevisionHash: fieldText(event, 'k8s.pod.label[controller-revision-hash]'),
      podTemplateGeneration: fieldText(event, 'k8s.pod.label[pod-template-generation]'),
      jobName: fieldText(event, 'k8s.pod.label[job-name]'),
    },
    owners: {
      deployment: fieldText(event, 'k8smeta.deployment.name'),
      replicaSet: fieldText(event, 'k8smeta.rs.name'),
      replicationController: fieldText(event, 'k8smeta.rc.name'),
    },
  };
  const k8s = kubernetesWorkload(cluster, facts);
  if (k8s !== null) {
    return { workload: k8s, pod: facts.podName, podUid: fieldText(event, 'k8s.pod.uid'), container, image, imageDigest };
  }
  if (facts.namespace !== null || facts.podName !== null) {
    // Half of the pod metadata: wait for the rest rather than invent a workload.
    return null;
  }
  return { workload: containerWorkload(cluster, container), pod: null, podUid: null, container, image, imageDigest };
}

function skip(reason: SkipReason, detail: string): Normalized {
  return { kind: 'skip', reason, detail };
}

class Truncator {
  count = 0;
  constructor(private readonly max: number) {}

  text(value: string): string {
    if (value.length <= this.max) return value;
    this.count++;
    return `${value.slice(0, this.max)}…[+${value.length - this.max} chars]`;
  }

  optional(value: string | null): string | null {
    return value === null ? null : this.text(value);
  }
}
