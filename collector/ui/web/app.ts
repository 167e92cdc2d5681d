// The Vigil console's shell: sign-in with a token, the header (pages, connection state, who is
// signed in), the DEMO marking, the live stream feeding every page, and the page router.
import { AlertBoard } from './alert-board.js';
import { AlertDetailView } from './alert-detail-view.js';
import { AlertsView } from './alerts-view.js';
import { AgentsView } from './agents-view.js';
import { ApiClient, ApiRequestError } from './api-client.js';
import type { AlertList, Session, StreamMessage } from './api-types.js';
import type { AppContext, View } from './context.js';
import { fill, h } from './dom.js';
import { LiveStream, type StreamState } from './live-stream.js';
import { parseRoute, tokenFromHash, type Route } from './routes.js';
import { WorkloadView } from './workload-view.js';
import { WorkloadsView } from './workloads-view.js';

// sessionStorage: the token lives as long as the tab, is not shared with other tabs or sent
// anywhere by the browser on its own (unlike a cookie).
const TOKEN_KEY = 'vigil.token';
const app = document.getElementById('app') as HTMLElement;

function start(): void {
  const handed = tokenFromHash(window.location.hash);
  if (handed) {
    sessionStorage.setItem(TOKEN_KEY, handed);
    // The token must not stay in the address bar, the history or a screenshot.
    history.replaceState(null, '', `${window.location.pathname}#/alerts`);
  }
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) showLogin('');
  else void signIn(token);
}

function showLogin(problem: string): void {
  const input = h('input', { type: 'password', name: 'token', autocomplete: 'off', placeholder: 'API token', 'aria-label': 'API token', required: true });
  const form = h(
    'form',
    { class: 'login', 'aria-label': 'sign in' },
    h('h1', {}, 'Vigil'),
    h('p', {}, 'Sign in with an API token (viewer or operator). `vigil dev` prints one at start-up.'),
    input,
    h('button', { type: 'submit' }, 'Sign in'),
    problem ? h('p', { class: 'error', role: 'alert' }, problem) : null,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const token = input.value.trim();
    if (token) void signIn(token);
  });
  fill(app, form);
  input.focus();
}

async function signIn(token: string): Promise<void> {
  const api = new ApiClient(token);
  let session: Session;
  try {
    session = await api.session();
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 401) {
      sessionStorage.removeItem(TOKEN_KEY);
      showLogin('The collector does not know this token.');
      return;
    }
    fill(app, h('p', { class: 'error boot', role: 'alert' }, `Cannot reach the collector: ${(err as Error).message}. Retrying…`));
    window.setTimeout(() => void signIn(token), 2_000);
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, token);
  new Console(api, session).mount();
}

class Console {
  private readonly board = new AlertBoard();
  private readonly clockOffsetMs: number;
  private readonly main = h('main', { id: 'main' });
  private readonly pill = h('span', { class: 'conn', 'data-test': 'connection', role: 'status' });
  private readonly banner = h('div', { class: 'banner reconnect', role: 'alert', 'data-test': 'reconnect-banner', hidden: true });
  private readonly toasts = h('div', { class: 'toasts', 'aria-live': 'polite' });
  private readonly alertsTab = h('a', { href: '#/alerts', 'data-tab': 'alerts' }, 'Alerts');
  private readonly tabs: HTMLAnchorElement[];
  private readonly stream: LiveStream;
  private readonly ctx: AppContext;
  private view: View | null = null;
  private readonly onHashChange = (): void => this.route();
  private ticker: number | null = null;
  /** The connection was lost since the stream was last live. */
  private lost = false;

  constructor(
    api: ApiClient,
    private readonly session: Session,
  ) {
    this.clockOffsetMs = Date.parse(session.server_time) - Date.now();
    this.tabs = [this.alertsTab, h('a', { href: '#/workloads', 'data-tab': 'workloads' }, 'Workloads'), h('a', { href: '#/agents', 'data-tab': 'agents' }, 'Agents')];
    this.ctx = {
      api,
      session,
      board: this.board,
      now: () => Date.now() + this.clockOffsetMs,
      notify: (message, kind = 'info') => this.toast(message, kind),
      go: (hash) => {
        window.location.hash = hash;
      },
    };
    this.stream = new LiveStream(api, session.stream_cursor, {
      message: (m) => this.onMessage(m),
      state: (s, detail) => this.setState(s, detail),
      reset: (reason) => {
        this.toast(`Reloading: ${reason}`, 'error');
        window.setTimeout(() => window.location.reload(), 1_500);
      },
      unauthorized: (reason) => {
        this.dispose();
        sessionStorage.removeItem(TOKEN_KEY);
        showLogin(`Signed out: ${reason}`);
      },
    });
  }

  mount(): void {
    const s = this.session;
    const signOut = h('button', { type: 'button', class: 'link' }, 'Sign out');
    signOut.addEventListener('click', () => {
      this.dispose();
      sessionStorage.removeItem(TOKEN_KEY);
      showLogin('');
    });
    fill(
      app,
      s.demo
        ? h('div', { class: 'banner demo', 'data-test': 'demo-banner' }, h('strong', {}, 'DEMO'), ' — everything here comes from the bundled scenario that `vigil dev` replays (no Falco socket was found), not from a cluster.')
        : null,
      h(
        'header',
        { class: 'top' },
        h('span', { class: 'brand' }, 'Vigil', s.demo ? h('span', { class: 'demo-tag' }, 'demo') : null),
        h('nav', {}, ...this.tabs),
        this.pill,
        h('span', { class: 'who', 'data-role': s.role }, `${s.name} · ${s.role}`),
        signOut,
      ),
      this.banner,
      this.main,
      this.toasts,
      h('footer', {}, `Vigil ${s.version}`),
    );
    this.setState('connecting', 'connecting to the collector');
    window.addEventListener('hashchange', this.onHashChange);
    this.ticker = window.setInterval(() => this.view?.tick?.(), 1_000);
    this.route();
    void this.loadAlerts();
    this.stream.start();
  }

  /** Signed out: nothing of this console may keep running (timers, polling, the stream). */
  private dispose(): void {
    this.stream.stop();
    window.removeEventListener('hashchange', this.onHashChange);
    if (this.ticker !== null) window.clearInterval(this.ticker);
    this.view?.dispose();
    this.view = null;
  }

  /** Open and acknowledged alerts for the tab's count, whatever page opens first. */
  private async loadAlerts(): Promise<void> {
    try {
      for (const status of ['open', 'acknowledged']) {
        const page = await this.ctx.api.get<AlertList>(`/api/v1/alerts?status=${status}&limit=500`);
        for (const a of page.alerts) this.board.addFromApi(a);
      }
      this.updateBadge();
      if (this.view instanceof AlertsView) this.view.render();
    } catch (err) {
      this.toast(`cannot load alerts: ${(err as Error).message}`, 'error');
    }
  }

  private route(): void {
    const r: Route = parseRoute(window.location.hash);
    this.view?.dispose();
    this.view = this.viewFor(r);
    const section = r.view === 'alert' ? 'alerts' : r.view === 'workload' ? 'workloads' : r.view;
    for (const t of this.tabs) t.classList.toggle('current', t.dataset.tab === section);
    fill(this.main, this.view.root);
    this.view.tick?.();
  }

  private viewFor(r: Route): View {
    switch (r.view) {
      case 'alert':
        return new AlertDetailView(this.ctx, r.id);
      case 'workloads':
        return new WorkloadsView(this.ctx);
      case 'workload':
        return new WorkloadView(this.ctx, r.key);
      case 'agents':
        return new AgentsView(this.ctx);
      case 'alerts':
        return new AlertsView(this.ctx);
    }
  }

  private onMessage(m: StreamMessage): void {
    if (this.board.onStream(m)) this.updateBadge();
    this.view?.onStream(m);
  }

  private updateBadge(): void {
    const n = this.board.unresolvedCount();
    fill(this.alertsTab, 'Alerts', n ? h('span', { class: 'badge', 'data-test': 'unresolved' }, n) : null);
  }

  private setState(s: StreamState, detail: string): void {
    const label: Record<StreamState, string> = { connecting: 'connecting…', 'catching-up': 'catching up…', live: 'live', reconnecting: 'reconnecting…' };
    this.pill.dataset.state = s;
    this.pill.textContent = label[s];
    this.pill.title = detail;
    if (s === 'reconnecting') {
      this.lost = true;
      this.banner.hidden = false;
      this.banner.textContent = `Connection to the collector lost — ${detail}. Alerts raised meanwhile are replayed when it is back.`;
    } else if (s === 'live') {
      this.banner.hidden = true;
      if (this.lost) this.toast('Reconnected; caught up with everything missed.');
      this.lost = false;
    }
  }

  private toast(message: string, kind: 'info' | 'error' = 'info'): void {
    const t = h('div', { class: `toast toast-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message);
    this.toasts.appendChild(t);
    window.setTimeout(() => t.remove(), kind === 'error' ? 10_000 : 4_000);
  }
}

start();
