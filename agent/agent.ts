// The agent process: Falco inputs → ingest (normalize, attribute) → output, plus health and
// metrics. Built from an AgentConfig so tests run it in-process exactly as the CLI does.
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { GrpcSource, type FalcoTls } from './falco/grpc-source.js';
import { HttpSource } from './falco/http-source.js';
import { readTlsMaterial, readToken, type HttpTlsFiles } from './falco/http-auth.js';
import { JsonLinesSource } from './falco/jsonl-source.js';
import { HealthServer } from './metrics/health-server.js';
import { AgentMetrics } from './metrics/agent-metrics.js';
import { DEFAULT_ATTRIBUTOR_OPTIONS } from './model/attributor.js';
import { JsonLinesOutput, type LineStream, type ObservationOutput } from './output/stdout-output.js';
import { FanOutput } from './output/fan-out.js';
import { hostname } from 'node:os';
import { KnownSet } from './baseline/known-set.js';
import { Reporter } from './baseline/reporter.js';
import { CollectorLink, type CollectorTls } from './link/collector-link.js';
import { StateStore } from './state/state-store.js';
import { VIGIL_VERSION } from './version.js';
import type { vigil } from '../proto/gen/vigil.js';
import { Ingest } from './pipeline/ingest.js';
import type { HostPort } from './config/parse.js';

export interface AgentConfig {
  readonly cluster: string;
  readonly node: string | null;
  readonly includeHost: boolean;
  readonly rulePrefix: string;
  readonly maxFieldLength: number;
  readonly grpc: null | {
    readonly target: string;
    readonly tls: FalcoTls | null;
    readonly pollIntervalMs: number;
    readonly backoffInitialMs: number;
    readonly backoffMaxMs: number;
    readonly maxMessageBytes: number;
  };
  readonly http: null | (HostPort & {
    readonly maxBodyBytes: number;
    readonly tls?: HttpTlsFiles | null;
    readonly tokenFile?: string | null;
  });
  /** A path or "-" for stdin. */
  readonly jsonl: string | null;
  /** Where observations go as JSON lines. */
  readonly stdout: LineStream | null;
  /** The collector link; null without --collector. */
  readonly collector: null | {
    readonly target: string;
    readonly tls: CollectorTls | null;
    readonly token: string;
    readonly stateDir: string;
    readonly maxOutboxRows: number;
    readonly repeatIntervalMs: number;
    readonly heartbeatIntervalMs: number;
    readonly retryMaxMs: number;
    /** On stop, how long to wait for acknowledgements (0: do not wait). */
    readonly shutdownDrainMs?: number;
  };
  readonly health: HostPort | null;
  readonly metadataWaitMs: number;
}

export class Agent {
  readonly metrics = new AgentMetrics();
  private readonly ingest: Ingest;
  private readonly output: ObservationOutput;
  private readonly stdoutOutput: JsonLinesOutput | null;
  private state: StateStore | null = null;
  private link: CollectorLink | null = null;
  private readonly known = new KnownSet();
  private reporter: Reporter | null = null;
  private grpc: GrpcSource | null = null;
  private http: HttpSource | null = null;
  private jsonl: JsonLinesSource | null = null;
  private health: HealthServer | null = null;
  private sweepTimer: NodeJS.Timeout | null = null;
  private jsonlDone: Promise<void> | null = null;
  private readonly log: Logger;

  /** Addresses actually bound (port 0 in the config picks a free port). */
  httpAddress: AddressInfo | null = null;
  healthAddress: AddressInfo | null = null;

  constructor(
    private readonly config: AgentConfig,
    log: Logger,
  ) {
    this.log = log;
    if (!config.stdout && !config.collector) throw new Error('the agent needs an output: --stdout or --collector');
    this.stdoutOutput = config.stdout ? new JsonLinesOutput(config.stdout, this.metrics) : null;
    const outputs: ObservationOutput[] = this.stdoutOutput ? [this.stdoutOutput] : [];
    if (config.collector) {
      this.state = StateStore.open({ dir: config.collector.stateDir, maxOutboxRows: config.collector.maxOutboxRows }, log);
      for (const w of this.state.loadWorkloads()) this.known.setState(w.workloadKey, w.mode, w.windowEndNs, w.items, w.identity);
      for (const r of this.state.loadReported()) {
        // Items the collector has put into the baseline since need no reported mark.
        if (this.known.classify(r.workloadKey, r.container, r.itemKey) !== 'baseline') this.known.markReported(r.workloadKey, r.container, r.itemKey);
      }
      this.reporter = new Reporter(this.known, this.state, this.metrics, log, config.collector.repeatIntervalMs);
      outputs.push(this.reporter);
      this.metrics.outboxDepth.set(this.state.depth);
    }
    this.output = outputs.length === 1 && outputs[0] ? outputs[0] : new FanOutput(outputs);
    this.ingest = new Ingest(
      {
        cluster: config.cluster,
        node: config.node,
        includeHost: config.includeHost,
        rulePrefix: config.rulePrefix,
        maxFieldLength: config.maxFieldLength,
        attribution: { ...DEFAULT_ATTRIBUTOR_OPTIONS, pendingTtlMs: config.metadataWaitMs },
      },
      this.output,
      this.metrics,
      log,
    );
  }

  async start(): Promise<void> {
    const c = this.config;
    if (c.collector && this.state && this.reporter) {
      const state = this.state;
      const link = new CollectorLink(
        {
          target: c.collector.target,
          tls: c.collector.tls,
          token: c.collector.token,
          node: c.node ?? hostname(),
          cluster: c.cluster,
          agentVersion: VIGIL_VERSION,
          batchSize: 500,
          maxInFlight: 5_000,
          heartbeatIntervalMs: c.collector.heartbeatIntervalMs,
          backoff: { initialMs: 250, maxMs: c.collector.retryMaxMs },
          falcoVersion: () => this.grpc?.version ?? '',
        },
        state,
        this.known,
        this.metrics,
        () => this.stats(),
        this.log,
      );
      this.link = link;
      this.reporter.onAppended(() => link.pump());
      await link.start();
    }
    if (c.health) {
      this.health = new HealthServer(this.metrics.registry, () => this.readiness(), this.log);
      this.healthAddress = await this.health.start(c.health.host, c.health.port);
      this.log.info({ address: `${this.healthAddress.address}:${this.healthAddress.port}` }, 'serving /healthz, /readyz and /metrics');
    }
    if (c.http) {
      const tls = c.http.tls ? await readTlsMaterial(c.http.tls) : null;
      const token = c.http.tokenFile ? await readToken(c.http.tokenFile) : null;
      this.http = new HttpSource({ ...c.http, tls, token }, this.ingest, this.metrics, this.log);
      this.httpAddress = await this.http.start();
    }
    if (c.grpc) {
      this.grpc = new GrpcSource(
        {
          target: c.grpc.target,
          tls: c.grpc.tls,
          pollIntervalMs: c.grpc.pollIntervalMs,
          backoff: { initialMs: c.grpc.backoffInitialMs, maxMs: c.grpc.backoffMaxMs },
          maxMessageBytes: c.grpc.maxMessageBytes,
          connectTimeoutMs: 5_000,
        },
        this.ingest,
        this.metrics,
        this.log,
      );
      await this.grpc.start();
    }
    this.sweepTimer = setInterval(() => this.ingest.sweep(), Math.max(100, Math.min(1_000, c.metadataWaitMs / 4)));
    this.sweepTimer.unref();
    if (c.jsonl) {
      const source = new JsonLinesSource(c.jsonl, this.ingest, this.log);
      await source.open();
      this.jsonl = source;
      this.jsonlDone = source.run().then((result) => {
        this.log.info({ ...result }, 'finished reading Falco JSON lines');
      });
    }
  }

  /**
   * Resolves when the agent has nothing more to do: the JSON-lines input reached its end and no
   * network input is configured, or the output was closed (EPIPE: whoever read stdout went
   * away). Otherwise runs until stop().
   */
  async finished(): Promise<void> {
    const outputClosed = (this.stdoutOutput?.closed ?? new Promise<Error>(() => undefined)).then((err) => {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') this.log.info('stdout was closed by its reader; stopping');
      else this.log.error({ err: err.message }, 'cannot write observations to stdout; stopping');
    });
    const inputDone = this.jsonlDone && !this.grpc && !this.http ? this.jsonlDone : new Promise<void>(() => undefined);
    return Promise.race([inputDone, outputClosed]);
  }

  async stop(): Promise<void> {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.jsonl?.stop();
    await Promise.all([this.grpc?.stop(), this.http?.stop()]);
    this.ingest.close();
    await this.output.close();
    // Give the link a moment to deliver what the outputs just flushed; what it cannot deliver
    // stays on disk for the next start.
    const drainMs = this.config.collector?.shutdownDrainMs ?? 0;
    if (this.link && drainMs > 0 && this.state && this.state.depth > 0) await this.link.drain(drainMs);
    if (this.state && this.state.depth > 0) {
      this.log.info({ outbox: this.state.depth }, 'stopping with reports on disk; they are sent on the next start');
    }
    await this.link?.stop();
    this.state?.close();
    await this.health?.stop();
  }

  private async stats(): Promise<vigil.v1.IAgentStats> {
    const sum = async (name: string): Promise<number> => {
      const data = await this.metrics.registry.getSingleMetric(name)?.get();
      return (data?.values ?? []).reduce((s, v) => s + v.value, 0);
    };
    const dropped = this.state ? Object.values(this.state.dropped()).reduce((a, b) => a + b, 0) : 0;
    return {
      events_total: await sum('vigil_agent_falco_events_total'),
      dropped_total: dropped + (await sum('vigil_agent_output_dropped_total')),
      outbox_depth: this.state?.depth ?? 0,
      unattributed_total: await sum('vigil_agent_unattributed_total'),
      falco_drops_total: await sum('vigil_agent_falco_syscall_drops_total'),
      falco_connected: this.grpc?.connected ?? false,
    };
  }

  private readiness(): { ready: boolean; checks: Record<string, boolean> } {
    const checks: Record<string, boolean> = {};
    if (this.grpc) checks.falco_grpc = this.grpc.connected;
    if (this.http) checks.falco_http = this.http.listening;
    if (this.jsonl) checks.falco_jsonl = true;
    // Informational: the agent works offline (reports wait on disk), so this does not gate readiness.
    const ready = Object.values(checks).some(Boolean);
    if (this.link) checks.collector_connected = this.link.connected;
    return { ready, checks };
  }
}
