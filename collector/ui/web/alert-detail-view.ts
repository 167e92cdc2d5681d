// One alert: what happened (the first sighting's evidence) and the operator's actions on it.
import type { AlertJson, StreamMessage } from './api-types.js';
import { act, coalesced, operatorOnly, type AppContext, type View } from './context.js';
import { fill, h } from './dom.js';
import { formatConnection, formatTime, workloadLabel, workloadRoute } from './format.js';

/** Evidence fields in the order an analyst reads them, with their labels. */
const EVIDENCE: ReadonlyArray<readonly [string, string]> = [
  ['cmdline', 'Command line'],
  ['exe', 'Executable'],
  ['parent', 'Parent'],
  ['user', 'User'],
  ['uid', 'UID'],
  ['pid', 'PID'],
  ['exe_upper_layer', 'Written after the container started'],
  ['network', 'Connection'],
  ['pod', 'Pod'],
  ['node', 'Node'],
  ['container_id', 'Container ID'],
  ['image', 'Image'],
  ['image_digest', 'Image digest'],
  ['rule', 'Falco rule'],
  ['priority', 'Falco priority'],
];

export class AlertDetailView implements View {
  readonly root = h('section', { class: 'alert-detail', 'aria-label': 'alert detail' });
  private disposed = false;
  private readonly reload = coalesced(() => this.load());

  constructor(
    private readonly ctx: AppContext,
    private readonly id: number,
  ) {
    fill(this.root, h('p', { class: 'loading' }, `Loading alert ${id}…`));
    void this.load();
  }

  private async load(): Promise<void> {
    let alert: AlertJson;
    try {
      alert = await this.ctx.api.get<AlertJson>(`/api/v1/alerts/${this.id}`);
    } catch (err) {
      if (!this.disposed) fill(this.root, h('a', { href: '#/alerts' }, '← Alerts'), h('p', { class: 'error' }, `Cannot show alert ${this.id}: ${(err as Error).message}`));
      return;
    }
    if (this.disposed) return;
    this.ctx.board.addFromApi(alert);
    this.draw(alert);
  }

  private draw(a: AlertJson): void {
    const ev = a.evidence ?? {};
    const resolved = a.status === 'resolved';
    const action = (label: string, path: string, done: string): HTMLButtonElement =>
      h('button', {
        type: 'button',
        'data-action': path,
        ...operatorOnly(this.ctx),
        ...(resolved ? { disabled: true, title: 'the alert is resolved' } : {}),
        onclick: () => {
          void act(this.ctx, `${done} alert ${a.id}`, () => this.ctx.api.request('POST', `/api/v1/alerts/${a.id}/${path}`)).then(() => this.reload());
        },
      }, label);
    const evidenceRows = EVIDENCE.filter(([k]) => ev[k] !== undefined && ev[k] !== null && ev[k] !== '').map(([k, label]) =>
      h('tr', {}, h('th', { scope: 'row' }, label), h('td', { class: k === 'cmdline' ? 'mono' : '' }, k === 'network' ? formatConnection(ev[k]) : display(ev[k]))),
    );
    const timeNs = typeof ev.time_ns === 'string' ? ev.time_ns : null;
    fill(
      this.root,
      h('a', { href: '#/alerts', class: 'back' }, '← Alerts'),
      h(
        'header',
        { class: 'detail-head' },
        h('span', { class: `sev sev-${a.severity}` }, a.severity),
        h('h2', {}, `Alert ${a.id}: `, h('code', {}, a.item)),
        h('span', { class: `status status-${a.status}`, 'data-test': 'status' }, a.status),
      ),
      h(
        'p',
        { class: 'reason' },
        a.category === 'review' ? h('span', { class: 'review-tag' }, 'review') : null,
        a.category === 'review' ? ' ' : null,
        a.severity_reason,
        h('span', { class: 'muted' }, ` (rule ${a.severity_rule})`),
      ),
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, 'Workload'),
        h('dd', {}, h('a', { href: workloadRoute(a.workload) }, workloadLabel(a.workload)), ` (cluster ${a.workload.cluster})`),
        h('dt', {}, 'Container'),
        h('dd', {}, a.container),
        h('dt', {}, 'Sightings'),
        h('dd', { 'data-test': 'count' }, a.count),
        h('dt', {}, 'First seen'),
        h('dd', {}, formatTime(a.first_seen)),
        h('dt', {}, 'Last seen'),
        h('dd', {}, formatTime(a.last_seen)),
      ),
      h(
        'div',
        { class: 'actions' },
        action('Acknowledge', 'acknowledge', 'acknowledge'),
        action('Resolve', 'resolve', 'resolve'),
        action('Approve into baseline', 'approve', 'approve'),
      ),
      h('h3', {}, 'Evidence (first sighting)'),
      evidenceRows.length ? h('table', { class: 'evidence' }, h('tbody', {}, ...evidenceRows)) : h('p', {}, 'No evidence was stored for this alert.'),
      timeNs ? h('p', { class: 'muted' }, `Event time ${formatTime(new Date(Number(BigInt(timeNs) / 1_000_000n)).toISOString())}`) : null,
    );
  }

  onStream(m: StreamMessage): void {
    if (m.type === 'alert.updated' && m.alert === this.id) this.reload();
  }

  dispose(): void {
    this.disposed = true;
  }
}

function display(v: unknown): string {
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
