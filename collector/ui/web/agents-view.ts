// Agents: one row per node with its last heartbeat, Falco version, events per second, drops and
// outbox depth, refreshed every few seconds and at once when an agent connects or goes away.
import type { AgentJson, StreamMessage } from './api-types.js';
import { coalesced, type AppContext, type View } from './context.js';
import { fill, h } from './dom.js';
import { formatAge } from './format.js';

const REFRESH_MS = 5_000;

export class AgentsView implements View {
  readonly root = h('section', { class: 'agents-view', 'aria-label': 'agents' });
  private readonly timer: number;
  private disposed = false;
  private readonly reload = coalesced(() => this.load());

  constructor(private readonly ctx: AppContext) {
    fill(this.root, h('p', { class: 'loading' }, 'Loading agents…'));
    this.reload();
    this.timer = window.setInterval(this.reload, REFRESH_MS);
  }

  private async load(): Promise<void> {
    try {
      const { agents } = await this.ctx.api.get<{ agents: AgentJson[] }>('/api/v1/agents');
      if (!this.disposed) this.draw(agents);
    } catch (err) {
      this.ctx.notify(`cannot load agents: ${(err as Error).message}`, 'error');
    }
  }

  private draw(agents: readonly AgentJson[]): void {
    if (agents.length === 0) {
      fill(this.root, h('p', { class: 'empty' }, 'No agent has connected yet. Start `vigil agent --collector …` on each node (see docs/agent.md).'));
      return;
    }
    const num = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : v.toLocaleString('en-US'));
    fill(
      this.root,
      h(
        'table',
        { class: 'agents' },
        h('thead', {}, h('tr', {}, ...['Node', 'Cluster', 'State', 'Last heartbeat', 'Falco', 'Events/s', 'Events', 'Dropped', 'Outbox', 'Agent'].map((c) => h('th', {}, c)))),
        h(
          'tbody',
          {},
          ...agents.map((a) => {
            const s = a.stats ?? {};
            const drops = s.dropped_total ?? 0;
            return h(
              'tr',
              { 'data-agent': a.agent_id, 'data-connected': String(a.connected === true) },
              h('td', {}, a.node),
              h('td', {}, a.cluster),
              h('td', {}, h('span', { class: a.connected ? 'state-on' : 'state-off' }, a.connected ? (s.falco_connected === false ? 'connected, Falco down' : 'connected') : 'disconnected')),
              h('td', {}, a.heartbeat_age_s === null ? 'never' : formatAge(a.heartbeat_age_s * 1000)),
              h('td', {}, a.falco_version || '—'),
              h('td', { class: 'num' }, num(s.events_per_second)),
              h('td', { class: 'num' }, num(s.events_total)),
              h('td', { class: drops > 0 ? 'num warn' : 'num' }, num(drops)),
              h('td', { class: 'num' }, num(s.outbox_depth)),
              h('td', { class: 'mono', title: `agent version ${a.version}` }, a.agent_id),
            );
          }),
        ),
      ),
    );
  }

  onStream(m: StreamMessage): void {
    if (m.type === 'agent.status') this.reload();
  }

  dispose(): void {
    this.disposed = true;
    window.clearInterval(this.timer);
  }
}
