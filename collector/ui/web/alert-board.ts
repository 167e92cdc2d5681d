// The alert list the UI shows, kept from two sources that overlap: pages of GET /api/v1/alerts
// and the live stream. Pure (no DOM), unit-tested in Node.
//
// The two sources race (the stream starts at a cursor read before the lists were fetched, so an
// alert may come from both, in either order), so merging must not depend on order: counts only
// grow and a status only moves forward (open → acknowledged → resolved), so the merge keeps the
// larger of each. Alerts outside the filters are kept too, so that changing a filter needs no
// reload for what is already known.
import { SEVERITIES, STATUSES, type AlertCategory, type AlertJson, type AlertStatus, type Severity, type StreamMessage, type WorkloadRef } from './api-types.js';
import { parseWorkloadKey } from './format.js';

export interface BoardAlert {
  readonly id: number;
  readonly workload: WorkloadRef;
  readonly container: string;
  readonly item: string;
  readonly severity: Severity;
  readonly reason: string;
  category: AlertCategory;
  status: AlertStatus;
  count: number;
  /** Event time of the first sighting (from a list), or when the stream delivered it. */
  seen: string;
  node: string;
  approved: boolean;
}

export type StatusFilter = 'unresolved' | AlertStatus | 'all';

export interface AlertFilters {
  readonly namespace: string;
  readonly workload: string;
  /** At least this severity; '' for all. */
  readonly severity: Severity | '';
  readonly status: StatusFilter;
}

export const DEFAULT_FILTERS: AlertFilters = { namespace: '', workload: '', severity: '', status: 'unresolved' };

export interface AlertGroup {
  readonly workload: WorkloadRef;
  readonly alerts: readonly BoardAlert[];
  /** Sightings of all its alerts. */
  readonly sightings: number;
  readonly worst: Severity;
}

const rank = (s: AlertStatus): number => STATUSES.indexOf(s);
const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);

/** Alerts the list keeps at most; the oldest (lowest ids) go first. */
export const MAX_ALERTS = 5_000;
/** Stream messages held while paused at most; past it the list resumes by itself. */
export const MAX_HELD = 10_000;
/** Updates kept for alerts not listed yet (a page still loading); the oldest go first. */
const MAX_EARLY_UPDATES = 1_000;

interface EarlyUpdate {
  count: number;
  status: AlertStatus;
  approved: boolean;
}

export class AlertBoard {
  private readonly alerts = new Map<number, BoardAlert>();
  private readonly held: StreamMessage[] = [];
  /** Updates of alerts the board does not hold yet, applied when a list brings them. */
  private readonly early = new Map<number, EarlyUpdate>();
  private pausedFlag = false;
  /** Ids changed since the last `takeChanged()`, for in-place updates of the page. */
  private readonly changed = new Set<number>();

  constructor(private readonly max = MAX_ALERTS) {}

  get paused(): boolean {
    return this.pausedFlag;
  }

  /** New alerts waiting while paused (updates of known alerts do not count). */
  get heldNewAlerts(): number {
    return this.held.filter((m) => m.type === 'alert' && !this.alerts.has(m.alert)).length;
  }

  get size(): number {
    return this.alerts.size;
  }

  get(id: number): BoardAlert | undefined {
    return this.alerts.get(id);
  }

  /** Pausing freezes the list for reading; stream messages wait and apply on resume, in order. */
  pause(): void {
    this.pausedFlag = true;
  }

  resume(): void {
    this.pausedFlag = false;
    for (const m of this.held.splice(0)) this.apply(m);
  }

  /** An alert from a list page or GET /alerts/{id}. */
  addFromApi(a: AlertJson): void {
    this.mergeIn(a);
    const e = this.early.get(a.id);
    const merged = this.alerts.get(a.id);
    if (e && merged) {
      this.early.delete(a.id);
      merged.count = Math.max(merged.count, e.count);
      if (rank(e.status) > rank(merged.status)) merged.status = e.status;
      if (e.approved) merged.approved = true;
    }
  }

  private mergeIn(a: AlertJson): void {
    const known = this.alerts.get(a.id);
    if (known) {
      known.count = Math.max(known.count, a.count);
      if (rank(a.status) > rank(known.status)) known.status = a.status;
      known.seen = a.first_seen;
      known.node = a.node;
    } else {
      this.alerts.set(a.id, {
        id: a.id,
        workload: a.workload,
        container: a.container,
        item: a.item,
        severity: a.severity,
        reason: a.severity_reason,
        category: a.category,
        status: a.status,
        count: a.count,
        seen: a.first_seen,
        node: a.node,
        approved: false,
      });
    }
    this.changed.add(a.id);
    this.trim();
  }

  /** A stream message; returns whether it concerned an alert (held while paused). */
  onStream(m: StreamMessage): boolean {
    if (m.type !== 'alert' && m.type !== 'alert.updated') return false;
    if (!this.pausedFlag) this.apply(m);
    else if (this.held.length < MAX_HELD) this.held.push(m);
    else {
      // Paused and forgotten (another page, a long read): do not grow without bound.
      this.resume();
      this.apply(m);
    }
    return true;
  }

  private apply(m: StreamMessage): void {
    if (m.type === 'alert') {
      if (!this.alerts.has(m.alert)) {
        this.alerts.set(m.alert, {
          id: m.alert,
          workload: parseWorkloadKey(m.workload),
          container: m.container,
          item: m.item,
          severity: m.severity,
          reason: m.reason,
          category: m.category ?? 'deviation',
          status: 'open',
          count: 1,
          seen: m.at,
          node: '',
          approved: false,
        });
        this.changed.add(m.alert);
        this.trim();
      }
    } else if (m.type === 'alert.updated') {
      const known = this.alerts.get(m.alert);
      if (!known) {
        // An alert the lists have not brought yet (still loading) or older than they hold: keep
        // the update, so a page arriving after it cannot show an older count or status.
        const e = this.early.get(m.alert) ?? { count: 0, status: 'open', approved: false };
        this.early.delete(m.alert);
        this.early.set(m.alert, { count: Math.max(e.count, m.count), status: rank(m.status) > rank(e.status) ? m.status : e.status, approved: e.approved || m.approved === true });
        if (this.early.size > MAX_EARLY_UPDATES) this.early.delete(this.early.keys().next().value as number);
        return;
      }
      known.count = Math.max(known.count, m.count);
      if (rank(m.status) > rank(known.status)) known.status = m.status;
      if (m.approved) known.approved = true;
      // A review alert whose item was seen again after the lock is a deviation now.
      if (m.category) known.category = m.category;
      this.changed.add(m.alert);
    }
  }

  private trim(): void {
    if (this.alerts.size <= this.max) return;
    const ids = [...this.alerts.keys()].sort((a, b) => a - b);
    for (const id of ids.slice(0, this.alerts.size - this.max)) this.alerts.delete(id);
  }

  /** Ids added or changed since the last call. */
  takeChanged(): number[] {
    const ids = [...this.changed];
    this.changed.clear();
    return ids;
  }

  /** Alerts passing the filters, newest (highest id) first. */
  visible(f: AlertFilters): BoardAlert[] {
    const minSeverity = f.severity ? severityRank(f.severity) : 0;
    return [...this.alerts.values()]
      .filter(
        (a) =>
          (f.namespace === '' || a.workload.namespace === f.namespace) &&
          (f.workload === '' || a.workload.name === f.workload) &&
          severityRank(a.severity) >= minSeverity &&
          statusMatches(a.status, f.status),
      )
      .sort((a, b) => b.id - a.id);
  }

  /** Visible alerts grouped by workload; groups ordered by their newest alert. */
  groups(f: AlertFilters): AlertGroup[] {
    const byKey = new Map<string, BoardAlert[]>();
    for (const a of this.visible(f)) {
      const list = byKey.get(a.workload.key);
      if (list) list.push(a);
      else byKey.set(a.workload.key, [a]);
    }
    return [...byKey.values()].map((alerts) => ({
      workload: (alerts[0] as BoardAlert).workload,
      alerts,
      sightings: alerts.reduce((n, a) => n + a.count, 0),
      worst: alerts.reduce<Severity>((w, a) => (severityRank(a.severity) > severityRank(w) ? a.severity : w), 'low'),
    }));
  }

  /** Namespaces and workload names known, for the filter pickers. */
  facets(): { namespaces: string[]; workloads: string[] } {
    const namespaces = new Set<string>();
    const workloads = new Set<string>();
    for (const a of this.alerts.values()) {
      namespaces.add(a.workload.namespace);
      workloads.add(a.workload.name);
    }
    return { namespaces: [...namespaces].sort(), workloads: [...workloads].sort() };
  }

  /** Open or acknowledged alerts, for the tab's badge. */
  unresolvedCount(): number {
    let n = 0;
    for (const a of this.alerts.values()) if (a.status !== 'resolved') n++;
    return n;
  }
}

export function statusMatches(status: AlertStatus, filter: StatusFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'unresolved') return status !== 'resolved';
  return status === filter;
}
