// What the agent learned from one Falco event: a process exec or a network connection,
// attributed to a workload and container. This is the unit the known set, the outbox and the
// collector work with.
import { formatRfc3339Ns, type Priority } from '../falco/event.js';
import type { WorkloadId } from './identity.js';

export interface ProcessDetails {
  readonly exe: string;
  readonly name: string | null;
  readonly cmdline: string | null;
  readonly parentExe: string | null;
  readonly parentName: string | null;
  readonly user: string | null;
  readonly uid: number | null;
  readonly pid: number | null;
  /** proc.is_exe_upper_layer: true when the binary was written after the container started. */
  readonly exeUpperLayer: boolean | null;
}

export type Direction = 'outbound' | 'inbound';

export interface NetworkDetails {
  readonly direction: Direction;
  /** Remote address: the destination of a connect, the client of an accept. */
  readonly peer: string;
  readonly peerName: string | null;
  /** Remote port for outbound; for inbound the local listening port (the stable half). */
  readonly port: number | null;
  readonly protocol: string;
  readonly localIp: string | null;
  readonly localPort: number | null;
}

export type ObservationItem =
  | { readonly type: 'process'; readonly process: ProcessDetails }
  | { readonly type: 'network'; readonly network: NetworkDetails };

/** An observation before its workload is known (Falco's container metadata may lag). */
export type Draft = ObservationItem & {
  readonly timeNs: bigint;
  readonly node: string;
  readonly containerId: string;
  /** When the container started (container.start_ts), ns since the epoch; null when unknown. */
  readonly containerStartNs: bigint | null;
  readonly rule: string;
  readonly priority: Priority | null;
};

/** Everything Falco's container metadata lookup resolves, all at once. */
export interface Attribution {
  readonly workload: WorkloadId;
  readonly pod: string | null;
  readonly podUid: string | null;
  readonly container: string;
  readonly image: string | null;
  readonly imageDigest: string | null;
}

export type Observation = Draft & Attribution;

/** The `vigil agent --stdout` line format, documented in docs/observation-model.md. */
export interface ObservationJson {
  time: string;
  node: string;
  type: 'process' | 'network';
  workload: { cluster: string; namespace: string; kind: string; name: string };
  pod: string | null;
  container: string;
  container_id: string;
  container_start: string | null;
  image: string | null;
  image_digest: string | null;
  rule: string;
  priority: Priority | null;
  process?: {
    exe: string;
    name: string | null;
    cmdline: string | null;
    parent: string | null;
    parent_name: string | null;
    user: string | null;
    uid: number | null;
    pid: number | null;
    exe_upper_layer: boolean | null;
  };
  network?: {
    direction: Direction;
    peer: string;
    peer_name: string | null;
    port: number | null;
    protocol: string;
    local_ip: string | null;
    local_port: number | null;
  };
}

export function observationToJson(obs: Observation): ObservationJson {
  const json: ObservationJson = {
    time: formatRfc3339Ns(obs.timeNs),
    node: obs.node,
    type: obs.type,
    workload: {
      cluster: obs.workload.cluster,
      namespace: obs.workload.namespace,
      kind: obs.workload.kind,
      name: obs.workload.name,
    },
    pod: obs.pod,
    container: obs.container,
    container_id: obs.containerId,
    container_start: obs.containerStartNs === null ? null : formatRfc3339Ns(obs.containerStartNs),
    image: obs.image,
    image_digest: obs.imageDigest,
    rule: obs.rule,
    priority: obs.priority,
  };
  if (obs.type === 'process') {
    const p = obs.process;
    json.process = {
      exe: p.exe,
      name: p.name,
      cmdline: p.cmdline,
      parent: p.parentExe,
      parent_name: p.parentName,
      user: p.user,
      uid: p.uid,
      pid: p.pid,
      exe_upper_layer: p.exeUpperLayer,
    };
  } else {
    const n = obs.network;
    json.network = {
      direction: n.direction,
      peer: n.peer,
      peer_name: n.peerName,
      port: n.port,
      protocol: n.protocol,
      local_ip: n.localIp,
      local_port: n.localPort,
    };
  }
  return json;
}
