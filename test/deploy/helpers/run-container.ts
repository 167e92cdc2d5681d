// Runs a container of a rendered manifest as a local process of the built `vigil`, the way the
// kubelet would run it: its args and env (downward API, ConfigMap and Secret references, $(VAR)
// expansion), its volumes as directories (Secrets and ConfigMaps written out from the rendered
// objects, hostPath under a directory standing for the node). Every file path the container
// uses must lie on one of its volumes, as it must with a read-only root filesystem. Listen
// addresses become 127.0.0.1:0 and the real ports are read from the logs.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { isObject, type Json, type JsonObject } from '../../support/kustomize.js';
import { VIGIL } from '../../support/cli.js';
import { find, label, list, pod } from './render.js';

export interface LogLine {
  readonly msg?: string;
  readonly level?: number;
  readonly address?: string;
  readonly [key: string]: unknown;
}

export interface RunningContainer {
  readonly child: ChildProcessWithoutNullStreams;
  readonly lines: LogLine[];
  /** Maps a path inside the container to the directory that stands for it. */
  hostPath(containerPath: string): string;
  waitFor(msg: RegExp, timeoutMs?: number): Promise<LogLine>;
  stop(): Promise<number | null>;
}

export interface RunOptions {
  readonly objects: readonly JsonObject[];
  readonly workload: JsonObject;
  readonly container: string;
  /** Directory standing for the node's file system (hostPath volumes). */
  readonly nodeRoot: string;
  /** Directory for this pod's own volumes. */
  readonly podRoot: string;
  readonly nodeName: string;
  /** Replaces an argument's value (e.g. the collector's Service name); undefined keeps it. */
  readonly rewrite?: (name: string, value: string) => string | undefined;
}

const LISTEN_FLAGS = new Set(['--listen', '--grpc-listen', '--http-listen', '--falco-http-listen']);

function str(v: Json | undefined, what: string): string {
  if (typeof v !== 'string') throw new Error(`${what} is not a string`);
  return v;
}

/** Prepares the volumes of a pod and returns the mount table of one of its containers. */
export function mountTable(opts: RunOptions, c: JsonObject): Array<{ mountPath: string; dir: string }> {
  const spec = pod(opts.workload);
  const dirs = new Map<string, string>();
  for (const v of list(spec.volumes)) {
    const name = str(v.name, 'volume name');
    let dir: string;
    if (isObject(v.hostPath)) {
      dir = join(opts.nodeRoot, str(v.hostPath.path, 'hostPath.path'));
    } else if (isObject(v.secret) || isObject(v.configMap)) {
      dir = join(opts.podRoot, 'volumes', name);
      const kind = isObject(v.secret) ? 'Secret' : 'ConfigMap';
      const ref = isObject(v.secret) ? str(v.secret.secretName, 'secretName') : str((v.configMap as JsonObject).name, 'configMap name');
      const source = find(opts.objects, kind, ref);
      mkdirSync(dir, { recursive: true });
      for (const [key, value] of Object.entries(isObject(source.data) ? source.data : {})) {
        const text = str(value, `${kind} ${ref} ${key}`);
        rmSync(join(dir, key), { force: true });
        writeFileSync(join(dir, key), kind === 'Secret' ? Buffer.from(text, 'base64') : text, { mode: 0o400 });
      }
    } else if (isObject(v.emptyDir) || isObject(v.persistentVolumeClaim)) {
      dir = join(opts.podRoot, 'volumes', name);
    } else {
      throw new Error(`${label(opts.workload)}: volume ${name} is of a type this runner does not know`);
    }
    mkdirSync(dir, { recursive: true });
    dirs.set(name, dir);
  }
  return list(c.volumeMounts)
    .map((m) => {
      const dir = dirs.get(str(m.name, 'mount name'));
      if (!dir) throw new Error(`${label(opts.workload)}: mount of the unknown volume ${String(m.name)}`);
      return { mountPath: str(m.mountPath, 'mountPath'), dir };
    })
    .sort((a, b) => b.mountPath.length - a.mountPath.length);
}

function resolveEnv(opts: RunOptions, c: JsonObject): Record<string, string> {
  const env: Record<string, string> = {};
  for (const e of list(c.env)) {
    const name = str(e.name, 'env name');
    if (typeof e.value === 'string') {
      env[name] = e.value;
      continue;
    }
    const from = isObject(e.valueFrom) ? e.valueFrom : {};
    if (isObject(from.fieldRef)) {
      const field = str(from.fieldRef.fieldPath, 'fieldPath');
      const values: Record<string, string> = { 'spec.nodeName': opts.nodeName, 'status.hostIP': '127.0.0.1', 'status.podIP': '127.0.0.1' };
      const value = values[field];
      if (value === undefined) throw new Error(`downward API field ${field} is not simulated`);
      env[name] = value;
    } else if (isObject(from.configMapKeyRef) || isObject(from.secretKeyRef)) {
      const secret = isObject(from.secretKeyRef);
      const ref = (secret ? from.secretKeyRef : from.configMapKeyRef) as JsonObject;
      const source = find(opts.objects, secret ? 'Secret' : 'ConfigMap', str(ref.name, 'ref name'));
      const raw = isObject(source.data) ? source.data[str(ref.key, 'ref key')] : undefined;
      if (typeof raw !== 'string') throw new Error(`${label(source)} has no key ${String(ref.key)}`);
      env[name] = secret ? Buffer.from(raw, 'base64').toString('utf8') : raw;
    } else {
      throw new Error(`env ${name}: unsupported source`);
    }
  }
  return env;
}

/** Kubernetes' $(VAR) expansion of args from the container's env; $$ escapes. */
export function expandVars(value: string, env: Record<string, string>): string {
  return value.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, name: string | undefined) => (name === undefined ? '$' : (env[name] ?? m)));
}

export function containerOf(workload: JsonObject, name: string): JsonObject {
  const spec = pod(workload);
  const c = [...list(spec.initContainers), ...list(spec.containers)].find((x) => x.name === name);
  if (!c) throw new Error(`${label(workload)} has no container ${name}`);
  return c;
}

export function startContainer(opts: RunOptions): RunningContainer {
  const c = containerOf(opts.workload, opts.container);
  const mounts = mountTable(opts, c);
  const hostPath = (p: string): string => {
    const m = mounts.find((x) => p === x.mountPath || p.startsWith(`${x.mountPath}/`));
    if (!m) throw new Error(`${label(opts.workload)}/${opts.container}: ${p} is on no volume (the root filesystem is read-only)`);
    return join(m.dir, posix.relative(m.mountPath, p));
  };
  const env = resolveEnv(opts, c);
  const args = (Array.isArray(c.args) ? c.args : []).map((raw) => {
    const arg = expandVars(str(raw, 'arg'), env);
    const eq = arg.indexOf('=');
    if (!arg.startsWith('--') || eq < 0) return arg;
    const name = arg.slice(0, eq);
    const value = arg.slice(eq + 1);
    const rewritten = opts.rewrite?.(name, value);
    if (rewritten !== undefined) return `${name}=${rewritten}`;
    if (LISTEN_FLAGS.has(name)) return `${name}=127.0.0.1:0`;
    if (value.startsWith('unix:///')) return `${name}=unix://${hostPath(value.slice('unix://'.length))}`;
    if (value.startsWith('/')) return `${name}=${hostPath(value)}`;
    return arg;
  });
  const child = spawn(process.execPath, [VIGIL, ...args], {
    cwd: opts.podRoot,
    // Only what the manifest sets, plus where SQLite may put temporary files (/tmp is a volume).
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TMPDIR: hostPath('/tmp'), ...env },
  });
  const lines: LogLine[] = [];
  const waiters: Array<{ msg: RegExp; resolve: (l: LogLine) => void }> = [];
  let buffer = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    buffer += chunk;
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const text = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      let line: LogLine;
      try {
        line = JSON.parse(text) as LogLine;
      } catch {
        line = { msg: text };
      }
      lines.push(line);
      for (const w of [...waiters]) {
        if (w.msg.test(String(line.msg ?? ''))) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  });
  child.stdout.resume();
  let exited: number | null | undefined;
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve((exited = code))));
  return {
    child,
    lines,
    hostPath,
    waitFor(msg, timeoutMs = 20_000) {
      const already = lines.find((l) => msg.test(String(l.msg ?? '')));
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${opts.container}: no log line ${String(msg)} within ${timeoutMs} ms; stderr:\n${stderr.slice(-3000)}`)), timeoutMs);
        void exit.then((code) => {
          clearTimeout(timer);
          reject(new Error(`${opts.container} exited (${String(code)}) before logging ${String(msg)}; stderr:\n${stderr.slice(-3000)}`));
        });
        waiters.push({
          msg,
          resolve: (l) => {
            clearTimeout(timer);
            resolve(l);
          },
        });
      });
    },
    async stop() {
      if (exited !== undefined) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exit;
      clearTimeout(timer);
      return code;
    },
  };
}

/** The port of a logged `address` (host:port). */
export function portOf(line: LogLine): number {
  const m = /:(\d+)$/.exec(String(line.address ?? ''));
  if (!m) throw new Error(`log line without an address: ${JSON.stringify(line)}`);
  return Number(m[1]);
}
