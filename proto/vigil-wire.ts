// grpc-js definitions for vigil.v1.AgentGateway and the conversions between the agent's
// Observation and its wire form. Shared by the agent link and the collector gateway.
import type { ServiceDefinition } from '@grpc/grpc-js';
import { vigil } from './gen/vigil.js';
import { formatRfc3339Ns, priorityFromName, type Priority } from '../agent/falco/event.js';
import type { WorkloadId, WorkloadKind } from '../agent/model/identity.js';
import type { Observation, ObservationItem } from '../agent/model/observation.js';
import type { ItemIdentity } from '../agent/model/item-key.js';

export const CONNECT_PATH = '/vigil.v1.AgentGateway/Connect';

export type AgentMessage = vigil.v1.IAgentMessage;
export type CollectorMessage = vigil.v1.ICollectorMessage;
export type WireObservation = vigil.v1.IObservation;
export type WireReport = vigil.v1.IReport;
export type WireWorkload = vigil.v1.IWorkload;
export const Mode = vigil.v1.Mode;
export type ModeName = 'learning' | 'detecting' | 'disabled';

export const encodeAgentMessage = (m: AgentMessage): Buffer => Buffer.from(vigil.v1.AgentMessage.encode(m).finish());
export const decodeAgentMessage = (b: Buffer): vigil.v1.AgentMessage => vigil.v1.AgentMessage.decode(b);
export const encodeCollectorMessage = (m: CollectorMessage): Buffer =>
  Buffer.from(vigil.v1.CollectorMessage.encode(m).finish());
export const decodeCollectorMessage = (b: Buffer): vigil.v1.CollectorMessage => vigil.v1.CollectorMessage.decode(b);
export const encodeReport = (r: WireReport): Buffer => Buffer.from(vigil.v1.Report.encode(r).finish());
export const decodeReport = (b: Buffer): vigil.v1.Report => vigil.v1.Report.decode(b);

export const agentGatewayService = {
  Connect: {
    path: CONNECT_PATH,
    requestStream: true,
    responseStream: true,
    requestSerialize: encodeAgentMessage,
    requestDeserialize: decodeAgentMessage,
    responseSerialize: encodeCollectorMessage,
    responseDeserialize: decodeCollectorMessage,
    originalName: 'Connect',
  },
} satisfies ServiceDefinition;

const MODE_NAMES: Record<number, ModeName> = {
  [vigil.v1.Mode.LEARNING]: 'learning',
  [vigil.v1.Mode.DETECTING]: 'detecting',
  [vigil.v1.Mode.DISABLED]: 'disabled',
};

export function modeName(mode: vigil.v1.Mode | null | undefined): ModeName | null {
  return MODE_NAMES[mode ?? 0] ?? null;
}

export function modeValue(mode: ModeName): vigil.v1.Mode {
  return mode === 'learning' ? vigil.v1.Mode.LEARNING : mode === 'detecting' ? vigil.v1.Mode.DETECTING : vigil.v1.Mode.DISABLED;
}

export function identityName(identity: vigil.v1.Identity | null | undefined): ItemIdentity {
  if (identity === vigil.v1.Identity.IDENTITY_LINEAGE) return 'lineage';
  return identity === vigil.v1.Identity.IDENTITY_ARGS ? 'args' : 'exe';
}

export function identityValue(identity: ItemIdentity): vigil.v1.Identity {
  if (identity === 'lineage') return vigil.v1.Identity.IDENTITY_LINEAGE;
  return identity === 'args' ? vigil.v1.Identity.IDENTITY_ARGS : vigil.v1.Identity.IDENTITY_EXE;
}

export function timestampFromNs(ns: bigint): { seconds: number; nanos: number } {
  return { seconds: Number(ns / 1_000_000_000n), nanos: Number(ns % 1_000_000_000n) };
}

export function nsFromTimestamp(ts: { seconds?: number | null; nanos?: number | null } | null | undefined): bigint {
  if (!ts) return 0n;
  return BigInt(ts.seconds ?? 0) * 1_000_000_000n + BigInt(ts.nanos ?? 0);
}

export function workloadToWire(w: WorkloadId): WireWorkload {
  return { cluster: w.cluster, namespace: w.namespace, kind: w.kind, name: w.name };
}

export function workloadFromWire(w: WireWorkload | null | undefined): WorkloadId {
  return { cluster: w?.cluster ?? '', namespace: w?.namespace ?? '', kind: (w?.kind ?? 'Pod') as WorkloadKind, name: w?.name ?? '' };
}

export function observationToWire(obs: Observation, key: string): WireObservation {
  const base: WireObservation = {
    time: timestampFromNs(obs.timeNs),
    node: obs.node,
    workload: workloadToWire(obs.workload),
    container: obs.container,
    pod: obs.pod ?? '',
    pod_uid: obs.podUid ?? '',
    container_id: obs.containerId,
    image: obs.image ?? '',
    image_digest: obs.imageDigest ?? '',
    rule: obs.rule,
    priority: obs.priority ?? '',
    item_key: key,
  };
  if (obs.containerStartNs !== null) base.container_start = timestampFromNs(obs.containerStartNs);
  if (obs.type === 'process') {
    const p = obs.process;
    base.process = {
      exe: p.exe,
      name: p.name ?? '',
      cmdline: p.cmdline ?? '',
      parent_exe: p.parentExe ?? '',
      parent_name: p.parentName ?? '',
      user: p.user ?? '',
      uid: p.uid ?? 0,
      pid: p.pid ?? 0,
      exe_upper_layer: p.exeUpperLayer ?? false,
      has_uid: p.uid !== null,
      has_pid: p.pid !== null,
      has_exe_upper_layer: p.exeUpperLayer !== null,
    };
  } else {
    const n = obs.network;
    base.network = {
      direction: n.direction === 'outbound' ? vigil.v1.Direction.OUTBOUND : vigil.v1.Direction.INBOUND,
      peer: n.peer,
      peer_name: n.peerName ?? '',
      port: n.port ?? 0,
      protocol: n.protocol,
      local_ip: n.localIp ?? '',
      local_port: n.localPort ?? 0,
    };
  }
  return base;
}

const orNull = (s: string | null | undefined): string | null => (s ? s : null);

/** The inverse of observationToWire (empty strings read back as null). */
export function observationFromWire(w: WireObservation): Observation & { itemKey: string } {
  const common = {
    timeNs: nsFromTimestamp(w.time),
    node: w.node ?? '',
    containerId: w.container_id ?? '',
    containerStartNs: w.container_start ? nsFromTimestamp(w.container_start) : null,
    rule: w.rule ?? '',
    priority: (w.priority ? priorityFromName(w.priority) : null) as Priority | null,
    workload: workloadFromWire(w.workload),
    pod: orNull(w.pod),
    podUid: orNull(w.pod_uid),
    container: w.container ?? '',
    image: orNull(w.image),
    imageDigest: orNull(w.image_digest),
    itemKey: w.item_key ?? '',
  };
  // The item's two fields are added to the common object, not the common fields spread into a
  // new one: copying them took about half of this function's time per report (CPU profile of the
  // collector storing alerts from 1,000 agents).
  return Object.assign(common, itemFromWire(w));
}

function itemFromWire(w: WireObservation): ObservationItem {
  if (w.process) {
    const p = w.process;
    return {
      type: 'process',
      process: {
        exe: p.exe ?? '',
        name: orNull(p.name),
        cmdline: orNull(p.cmdline),
        parentExe: orNull(p.parent_exe),
        parentName: orNull(p.parent_name),
        user: orNull(p.user),
        uid: p.has_uid ? Number(p.uid ?? 0) : null,
        pid: p.has_pid ? Number(p.pid ?? 0) : null,
        exeUpperLayer: p.has_exe_upper_layer ? Boolean(p.exe_upper_layer) : null,
      },
    };
  }
  const n = w.network ?? {};
  return {
    type: 'network',
    network: {
      direction: n.direction === vigil.v1.Direction.INBOUND ? 'inbound' : 'outbound',
      peer: n.peer ?? '',
      peerName: orNull(n.peer_name),
      port: n.port ?? null,
      protocol: n.protocol ?? '',
      localIp: orNull(n.local_ip),
      localPort: n.local_port ?? null,
    },
  };
}

/** Time as text for logs and evidence. */
export function timeText(ns: bigint): string {
  return formatRfc3339Ns(ns);
}
