// docs/deploy.md and docs/operations.md stay true to the files they tell people to use: every
// path exists, every command points at a real kustomization, chart versions agree with the
// values files, and the restore pod they apply is as valid and hardened as the manifests.
import t from 'tap';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isObject, type JsonObject } from '../support/kustomize.js';
import { typeCheckObjects, validateWithModel } from './helpers/schema.js';
import { ROOT, find, label, list, prepareDeployment, yamlFile } from './helpers/render.js';

const docs = {
  deploy: readFileSync(join(ROOT, 'docs', 'deploy.md'), 'utf8'),
  operations: readFileSync(join(ROOT, 'docs', 'operations.md'), 'utf8'),
};
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

t.test('every repository path the guides name exists', async (t) => {
  for (const [name, text] of Object.entries(docs)) {
    const paths = new Set([...text.matchAll(/(?<![\w/.-])((?:deploy|rules|docs|agent|collector)\/[\w./-]*[\w])/g)].map((m) => m[1] as string));
    t.ok(paths.size > 3, `${name}.md names files`);
    for (const p of paths) {
      // Files the guides create: make-secrets.sh output, backups.
      if (/^deploy\/kubernetes\/secrets\/(?!kustomization\.yaml)/.test(p)) continue;
      // kubectl's own shorthand (deploy/NAME = the Deployment NAME), not a file.
      if (/^deploy\/vigil-[a-z-]+$/.test(p)) continue;
      t.ok(existsSync(join(ROOT, p)), `${name}.md: ${p} exists`);
    }
    for (const m of text.matchAll(/\]\((?!https?:|#)([^)#]+)(#[^)]*)?\)/g)) {
      t.ok(existsSync(join(ROOT, 'docs', m[1] as string)), `${name}.md links to ${m[1] as string}`);
    }
  }
});

t.test('commands point at real kustomizations, rules files and chart versions', async (t) => {
  const text = docs.deploy;
  const applies = [...text.matchAll(/kubectl (?:apply|delete) -k ([\w./<>-]+)/g)].map((m) => (m[1] as string).replace(/<path>$/, 'http'));
  t.ok(applies.length >= 3);
  for (const dir of applies) t.ok(existsSync(join(ROOT, dir, 'kustomization.yaml')), `kubectl -k ${dir}: a kustomization`);
  const setFiles = [...text.matchAll(/--set-file 'customRules\.([a-z_]+)\\\.yaml=([^']+)'/g)];
  t.ok(setFiles.length >= 3);
  for (const m of setFiles) {
    t.equal(m[1], 'vigil_rules', 'every variant mounts as rules.d/vigil_rules.yaml');
    t.ok(existsSync(join(ROOT, m[2] as string)), `${m[2] as string} exists`);
  }
  // The chart versions of the guide are the ones written in the values files.
  for (const [file, version] of [
    ['values-grpc.yaml', '8.0.5'],
    ['values-http.yaml', '9.1.0'],
  ] as const) {
    const values = readFileSync(join(ROOT, 'deploy', 'falco', file), 'utf8');
    t.match(values, `--version ${version}`, `${file} installs chart ${version}`);
    t.match(text, `--version ${version}`, `docs/deploy.md installs chart ${version}`);
  }
  t.match(text, /helm install falco falcosecurity\/falco --version 9\.1\.0 -n falco \\\n\s+-f deploy\/falco\/values-http\.yaml/);
  t.match(text, /helm install falco falcosecurity\/falco --version 8\.0\.5 -n falco --create-namespace \\\n\s+-f deploy\/falco\/values-grpc\.yaml/);
  // Backup and restore commands run the tools the tests exercise (deployed.test.ts).
  t.match(text, /exec -i deploy\/vigil-collector -- \/nodejs\/bin\/node \\\n\s+-e "\$\(cat deploy\/kubernetes\/tools\/db-backup\.cjs\)" \/var\/lib\/vigil\/vigil\.db/);
  t.match(text, /exec -i vigil-restore -- \/nodejs\/bin\/node \\\n\s+-e "\$\(cat deploy\/kubernetes\/tools\/db-restore\.cjs\)" \/var\/lib\/vigil\/vigil\.db/);
});

t.test('the guide and the manifests agree on names and paths', async (t) => {
  const deployment = prepareDeployment();
  t.teardown(() => deployment.cleanup());
  const objects = deployment.overlays.http;
  const collector = find(objects, 'Deployment', 'vigil-collector');
  const spec = isObject(collector.spec) && isObject(collector.spec.template) && isObject(collector.spec.template.spec) ? collector.spec.template.spec : {};
  const c = list(spec.containers)[0] ?? {};
  const db = (Array.isArray(c.args) ? c.args.map(String) : []).find((a) => a.startsWith('--db='))?.slice('--db='.length);
  t.equal(db, '/var/lib/vigil/vigil.db', 'the backup and restore commands name the collector database');
  find(objects, 'Service', 'vigil-api');
  t.match(docs.deploy, 'svc/vigil-api 7421:7421');
  find(objects, 'PersistentVolumeClaim', 'vigil-collector-data');
  t.match(docs.operations, 'persistentvolumeclaim="vigil-collector-data"');
  // Every secret file the table in the guide lists is one make-secrets.sh made.
  for (const m of docs.deploy.matchAll(/^\| `([a-z/.-]+)`(?:, `([a-z/.-]+)`)? \|/gm)) {
    for (const f of [m[1], m[2]].filter((x): x is string => x !== undefined)) {
      const files = f.endsWith('.crt') || f.endsWith('-token') || f.endsWith('-tokens') ? [f] : [];
      for (const file of files) t.ok(existsSync(join(deployment.secretsDir, file)), `secrets/${file} is made by make-secrets.sh`);
    }
  }
});

t.test('the restore pod is valid, hardened, and mounts the collector claim', async (t) => {
  const pod = yamlFile(join(ROOT, 'deploy', 'kubernetes', 'tools', 'restore-pod.yaml'));
  if (!isObject(pod)) throw new Error('restore-pod.yaml is not a mapping');
  t.equal(await validateWithModel(pod), null);
  t.same(typeCheckObjects([pod], label), []);
  const spec = isObject(pod.spec) ? pod.spec : {};
  const container = list(spec.containers)[0] ?? ({} as JsonObject);
  t.equal(container.image, `vigil:${pkg.version}`, 'the image of this version');
  const sc = isObject(container.securityContext) ? container.securityContext : {};
  t.match(sc, { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
  t.match(spec, { automountServiceAccountToken: false, securityContext: { runAsNonRoot: true, runAsUser: 65532, fsGroup: 65532, seccompProfile: { type: 'RuntimeDefault' } } });
  t.same(list(spec.volumes), [{ name: 'data', persistentVolumeClaim: { claimName: 'vigil-collector-data' } }]);
  t.same(list(container.volumeMounts), [{ name: 'data', mountPath: dirname('/var/lib/vigil/vigil.db') }]);
  t.ok(isObject(container.resources) && isObject(container.resources.limits));
});
