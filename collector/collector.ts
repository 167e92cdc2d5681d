// The collector process: SQLite store, baseline service, agent gateway, health and metrics.
// Built from a CollectorConfig so tests run it in-process exactly as the CLI does.
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { HealthServer } from '../agent/metrics/health-server.js';
import type { HostPort } from '../agent/config/parse.js';
import type { ModeName } from '../proto/vigil-wire.js';
import { BaselineService } from './baseline/baseline-service.js';
import { AgentGateway, type GatewayTls } from './gateway/agent-gateway.js';
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
  readonly defaultMode: ModeName;
  readonly windowMs: number;
  readonly windowOverrides?: ReadonlyMap<string, number>;
  readonly now?: () => number;
}

export class Collector {
  readonly metrics = new CollectorMetrics();
  private db: Db | null = null;
  private gateway: AgentGateway | null = null;
  private health: HealthServer | null = null;
  private queue: IngestQueue | null = null;
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
    const service = new BaselineService(store, { defaultMode: c.defaultMode, windowMs: c.windowMs, windowOverrides: c.windowOverrides, now: c.now ?? Date.now }, this.log);
    this.service = service;
    service.on('locked', () => this.metrics.windowsLocked.inc());
    service.load();
    this.queue = new IngestQueue(service, this.metrics, this.log);
    this.gateway = new AgentGateway(service, this.queue, c.agentTokens, this.metrics, this.log);
    this.grpcPort = await this.gateway.listen(c.grpcListen, c.grpcTls);
    this.log.info({ address: c.grpcListen.replace(/:\d+$/, `:${this.grpcPort}`), tls: c.grpcTls !== null }, 'listening for agents');
    if (c.http) {
      this.health = new HealthServer(this.metrics.registry, () => this.readiness(), this.log);
      this.httpAddress = await this.health.start(c.http.host, c.http.port);
      this.log.info({ address: `${this.httpAddress.address}:${this.httpAddress.port}` }, 'serving /healthz, /readyz and /metrics');
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
    await this.health?.stop();
    this.service?.close();
    this.db?.close();
    this.db = null;
  }
}
