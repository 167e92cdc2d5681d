// Retention of the stream table: every alert, update and workload change is a row that SOC
// clients replay from their cursor, and nothing else deletes them, so without this the
// database grows for ever. Rows older than the retention age, or beyond the row cap, are deleted
// oldest first, in small transactions so that ingest is never held up for long. The newest row is
// always kept: it is the cursor every new client starts from. A client whose cursor falls before
// the oldest kept row is told to reload (close 4410, stream-hub.ts).
import type { Database as Db, Statement } from 'better-sqlite3';

export interface StreamRetentionOptions {
  /** Rows older than this are deleted (0: no age limit). */
  readonly maxAgeMs: number;
  /** At most this many rows are kept (0: no row cap). */
  readonly maxRows: number;
  /** Rows deleted per transaction. */
  readonly chunkRows: number;
}

export class StreamRetention {
  private readonly bounds: Statement;
  private readonly firstYoung: Statement;
  private readonly deleteBefore: Statement;

  constructor(
    db: Db,
    private readonly opts: StreamRetentionOptions,
  ) {
    this.bounds = db.prepare('SELECT MIN(seq) AS first, MAX(seq) AS last FROM stream');
    // Rows are appended in time order, so the scan stops at the first young row: its cost is
    // the number of rows about to be deleted.
    this.firstYoung = db.prepare('SELECT seq FROM stream WHERE at_ms >= ? ORDER BY seq LIMIT 1').pluck();
    this.deleteBefore = db.prepare('DELETE FROM stream WHERE seq < ?');
  }

  /** The first sequence to keep at `nowMs`; null when there is nothing to delete. */
  private keepFrom(nowMs: number): { first: number; keep: number } | null {
    const { first, last } = this.bounds.get() as { first: number | null; last: number | null };
    if (first === null || last === null) return null;
    let keep = first;
    if (this.opts.maxAgeMs > 0) keep = Math.max(keep, (this.firstYoung.get(nowMs - this.opts.maxAgeMs) as number | undefined) ?? last);
    if (this.opts.maxRows > 0) keep = Math.max(keep, last - this.opts.maxRows + 1);
    keep = Math.min(keep, last);
    return keep > first ? { first, keep } : null;
  }

  /** Deletes one chunk of expired rows; returns how many went (0: nothing left to delete). */
  pruneChunk(nowMs: number): number {
    const due = this.keepFrom(nowMs);
    if (due === null) return 0;
    return this.deleteBefore.run(Math.min(due.keep, due.first + this.opts.chunkRows)).changes;
  }

  /** Deletes every expired row, a chunk per event-loop turn; returns how many went. */
  async prune(nowMs: number): Promise<number> {
    let total = 0;
    for (;;) {
      const n = this.pruneChunk(nowMs);
      total += n;
      if (n === 0) return total;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
