// The test tools of the deploy tests, checked on their own: the kustomize renderer does what
// kustomize does for the features it implements and refuses everything else, and the schema
// checks reject what the Kubernetes API would.
import t from 'tap';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { applyJson6902, kustomizeHash, renderKustomization, KustomizeError, type JsonObject } from '../support/kustomize.js';
import { typeCheckObjects, validateWithModel } from './helpers/schema.js';

const root = mkdtempSync(join(tmpdir(), 'vigil-kustomize-'));
t.teardown(() => rmSync(root, { recursive: true, force: true }));
let counter = 0;

/** Writes a tree of files under a fresh directory and returns it. */
function tree(files: Record<string, string>): string {
  const dir = join(root, `case-${++counter}`);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const KUST = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n';
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx
          args: [a]
          env:
            - name: X
              valueFrom: {secretKeyRef: {name: creds, key: token}}
          volumeMounts: [{name: c, mountPath: /c}]
      volumes:
        - name: c
          secret: {secretName: creds}
        - name: cfg
          configMap: {name: settings}
`;

t.test('the name hash is kustomize’s', async (t) => {
  // The example of the Kubernetes documentation ("Managing Kubernetes objects using
  // Kustomize"): configMapGenerator example-configmap-2 with FOO=Bar.
  const dir = tree({ 'kustomization.yaml': `${KUST}configMapGenerator:\n  - name: example-configmap-2\n    literals: [FOO=Bar]\n` });
  const [cm] = renderKustomization(dir);
  t.same(cm, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'example-configmap-2-g2hdhfc6tk' }, data: { FOO: 'Bar' } });
  const secret: JsonObject = { kind: 'Secret', type: 'Opaque', metadata: { name: 's' }, data: { a: 'Yg==' } };
  t.not(kustomizeHash(secret), kustomizeHash({ ...secret, type: 'kubernetes.io/tls' }), 'a Secret’s type is part of its hash');
  t.not(kustomizeHash(secret), kustomizeHash({ ...secret, data: { a: 'Yw==' } }), 'so is its content');
  t.equal(kustomizeHash(secret), kustomizeHash({ ...secret, metadata: { name: 's', labels: { x: 'y' } } }), 'labels are not');
});

t.test('generators, references across kustomizations, namespace, images', async (t) => {
  const dir = tree({
    'base/kustomization.yaml': `${KUST}resources: [web.yaml]\nconfigMapGenerator:\n  - name: settings\n    literals: [mode=fast]\nimages:\n  - name: nginx\n    newName: registry.example.com/nginx\n    newTag: "1.27"\n`,
    'base/web.yaml': DEPLOYMENT,
    'secrets/kustomization.yaml': `${KUST}secretGenerator:\n  - name: creds\n    files: [token, renamed=other.txt]\n    options:\n      labels: {team: sec}\n`,
    'secrets/token': 'abc\n',
    'secrets/other.txt': 'xyz',
    'overlay/kustomization.yaml': `${KUST}namespace: prod\nresources: [../base, ../secrets]\n`,
  });
  const out = renderKustomization(join(dir, 'overlay'));
  const secret = out.find((o) => o.kind === 'Secret') as JsonObject;
  const cm = out.find((o) => o.kind === 'ConfigMap') as JsonObject;
  const web = out.find((o) => o.kind === 'Deployment') as JsonObject;
  t.match(secret, { metadata: { namespace: 'prod', labels: { team: 'sec' } }, data: { token: Buffer.from('abc\n').toString('base64'), renamed: Buffer.from('xyz').toString('base64') }, type: 'Opaque' });
  const secretName = (secret.metadata as JsonObject).name as string;
  const cmName = (cm.metadata as JsonObject).name as string;
  t.match(secretName, /^creds-[a-z0-9]{10}$/);
  t.match(cmName, /^settings-[a-z0-9]{10}$/);
  const spec = ((web.spec as JsonObject).template as JsonObject).spec as JsonObject;
  const c = (spec.containers as JsonObject[])[0] as JsonObject;
  t.equal(c.image, 'registry.example.com/nginx:1.27');
  t.same(spec.volumes, [
    { name: 'c', secret: { secretName } },
    { name: 'cfg', configMap: { name: cmName } },
  ], 'volume references follow the generated names, also from a sibling kustomization');
  t.same(c.env, [{ name: 'X', valueFrom: { secretKeyRef: { name: secretName, key: 'token' } } }]);
  t.equal((web.metadata as JsonObject).namespace, 'prod');
});

t.test('JSON 6902 patches', async (t) => {
  const doc = (): JsonObject => ({ a: { list: [1, 2], 'x/y': 'slash', 't~': 'tilde' } });
  const apply = (ops: unknown): JsonObject => {
    const d = doc();
    applyJson6902(d, ops as JsonObject[], 'patch');
    return d;
  };
  t.same(apply([{ op: 'add', path: '/a/list/-', value: 3 }]).a, { list: [1, 2, 3], 'x/y': 'slash', 't~': 'tilde' }, 'append');
  t.same((apply([{ op: 'add', path: '/a/list/0', value: 0 }]).a as JsonObject).list, [0, 1, 2], 'insert before an index');
  t.same((apply([{ op: 'remove', path: '/a/list/1' }]).a as JsonObject).list, [1]);
  t.same((apply([{ op: 'replace', path: '/a/x~1y', value: 'S' }]).a as JsonObject)['x/y'], 'S', '~1 is a slash');
  t.same((apply([{ op: 'replace', path: '/a/t~0', value: 'T' }]).a as JsonObject)['t~'], 'T', '~0 is a tilde');
  t.same(apply([{ op: 'test', path: '/a/list', value: [1, 2] }]), doc(), 'a passing test changes nothing');
  const refused: Array<[unknown, RegExp]> = [
    [[{ op: 'test', path: '/a/list/0', value: 9 }], /test failed at \/a\/list\/0: found 1/],
    [[{ op: 'move', from: '/a', path: '/b' }], /unsupported key "from"|not implemented/],
    [[{ op: 'copy', path: '/b', value: 1 }], /"copy" is not implemented/],
    [[{ op: 'replace', path: '/a/nope', value: 1 }], /no member nope to replace/],
    [[{ op: 'remove', path: '/a/list/5' }], /no element 5 to remove/],
    [[{ op: 'add', path: '/missing/x', value: 1 }], /no member missing/],
    [[{ op: 'add', path: '/a/list/7', value: 1 }], /past the end/],
    [[{ op: 'add', path: '/a/list' }], /value is missing/],
    [{ spec: { replicas: 2 } }, /strategic merge patches are not implemented/],
  ];
  for (const [ops, message] of refused) t.throws(() => apply(ops), message);
});

t.test('refuses what it does not implement, and what kustomize refuses', async (t) => {
  const cases: Array<[Record<string, string>, string, RegExp]> = [
    [{ 'kustomization.yaml': `${KUST}commonLabels: {a: b}\n` }, '.', /unsupported key "commonLabels"/],
    [{ 'kustomization.yaml': `${KUST}namePrefix: x-\n` }, '.', /unsupported key "namePrefix"/],
    [{ 'kustomization.yaml': 'apiVersion: v1\nkind: Kustomization\n' }, '.', /apiVersion must be kustomize.config.k8s.io\/v1beta1/],
    [{ 'kustomization.yaml': `${KUST}resources: [../outside.yaml]\n`, '../outside.yaml': DEPLOYMENT }, '.', /not in or below .* load restrictor/],
    [{ 'kustomization.yaml': `${KUST}secretGenerator:\n  - name: s\n    files: [../../etc-passwd]\n` }, '.', /no such file|load restrictor/],
    [{ 'kustomization.yaml': `${KUST}secretGenerator:\n  - name: s\n    envs: [x.env]\n` }, '.', /unsupported key "envs"/],
    [{ 'kustomization.yaml': `${KUST}configMapGenerator:\n  - name: c\n    literals: [novalue]\n` }, '.', /is not KEY=VALUE/],
    [{ 'kustomization.yaml': `${KUST}configMapGenerator:\n  - name: c\n    literals: [a=1]\n    options: {disableNameSuffixHash: true}\n` }, '.', /unsupported key "disableNameSuffixHash"/],
    [{ 'kustomization.yaml': `${KUST}resources: [w.yaml, w.yaml]\n`, 'w.yaml': DEPLOYMENT }, '.', /two resources with the id/],
    [{ 'kustomization.yaml': `${KUST}resources: [j.yaml]\n`, 'j.yaml': 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\n' }, '.', /kind Job is unknown to this renderer/],
    [{ 'kustomization.yaml': `${KUST}resources: [w.yaml]\npatches:\n  - path: p.yaml\n    target: {kind: DaemonSet}\n`, 'w.yaml': DEPLOYMENT, 'p.yaml': '- {op: add, path: /x, value: 1}\n' }, '.', /matches no resource/],
    [{ 'kustomization.yaml': `${KUST}resources: [w.yaml]\npatches:\n  - path: p.yaml\n`, 'w.yaml': DEPLOYMENT, 'p.yaml': '- {op: add, path: /x, value: 1}\n' }, '.', /a target is required/],
    [{ 'kustomization.yaml': `${KUST}resources: [w.yaml]\npatches:\n  - path: p.yaml\n    target: {kind: Deployment, labelSelector: a=b}\n`, 'w.yaml': DEPLOYMENT, 'p.yaml': '[]\n' }, '.', /unsupported key "labelSelector"/],
    [{ 'kustomization.yaml': `${KUST}images:\n  - name: nginx\n    newImage: x\n` }, '.', /unsupported key "newImage"/],
    [{ 'a/kustomization.yaml': `${KUST}resources: [../b]\n`, 'b/kustomization.yaml': `${KUST}resources: [../a]\n` }, 'a', /kustomization cycle/],
  ];
  for (const [files, sub, message] of cases) {
    const dir = tree(files);
    t.throws(() => renderKustomization(join(dir, sub)), message, `${Object.values(files)[0]?.split('\n').slice(2).join(' ').slice(0, 60)}`);
  }
  t.throws(() => renderKustomization(tree({ 'kustomization.yaml': `${KUST}commonLabels: {}\n` })), KustomizeError);
});

t.test('the schema checks reject what the API server would', async (t) => {
  const base = (container: JsonObject): JsonObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'x' },
    spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [container] } } },
  });
  const good = base({ name: 'c', image: 'i', resources: { limits: { memory: '64Mi' } } });
  t.equal(await validateWithModel(good), null);
  t.same(typeCheckObjects([good], () => 'good'), []);
  t.match(await validateWithModel(base({ name: 'c', image: 'i', resources: { limits: { memory: 'lots' } } })), /memory must match format "quantity"/);
  t.match(await validateWithModel(base({ name: 'c', image: 'i', ports: [{ containerPort: 'http' }] })), /containerPort must be integer/);
  const unknown = typeCheckObjects([base({ name: 'c', image: 'i', readinesProbe: { httpGet: { path: '/', port: 80 } } })], () => 'typo');
  t.equal(unknown.length, 1);
  t.match(unknown[0], /^typo .*readinesProbe.*does not exist in type 'IContainer'/, 'a misspelt field is caught, with the object named');
  const wrongType = typeCheckObjects([base({ name: 'c', image: 'i', securityContext: { runAsNonRoot: 'yes' } })], () => 'type');
  t.match(wrongType.join('\n'), /Type 'string' is not assignable to type 'boolean/);
  t.rejects(validateWithModel({ apiVersion: 'apps/v1', kind: 'not a kind', metadata: {} }), /not a Kubernetes type/);
});
