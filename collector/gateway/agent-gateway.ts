// The agents' gRPC endpoint (vigil.v1.AgentGateway/Connect): authenticates each stream with an
// agent token, answers Hello with the stored sequence and a snapshot, acknowledges report
// batches after they are committed, and pushes mode and baseline changes to every agent that
// has seen the workload.
import * as grpc from '@grpc/grpc-js';
import type { Logger } from 'pino';
import { workloadKey } from '../../agent/model/identity.js';
import { bearerMatches } from '../../agent/falco/http-auth.js';
import type { vigil } from '../../proto/gen/vigil.js';
import {
  agentGatewayService,
  identityValue,
  modeValue,
  timestampFromNs,
  workloadFromWire,
  workloadToWire,
  type CollectorMessage,
} from '../../proto/vigil-wire.js';
import type { BaselineService, WorkloadChange } from '../baseline/baseline-service.js';
import type { CollectorMetrics } from '../metrics/collector-metrics.js';
import type { IngestQueue } from './ingest-queue.js';

type Stream = grpc.ServerDuplexStream<vigil.v1.AgentMessage, CollectorMessage>;

const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

interface Connection {
  readonly stream: Stream;
  readonly agentId: string;
  readonly seen: Set<string>;
  readonly log: Logger;
  readonly node: string;
}

export interface GatewayTls {
  readonly cert: Buffer;
  readonly key: Buffer;
  /** When set, agents must present a certificate signed by this CA. */
  readonly clientCa: Buffer | null;
}

export class AgentGateway {
  private readonly server = new grpc.Server({ 'grpc.max_receive_message_length': 16 * 1024 * 1024 });
  private readonly connections = new Map<string, Connection>();
  boundPort = 0;

  constructor(
    private readonly service: BaselineService,
    private readonly queue: IngestQueue,
    private readonly tokens: readonly string[],
    private readonly metrics: CollectorMetrics,
    private readonly log: Logger,
  ) {
    this.server.addService(agentGatewayService, { Connect: (stream: Stream) => this.connect(stream) });
    service.on('changed', (change) => this.push(change));
  }

  get connectedAgents(): number {
    return this.connections.size;
  }

  /** Whether this agent has a stream open right now. */
  isConnected(agentId: string): boolean {
    return this.connections.has(agentId);
  }

  async listen(address: string, tls: GatewayTls | null): Promise<number> {
    const creds = tls
      ? grpc.ServerCredentials.createSsl(tls.clientCa, [{ cert_chain: tls.cert, private_key: tls.key }], tls.clientCa !== null)
      : grpc.ServerCredentials.createInsecure();
    this.boundPort = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync(address, creds, (err, port) =>
        err ? reject(new Error(`cannot listen for agents on ${address}: ${err.message}`)) : resolve(port),
      ),
    );
    return this.boundPort;
  }

  async close(): Promise<void> {
    // Let acks for the last committed batch go out before the streams end.
    await new Promise((r) => setImmediate(r));
    for (const c of this.connections.values()) c.stream.end();
    await new Promise<void>((resolve) => this.server.tryShutdown(() => resolve()));
    this.server.forceShutdown();
  }

  private connect(stream: Stream): void {
    const peer = stream.getPeer();
    const auth = stream.metadata.get('authorization')[0];
    if (typeof auth !== 'string' || !this.tokens.some((t) => bearerMatches(auth, t))) {
      this.metrics.agentRejected.inc({ reason: 'unauthenticated' });
      this.log.warn({ peer }, 'refused an agent stream: missing or wrong agent token');
      this.fail(stream, grpc.status.UNAUTHENTICATED, 'missing or wrong agent token');
      return;
    }
    let conn: Connection | null = null;
    stream.on('data', (msg: vigil.v1.AgentMessage) => {
      if (msg.hello) {
        if (conn) return;
        try {
          conn = this.hello(stream, msg.hello, peer);
        } catch (err) {
          this.log.error({ peer, err: (err as Error).message }, 'cannot register an agent; closing its stream');
          this.fail(stream, grpc.status.UNAVAILABLE, 'the collector cannot store agent state right now');
        }
      } else if (!conn) {
        this.metrics.agentRejected.inc({ reason: 'no_hello' });
        this.fail(stream, grpc.status.FAILED_PRECONDITION, 'the first message on an agent stream must be Hello');
      } else if (msg.reports) {
        this.reports(conn, msg.reports.reports ?? []);
      } else if (msg.heartbeat) {
        // Kept in memory and written with the others (a storage error is logged there).
        this.service.heartbeat(conn.agentId, msg.heartbeat);
      }
    });
    const gone = (): void => {
      if (conn && this.connections.get(conn.agentId) === conn) {
        this.connections.delete(conn.agentId);
        this.metrics.agentsConnected.set(this.connections.size);
        conn.log.info('agent disconnected');
        this.statusChange(conn.agentId, conn.node, false);
      }
    };
    stream.on('end', () => {
      gone();
      stream.end();
    });
    stream.on('error', gone);
    stream.on('cancelled', gone);
  }

  private hello(stream: Stream, hello: vigil.v1.IHello, peer: string): Connection | null {
    const agentId = hello.agent_id ?? '';
    if (!/^[\w.-]{8,128}$/.test(agentId)) {
      this.metrics.agentRejected.inc({ reason: 'bad_hello' });
      this.fail(stream, grpc.status.INVALID_ARGUMENT, 'Hello needs an agent_id of 8 to 128 letters, digits, dots, dashes or underscores');
      return null;
    }
    const log = this.log.child({ agent: agentId, node: hello.node, peer });
    // Read first: if that fails, the agent's previous stream (if any) stays up. The agent's row
    // is written with the turn's other hellos, before any report of this agent is stored.
    const stored = this.service.registerAgent(hello);
    const previous = this.connections.get(agentId);
    if (previous) {
      // One live stream per agent: an agent that reconnects before its old stream timed out
      // must not have two senders of the same sequence.
      previous.log.info('agent reconnected; closing its previous stream');
      this.connections.delete(agentId);
      previous.stream.end();
    }
    const seen = new Set((hello.known_workloads ?? []).map((w) => workloadKey(workloadFromWire(w))));
    const conn: Connection = { stream, agentId, seen, log, node: hello.node ?? '' };
    this.connections.set(agentId, conn);
    this.metrics.agentsConnected.set(this.connections.size);
    log.info({ storedSeq: stored, agentVersion: hello.agent_version, falcoVersion: hello.falco_version }, 'agent connected');
    stream.write({ ack: { highest_seq: stored } });
    stream.write({ snapshot: { workloads: this.service.snapshot(seen) } });
    this.statusChange(agentId, conn.node, true);
    return conn;
  }

  private reports(conn: Connection, reports: vigil.v1.IReport[]): void {
    const fresh = new Set<string>();
    for (const r of reports) {
      const w = r.observation?.workload;
      if (!w) continue;
      const key = workloadKey(workloadFromWire(w));
      if (!conn.seen.has(key)) fresh.add(key);
    }
    this.queue.submit(conn.agentId, reports).then(
      (stored) => {
        if (this.connections.get(conn.agentId) !== conn) return;
        if (fresh.size > 0) {
          for (const key of fresh) conn.seen.add(key);
          this.send(conn, { snapshot: { workloads: this.service.snapshot(fresh) } });
        }
        this.send(conn, { ack: { highest_seq: stored } });
      },
      (err: Error) => {
        // Not acknowledged: the agent keeps the reports and resends them on its next stream.
        conn.log.warn({ err: err.message }, 'closing the agent stream after a storage failure');
        this.fail(conn.stream, grpc.status.UNAVAILABLE, 'the collector cannot store reports right now');
      },
    );
  }

  private push(change: WorkloadChange): void {
    const msg: CollectorMessage = {
      delta: {
        workload: workloadToWire(change.workload),
        mode: modeValue(change.mode),
        window_end: change.windowEndNs === null ? null : timestampFromNs(change.windowEndNs),
        added: change.added.map((i) => ({ container: i.container, item_key: i.itemKey })),
        removed: change.removed.map((i) => ({ container: i.container, item_key: i.itemKey })),
        identity: identityValue(change.identity),
      },
    };
    for (const conn of this.connections.values()) if (conn.seen.has(change.workloadKey)) this.send(conn, msg);
  }

  /**
   * Writes to an agent, cutting it off when it stops reading: an agent that does not drain its
   * stream would otherwise make the collector buffer every delta for it. It reconnects and gets
   * a fresh snapshot.
   */
  private send(conn: Connection, msg: CollectorMessage): void {
    if (conn.stream.writableLength > MAX_BUFFERED_BYTES) {
      this.metrics.agentRejected.inc({ reason: 'slow_reader' });
      conn.log.warn({ buffered: conn.stream.writableLength }, 'agent is not reading its stream; closing it');
      this.connections.delete(conn.agentId);
      this.metrics.agentsConnected.set(this.connections.size);
      this.fail(conn.stream, grpc.status.RESOURCE_EXHAUSTED, 'the agent is not reading its stream');
      return;
    }
    conn.stream.write(msg);
  }

  /** Queued by the service and written on the next turn; a failure to store it is logged there. */
  private statusChange(agentId: string, node: string, connected: boolean): void {
    this.service.agentStatus(agentId, node, connected);
  }

  private fail(stream: Stream, code: grpc.status, details: string): void {
    stream.emit('error', { code, details, metadata: new grpc.Metadata() });
  }
}

