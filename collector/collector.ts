// The collector process: SQLite store, baseline service, agent gateway, health and metrics.
// Built from a CollectorConfig so tests run it in-process exactly as the CLI does.
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { FastifyInstance } from 'fastify';
import { buildApi, authFailureCounter } from './api/api-server.js';
import { StreamHub, type RowSubject } from './api/stream-hub.js';
import { UiAssets, UiAssetsMissing } from './api/ui-assets.js';
import type { ApiToken } from './auth/api-tokens.js';
import { ApiQueries, type StreamRow } from './store/api-queries.js';
import type { HostPort } from '../agent/config/parse.js';
import type { ModeName } from '../proto/vigil-wire.js';
import { BaselineService } from './baseline/baseline-service.js';
import type { SeverityRules } from './baseline/severity-rules.js';
import type { ConvergenceRule } from './baseline/decide.js';
import type { ItemIdentity } from '../agent/model/item-key.js';
import { AgentGateway, type GatewayTls } from './gateway/agent-gateway.js';
import { HeartbeatBatch } from './gateway/heartbeat-batch.js';
import { IngestQueue } from './gateway/ingest-queue.js';
import { CollectorMetrics } from './metrics/collector-metrics.js';
import { CollectorStore } from './store/collector-store.js';
import { openDatabase, type Db } from './store/database.js';

export interface CollectorConfig {
  readonly dbFile: string;
  /** grpc-js bind address, e.g. 127.0.0.1:7420 (port 0 picks one). */
  readonly grpcListen: string;
  readonly grpcTls: GatewayTls | null;
  readonly http: HostPort | null;
  readonly agentTokens: readonly string[];
  /** SOC tokens for the HTTP API and the stream. */
  readonly apiTokens: readonly ApiToken[];
  /** Browser origins allowed on the stream (the UI's own origin). */
  readonly allowedOrigins?: readonly string[];
  readonly streamMaxBufferedBytes?: number;
  readonly defaultMode: ModeName;
  readonly windowMs: number;
  readonly windowOverrides?: ReadonlyMap<string, number>;
  readonly now?: () => number;
  /** The built web UI served at / (default: the package's dist/collector/ui/web; null: no UI). */
  readonly uiDir?: string | null;
  /** Fed by `vigil dev`'s bundled scenario: the UI shows a DEMO marking. */
  readonly demo?: boolean;
  /** Severity and never-learn rules (default: rules/severity.yaml). */
  readonly rules?: SeverityRules;
  /** A new image digest in a locked workload learns its novel items this long (0: off). */
  readonly imageReviewMs?: number;
  /** Lock each baseline on convergence rather than at its window's end. */
  readonly convergence?: ConvergenceRule | null;
  /** Identity of a new workload's process items (default exe). */
  readonly defaultIdentity?: ItemIdentity;
}

export class Collector {
  readonly metrics = new CollectorMetrics();
  private db: Db | null = null;
  private gateway: AgentGateway | null = null;
  private api: FastifyInstance | null = null;
  private hub: StreamHub | null = null;
  private queue: IngestQueue | null = null;
  private heartbeats: HeartbeatBatch | null = null;
  service: BaselineService | null = null;
  grpcPort = 0;
  httpAddress: AddressInfo | null = null;

  constructor(
    private readonly config: CollectorConfig,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    const c = this.config;
    const opened = openDatabase(c.dbFile);
    this.db = opened.db;
    if (opened.migratedFrom !== opened.version) {
      this.log.info({ db: c.dbFile, from: opened.migratedFrom, to: opened.version }, 'database schema migrated');
    }
    const store = new CollectorStore(opened.db);
    const service = new BaselineService(store, { defaultMode: c.defaultMode, windowMs: c.windowMs, windowOverrides: c.windowOverrides, now: c.now ?? Date.now, rules: c.rules, imageReviewMs: c.imageReviewMs, convergence: c.convergence, defaultIdentity: c.defaultIdentity }, this.log);
    this.service = service;
    service.on('locked', () => this.metrics.windowsLocked.inc());
    service.load();
    this.queue = new IngestQueue(service, this.metrics, this.log);
    this.heartbeats = new HeartbeatBatch(service, (fn) => store.transaction(fn), this.log);
    this.gateway = new AgentGateway(service, this.queue, this.heartbeats, c.agentTokens, this.metrics, this.log);
    this.grpcPort = await this.gateway.listen(c.grpcListen, c.grpcTls);
    this.log.info({ address: c.grpcListen.replace(/:\d+$/, `:${this.grpcPort}`), tls: c.grpcTls !== null }, 'listening for agents');
    if (c.http) {
      const queries = new ApiQueries(opened.db);
      const authFailures = authFailureCounter(this.metrics.registry);
      const now = c.now ?? Date.now;
      const ui = c.uiDir === null ? null : this.loadUi(c.uiDir);
      this.api = buildApi(
        { service, queries, tokens: c.apiTokens, registry: this.metrics.registry, readiness: () => this.readiness(), log: this.log, now, ui, demo: c.demo ?? false, agentConnected: (id) => this.gateway?.isConnected(id) ?? false },
        authFailures,
      );
      const hub = new StreamHub(queries, c.apiTokens, workloadOf(queries), authFailures, this.log, {
        allowedOrigins: c.allowedOrigins ?? [],
        maxBufferedBytes: c.streamMaxBufferedBytes ?? 1024 * 1024,
        pingIntervalMs: 30_000,
        ticketTtlMs: 60_000,
      });
      this.hub = hub;
      this.api.post('/api/v1/stream/ticket', async (req, reply) => {
        if (!req.caller) throw new Error('unauthenticated request reached the ticket route');
        const ticket = hub.issueTicket(req.caller);
        if (!ticket) return reply.code(429).send({ error: 'too many unused stream tickets; use or let them expire (60 s)' });
        return ticket;
      });
      let queued = false;
      service.on('stream', () => {
        if (queued) return;
        queued = true;
        setImmediate(() => {
          queued = false;
          hub.publish();
        });
      });
      hub.attach(this.api.server);
      await this.api.listen({ host: c.http.host, port: c.http.port }).catch((err: NodeJS.ErrnoException) => {
        throw new Error(`cannot listen for the API on ${c.http?.host}:${c.http?.port}: ${err.code ?? err.message}`);
      });
      this.httpAddress = this.api.server.address() as AddressInfo;
      this.log.info(
        { address: `${this.httpAddress.address}:${this.httpAddress.port}`, ui: ui instanceof UiAssets },
        'serving the API, the stream, /healthz, /readyz and /metrics',
      );
    }
  }

  private loadUi(dir: string | undefined): UiAssets | UiAssetsMissing {
    try {
      return UiAssets.load(dir);
    } catch (err) {
      // The API is what agents' data depends on; a missing UI build must not keep it down.
      if (!(err instanceof UiAssetsMissing)) throw err;
      this.log.warn({ err: err.message }, 'the web UI is not served');
      return err;
    }
  }

  private readiness(): { ready: boolean; checks: Record<string, boolean> } {
    let database = false;
    try {
      database = this.db?.prepare('SELECT 1').get() !== undefined;
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, 'readiness: the database does not answer');
    }
    const checks = { database, agent_gateway: this.grpcPort > 0 };
    return { ready: checks.database && checks.agent_gateway, checks };
  }

  /** The open database (operations such as backups, and tests that simulate a full disk). */
  get database(): Db | null {
    return this.db;
  }

  async stop(): Promise<void> {
    this.queue?.flush();
    await this.gateway?.close();
    // After the streams ended, so none arrives behind it.
    this.heartbeats?.flush();
    this.hub?.close();
    await this.api?.close();
    this.service?.close();
    this.db?.close();
    this.db = null;
  }
}

/** Resolves a stream row to its workload and alert severity, for stream filters (alerts are cached). */
function workloadOf(queries: ApiQueries): (row: StreamRow) => RowSubject | null {
  const byAlert = new Map<number, RowSubject>();
  return (row) => {
    const p = row.payload;
    if (typeof p.alert === 'number') {
      const cached = byAlert.get(p.alert);
      if (cached) return cached;
      if (typeof p.workload === 'string' && typeof p.severity === 'string') {
        // A new alert's row carries its workload and severity: no lookup needed.
        const [, namespace = '', , name = ''] = p.workload.split('/');
        const who = { namespace, name, key: p.workload, severity: p.severity };
        if (byAlert.size > 100_000) byAlert.clear();
        byAlert.set(p.alert, who);
        return who;
      }
      const alert = queries.getAlert(p.alert);
      if (!alert) return null;
      const who = { namespace: alert.workload.namespace, name: alert.workload.name, key: alert.workload.key, severity: alert.severity };
      if (byAlert.size > 100_000) byAlert.clear();
      byAlert.set(p.alert, who);
      return who;
    }
    if (typeof p.workload === 'string') {
      const [, namespace = '', , name = ''] = p.workload.split('/');
      return { namespace, name, key: p.workload };
    }
    return null;
  };
}
