// No Docker engine runs here: deploy/Dockerfile is checked by reading it. Everything it names
// must exist, the image must hold what the code reads at run time, and it must agree with
// package.json and with the Kubernetes manifests.
import t from 'tap';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { isObject } from '../support/kustomize.js';
import { OVERLAYS, ROOT, container, find, list, pod, prepareDeployment, runAs } from './helpers/render.js';

interface Instruction {
  readonly op: string;
  readonly text: string;
  readonly stage: number;
}

interface Stage {
  readonly from: string;
  readonly name: string | null;
  readonly instructions: Instruction[];
}

const dockerfile = readFileSync(join(ROOT, 'deploy', 'Dockerfile'), 'utf8');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  license: string;
  engines: { node: string };
  bin: Record<string, string>;
  files: string[];
  scripts: { build: string } & Record<string, string>;
};

function parseDockerfile(text: string): { args: Map<string, string>; stages: Stage[] } {
  const logical: string[] = [];
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (current === '' && (line === '' || line.startsWith('#'))) continue;
    if (line.startsWith('#')) continue;
    if (line.endsWith('\\')) {
      current += `${line.slice(0, -1)} `;
      continue;
    }
    logical.push(current + line);
    current = '';
  }
  const args = new Map<string, string>();
  const stages: Stage[] = [];
  for (const l of logical) {
    const m = /^([A-Z]+)\s+(.*)$/.exec(l);
    if (!m) throw new Error(`cannot parse Dockerfile line: ${l}`);
    const [, op, rest] = m as unknown as [string, string, string];
    if (op === 'FROM') {
      const f = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(rest);
      if (!f) throw new Error(`bad FROM: ${rest}`);
      stages.push({ from: f[1] as string, name: f[2] ?? null, instructions: [] });
      continue;
    }
    if (stages.length === 0) {
      if (op !== 'ARG') throw new Error(`${op} before the first FROM`);
      const a = /^([A-Z_]+)=(\S+)$/.exec(rest);
      if (a) args.set(a[1] as string, a[2] as string);
      continue;
    }
    (stages[stages.length - 1] as Stage).instructions.push({ op, text: rest, stage: stages.length - 1 });
  }
  return { args, stages };
}

const { args: globalArgs, stages } = parseDockerfile(dockerfile);
const build = stages[0] as Stage;
const run = stages[stages.length - 1] as Stage;
const all = (stage: Stage, op: string): string[] => stage.instructions.filter((i) => i.op === op).map((i) => i.text);

t.test('two stages on the same current Node LTS', async (t) => {
  t.equal(stages.length, 2);
  t.equal(build.name, 'build');
  const major = Number(globalArgs.get('NODE_MAJOR'));
  t.ok(Number.isInteger(major), 'NODE_MAJOR is set before the first FROM');
  // Build and run must share the Node ABI (better-sqlite3 is compiled in the build stage)
  // and the Debian release (glibc).
  t.equal(build.from, 'node:${NODE_MAJOR}-bookworm-slim');
  t.equal(run.from, 'gcr.io/distroless/nodejs${NODE_MAJOR}-debian12:nonroot');
  // LTS lines are the even majors; "current" = newer than the Node 20 the machines still run.
  t.equal(major % 2, 0, `Node ${major} is an LTS line`);
  t.ok(major >= 22, `Node ${major} is a current LTS (20 is past end of life)`);
  const engines = /^>=\s*(\d+)$/.exec(pkg.engines.node);
  t.ok(engines && major >= Number(engines[1]), `package.json engines ${pkg.engines.node} accepts Node ${major}`);
  const sqlite = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8')) as { version: string; engines: { node: string } };
  t.match(sqlite.version, /^12\./, 'better-sqlite3 12');
  t.ok(sqlite.engines.node.split('||').map((s) => s.trim()).includes(`${major}.x`), `better-sqlite3 ${sqlite.version} supports Node ${major}`);
  t.notOk(existsSync(join(ROOT, '.nvmrc')) && readFileSync(join(ROOT, '.nvmrc'), 'utf8').trim() !== String(major), 'no .nvmrc disagrees');
});

t.test('the build stage compiles the native module and the code, then keeps production dependencies', async (t) => {
  const runs = all(build, 'RUN');
  t.ok(runs.some((r) => /apt-get install .*python3/.test(r) && /\bmake\b/.test(r) && /\bg\+\+/.test(r)), 'python3, make and g++ for node-gyp');
  const ci = runs.findIndex((r) => /^npm ci\b/.test(r));
  const rebuild = runs.findIndex((r) => /npm rebuild better-sqlite3/.test(r));
  const buildIdx = runs.findIndex((r) => r === 'npm run build');
  const prune = runs.findIndex((r) => /^npm prune --omit=dev/.test(r));
  t.ok(ci >= 0 && /--ignore-scripts/.test(runs[ci] ?? ''), 'npm ci without lifecycle scripts (prepare would compile before the sources are copied)');
  t.ok(rebuild > ci, 'better-sqlite3 rebuilt after the install');
  t.match(runs[rebuild] ?? '', /require\('better-sqlite3'\)/, 'and loaded once, so a broken native build fails the image build');
  t.ok(buildIdx > rebuild && prune > buildIdx, 'build, then drop dev dependencies');
  const env = all(build, 'ENV').join(' ');
  t.match(env, /npm_config_build_from_source=true/, 'no prebuilt binary from the network');
  t.match(env, /npm_config_nodedir=\/usr\/local/, "headers of the image's own Node");
  t.ok(pkg.scripts.build, 'package.json has the build script the Dockerfile runs');
});

t.test('every path the build stage copies exists, and covers what the build reads', async (t) => {
  const copied: string[] = [];
  for (const c of all(build, 'COPY')) {
    const parts = c.split(/\s+/);
    const sources = parts.slice(0, -1);
    for (const s of sources) {
      t.ok(existsSync(join(ROOT, s)), `COPY ${s}: exists in the repository`);
      copied.push(s.replace(/\/$/, ''));
    }
  }
  for (const needed of ['package.json', 'package-lock.json']) t.ok(copied.includes(needed), `${needed} copied`);
  // Every tsconfig the build script compiles, and every folder those tsconfigs include.
  const configs = [...pkg.scripts.build.matchAll(/-p\s+(\S+)/g)].map((m) => m[1] as string);
  t.ok(configs.length > 0);
  const covered = (path: string): boolean => copied.some((c) => path === c || path.startsWith(`${c}/`));
  // A tsconfig's include replaces the one it extends, so the effective list is the nearest one.
  const effectiveInclude = (config: string): { from: string; include: string[] } => {
    t.ok(covered(config), `${config} is copied`);
    const text = readFileSync(join(ROOT, config), 'utf8').replace(/^\s*\/\/.*$/gm, '');
    const json = JSON.parse(text) as { extends?: string; include?: string[] };
    // The configuration it extends is read too (compiler options), so it must be copied as well.
    const parent = json.extends ? effectiveInclude(posix.join(posix.dirname(config), json.extends)) : { from: config, include: [] };
    return json.include ? { from: config, include: json.include } : parent;
  };
  for (const config of configs) {
    const { from, include } = effectiveInclude(config);
    t.ok(include.length > 0, `${config} compiles something`);
    for (const inc of include) {
      const path = posix.join(posix.dirname(from), inc).split('*')[0]?.replace(/\/$/, '') ?? '';
      t.ok(covered(path), `${config} compiles ${path}: copied`);
    }
  }
  // Scripts the build runs with node.
  for (const m of pkg.scripts.build.matchAll(/\bnode\s+([\w./-]+\.m?js)\b/g)) t.ok(covered(m[1] as string), `${m[1] as string} (run by the build script) is in the build stage`);
  // Files the build copies with node -e "cpSync(...)".
  for (const m of pkg.scripts.build.matchAll(/cpSync\('([^']+)'/g)) t.ok(covered(m[1] as string), `${m[1] as string} (copied by the build script) is in the build stage`);
});

t.test('the run stage: no shell, non-root, the package and what the code reads at run time', async (t) => {
  t.same(all(run, 'RUN'), [], 'no RUN: distroless has no shell');
  const user = all(run, 'USER')[0] ?? '';
  t.equal(user, '65532:65532', 'the distroless nonroot user');
  const workdir = all(run, 'WORKDIR')[0] ?? '';
  const copies = all(run, 'COPY').map((c) => {
    const m = /^--from=build\s+\/src\/(\S+)\s+\.\/(\S+)$/.exec(c);
    if (!m) throw new Error(`unexpected COPY in the run stage: ${c}`);
    t.equal(m[1], m[2], `${c}: same path as in the package`);
    return m[1] as string;
  });
  for (const entry of ['package.json', 'node_modules', ...pkg.files]) t.ok(copies.includes(entry), `${entry} is in the image (package.json "files", plus the manifest and production dependencies)`);
  const entrypoint = JSON.parse(all(run, 'ENTRYPOINT')[0] ?? '[]') as string[];
  t.equal(entrypoint[0], '/nodejs/bin/node', "distroless's node");
  const bin = pkg.bin.vigil ?? '';
  t.equal(entrypoint[1], posix.join(workdir, bin), 'the entry point is package.json bin.vigil');
  t.ok(copies.includes(bin.split('/')[0] ?? ''), `${bin} is in a copied folder`);
  // What the code resolves from the package root at run time (agent/version.ts: PACKAGE_ROOT)
  // must be in the image: today dist/collector/ui/web for the web UI.
  const sources: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) sources.push(p);
    }
  };
  walk(join(ROOT, 'agent'));
  walk(join(ROOT, 'collector'));
  let runtimePaths = 0;
  for (const file of sources) {
    for (const m of readFileSync(file, 'utf8').matchAll(/join\(PACKAGE_ROOT,\s*'([^']+)'/g)) {
      runtimePaths++;
      t.ok(copies.includes(m[1] as string), `${relative(ROOT, file)} reads ${m[1] as string}/ from the package root: it is in the image`);
    }
  }
  t.ok(runtimePaths >= 1, 'found the run-time paths the code resolves');
});

t.test('labels, ports and users agree with package.json and the manifests', async (t) => {
  const labels = new Map<string, string>();
  for (const l of all(run, 'LABEL')) for (const m of l.matchAll(/([a-z.]+)="([^"]*)"/g)) labels.set(m[1] as string, m[2] as string);
  for (const key of ['title', 'description', 'version', 'revision', 'created', 'licenses', 'source', 'base.name']) {
    t.ok(labels.get(`org.opencontainers.image.${key}`), `OCI label org.opencontainers.image.${key}`);
  }
  t.equal(labels.get('org.opencontainers.image.licenses'), pkg.license);
  const runArgs = new Map(all(run, 'ARG').map((a) => a.split('=') as [string, string]));
  t.equal(runArgs.get('VIGIL_VERSION'), pkg.version, 'the version label defaults to package.json');
  const exposed = new Set(all(run, 'EXPOSE').join(' ').split(/\s+/).map(Number));
  const deployment = prepareDeployment();
  try {
    for (const overlay of OVERLAYS) {
      const objects = deployment.overlays[overlay];
      for (const [kind, name, c] of [
        ['DaemonSet', 'vigil-agent', 'agent'],
        ['Deployment', 'vigil-collector', 'collector'],
      ] as const) {
        const w = find(objects, kind, name);
        const main = container(w, c);
        for (const p of list(main.ports)) t.ok(exposed.has(Number(p.containerPort)), `${overlay} ${c}: port ${String(p.containerPort)} is EXPOSEd`);
        const u = runAs(pod(w), main);
        if (u.nonRoot) t.equal(`${String(u.user)}:${String(u.group)}`, all(run, 'USER')[0], `${overlay} ${c} runs as the image user`);
        const init = list(pod(w).initContainers);
        for (const i of init) {
          t.equal(Array.isArray(i.command) ? i.command[0] : undefined, '/nodejs/bin/node', `${overlay} ${c} init container ${String(i.name)} uses the image's node`);
          t.ok(isObject(i.securityContext));
        }
      }
    }
  } finally {
    deployment.cleanup();
  }
});

t.test('the build context leaves out local state and secrets', async (t) => {
  const ignore = readFileSync(join(ROOT, 'deploy', 'Dockerfile.dockerignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  for (const entry of ['**/node_modules', 'dist', 'deploy/kubernetes/secrets', '**/*.db', '.git']) t.ok(ignore.includes(entry), `${entry} is not sent to the builder`);
});
