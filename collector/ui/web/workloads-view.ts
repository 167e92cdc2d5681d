// Workloads: each one's mode with a toggle, its learning window as a progress bar with the time
// left, baseline size and open alerts. Also the mode toggle and window bar the workload page uses.
import { MODES, type Mode, type StreamMessage, type WorkloadJson } from './api-types.js';
import { act, coalesced, operatorOnly, type AppContext, type View } from './context.js';
import { fill, h } from './dom.js';
import { formatCompleteness, formatDuration, windowProgress, workloadApiPath, workloadLabel, workloadRoute } from './format.js';

/** Counts (items, open alerts) change without stream messages; the list refreshes this often. */
const REFRESH_MS = 5_000;

export class WorkloadsView implements View {
  readonly root = h('section', { class: 'workloads-view', 'aria-label': 'workloads' });
  private workloads: readonly WorkloadJson[] = [];
  private readonly bars: Array<{ w: WorkloadJson; el: HTMLElement }> = [];
  private readonly timer: number;
  private disposed = false;
  private readonly reload = coalesced(() => this.load());

  constructor(private readonly ctx: AppContext) {
    fill(this.root, h('p', { class: 'loading' }, 'Loading workloads…'));
    this.reload();
    this.timer = window.setInterval(this.reload, REFRESH_MS);
  }

  private async load(): Promise<void> {
    try {
      const res = await this.ctx.api.get<{ workloads: WorkloadJson[] }>('/api/v1/workloads');
      if (this.disposed) return;
      this.workloads = res.workloads;
      this.draw();
    } catch (err) {
      this.ctx.notify(`cannot load workloads: ${(err as Error).message}`, 'error');
    }
  }

  private draw(): void {
    this.bars.length = 0;
    if (this.workloads.length === 0) {
      fill(this.root, h('p', { class: 'empty' }, 'No workload seen yet. Agents report workloads as their containers run processes.'));
      return;
    }
    const rows = this.workloads.map((w) => {
      const bar = windowCell(w, this.ctx.now());
      this.bars.push({ w, el: bar });
      return h(
        'tr',
        { 'data-workload': w.key, 'data-mode': w.mode },
        h('td', {}, h('a', { href: workloadRoute(w) }, workloadLabel(w))),
        h('td', {}, w.cluster),
        h('td', {}, modeToggle(this.ctx, w, this.reload)),
        h('td', { class: 'window' }, bar),
        h('td', { class: 'completeness' }, formatCompleteness(w.completeness, this.ctx.now())),
        h('td', { class: 'num' }, w.open_alerts ?? 0),
      );
    });
    fill(
      this.root,
      h(
        'table',
        { class: 'workloads' },
        h('thead', {}, h('tr', {}, ...['Workload', 'Cluster', 'Mode', 'Learning window', 'Baseline', 'Open alerts'].map((c) => h('th', {}, c)))),
        h('tbody', {}, ...rows),
      ),
    );
  }

  tick(): void {
    for (const b of this.bars) b.el.replaceWith((b.el = windowCell(b.w, this.ctx.now())));
  }

  onStream(m: StreamMessage): void {
    if (m.type === 'workload.mode' || m.type === 'workload.window') this.reload();
  }

  dispose(): void {
    this.disposed = true;
    window.clearInterval(this.timer);
  }
}

/** Three buttons, the current mode pressed; operators switch with one click, viewers only see. */
export function modeToggle(ctx: AppContext, w: WorkloadJson, changed: () => void): HTMLElement {
  return h(
    'div',
    { class: 'mode-toggle', role: 'group', 'aria-label': `mode of ${workloadLabel(w)}` },
    ...MODES.map((mode: Mode) =>
      h(
        'button',
        {
          type: 'button',
          class: `mode mode-${mode}`,
          'data-mode': mode,
          'aria-pressed': String(w.mode === mode),
          ...operatorOnly(ctx),
          onclick: () => {
            if (mode === w.mode) return;
            void act(ctx, `${workloadLabel(w)} is now ${mode}`, () => ctx.api.request('PUT', workloadApiPath(w, '/mode'), { mode })).then(changed);
          },
        },
        mode,
      ),
    ),
  );
}

/** The learning window as a bar with the time left, or what the mode means when not learning. */
export function windowCell(w: WorkloadJson, nowMs: number): HTMLElement {
  if (w.mode !== 'learning') {
    const text = w.mode === 'detecting' ? `locked${w.locked_by ? ` by ${w.locked_by}` : ''}` : 'not observed';
    return h('span', { class: 'muted' }, text);
  }
  const p = windowProgress(w.window.start, w.window.end, nowMs);
  if (!p) return h('span', { class: 'muted' }, 'learning (no window end)');
  const pct = Math.round(p.fraction * 100);
  // Through the CSSOM: the page's CSP refuses inline style attributes.
  const fillBar = h('div', { class: 'progress-fill' });
  fillBar.style.width = `${pct}%`;
  return h(
    'div',
    { class: 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': pct, title: `${pct} % of the window elapsed` },
    fillBar,
    h('span', { class: 'progress-label' }, p.leftMs > 0 ? `${formatDuration(p.leftMs)} left` : 'locking…'),
  );
}
