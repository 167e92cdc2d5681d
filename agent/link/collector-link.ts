// The agent's stream to the collector (vigil.v1.AgentGateway/Connect).
//
// Opens with Hello (naming the workloads whose state is cached), learns from the first Ack what
// the collector has stored, then sends the outbox in sequence order from there, keeping at most
// `maxInFlight` reports unacknowledged. Acks delete reports from disk. Snapshots and deltas
// update the known set and its disk cache, so the agent keeps deciding with the last state it
// knew while the collector is away. On any failure it reconnects with capped, jittered back-off
// and resends everything unacknowledged: delivery is at-least-once, and the collector ignores
// sequences it already stored.
import { readFile } from 'node:fs/promises';
import * as grpc from '@grpc/grpc-js';
import type { Logger } from 'pino';
import type { vigil } from '../../proto/gen/vigil.js';
import {
  CONNECT_PATH,
  decodeCollectorMessage,
  decodeReport,
  encodeAgentMessage,
  identityName,
  modeName,
  nsFromTimestamp,
  workloadFromWire,
  type AgentMessage,
} from '../../proto/vigil-wire.js';
import { Backoff } from '../falco/backoff.js';
import type { AgentMetrics } from '../metrics/agent-metrics.js';
import { workloadKey } from '../model/identity.js';
import type { KnownSet } from '../baseline/known-set.js';
import type { StateStore } from '../state/state-store.js';

export interface CollectorTls {
  readonly caFile: string;
  readonly certFile: string | null;
  readonly keyFile: string | null;
}

export interface CollectorLinkOptions {
  readonly target: string;
  readonly tls: CollectorTls | null;
  readonly token: string;
  readonly node: string;
  readonly cluster: string;
  readonly agentVersion: string;
  readonly batchSize: number;
  readonly maxInFlight: number;
  readonly heartbeatIntervalMs: number;
  readonly backoff: { initialMs: number; maxMs: number };
  /** Falco's version when known, for Hello. */
  readonly falcoVersion: () => string;
}

type Call = grpc.ClientDuplexStream<AgentMessage, vigil.v1.CollectorMessage>;

export class CollectorLink {
  private client: grpc.Client | null = null;
  private call: Call | null = null;
  private credentials: grpc.ChannelCredentials | null = null;
  /** Highest sequence written to the current stream; null until the collector's first Ack. */
  private cursor: number | null = null;
  private waitingForDrain = false;
  private stopped = false;
  private attempts = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private readonly backoff: Backoff;
  private readonly log: Logger;

  constructor(
    private readonly opts: CollectorLinkOptions,
    private readonly store: StateStore,
    private readonly known: KnownSet,
    private readonly metrics: AgentMetrics,
    private readonly stats: () => Promise<vigil.v1.IAgentStats>,
    log: Logger,
  ) {
    this.backoff = new Backoff(opts.backoff);
    this.log = log.child({ collector: opts.target });
  }

  get connected(): boolean {
    return this.cursor !== null;
  }

  async start(): Promise<void> {
    if (this.opts.tls) {
      const { caFile, certFile, keyFile } = this.opts.tls;
      const read = (file: string): Promise<Buffer> =>
        readFile(file).catch((err: NodeJS.ErrnoException) => {
          throw new Error(`cannot read collector TLS file ${file}: ${err.code ?? err.message}`);
        });
      const [ca, cert, key] = await Promise.all([read(caFile), certFile ? read(certFile) : null, keyFile ? read(keyFile) : null]);
      this.credentials = grpc.credentials.createSsl(ca, key, cert);
    } else {
      this.credentials = grpc.credentials.createInsecure();
    }
    this.connect();
  }

  /** New reports are on disk: send them if the stream can take them. */
  pump(): void {
    const call = this.call;
    if (!call || this.cursor === null || this.waitingForDrain) return;
    for (;;) {
      const inFlight = this.cursor - this.store.ackedSeq;
      if (inFlight >= this.opts.maxInFlight) return;
      const entries = this.store.pending(this.cursor, Math.min(this.opts.batchSize, this.opts.maxInFlight - inFlight));
      const last = entries[entries.length - 1];
      if (!last) return;
      const reports = entries.map((e) => {
        const report = decodeReport(e.body);
        report.seq = e.seq;
        return report;
      });
      this.cursor = last.seq;
      if (!call.write({ reports: { reports } })) {
        this.waitingForDrain = true;
        call.once('drain', () => {
          this.waitingForDrain = false;
          this.pump();
        });
        return;
      }
    }
  }

  /** Waits until the outbox is empty (everything acknowledged) or `timeoutMs` passes. */
  async drain(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    this.pump();
    while (this.store.depth > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return this.store.depth === 0;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.teardown();
  }

  private connect(): void {
    if (this.stopped || !this.credentials) return;
    if (this.attempts++ > 0) this.metrics.collectorReconnects.inc();
    // A fresh channel per attempt, as for Falco: grpc-js's own channel back-off would override ours.
    const client = new grpc.Client(this.opts.target, this.credentials, {
      'grpc.keepalive_time_ms': 30_000,
      'grpc.keepalive_timeout_ms': 10_000,
      'grpc.max_receive_message_length': 64 * 1024 * 1024,
    });
    this.client = client;
    const md = new grpc.Metadata();
    md.set('authorization', `Bearer ${this.opts.token}`);
    const call: Call = client.makeBidiStreamRequest(CONNECT_PATH, encodeAgentMessage, decodeCollectorMessage, md);
    this.call = call;
    call.on('data', (msg: vigil.v1.CollectorMessage) => {
      if (this.call !== call) return; // a late message of a stream already given up
      try {
        this.onMessage(msg);
      } catch (err) {
        // The agent's own disk failed (acknowledging, caching): start over on a new stream.
        this.failed(`cannot apply a collector message: ${(err as Error).message}`, null);
      }
    });
    call.on('error', (err: grpc.ServiceError) => {
      if (this.call === call) this.failed(`${grpc.status[err.code] ?? err.code}: ${err.details}`, err.code);
    });
    call.on('end', () => {
      if (this.call === call) this.failed('the collector ended the stream', null);
    });
    const known = [...this.store.loadWorkloads()].map((w) => w.workload);
    call.write({
      hello: {
        agent_id: this.store.agentId,
        node: this.opts.node,
        cluster: this.opts.cluster,
        agent_version: this.opts.agentVersion,
        falco_version: this.opts.falcoVersion(),
        known_workloads: known,
      },
    });
  }

  private onMessage(msg: vigil.v1.CollectorMessage): void {
    if (msg.ack) {
      const stored = Number(msg.ack.highest_seq ?? 0);
      if (this.cursor === null && stored > this.store.lastSeq) this.store.rebase(stored);
      const before = this.store.ackedSeq;
      this.store.acknowledge(stored);
      // Back-off resets on progress, not on connecting: a collector that accepts streams but
      // cannot store (full disk) must not be hammered.
      if (this.store.ackedSeq > before || (this.cursor === null && this.store.depth === 0)) this.backoff.reset();
      this.metrics.collectorAcked.set(this.store.ackedSeq);
      this.metrics.outboxDepth.set(this.store.depth);
      if (this.cursor === null) {
        // The first Ack: resend everything the collector does not have.
        this.cursor = stored;
        this.metrics.collectorConnected.set(1);
        this.log.info({ storedSeq: stored, outbox: this.store.depth }, 'connected to the collector');
        this.heartbeatTimer = setInterval(() => this.heartbeat(), this.opts.heartbeatIntervalMs);
        this.heartbeatTimer.unref();
      }
      this.pump();
    }
    for (const state of msg.snapshot?.workloads ?? []) {
      const w = workloadFromWire(state.workload);
      const key = workloadKey(w);
      const mode = modeName(state.mode);
      const windowEndNs = state.window_end ? nsFromTimestamp(state.window_end) : null;
      const items = (state.items ?? []).map((i) => ({ container: i.container ?? '', itemKey: i.item_key ?? '' }));
      const identity = identityName(state.identity);
      this.known.setState(key, mode, windowEndNs, items, identity);
      if (mode) this.store.saveWorkload({ workloadKey: key, workload: w, mode, windowEndNs, items, identity });
    }
    if (msg.delta) {
      const d = msg.delta;
      const w = workloadFromWire(d.workload);
      const key = workloadKey(w);
      const mode = modeName(d.mode);
      const windowEndNs = d.window_end ? nsFromTimestamp(d.window_end) : null;
      const added = (d.added ?? []).map((i) => ({ container: i.container ?? '', itemKey: i.item_key ?? '' }));
      const removed = (d.removed ?? []).map((i) => ({ container: i.container ?? '', itemKey: i.item_key ?? '' }));
      const identity = identityName(d.identity);
      this.known.applyDelta(key, mode, windowEndNs, added, removed, identity);
      if (mode) this.store.applyDelta({ workloadKey: key, workload: w, mode, windowEndNs, added, removed, identity });
    }
  }

  private heartbeat(): void {
    void this.stats().then((stats) => this.call?.write({ heartbeat: { time: { seconds: Math.floor(Date.now() / 1000) }, stats } }));
  }

  private failed(why: string, code: grpc.status | null): void {
    const wasConnected = this.connected;
    this.teardown();
    if (this.stopped) return;
    const delay = this.backoff.next();
    const fields = { why, retryInMs: delay, outbox: this.store.depth };
    if (code === grpc.status.UNAUTHENTICATED) this.log.error(fields, 'the collector refused the agent token; check --agent-token-file');
    else if (wasConnected) this.log.warn(fields, 'lost the collector stream; reconnecting (reports stay on disk)');
    else this.log.warn(fields, 'cannot reach the collector; retrying (reports stay on disk)');
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  private teardown(): void {
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = null;
    this.cursor = null;
    this.waitingForDrain = false;
    this.metrics.collectorConnected.set(0);
    const call = this.call;
    this.call = null;
    call?.cancel();
    this.client?.close();
    this.client = null;
  }
}
