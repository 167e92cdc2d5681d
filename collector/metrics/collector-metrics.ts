// The collector's Prometheus metrics, in a registry of its own.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { droppedLogLines } from '../../agent/log/logger.js';

export class CollectorMetrics {
  readonly registry = new Registry();

  readonly agentsConnected = new Gauge({
    name: 'vigil_collector_agents_connected',
    help: 'Agents with an open stream.',
    registers: [this.registry],
  });
  readonly agentRejected = new Counter({
    name: 'vigil_collector_agent_streams_rejected_total',
    help: 'Agent streams refused or cut, by reason (unauthenticated, no_hello, bad_hello, slow_reader).',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  readonly reports = new Counter({
    name: 'vigil_collector_reports_total',
    help: 'Agent reports by outcome (duplicate, invalid, known, learned, startup_learned, review, alerted, aggregated, counted, repeat, repeat_unmatched).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly ingestBatch = new Histogram({
    name: 'vigil_collector_ingest_transaction_seconds',
    help: 'Time to apply one batch of reports in one SQLite transaction.',
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  readonly ingestErrors = new Counter({
    name: 'vigil_collector_ingest_errors_total',
    help: 'Batches that could not be stored (not acknowledged: the agents resend them).',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  readonly streamPruned = new Counter({
    name: 'vigil_collector_stream_rows_pruned_total',
    help: 'Stream rows deleted by retention (older than --stream-retention or beyond --stream-max-rows).',
    registers: [this.registry],
  });
  readonly windowsLocked = new Counter({
    name: 'vigil_collector_baselines_locked_total',
    help: 'Learning windows that ended and locked their baseline.',
    registers: [this.registry],
  });

  readonly logLinesDropped = new Counter({
    name: 'vigil_collector_log_lines_dropped_total',
    help: 'Log lines dropped because stderr did not take them: 4 MiB already waiting, or its reader gone.',
    registers: [this.registry],
    collect() {
      this.reset();
      this.inc(droppedLogLines());
    },
  });

  constructor(opts: { processMetrics: boolean } = { processMetrics: true }) {
    if (opts.processMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'vigil_collector_' });
  }
}
