// The baseline identity of an observation: what "the same thing again" means. A process is its
// executable path; a workload can choose a stricter identity: `lineage` adds the parent's
// executable (a shell started by nginx is then not the shell its entrypoint runs), `args` adds,
// for interpreters, the normalized program they run (argument-identity.ts: `python3 app.py` is
// not `python3 /tmp/x.py`). An outbound connection is protocol + peer + port, the peer named as
// peer.ts says (DNS name, public network, or exact private address); an inbound one is the local
// listening port (the client's address and port change with every connection).
//
// Process keys read `exe:<exe>[ [<program>]][<-<parent exe>]`.
import { interpreterProgram } from './argument-identity.js';
import type { ObservationItem, ProcessDetails } from './observation.js';
import { baselinePeer } from './peer.js';

/** How process items are identified, per workload. */
export const IDENTITIES = ['exe', 'lineage', 'args'] as const;
export type ItemIdentity = (typeof IDENTITIES)[number];

/**
 * What an agent keys by before the collector has named a workload's identity: program and
 * parent, the finest form, so nothing the real identity would tell apart is deduplicated away
 * (the collector re-keys every report by the observation itself).
 */
export type KeyForm = ItemIdentity | 'finest';

export function itemKey(item: ObservationItem, identity: KeyForm = 'exe'): string {
  if (item.type === 'process') return processKey(item.process, identity);
  const n = item.network;
  if (n.direction === 'outbound') return `out:${n.protocol}:${baselinePeer(n.peer, n.peerName)}:${n.port ?? 0}`;
  return `in:${n.protocol}:${n.localPort ?? n.port ?? 0}`;
}

function processKey(p: ProcessDetails, form: KeyForm): string {
  let key = `exe:${keyPath(p.exe)}`;
  if (form === 'args' || form === 'finest') {
    const program = interpreterProgram(p.exe, p.name, p.cmdline);
    if (program !== null) key += ` [${program}]`;
  }
  if (form === 'lineage' || form === 'finest') key += `<-${p.parentExe === null ? '?' : keyPath(p.parentExe)}`;
  return key;
}

/**
 * A path as a key part: the separators of a key's parts (`<-`, ` [`) are replaced, so that a file
 * named `start.sh<-x` cannot pass for `start.sh` started by `x`. Paths have them almost never.
 */
function keyPath(path: string): string {
  return path.includes('<-') || path.includes(' [') ? path.replace(/<-/g, '<~').replace(/ \[/g, ' (') : path;
}

/** The parts of a process key; null for a network key. */
export function parseProcessKey(key: string): { exe: string; program: string | null; parent: string | null } | null {
  if (!key.startsWith('exe:')) return null;
  const arrow = key.indexOf('<-');
  const head = arrow < 0 ? key.slice(4) : key.slice(4, arrow);
  const parent = arrow < 0 ? null : key.slice(arrow + 2);
  const open = head.indexOf(' [');
  if (open < 0 || !head.endsWith(']')) return { exe: head, program: null, parent };
  return { exe: head.slice(0, open), program: head.slice(open + 2, -1), parent };
}

/**
 * A process key sent in another form, as `identity` would key it; null when the key lacks what
 * that identity needs (a plain key has no parent; an interpreter's plain key has no program).
 */
export function rekeyProcess(key: string, identity: ItemIdentity): string | null {
  const parts = parseProcessKey(key);
  if (parts === null) return key;
  if (identity === 'exe') return `exe:${parts.exe}`;
  if (identity === 'lineage') return parts.parent === null ? null : `exe:${parts.exe}<-${parts.parent}`;
  if (parts.program !== null) return `exe:${parts.exe} [${parts.program}]`;
  // No program in the key: right only for an executable that is no interpreter.
  return interpreterProgram(parts.exe, null, null) === null ? `exe:${parts.exe}` : null;
}
