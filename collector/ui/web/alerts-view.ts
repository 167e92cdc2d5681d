// The live alert list: newest first, severity colours, optional grouping by workload, filters,
// pause. Rows are kept per alert and updated in place, so a count or status change does not
// rebuild the list under the analyst's eyes.
import { DEFAULT_FILTERS, type AlertFilters, type BoardAlert, type StatusFilter } from './alert-board.js';
import { SEVERITIES, STATUSES, type AlertList, type Severity, type StreamMessage } from './api-types.js';
import type { AppContext, View } from './context.js';
import { fill, h } from './dom.js';
import { formatTime, workloadLabel } from './format.js';

/** Rows drawn at most; the rest are counted ("narrow the filters"). */
const MAX_ROWS = 500;

// Filters and grouping survive moving between pages (the view is rebuilt each time).
let filters: AlertFilters = DEFAULT_FILTERS;
let grouped = false;

export class AlertsView implements View {
  readonly root = h('section', { class: 'alerts-view', 'aria-label': 'alerts' });
  private readonly rows = new Map<number, HTMLTableRowElement>();
  private readonly list = h('div', { class: 'alert-list' });
  private readonly summary = h('p', { class: 'summary', 'aria-live': 'polite' });
  private readonly pauseButton = h('button', { type: 'button', class: 'pause', 'data-test': 'pause' }, 'Pause');
  private readonly namespaceSelect = h('select', { name: 'namespace', 'aria-label': 'namespace' });
  private readonly workloadSelect = h('select', { name: 'workload', 'aria-label': 'workload' });
  private frame: number | null = null;
  private disposed = false;

  constructor(private readonly ctx: AppContext) {
    const severitySelect = h(
      'select',
      { name: 'severity', 'aria-label': 'severity' },
      h('option', { value: '' }, 'any severity'),
      ...SEVERITIES.map((s) => h('option', { value: s, selected: filters.severity === s }, `${s} or worse`)),
    );
    const statusSelect = h(
      'select',
      { name: 'status', 'aria-label': 'status' },
      ...(['unresolved', ...STATUSES, 'all'] as const).map((s) => h('option', { value: s, selected: filters.status === s }, s === 'unresolved' ? 'open + acknowledged' : s)),
    );
    const groupBox = h('input', { type: 'checkbox', name: 'group', checked: grouped });
    const onFilter = (): void => {
      filters = {
        namespace: this.namespaceSelect.value,
        workload: this.workloadSelect.value,
        severity: severitySelect.value as Severity | '',
        status: statusSelect.value as StatusFilter,
      };
      void this.load();
      this.render();
    };
    for (const s of [this.namespaceSelect, this.workloadSelect, severitySelect, statusSelect]) s.addEventListener('change', onFilter);
    groupBox.addEventListener('change', () => {
      grouped = groupBox.checked;
      this.render();
    });
    this.pauseButton.addEventListener('click', () => {
      if (ctx.board.paused) ctx.board.resume();
      else ctx.board.pause();
      this.render();
    });
    fill(
      this.root,
      h(
        'div',
        { class: 'toolbar' },
        h('label', {}, 'Namespace ', this.namespaceSelect),
        h('label', {}, 'Workload ', this.workloadSelect),
        h('label', {}, 'Severity ', severitySelect),
        h('label', {}, 'Status ', statusSelect),
        h('label', { class: 'check' }, groupBox, ' group by workload'),
        this.pauseButton,
      ),
      this.summary,
      this.list,
    );
    this.render();
    void this.load();
  }

  /** Fetches the alerts the filters ask for from the store (the stream adds what comes later). */
  private async load(): Promise<void> {
    const f = filters;
    const statuses = f.status === 'unresolved' ? ['open', 'acknowledged'] : f.status === 'all' ? [null] : [f.status];
    try {
      for (const status of statuses) {
        const q = new URLSearchParams({ limit: '500' });
        if (status) q.set('status', status);
        if (f.namespace) q.set('namespace', f.namespace);
        if (f.workload) q.set('workload', f.workload);
        if (f.severity) q.set('severity', f.severity);
        const page = await this.ctx.api.get<AlertList>(`/api/v1/alerts?${q.toString()}`);
        for (const a of page.alerts) this.ctx.board.addFromApi(a);
      }
    } catch (err) {
      this.ctx.notify(`cannot load alerts: ${(err as Error).message}`, 'error');
    }
    this.render();
  }

  onStream(m: StreamMessage): void {
    if (m.type === 'alert' || m.type === 'alert.updated') this.render();
  }

  /** Draws at most once per frame however many messages arrive. */
  render(): void {
    if (this.frame !== null || this.disposed) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      this.draw();
    });
  }

  private draw(): void {
    const board = this.ctx.board;
    const changed = new Set(board.takeChanged());
    this.syncFacets();
    const visible = board.visible(filters);
    const shown = visible.slice(0, MAX_ROWS);
    const keep = new Set(shown.map((a) => a.id));
    for (const [id, row] of this.rows) {
      if (!keep.has(id)) {
        row.remove();
        this.rows.delete(id);
      }
    }
    const rowOf = (a: BoardAlert): HTMLTableRowElement => {
      let row = this.rows.get(a.id);
      if (!row) {
        row = this.newRow(a);
        this.rows.set(a.id, row);
      } else if (changed.has(a.id)) {
        this.updateRow(row, a);
      }
      return row;
    };
    if (visible.length === 0) {
      fill(this.list, h('p', { class: 'empty' }, board.size === 0 ? 'No alerts yet. Deviations from a baseline appear here as they happen.' : 'No alert matches these filters.'));
    } else if (grouped) {
      const groups = board.groups(filters);
      fill(
        this.list,
        ...groups.map((g) => {
          const body = h('tbody');
          for (const a of g.alerts) if (keep.has(a.id)) body.appendChild(rowOf(a));
          return h(
            'section',
            { class: 'group', 'data-workload': g.workload.key },
            h(
              'h3',
              {},
              h('span', { class: `sev sev-${g.worst}` }, g.worst),
              ' ',
              h('a', { href: `#/workloads/${encodeURIComponent(g.workload.key)}` }, workloadLabel(g.workload)),
              h('span', { class: 'group-counts' }, ` ${g.alerts.length} alert${g.alerts.length === 1 ? '' : 's'}, ${g.sightings} sighting${g.sightings === 1 ? '' : 's'}`),
            ),
            this.table(body),
          );
        }),
      );
    } else {
      const body = h('tbody');
      for (const a of shown) body.appendChild(rowOf(a));
      fill(this.list, this.table(body));
    }
    const held = board.heldNewAlerts;
    this.pauseButton.textContent = board.paused ? `Resume${held ? ` (${held} new)` : ''}` : 'Pause';
    this.pauseButton.classList.toggle('active', board.paused);
    this.summary.textContent =
      `${visible.length} alert${visible.length === 1 ? '' : 's'}` +
      (visible.length > MAX_ROWS ? ` (showing the newest ${MAX_ROWS}; narrow the filters)` : '') +
      (board.paused ? ' · paused: new alerts wait until you resume' : '');
  }

  private table(body: HTMLTableSectionElement): HTMLTableElement {
    return h(
      'table',
      { class: 'alerts' },
      h('thead', {}, h('tr', {}, ...['Severity', '#', 'Seen', 'Workload', 'Container', 'Item', 'Why', 'Count', 'Status'].map((c) => h('th', {}, c)))),
      body,
    );
  }

  private newRow(a: BoardAlert): HTMLTableRowElement {
    const row = h('tr', { class: 'alert-row', 'data-alert-id': a.id, tabindex: 0 });
    row.addEventListener('click', () => this.ctx.go(`#/alerts/${a.id}`));
    row.addEventListener('keydown', (e: KeyboardEvent) => {
      if (e.key === 'Enter') this.ctx.go(`#/alerts/${a.id}`);
    });
    this.updateRow(row, a);
    return row;
  }

  private updateRow(row: HTMLTableRowElement, a: BoardAlert): void {
    row.dataset.status = a.status;
    row.dataset.count = String(a.count);
    row.className = `alert-row sev-row-${a.severity} row-status-${a.status}`;
    fill(
      row,
      h('td', {}, h('span', { class: `sev sev-${a.severity}` }, a.severity)),
      h('td', { class: 'num' }, a.id),
      h('td', { class: 'time' }, formatTime(a.seen)),
      h('td', {}, workloadLabel(a.workload)),
      h('td', {}, a.container),
      h('td', { class: 'item' }, a.item),
      h('td', { class: 'reason' }, a.category === 'review' ? h('span', { class: 'review-tag', title: 'seen while learning; joins the baseline only when approved' }, 'review') : null, a.category === 'review' ? ' ' : null, a.reason),
      h('td', { class: 'num count' }, a.count),
      h('td', {}, h('span', { class: `status status-${a.status}` }, a.approved ? 'approved' : a.status)),
    );
  }

  private syncFacets(): void {
    const { namespaces, workloads } = this.ctx.board.facets();
    const sync = (select: HTMLSelectElement, values: string[], current: string, any: string): void => {
      const want = ['', ...new Set([...values, ...(current ? [current] : [])])];
      const have = [...select.options].map((o) => o.value);
      if (want.length === have.length && want.every((v, i) => v === have[i])) return;
      fill(select, ...want.map((v) => h('option', { value: v, selected: v === current }, v === '' ? any : v)));
    };
    sync(this.namespaceSelect, namespaces.filter((n) => n !== ''), filters.namespace, 'all namespaces');
    sync(this.workloadSelect, workloads, filters.workload, 'all workloads');
  }

  dispose(): void {
    this.disposed = true;
    if (this.frame !== null) cancelAnimationFrame(this.frame);
  }
}
