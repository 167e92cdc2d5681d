// Every flag and VIGIL_* variable the manifests give a container must be one the built `vigil`
// knows: a typo would crash-loop the pod (unknown option), or worse, be ignored (a variable).
import t from 'tap';
import { isObject } from '../support/kustomize.js';
import { runVigil } from '../support/cli.js';
import { OVERLAYS, args, label, list, pod, prepareDeployment } from './helpers/render.js';

const deployment = prepareDeployment();
t.teardown(() => deployment.cleanup());

interface Help {
  readonly flags: Set<string>;
  readonly envs: Set<string>;
}

async function help(command: string): Promise<Help> {
  const res = await runVigil([command, '--help']);
  if (res.code !== 0) throw new Error(`vigil ${command} --help exited ${String(res.code)}: ${res.stderr}`);
  const flags = new Set([...res.stdout.matchAll(/^\s+(?:-\w, )?(--[a-z][a-z0-9-]*)/gm)].map((m) => m[1] as string));
  const envs = new Set([...res.stdout.matchAll(/\bVIGIL_[A-Z0-9_]+/g)].map((m) => m[0]));
  return { flags, envs };
}

const helps = new Map<string, Help>();
for (const command of ['agent', 'collector']) helps.set(command, await help(command));

t.test('the --help parser reads what it should', async (t) => {
  const agent = helps.get('agent');
  t.ok(agent?.flags.has('--falco-http-listen') && agent.flags.has('--log-format') && agent.flags.has('--help'));
  t.notOk(agent?.flags.has('--db'), 'a collector flag is not an agent flag');
  t.ok(helps.get('collector')?.flags.has('--db'));
  t.ok(agent?.envs.has('VIGIL_NODE') && agent.envs.has('VIGIL_AGENT_TOKEN'));
  t.notOk(agent?.envs.has('VIGIL_DB'));
});

for (const overlay of OVERLAYS) {
  t.test(`${overlay}: container arguments and environment`, async (t) => {
    let checked = 0;
    for (const w of deployment.overlays[overlay].filter((o) => o.kind === 'DaemonSet' || o.kind === 'Deployment')) {
      for (const c of list(pod(w).containers)) {
        const a = args(c);
        const command = a[0] ?? '';
        const h = helps.get(command);
        t.ok(h, `${label(w)}: first argument "${command}" is a vigil command`);
        if (!h) continue;
        t.notOk(isObject(c) && c.command !== undefined, `${label(w)}: runs the image's entry point (vigil)`);
        const seen = new Set<string>();
        for (const arg of a.slice(1)) {
          const m = /^(--[a-z][a-z0-9-]*)(=.*)?$/.exec(arg);
          t.ok(m, `${label(w)}: "${arg}" is written --flag=value, so nothing is taken for a positional argument`);
          if (!m) continue;
          const name = m[1] as string;
          t.ok(h.flags.has(name), `${label(w)}: ${name} is a flag of vigil ${command}`);
          t.notOk(seen.has(name), `${label(w)}: ${name} is given once`);
          seen.add(name);
          checked++;
        }
        for (const env of list(c.env)) {
          const name = String(env.name);
          if (name.startsWith('VIGIL_')) t.ok(h.envs.has(name), `${label(w)}: ${name} is read by vigil ${command}`);
          // A variable and a flag for the same setting: the flag wins, the variable is dead.
          const twin = `--${name.replace(/^VIGIL_/, '').toLowerCase().replace(/_/g, '-')}`;
          t.notOk(seen.has(twin), `${label(w)}: ${name} is not also given as ${twin}`);
        }
      }
    }
    t.ok(checked >= 15, `checked ${checked} flags`);
  });
}
