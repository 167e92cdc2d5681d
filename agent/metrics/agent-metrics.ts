// The agent's Prometheus metrics. Each agent owns its registry (not prom-client's global one),
// so several agents can run in one process (tests, `vigil dev`).
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { droppedLogLines } from '../log/logger.js';

/**
 * A counter with one label for the per-event path. prom-client hashes the label object on every
 * inc(), which cost more than the rest of handling a repeated event; here an increment adds to a
 * plain number, and the totals are handed to prom-client whenever the registry is read.
 */
export class HotCounter<L extends string> {
  private readonly pending = new Map<string, number>();
  private readonly counter: Counter<L>;
  private readonly label: L;

  constructor(config: { name: string; help: string; label: L; registry: Registry }) {
    const pending = this.pending;
    const label = config.label;
    this.counter = new Counter<L>({
      name: config.name,
      help: config.help,
      labelNames: [label],
      registers: [config.registry],
      collect(this: Counter<L>) {
        for (const [value, n] of pending) this.inc({ [label]: value } as Partial<Record<L, string>>, n);
        pending.clear();
      },
    });
    this.label = label;
  }

  inc(labels: Record<L, string>, n = 1): void {
    const value = labels[this.label];
    this.pending.set(value, (this.pending.get(value) ?? 0) + n);
  }
}

export type IngestSource = 'grpc' | 'http' | 'jsonl';

export class AgentMetrics {
  readonly registry = new Registry();

  readonly falcoEvents = new HotCounter({
    name: 'vigil_agent_falco_events_total',
    help: 'Falco events decoded, by input.',
    label: 'input',
    registry: this.registry,
  });
  readonly falcoRejected = new Counter({
    name: 'vigil_agent_falco_rejected_total',
    help: 'Falco payloads refused, by input and reason (malformed_json, invalid_event, malformed_protobuf, too_large, bad_encoding, bad_method, unauthorized).',
    labelNames: ['input', 'reason'] as const,
    registers: [this.registry],
  });
  readonly falcoWarnings = new Counter({
    name: 'vigil_agent_falco_event_warnings_total',
    help: 'Decoded Falco events with something odd about them (unknown_priority, missing_time, unknown_field, invalid_utf8).',
    labelNames: ['input', 'warning'] as const,
    registers: [this.registry],
  });
  readonly falcoHttpRequests = new HotCounter({
    name: 'vigil_agent_falco_http_requests_total',
    help:
      "Requests to the Falco HTTP receiver, by the parser that read them: 'fast' for Falco's own request shape, " +
      "'general' (node:http) for anything else: chunked or compressed bodies, Expect, HTTP/1.0, other methods.",
    label: 'parser',
    registry: this.registry,
  });
  readonly skipped = new HotCounter({
    name: 'vigil_agent_events_skipped_total',
    help: 'Falco events that produced no observation, by reason.',
    label: 'reason',
    registry: this.registry,
  });
  readonly falcoDrops = new Counter({
    name: 'vigil_agent_falco_syscall_drops_total',
    help: 'Syscall events Falco itself reported as dropped (from its internal drop events).',
    registers: [this.registry],
  });
  readonly observations = new HotCounter({
    name: 'vigil_agent_observations_total',
    help: 'Observations produced, by type.',
    label: 'type',
    registry: this.registry,
  });
  readonly truncated = new Counter({
    name: 'vigil_agent_fields_truncated_total',
    help: 'Command lines or paths cut to the maximum field length.',
    registers: [this.registry],
  });
  readonly unattributed = new Counter({
    name: 'vigil_agent_unattributed_total',
    help: 'Observations whose container metadata never arrived, by why they were given up (expired, overflow, shutdown).',
    labelNames: ['why'] as const,
    registers: [this.registry],
  });
  readonly pendingAttribution = new Gauge({
    name: 'vigil_agent_pending_attribution',
    help: 'Observations waiting for Falco to resolve their container metadata.',
    registers: [this.registry],
  });
  readonly outputDropped = new Counter({
    name: 'vigil_agent_output_dropped_total',
    help: 'Observations dropped because the output could not keep up (bounded buffer full).',
    labelNames: ['output'] as const,
    registers: [this.registry],
  });
  readonly decisions = new HotCounter({
    name: 'vigil_agent_baseline_decisions_total',
    help: 'What the known set decided per observation (baseline, already_reported, repeat, novel).',
    label: 'decision',
    registry: this.registry,
  });
  readonly outboxDepth = new Gauge({
    name: 'vigil_agent_outbox_depth',
    help: 'Reports on disk waiting for the collector to acknowledge them.',
    registers: [this.registry],
  });
  readonly outboxDropped = new Gauge({
    name: 'vigil_agent_outbox_dropped',
    help: 'Reports the bounded outbox has dropped since the state file was created, by kind (learning first, deviations last).',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  readonly collectorConnected = new Gauge({
    name: 'vigil_agent_collector_connected',
    help: '1 while the stream to the collector is open and acknowledged.',
    registers: [this.registry],
  });
  readonly collectorAcked = new Gauge({
    name: 'vigil_agent_collector_acked_seq',
    help: 'Highest report sequence the collector has acknowledged.',
    registers: [this.registry],
  });
  readonly collectorReconnects = new Counter({
    name: 'vigil_agent_collector_reconnects_total',
    help: 'Attempts to open the collector stream after the first.',
    registers: [this.registry],
  });
  readonly falcoConnected = new Gauge({
    name: 'vigil_agent_falco_grpc_connected',
    help: '1 while the gRPC subscription to Falco is open.',
    registers: [this.registry],
  });
  readonly falcoReconnects = new Counter({
    name: 'vigil_agent_falco_grpc_reconnects_total',
    help: 'gRPC subscription attempts after the first (Falco restarts, missing socket).',
    registers: [this.registry],
  });
  readonly falcoInfo = new Gauge({
    name: 'vigil_agent_falco_info',
    help: "Falco's version as reported by its version API (value is always 1).",
    labelNames: ['version'] as const,
    registers: [this.registry],
  });

  readonly logLinesDropped = new Counter({
    name: 'vigil_agent_log_lines_dropped_total',
    help: 'Log lines dropped because stderr did not take them: 4 MiB already waiting, or its reader gone.',
    registers: [this.registry],
    collect() {
      this.reset();
      this.inc(droppedLogLines());
    },
  });

  constructor(opts: { processMetrics: boolean } = { processMetrics: true }) {
    if (opts.processMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'vigil_agent_' });
  }
}
