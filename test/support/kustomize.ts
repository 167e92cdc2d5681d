// A small, strict kustomize renderer for the tests of deploy/kubernetes/. No kustomize binary is
// guaranteed on CI, so this implements exactly the features the manifests use, the way
// kustomize v5 does, and throws on anything else: a kustomization key, generator option, patch
// kind or patch operation it does not know is an error, never silently ignored.
//
// Implemented: resources (files, and directories holding a kustomization), namespace,
// configMapGenerator (literals, files) and secretGenerator (files, type) with kustomize's
// content-hash name suffix and the rewrite of references to generated names in pod specs,
// patches (JSON 6902 only, with a target), images. Files are subject to kustomize's default load
// restrictor: a file a kustomization reads must be inside its directory.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, join, resolve, sep } from 'node:path';
import { parseAllDocuments } from 'yaml';

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export class KustomizeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KustomizeError';
  }
}

const KUSTOMIZATION_KEYS = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'configMapGenerator', 'secretGenerator', 'patches', 'images']);
const GENERATOR_KEYS = { ConfigMap: new Set(['name', 'literals', 'files', 'options']), Secret: new Set(['name', 'files', 'type', 'options']) };
const GENERATOR_OPTION_KEYS = new Set(['labels']);
const PATCH_KEYS = new Set(['path', 'target']);
const TARGET_KEYS = new Set(['group', 'version', 'kind', 'name']);
const IMAGE_KEYS = new Set(['name', 'newName', 'newTag', 'digest']);

/** Kinds the namespace transformer leaves alone. A kind in neither list is an error. */
const CLUSTER_SCOPED = new Set(['Namespace', 'PriorityClass', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'StorageClass', 'PersistentVolume']);
const NAMESPACED = new Set(['ConfigMap', 'Secret', 'Service', 'ServiceAccount', 'Deployment', 'DaemonSet', 'StatefulSet', 'PersistentVolumeClaim', 'NetworkPolicy', 'Role', 'RoleBinding']);
/** Kinds whose pod template gets references to generated names and image overrides. */
const POD_TEMPLATE_KINDS = new Set(['Deployment', 'DaemonSet', 'StatefulSet']);

interface Rendered {
  readonly obj: JsonObject;
  /** For generated ConfigMaps and Secrets: the name before the hash suffix. */
  readonly originalName: string | null;
}

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(where: string, message: string): never {
  throw new KustomizeError(`${where}: ${message}`);
}

function toJson(value: unknown, where: string): Json {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail(where, `non-finite number ${value}`);
    return value;
  }
  if (Array.isArray(value)) return value.map((v, i) => toJson(v, `${where}[${i}]`));
  if (typeof value === 'object') {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toJson(v, `${where}.${k}`);
    return out;
  }
  return fail(where, `unsupported YAML value of type ${typeof value}`);
}

/** Parses every document of a YAML file; empty documents are skipped, as kustomize does. */
export function readYamlDocuments(file: string): Json[] {
  const docs = parseAllDocuments(readFileSync(file, 'utf8'));
  const out: Json[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) fail(file, `YAML error: ${doc.errors[0]?.message ?? 'unknown'}`);
    const value = toJson(doc.toJS(), file);
    if (value !== null) out.push(value);
  }
  return out;
}

/** The load restrictor: `rel` must resolve to a file inside `root`. */
function fileInside(root: string, rel: string, where: string): string {
  const target = resolve(root, rel);
  let real: string;
  try {
    real = realpathSync(target);
  } catch {
    return fail(where, `${rel}: no such file`);
  }
  if (!real.startsWith(realpathSync(root) + sep)) fail(where, `${rel} is not in or below ${root} (kustomize's load restrictor refuses it)`);
  return real;
}

function checkKeys(obj: JsonObject, allowed: ReadonlySet<string>, where: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.has(key)) fail(where, `unsupported key "${key}" (this renderer implements only ${[...allowed].join(', ')})`);
  }
}

function stringList(value: Json | undefined, where: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) fail(where, 'must be a list of strings');
  return value as string[];
}

function str(value: Json | undefined, where: string): string {
  if (typeof value !== 'string' || value === '') fail(where, 'must be a non-empty string');
  return value;
}

function resourceId(obj: JsonObject): string {
  const meta = obj.metadata;
  const ns = isObject(meta) && typeof meta.namespace === 'string' ? meta.namespace : '';
  const name = isObject(meta) && typeof meta.name === 'string' ? meta.name : '';
  return `${String(obj.apiVersion)}/${String(obj.kind)}/${ns}/${name}`;
}

function checkResource(doc: Json, where: string): JsonObject {
  if (!isObject(doc)) return fail(where, 'a resource must be a mapping');
  str(doc.apiVersion, `${where} apiVersion`);
  const kind = str(doc.kind, `${where} kind`);
  if (!isObject(doc.metadata)) fail(where, 'metadata is missing');
  str(doc.metadata.name, `${where} metadata.name`);
  if (!CLUSTER_SCOPED.has(kind) && !NAMESPACED.has(kind)) fail(where, `kind ${kind} is unknown to this renderer (is it namespaced?)`);
  return doc;
}

/** Go's encoding/json output for the hash: sorted keys, HTML-safe escapes. */
function goJson(value: Json): string {
  if (isObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${goJson(k)}:${goJson(value[k] as Json)}`)
      .join(',')}}`;
  }
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  if (typeof value === 'string') {
    return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  return JSON.stringify(value);
}

/** kustomize's name suffix: sha256 of the encoded object, first 10 hex digits with 0 1 3 a e remapped. */
export function kustomizeHash(obj: JsonObject): string {
  const kind = obj.kind;
  const name = isObject(obj.metadata) ? obj.metadata.name : undefined;
  const data = isObject(obj.data) ? obj.data : {};
  const encoded: JsonObject = kind === 'Secret' ? { kind, type: obj.type ?? 'Opaque', name: name ?? '', data } : { kind: kind ?? '', name: name ?? '', data };
  const hex = createHash('sha256').update(goJson(encoded)).digest('hex');
  const map: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return [...hex.slice(0, 10)].map((c) => map[c] ?? c).join('');
}

function generate(kind: 'ConfigMap' | 'Secret', spec: Json, dir: string, where: string): Rendered {
  if (!isObject(spec)) return fail(where, 'a generator must be a mapping');
  checkKeys(spec, GENERATOR_KEYS[kind], where);
  const name = str(spec.name, `${where} name`);
  const data: JsonObject = {};
  const put = (key: string, value: Buffer): void => {
    if (key in data) fail(where, `duplicate key ${key}`);
    if (!/^[-._a-zA-Z0-9]+$/.test(key)) fail(where, `invalid data key ${key}`);
    data[key] = kind === 'Secret' ? value.toString('base64') : value.toString('utf8');
  };
  for (const literal of stringList(spec.literals, `${where} literals`)) {
    const eq = literal.indexOf('=');
    if (eq <= 0) fail(where, `literal "${literal}" is not KEY=VALUE`);
    put(literal.slice(0, eq), Buffer.from(literal.slice(eq + 1), 'utf8'));
  }
  for (const entry of stringList(spec.files, `${where} files`)) {
    const eq = entry.indexOf('=');
    const key = eq >= 0 ? entry.slice(0, eq) : basename(entry);
    const path = eq >= 0 ? entry.slice(eq + 1) : entry;
    const file = fileInside(dir, path, where);
    if (!statSync(file).isFile()) fail(where, `${path} is not a file`);
    put(key, readFileSync(file));
  }
  const metadata: JsonObject = { name };
  if (spec.options !== undefined) {
    if (!isObject(spec.options)) fail(where, 'options must be a mapping');
    checkKeys(spec.options, GENERATOR_OPTION_KEYS, `${where} options`);
    if (spec.options.labels !== undefined) {
      const labels = spec.options.labels;
      if (!isObject(labels) || Object.values(labels).some((v) => typeof v !== 'string')) fail(where, 'options.labels must map strings to strings');
      metadata.labels = labels;
    }
  }
  const obj: JsonObject = { apiVersion: 'v1', kind, metadata, data };
  if (kind === 'Secret') obj.type = spec.type === undefined ? 'Opaque' : str(spec.type, `${where} type`);
  const hash = kustomizeHash(obj);
  metadata.name = `${name}-${hash}`;
  return { obj, originalName: name };
}

// ---- JSON 6902 -------------------------------------------------------------------------------

function pointer(path: string, where: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) fail(where, `"${path}" is not a JSON pointer`);
  return path
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function deepEqual(a: Json | undefined, b: Json | undefined): boolean {
  return goJson(a ?? null) === goJson(b ?? null) && (a === undefined) === (b === undefined);
}

function clone<T extends Json>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** Applies RFC 6902 add, remove, replace and test; other operations are refused. */
export function applyJson6902(target: JsonObject, ops: Json, where: string): void {
  if (!Array.isArray(ops)) fail(where, 'a JSON 6902 patch must be a list of operations (strategic merge patches are not implemented)');
  ops.forEach((rawOp, i) => {
    const at = `${where} operation ${i}`;
    if (!isObject(rawOp)) fail(at, 'must be a mapping');
    const op = str(rawOp.op, `${at} op`);
    const allowed = op === 'remove' ? ['op', 'path'] : ['op', 'path', 'value'];
    checkKeys(rawOp, new Set(allowed), at);
    if (!['add', 'remove', 'replace', 'test'].includes(op)) fail(at, `operation "${op}" is not implemented`);
    if (op !== 'remove' && !('value' in rawOp)) fail(at, 'value is missing');
    const parts = pointer(str(rawOp.path, `${at} path`), at);
    if (parts.length === 0) fail(at, 'the whole document cannot be patched');
    let parent: Json = target;
    for (const part of parts.slice(0, -1)) {
      if (Array.isArray(parent)) {
        const index = Number(part);
        if (!/^\d+$/.test(part) || index >= parent.length) fail(at, `${rawOp.path as string}: no element ${part}`);
        parent = parent[index] as Json;
      } else if (isObject(parent)) {
        if (!(part in parent)) fail(at, `${rawOp.path as string}: no member ${part}`);
        parent = parent[part] as Json;
      } else {
        fail(at, `${rawOp.path as string}: ${part} is inside a scalar`);
      }
    }
    const last = parts[parts.length - 1] as string;
    const value = rawOp.value === undefined ? null : clone(rawOp.value);
    if (Array.isArray(parent)) {
      const append = last === '-';
      const index = append ? parent.length : Number(last);
      if (!append && !/^\d+$/.test(last)) fail(at, `${last} is not an array index`);
      const exists = index < parent.length;
      switch (op) {
        case 'add':
          if (index > parent.length) fail(at, `index ${index} is past the end`);
          parent.splice(index, 0, value);
          break;
        case 'remove':
          if (!exists) fail(at, `no element ${index} to remove`);
          parent.splice(index, 1);
          break;
        case 'replace':
          if (!exists) fail(at, `no element ${index} to replace`);
          parent[index] = value;
          break;
        default:
          if (!exists || !deepEqual(parent[index], rawOp.value)) fail(at, `test failed at ${rawOp.path as string}: found ${goJson(parent[index] ?? null)}`);
      }
    } else if (isObject(parent)) {
      const exists = last in parent;
      switch (op) {
        case 'add':
          parent[last] = value;
          break;
        case 'remove':
          if (!exists) fail(at, `no member ${last} to remove`);
          delete parent[last];
          break;
        case 'replace':
          if (!exists) fail(at, `no member ${last} to replace`);
          parent[last] = value;
          break;
        default:
          if (!exists || !deepEqual(parent[last], rawOp.value)) fail(at, `test failed at ${rawOp.path as string}: found ${goJson(parent[last] ?? null)}`);
      }
    } else {
      fail(at, `${rawOp.path as string}: the parent is a scalar`);
    }
  });
}

// ---- pod templates -----------------------------------------------------------------------------

export function podSpecOf(obj: JsonObject): JsonObject | null {
  if (!POD_TEMPLATE_KINDS.has(String(obj.kind))) return null;
  const spec = obj.spec;
  if (!isObject(spec) || !isObject(spec.template) || !isObject(spec.template.spec)) return null;
  return spec.template.spec;
}

export function containersOf(pod: JsonObject): JsonObject[] {
  const all: JsonObject[] = [];
  for (const key of ['initContainers', 'containers']) {
    const list = pod[key];
    if (Array.isArray(list)) for (const c of list) if (isObject(c)) all.push(c);
  }
  return all;
}

/** Rewrites references to generated ConfigMaps and Secrets in pod specs to their hashed names. */
function fixNameReferences(resources: Rendered[]): void {
  const renamed = new Map<string, string>();
  for (const r of resources) {
    if (r.originalName === null || !isObject(r.obj.metadata)) continue;
    renamed.set(`${String(r.obj.kind)}/${String(r.obj.metadata.namespace ?? '')}/${r.originalName}`, String(r.obj.metadata.name));
  }
  if (renamed.size === 0) return;
  for (const r of resources) {
    const pod = podSpecOf(r.obj);
    if (!pod || !isObject(r.obj.metadata)) continue;
    const ns = String(r.obj.metadata.namespace ?? '');
    const swap = (holder: JsonObject, key: string, kind: 'ConfigMap' | 'Secret'): void => {
      const current = holder[key];
      if (typeof current !== 'string') return;
      const next = renamed.get(`${kind}/${ns}/${current}`);
      if (next !== undefined) holder[key] = next;
    };
    for (const volume of Array.isArray(pod.volumes) ? pod.volumes : []) {
      if (!isObject(volume)) continue;
      if (isObject(volume.secret)) swap(volume.secret, 'secretName', 'Secret');
      if (isObject(volume.configMap)) swap(volume.configMap, 'name', 'ConfigMap');
      if (isObject(volume.projected) && Array.isArray(volume.projected.sources)) {
        for (const source of volume.projected.sources) {
          if (!isObject(source)) continue;
          if (isObject(source.secret)) swap(source.secret, 'name', 'Secret');
          if (isObject(source.configMap)) swap(source.configMap, 'name', 'ConfigMap');
        }
      }
    }
    for (const c of containersOf(pod)) {
      for (const env of Array.isArray(c.env) ? c.env : []) {
        if (!isObject(env) || !isObject(env.valueFrom)) continue;
        if (isObject(env.valueFrom.secretKeyRef)) swap(env.valueFrom.secretKeyRef, 'name', 'Secret');
        if (isObject(env.valueFrom.configMapKeyRef)) swap(env.valueFrom.configMapKeyRef, 'name', 'ConfigMap');
      }
      for (const from of Array.isArray(c.envFrom) ? c.envFrom : []) {
        if (!isObject(from)) continue;
        if (isObject(from.secretRef)) swap(from.secretRef, 'name', 'Secret');
        if (isObject(from.configMapRef)) swap(from.configMapRef, 'name', 'ConfigMap');
      }
    }
  }
}

function applyImages(resources: Rendered[], images: Json, where: string): void {
  if (!Array.isArray(images)) fail(where, 'images must be a list');
  for (const [i, spec] of images.entries()) {
    const at = `${where}[${i}]`;
    if (!isObject(spec)) fail(at, 'must be a mapping');
    checkKeys(spec, IMAGE_KEYS, at);
    const name = str(spec.name, `${at} name`);
    const newName = spec.newName === undefined ? undefined : str(spec.newName, `${at} newName`);
    const newTag = spec.newTag === undefined ? undefined : str(spec.newTag, `${at} newTag`);
    const digest = spec.digest === undefined ? undefined : str(spec.digest, `${at} digest`);
    for (const r of resources) {
      const pod = podSpecOf(r.obj);
      if (!pod) continue;
      for (const c of containersOf(pod)) {
        if (typeof c.image !== 'string') continue;
        const m = /^([^@]+?)(?::([^:/@]+))?(?:@(.+))?$/.exec(c.image);
        if (!m || m[1] !== name) continue;
        const base = newName ?? name;
        if (digest !== undefined) c.image = `${base}@${digest}`;
        else if (newTag !== undefined) c.image = `${base}:${newTag}`;
        else c.image = `${base}${m[2] ? `:${m[2]}` : ''}${m[3] ? `@${m[3]}` : ''}`;
      }
    }
  }
}

function targetMatches(obj: JsonObject, target: JsonObject): boolean {
  const apiVersion = String(obj.apiVersion);
  const slash = apiVersion.indexOf('/');
  const group = slash >= 0 ? apiVersion.slice(0, slash) : '';
  const version = slash >= 0 ? apiVersion.slice(slash + 1) : apiVersion;
  const name = isObject(obj.metadata) ? obj.metadata.name : undefined;
  return (
    (target.group === undefined || target.group === group) &&
    (target.version === undefined || target.version === version) &&
    (target.kind === undefined || target.kind === obj.kind) &&
    (target.name === undefined || target.name === name)
  );
}

function build(dir: string, stack: readonly string[]): Rendered[] {
  const root = realpathSync(dir);
  if (stack.includes(root)) fail(root, `kustomization cycle: ${[...stack, root].join(' -> ')}`);
  const file = join(root, 'kustomization.yaml');
  const where = file;
  const docs = readYamlDocuments(file);
  const k = docs[0];
  if (docs.length !== 1 || !isObject(k)) return fail(where, 'must hold exactly one mapping');
  checkKeys(k, KUSTOMIZATION_KEYS, where);
  if (k.apiVersion !== 'kustomize.config.k8s.io/v1beta1' || k.kind !== 'Kustomization') {
    fail(where, 'apiVersion must be kustomize.config.k8s.io/v1beta1 and kind Kustomization');
  }
  const resources: Rendered[] = [];
  for (const entry of stringList(k.resources, `${where} resources`)) {
    const target = resolve(root, entry);
    let isDir: boolean;
    try {
      isDir = statSync(target).isDirectory();
    } catch {
      return fail(where, `resource ${entry}: no such file or directory`);
    }
    if (isDir) {
      resources.push(...build(target, [...stack, root]));
    } else {
      const path = fileInside(root, entry, where);
      for (const doc of readYamlDocuments(path)) resources.push({ obj: checkResource(doc, path), originalName: null });
    }
  }
  for (const [i, spec] of (Array.isArray(k.configMapGenerator) ? k.configMapGenerator : []).entries()) {
    resources.push(generate('ConfigMap', spec, root, `${where} configMapGenerator[${i}]`));
  }
  for (const [i, spec] of (Array.isArray(k.secretGenerator) ? k.secretGenerator : []).entries()) {
    resources.push(generate('Secret', spec, root, `${where} secretGenerator[${i}]`));
  }
  for (const key of ['configMapGenerator', 'secretGenerator'] as const) {
    if (k[key] !== undefined && !Array.isArray(k[key])) fail(where, `${key} must be a list`);
  }

  if (k.namespace !== undefined) {
    const ns = str(k.namespace, `${where} namespace`);
    for (const r of resources) {
      if (NAMESPACED.has(String(r.obj.kind)) && isObject(r.obj.metadata)) r.obj.metadata.namespace = ns;
    }
  }

  if (k.patches !== undefined) {
    if (!Array.isArray(k.patches)) fail(where, 'patches must be a list');
    for (const [i, spec] of k.patches.entries()) {
      const at = `${where} patches[${i}]`;
      if (!isObject(spec)) fail(at, 'must be a mapping');
      checkKeys(spec, PATCH_KEYS, at);
      if (!isObject(spec.target)) fail(at, 'a target is required (patches without one are strategic merge patches, not implemented)');
      checkKeys(spec.target, TARGET_KEYS, `${at} target`);
      const path = fileInside(root, str(spec.path, `${at} path`), at);
      const patchDocs = readYamlDocuments(path);
      if (patchDocs.length !== 1) fail(path, 'must hold exactly one document');
      const matched = resources.filter((r) => targetMatches(r.obj, spec.target as JsonObject));
      if (matched.length === 0) fail(at, `the target matches no resource`);
      for (const r of matched) applyJson6902(r.obj, patchDocs[0] as Json, path);
    }
  }

  if (k.images !== undefined) applyImages(resources, k.images, `${where} images`);

  const seen = new Set<string>();
  for (const r of resources) {
    const id = resourceId(r.obj);
    if (seen.has(id)) fail(where, `two resources with the id ${id}`);
    seen.add(id);
  }
  fixNameReferences(resources);
  return resources;
}

/** Renders the kustomization in `dir` (as `kubectl kustomize dir` would), as plain objects. */
export function renderKustomization(dir: string): JsonObject[] {
  return build(resolve(dir), []).map((r) => r.obj);
}
