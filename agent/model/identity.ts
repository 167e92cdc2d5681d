// Workload identity from the fields Falco really fills (DESIGN.md §5).
//
// Since Falco 0.37 the owner fields (k8s.deployment.name ...) are empty unless the k8smeta plugin
// is loaded, so the owner is derived from the pod name and single pod labels, which Falco reads
// from the container runtime. k8smeta owner fields win when present; the plugin has fields for
// Deployments, ReplicaSets and ReplicationControllers only, so the other kinds always come from
// labels.

export type WorkloadKind =
  | 'Deployment'
  | 'ReplicaSet'
  | 'ReplicationController'
  | 'StatefulSet'
  | 'DaemonSet'
  | 'CronJob'
  | 'Job'
  | 'Pod'
  | 'Container'
  | 'Host';

export interface WorkloadId {
  readonly cluster: string;
  /** "" outside Kubernetes (plain containers, host processes). */
  readonly namespace: string;
  readonly kind: WorkloadKind;
  readonly name: string;
}

/** What identity needs from an event; null means Falco did not know it (yet). */
export interface PodFacts {
  readonly namespace: string | null;
  readonly podName: string | null;
  readonly labels: {
    readonly podTemplateHash: string | null;
    readonly statefulSetPodName: string | null;
    readonly controllerRevisionHash: string | null;
    readonly podTemplateGeneration: string | null;
    readonly jobName: string | null;
  };
  /** From the k8smeta plugin, which knows Deployments, ReplicaSets and ReplicationControllers only. */
  readonly owners: {
    readonly deployment: string | null;
    readonly replicaSet: string | null;
    readonly replicationController: string | null;
  };
}

// A CronJob names each Job `<cronjob>-<scheduled time in minutes since the epoch>`. Bounding the
// number to 2001..2200 keeps a Job that merely ends in digits (`backup-42`) from looking owned.
const MIN_SCHEDULED_MINUTE = 16_000_000;
const MAX_SCHEDULED_MINUTE = 120_000_000;

export function workloadKey(id: WorkloadId): string {
  return `${id.cluster}/${id.namespace}/${id.kind}/${id.name}`;
}

/** Kubernetes identity of a pod; null when the pod name or namespace is unknown. */
export function kubernetesWorkload(cluster: string, facts: PodFacts): WorkloadId | null {
  const { namespace, podName, labels, owners } = facts;
  if (!namespace || !podName) return null;
  const id = (kind: WorkloadKind, name: string): WorkloadId => ({ cluster, namespace, kind, name });

  if (owners.deployment) return id('Deployment', owners.deployment);
  if (labels.podTemplateHash) {
    // Deployment pods are `<deployment>-<pod-template-hash>-<suffix>`.
    const marker = `-${labels.podTemplateHash}-`;
    const at = podName.lastIndexOf(marker);
    if (at > 0) return id('Deployment', podName.slice(0, at));
  }
  if (labels.statefulSetPodName) {
    const ordinal = /^(.+)-\d+$/.exec(labels.statefulSetPodName);
    if (ordinal?.[1]) return id('StatefulSet', ordinal[1]);
  }
  if (labels.jobName) return cronJobOrJob(id, labels.jobName);
  if (labels.controllerRevisionHash && labels.podTemplateGeneration) {
    // DaemonSet pods are `<daemonset>-<5 random characters>`.
    const suffix = /^(.+)-[a-z0-9]{5}$/.exec(podName);
    if (suffix?.[1]) return id('DaemonSet', suffix[1]);
  }
  // Controllers without a Deployment above them (rare, but k8smeta can tell).
  if (owners.replicaSet) return id('ReplicaSet', owners.replicaSet);
  if (owners.replicationController) return id('ReplicationController', owners.replicationController);
  return id('Pod', podName);
}

function cronJobOrJob(id: (kind: WorkloadKind, name: string) => WorkloadId, jobName: string): WorkloadId {
  const scheduled = /^(.+)-(\d{8,9})$/.exec(jobName);
  if (scheduled?.[1] && scheduled[2]) {
    const minute = Number(scheduled[2]);
    if (minute >= MIN_SCHEDULED_MINUTE && minute <= MAX_SCHEDULED_MINUTE) return id('CronJob', scheduled[1]);
  }
  return id('Job', jobName);
}

export function containerWorkload(cluster: string, containerName: string): WorkloadId {
  return { cluster, namespace: '', kind: 'Container', name: containerName };
}

export function hostWorkload(cluster: string, node: string): WorkloadId {
  return { cluster, namespace: '', kind: 'Host', name: node };
}
