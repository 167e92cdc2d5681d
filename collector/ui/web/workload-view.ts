// One workload: mode toggle, learning window, baseline items (learned, approved, manual) with
// when and where each was first seen, and the relearn and extend actions.
import type { StreamMessage, WorkloadJson } from './api-types.js';
import { act, coalesced, operatorOnly, type AppContext, type View } from './context.js';
import { fill, h } from './dom.js';
import { formatCompleteness, formatTime, parseWorkloadKey, workloadApiPath, workloadLabel } from './format.js';
import { modeToggle, windowCell } from './workloads-view.js';

const EXTEND_CHOICES = ['15m', '1h', '4h', '1d'] as const;

export class WorkloadView implements View {
  readonly root = h('section', { class: 'workload-detail', 'aria-label': 'workload' });
  private workload: WorkloadJson | null = null;
  private bar: HTMLElement | null = null;
  private confirmingRelearn = false;
  /** The generated NetworkPolicy, once asked for (kept across redraws). */
  private policyYaml: string | null = null;
  private policyUrl: string | null = null;
  private disposed = false;
  private readonly reload = coalesced(() => this.load());

  constructor(
    private readonly ctx: AppContext,
    private readonly key: string,
  ) {
    fill(this.root, h('p', { class: 'loading' }, `Loading ${key}…`));
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const w = await this.ctx.api.get<WorkloadJson>(workloadApiPath(parseWorkloadKey(this.key)));
      if (this.disposed) return;
      this.workload = w;
      this.draw(w);
    } catch (err) {
      if (!this.disposed) fill(this.root, h('a', { href: '#/workloads' }, '← Workloads'), h('p', { class: 'error' }, `Cannot show ${this.key}: ${(err as Error).message}`));
    }
  }

  private draw(w: WorkloadJson): void {
    const reload = this.reload;
    this.bar = windowCell(w, this.ctx.now());
    const items = w.baseline ?? [];
    const extendSelect = h('select', { name: 'extend-by', 'aria-label': 'extend by', ...operatorOnly(this.ctx) }, ...EXTEND_CHOICES.map((c) => h('option', { value: c }, `+${c}`)));
    const extend =
      w.mode === 'learning'
        ? h(
            'span',
            { class: 'extend' },
            extendSelect,
            h(
              'button',
              {
                type: 'button',
                'data-action': 'extend',
                ...operatorOnly(this.ctx),
                onclick: () => void act(this.ctx, `window of ${workloadLabel(w)} extended by ${extendSelect.value}`, () => this.ctx.api.request('POST', workloadApiPath(w, '/extend'), { by: extendSelect.value })).then(reload),
              },
              'Extend window',
            ),
          )
        : null;
    const relearn = this.confirmingRelearn
      ? h(
          'span',
          { class: 'confirm' },
          `Forget all ${items.length} baseline items and learn again from now? `,
          h(
            'button',
            {
              type: 'button',
              class: 'danger',
              'data-action': 'relearn-confirm',
              onclick: () => {
                this.confirmingRelearn = false;
                void act(this.ctx, `${workloadLabel(w)} is learning again`, () => this.ctx.api.request('POST', workloadApiPath(w, '/relearn'))).then(reload);
              },
            },
            'Forget and relearn',
          ),
          h('button', { type: 'button', onclick: () => ((this.confirmingRelearn = false), this.draw(w)) }, 'Cancel'),
        )
      : h('button', { type: 'button', 'data-action': 'relearn', ...operatorOnly(this.ctx), onclick: () => ((this.confirmingRelearn = true), this.draw(w)) }, 'Relearn…');
    const counts = { learned: 0, approved: 0, manual: 0 };
    for (const i of items) counts[i.added_by]++;
    fill(
      this.root,
      h('a', { href: '#/workloads', class: 'back' }, '← Workloads'),
      h('header', { class: 'detail-head' }, h('h2', {}, workloadLabel(w)), h('span', { class: 'muted' }, `cluster ${w.cluster}`)),
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, 'Mode'),
        h('dd', {}, modeToggle(this.ctx, w, reload)),
        h('dt', {}, 'Learning window'),
        h('dd', { class: 'window' }, this.bar, ' ', extend),
        h('dt', {}, 'Processes by'),
        h('dd', {}, this.identityControl(w)),
        h('dt', {}, 'Baseline'),
        h('dd', { 'data-test': 'completeness' }, formatCompleteness(w.completeness, this.ctx.now())),
        h('dt', {}, 'Locked'),
        h('dd', {}, w.locked_at ? `${formatTime(w.locked_at)} by ${w.locked_by ?? 'unknown'}` : '—'),
      ),
      h(
        'div',
        { class: 'actions' },
        relearn,
        h('button', { type: 'button', 'data-action': 'network-policy', onclick: () => void this.showPolicy(w) }, 'NetworkPolicy'),
      ),
      this.policyYaml === null
        ? null
        : h(
            'section',
            { class: 'policy', 'aria-label': 'generated NetworkPolicy' },
            h('h3', {}, 'NetworkPolicy from the learned network baseline (review before applying) '),
            this.policyUrl ? h('a', { href: this.policyUrl, download: `vigil-${w.name}-networkpolicy.yaml` }, 'Download YAML') : null,
            h('pre', { class: 'yaml', 'data-test': 'network-policy' }, this.policyYaml),
          ),
      ...this.imagesSection(w),
      h('h3', {}, `Baseline: ${items.length} item${items.length === 1 ? '' : 's'} (${counts.learned} learned, ${counts.approved} approved, ${counts.manual} manual)`),
      items.length === 0
        ? h('p', { class: 'empty' }, w.mode === 'learning' ? 'Nothing learned yet; items appear as the workload runs.' : 'The baseline is empty: every process or connection is a deviation.')
        : h(
            'table',
            { class: 'baseline' },
            h('thead', {}, h('tr', {}, ...['Container', 'Item', 'Type', 'Added', 'First seen', 'Node', 'Image digest'].map((c) => h('th', {}, c)))),
            h(
              'tbody',
              {},
              ...items.map((i) =>
                h(
                  'tr',
                  { 'data-item': i.item },
                  h('td', {}, i.container),
                  h('td', { class: 'item' }, i.item),
                  h('td', {}, i.type),
                  h(
                    'td',
                    {},
                    h('span', { class: `added added-${i.added_by}` }, i.added_by),
                    ...(i.startup ? [' ', h('span', { class: 'startup-tag', title: 'first seen just after its container started: part of the start-up set' }, 'start-up')] : []),
                  ),
                  h('td', { class: 'time' }, formatTime(i.first_seen)),
                  h('td', {}, i.node || '—'),
                  h('td', { class: 'mono digest', title: i.image_digest }, i.image_digest ? i.image_digest.slice(0, 19) : '—'),
                ),
              ),
            ),
          ),
    );
  }

  /** Executable, or executable + parent; changing it relearns (the baseline's keys change form). */
  private identityControl(w: WorkloadJson): HTMLElement {
    const select = h(
      'select',
      { name: 'identity', 'aria-label': 'process identity', ...operatorOnly(this.ctx) },
      h('option', { value: 'exe', selected: w.identity === 'exe' }, 'executable'),
      h('option', { value: 'lineage', selected: w.identity === 'lineage' }, 'executable + parent (lineage)'),
      h('option', { value: 'args', selected: w.identity === 'args' }, 'executable + interpreter program (args)'),
    );
    const change = h(
      'button',
      {
        type: 'button',
        'data-action': 'identity',
        ...operatorOnly(this.ctx),
        title: 'changing it forgets the baseline and learns again',
        onclick: () => {
          if (select.value === w.identity) return;
          void act(this.ctx, `${workloadLabel(w)} identifies processes by ${select.value} and learns again`, () =>
            this.ctx.api.request('PUT', workloadApiPath(w, '/identity'), { identity: select.value }),
          ).then(this.reload);
        },
      },
      'Change (relearns)',
    );
    return h('span', { class: 'identity', 'data-identity': w.identity }, select, ' ', change);
  }

  /** Image digests per container: a rollout shows here, with the review window it opened. */
  private imagesSection(w: WorkloadJson): HTMLElement[] {
    const images = w.images ?? [];
    if (images.length === 0) return [];
    return [
      h('h3', {}, 'Images'),
      h(
        'table',
        { class: 'images' },
        h('thead', {}, h('tr', {}, ...['Container', 'Image digest', 'First seen', 'Review window'].map((c) => h('th', {}, c)))),
        h(
          'tbody',
          {},
          ...images.map((i) =>
            h(
              'tr',
              { 'data-digest': i.image_digest },
              h('td', {}, i.container),
              h('td', { class: 'mono' }, i.image_digest),
              h('td', { class: 'time' }, formatTime(i.first_seen)),
              h('td', {}, i.review_until === null ? '—' : `new items learned until ${formatTime(i.review_until)}`),
            ),
          ),
        ),
      ),
    ];
  }

  private async showPolicy(w: WorkloadJson): Promise<void> {
    try {
      const yaml = await this.ctx.api.requestText('GET', workloadApiPath(w, '/network-policy').replace('?', '?format=yaml&'));
      if (this.disposed) return;
      this.policyYaml = yaml;
      if (this.policyUrl) URL.revokeObjectURL(this.policyUrl);
      this.policyUrl = URL.createObjectURL(new Blob([yaml], { type: 'application/yaml' }));
      this.draw(w);
    } catch (err) {
      this.ctx.notify(`cannot generate a NetworkPolicy: ${(err as Error).message}`, 'error');
    }
  }

  tick(): void {
    if (this.workload && this.bar) this.bar.replaceWith((this.bar = windowCell(this.workload, this.ctx.now())));
  }

  onStream(m: StreamMessage): void {
    const mine = (m.type === 'workload.mode' || m.type === 'workload.image' || m.type === 'workload.window' || m.type === 'alert.updated') && m.workload === this.key;
    if (mine && !this.confirmingRelearn) this.reload();
  }

  dispose(): void {
    this.disposed = true;
    if (this.policyUrl) URL.revokeObjectURL(this.policyUrl);
  }
}
