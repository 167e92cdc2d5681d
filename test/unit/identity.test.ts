import t from 'tap';
import { kubernetesWorkload, workloadKey, type PodFacts } from '../../agent/model/identity.js';

const noLabels: PodFacts['labels'] = {
  podTemplateHash: null,
  statefulSetPodName: null,
  controllerRevisionHash: null,
  podTemplateGeneration: null,
  jobName: null,
};
const noOwners: PodFacts['owners'] = { deployment: null, replicaSet: null, replicationController: null };

function pod(podName: string, labels: Partial<PodFacts['labels']> = {}, owners: Partial<PodFacts['owners']> = {}): PodFacts {
  return { namespace: 'shop', podName, labels: { ...noLabels, ...labels }, owners: { ...noOwners, ...owners } };
}

function kindName(facts: PodFacts): string | null {
  const id = kubernetesWorkload('prod', facts);
  return id ? `${id.kind}/${id.name}` : null;
}

t.test('Deployment from pod-template-hash and the pod name', async (t) => {
  t.equal(kindName(pod('web-7d9c8b6f5-x2k4p', { podTemplateHash: '7d9c8b6f5' })), 'Deployment/web');
  t.equal(kindName(pod('shop-api-v2-5f6d7c8b9-abcde', { podTemplateHash: '5f6d7c8b9' })), 'Deployment/shop-api-v2', 'dashes in the name');
  t.equal(kindName(pod('renamed-pod', { podTemplateHash: '5f6d7c8b9' })), 'Pod/renamed-pod', 'hash not in the name: no guess');
});

t.test('StatefulSet from its pod-name label and ordinal', async (t) => {
  t.equal(
    kindName(pod('db-0', { statefulSetPodName: 'db-0', controllerRevisionHash: 'db-5c7d8f9b44' })),
    'StatefulSet/db',
    'a StatefulSet pod also carries controller-revision-hash and must not look like a DaemonSet',
  );
  t.equal(kindName(pod('kafka-broker-12', { statefulSetPodName: 'kafka-broker-12' })), 'StatefulSet/kafka-broker');
});

t.test('DaemonSet from controller-revision-hash + pod-template-generation', async (t) => {
  t.equal(
    kindName(pod('fluent-bit-7xk9q', { controllerRevisionHash: '6b5d8c9f7', podTemplateGeneration: '1' })),
    'DaemonSet/fluent-bit',
  );
  t.equal(kindName(pod('odd', { controllerRevisionHash: 'x', podTemplateGeneration: '1' })), 'Pod/odd', 'no suffix to strip');
});

t.test('CronJob from the scheduled-minute job name; otherwise Job', async (t) => {
  t.equal(kindName(pod('report-nightly-29384760-q7w2n', { jobName: 'report-nightly-29384760' })), 'CronJob/report-nightly');
  t.equal(kindName(pod('migrate-schema-8xk2d', { jobName: 'migrate-schema' })), 'Job/migrate-schema');
  t.equal(kindName(pod('backup-42-abcde', { jobName: 'backup-42' })), 'Job/backup-42', 'short numbers are not schedule times');
  t.equal(kindName(pod('x-99999999-abcde', { jobName: 'x-999999999' })), 'Job/x-999999999', 'beyond year 2200');
});

t.test('bare pod', async (t) => {
  t.equal(kindName(pod('debug-shell')), 'Pod/debug-shell');
});

t.test('k8smeta owner fields win over labels', async (t) => {
  const labels = { podTemplateHash: '7d9c8b6f5' };
  t.equal(kindName(pod('web-7d9c8b6f5-x2k4p', labels, { deployment: 'frontend', replicaSet: 'frontend-7d9c8b6f5' })), 'Deployment/frontend');
  t.equal(kindName(pod('rs-only-abcde', {}, { replicaSet: 'rs-only' })), 'ReplicaSet/rs-only', 'a ReplicaSet without a Deployment');
  t.equal(kindName(pod('legacy-x7k2p', {}, { replicationController: 'legacy' })), 'ReplicationController/legacy');
  t.equal(kindName(pod('db-0', { statefulSetPodName: 'db-0' }, { replicaSet: null })), 'StatefulSet/db', 'other kinds still from labels');
});

t.test('no namespace or pod name: no Kubernetes identity', async (t) => {
  t.equal(kubernetesWorkload('prod', { ...pod('x'), namespace: null }), null);
  t.equal(kubernetesWorkload('prod', { ...pod('x'), podName: null }), null);
});

t.test('workload key', async (t) => {
  t.equal(workloadKey({ cluster: 'prod', namespace: 'shop', kind: 'Deployment', name: 'web' }), 'prod/shop/Deployment/web');
});
