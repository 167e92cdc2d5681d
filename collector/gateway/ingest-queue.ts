// Gathers report batches from every agent stream and applies them together: one SQLite
// transaction per ~50 ms or 500 reports instead of one per message (measured ~4x the rows/s).
// Each submitter learns the sequence stored for its agent only after the commit, so an
// acknowledgement always means "on disk".
import type { Logger } from 'pino';
import type { vigil } from '../../proto/gen/vigil.js';
import type { BaselineService } from '../baseline/baseline-service.js';
import type { CollectorMetrics } from '../metrics/collector-metrics.js';
import { describeSqliteError } from '../../agent/state/sqlite-schema.js';

interface Pending {
  readonly agentId: string;
  readonly reports: readonly vigil.v1.IReport[];
  readonly resolve: (storedSeq: number) => void;
  readonly reject: (err: Error) => void;
}

export class IngestQueue {
  private pending: Pending[] = [];
  private size = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly service: BaselineService,
    private readonly metrics: CollectorMetrics,
    private readonly log: Logger,
    private readonly maxDelayMs = 50,
    private readonly maxReports = 500,
  ) {}

  submit(agentId: string, reports: readonly vigil.v1.IReport[]): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ agentId, reports, resolve, reject });
      this.size += reports.length;
      if (this.size >= this.maxReports) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.maxDelayMs);
    });
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    this.size = 0;
    if (batch.length === 0) return;
    const end = this.metrics.ingestBatch.startTimer();
    try {
      const outcome = this.service.applyBatches(batch.map((p) => ({ agentId: p.agentId, reports: p.reports })));
      end();
      for (const [outcomeName, n] of Object.entries(outcome.counts)) if (n > 0) this.metrics.reports.inc({ outcome: outcomeName }, n);
      for (const p of batch) p.resolve(outcome.stored.get(p.agentId) ?? 0);
    } catch (err) {
      end();
      const code = (err as { code?: string }).code ?? 'unknown';
      this.metrics.ingestErrors.inc({ code });
      this.log.error({ err: describeSqliteError(err), reports: batch.reduce((n, p) => n + p.reports.length, 0) }, 'cannot store agent reports; they stay unacknowledged and the agents will resend them');
      for (const p of batch) p.reject(err as Error);
    }
  }
}
