// Renders the overlays of deploy/kubernetes/ the way a user deploys them: a copy of the tree,
// make-secrets.sh run in it (so the secretGenerators read real files), then the kustomization.
// The copy keeps generated secrets out of the work tree.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { isObject, podSpecOf, renderKustomization, type Json, type JsonObject } from '../../support/kustomize.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const KUBERNETES = join(ROOT, 'deploy', 'kubernetes');
export const OVERLAYS = ['grpc', 'http'] as const;
export type Overlay = (typeof OVERLAYS)[number];

export interface Deployment {
  /** The copy of deploy/kubernetes, with secrets/ filled by make-secrets.sh. */
  readonly dir: string;
  readonly secretsDir: string;
  readonly overlays: Record<Overlay, JsonObject[]>;
  cleanup(): void;
}

/** Extra names in the collector certificate, so tests can dial it as localhost. */
export const TEST_COLLECTOR_SANS = 'DNS:localhost';

export function prepareDeployment(): Deployment {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-deploy-'));
  cpSync(KUBERNETES, dir, {
    recursive: true,
    // A developer's own secrets must not leak into the copy; the script makes fresh ones.
    filter: (src) => {
      const rel = relative(KUBERNETES, src).split(sep).join('/');
      if (rel !== 'secrets' && !rel.startsWith('secrets/')) return true;
      return rel === 'secrets' || rel === 'secrets/falco-http' || basename(rel) === 'kustomization.yaml';
    },
  });
  execFileSync('bash', [join(dir, 'make-secrets.sh')], {
    env: { ...process.env, VIGIL_COLLECTOR_EXTRA_SANS: TEST_COLLECTOR_SANS },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const overlays = {
    grpc: renderKustomization(join(dir, 'overlays', 'grpc')),
    http: renderKustomization(join(dir, 'overlays', 'http')),
  };
  return { dir, secretsDir: join(dir, 'secrets'), overlays, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function label(o: JsonObject): string {
  const meta = isObject(o.metadata) ? o.metadata : {};
  return `${String(o.kind)} ${meta.namespace ? `${String(meta.namespace)}/` : ''}${String(meta.name)}`;
}

export function find(objects: readonly JsonObject[], kind: string, name: string): JsonObject {
  const found = objects.find((o) => o.kind === kind && isObject(o.metadata) && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} among ${objects.map(label).join(', ')}`);
  return found;
}

/** Generated objects carry a hash suffix: find them by the generator's name. */
export function findGenerated(objects: readonly JsonObject[], kind: string, name: string): JsonObject {
  const found = objects.filter((o) => o.kind === kind && isObject(o.metadata) && new RegExp(`^${name}-[a-z0-9]{10}$`).test(String(o.metadata.name)));
  if (found.length !== 1) throw new Error(`expected one generated ${kind} ${name}, found ${found.length}`);
  return found[0] as JsonObject;
}

export function pod(obj: JsonObject): JsonObject {
  const spec = podSpecOf(obj);
  if (!spec) throw new Error(`${label(obj)} has no pod template`);
  return spec;
}

export function list(value: Json | undefined): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

export function container(obj: JsonObject, name: string): JsonObject {
  const spec = pod(obj);
  const c = [...list(spec.initContainers), ...list(spec.containers)].find((x) => x.name === name);
  if (!c) throw new Error(`${label(obj)} has no container ${name}`);
  return c;
}

export function args(c: JsonObject): string[] {
  const a = c.args;
  if (!Array.isArray(a) || a.some((x) => typeof x !== 'string')) throw new Error(`container ${String(c.name)} has no string args`);
  return a as string[];
}

/** The value of `--name=value` in a container's args, or undefined. */
export function flag(c: JsonObject, name: string): string | undefined {
  const prefix = `--${name}=`;
  const found = args(c).find((a) => a.startsWith(prefix));
  return found?.slice(prefix.length);
}

export function yamlFile(path: string): Json {
  return parse(readFileSync(path, 'utf8')) as Json;
}

/** Effective runAsUser/runAsGroup of a container: its own securityContext, else the pod's. */
export function runAs(podSpec: JsonObject, c: JsonObject): { user: number | undefined; group: number | undefined; nonRoot: boolean | undefined } {
  const own = isObject(c.securityContext) ? c.securityContext : {};
  const podCtx = isObject(podSpec.securityContext) ? podSpec.securityContext : {};
  const pick = (key: string): Json | undefined => (own[key] !== undefined ? own[key] : podCtx[key]);
  const user = pick('runAsUser');
  const group = pick('runAsGroup');
  const nonRoot = pick('runAsNonRoot');
  return {
    user: typeof user === 'number' ? user : undefined,
    group: typeof group === 'number' ? group : undefined,
    nonRoot: typeof nonRoot === 'boolean' ? nonRoot : undefined,
  };
}
