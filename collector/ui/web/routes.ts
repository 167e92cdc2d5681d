// The UI's pages, addressed by the location hash so that a reload or a shared link opens the
// same page and the collector serves one HTML file. Pure: unit-tested in Node.

export type Route =
  | { readonly view: 'alerts' }
  | { readonly view: 'alert'; readonly id: number }
  | { readonly view: 'workloads' }
  | { readonly view: 'workload'; readonly key: string }
  | { readonly view: 'agents' };

/** `#/alerts/12` → `{view: 'alert', id: 12}`; anything unknown → the alert list. */
export function parseRoute(hash: string): Route {
  const [, section = '', rest = ''] = /^#\/([a-z]*)\/?(.*)$/.exec(hash) ?? [];
  if (section === 'alerts' && /^[1-9]\d*$/.test(rest)) return { view: 'alert', id: Number(rest) };
  if (section === 'workloads' && rest) {
    try {
      return { view: 'workload', key: decodeURIComponent(rest) };
    } catch {
      // A hand-typed, badly escaped key: show the list rather than a broken page.
      return { view: 'workloads' };
    }
  }
  if (section === 'workloads') return { view: 'workloads' };
  if (section === 'agents') return { view: 'agents' };
  return { view: 'alerts' };
}

/** A token handed over in the address (`#token=…`, as `vigil dev` prints it), or null. */
export function tokenFromHash(hash: string): string | null {
  const m = /^#token=([^&]+)$/.exec(hash);
  if (!m?.[1]) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return null;
  }
}
