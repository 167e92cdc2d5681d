// How much a deviation should worry a SOC analyst, from what the evidence shows. Pure.
// A built-in first cut: binaries written after the container started or run from temporary
// directories rank highest, shells, package managers and download or network tools next, other
// processes and outbound connections in the middle, new listening ports lowest. The rules work
// (rules/ in YAML, user-extensible) replaces these lists.

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface SeverityInput {
  readonly type: 'process' | 'network';
  readonly exe?: string | null;
  readonly exeUpperLayer?: boolean | null;
  readonly direction?: 'outbound' | 'inbound';
}

export interface Rated {
  readonly severity: Severity;
  readonly reason: string;
}

const TEMP_DIRS = ['/tmp/', '/dev/shm/', '/var/tmp/', '/run/user/'];
const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'csh', 'tcsh', 'fish', 'busybox']);
const PACKAGE_MANAGERS = new Set(['apt', 'apt-get', 'dpkg', 'apk', 'yum', 'dnf', 'rpm', 'microdnf', 'zypper', 'pip', 'pip3', 'npm', 'gem']);
const NETWORK_TOOLS = new Set(['curl', 'wget', 'nc', 'ncat', 'netcat', 'socat', 'nmap', 'telnet', 'ftp', 'tftp', 'scp', 'ssh', 'rsync']);

export function rate(input: SeverityInput): Rated {
  if (input.type === 'network') {
    return input.direction === 'inbound'
      ? { severity: 'low', reason: 'a new listening port' }
      : { severity: 'medium', reason: 'a new outbound destination' };
  }
  const exe = input.exe ?? '';
  const base = exe.slice(exe.lastIndexOf('/') + 1);
  if (input.exeUpperLayer === true) return { severity: 'critical', reason: 'the binary is not part of the image (written after the container started)' };
  if (TEMP_DIRS.some((d) => exe.startsWith(d))) return { severity: 'critical', reason: 'runs from a temporary directory' };
  if (SHELLS.has(base)) return { severity: 'high', reason: 'a shell' };
  if (PACKAGE_MANAGERS.has(base)) return { severity: 'high', reason: 'a package manager' };
  if (NETWORK_TOOLS.has(base)) return { severity: 'high', reason: 'a download or network tool' };
  return { severity: 'medium', reason: 'a process not in the baseline' };
}

/** Severities at or above `min`, for "at least" filters. */
export function atLeast(min: Severity): Severity[] {
  return SEVERITIES.slice(SEVERITIES.indexOf(min));
}
