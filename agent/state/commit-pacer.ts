// Paces the synced SQLite commits of a writer that gathers work in memory (the agent's outbox
// appends, the collector's ingest batches): at most one commit starts per `windowMs`.
//
// Why: every commit is an fsync (`synchronous = FULL`) plus the statements' fixed cost, and at
// 1,000 new deviations/s a commit on every event-loop turn meant one commit per 1–1.5 deviations,
// ≈30 % of each main thread. The first request after a quiet window is committed on the next
// turn, as before, so an isolated event waits for nothing; only while commits follow each other
// does the next one wait for the rest of its window and take everything that arrived meanwhile.
// The price is at most `windowMs` more latency under load, and for the agent, at most that much
// more of Falco's already consumed events in memory when the process dies (docs/agent.md).
export class CommitPacer {
  private timer: NodeJS.Timeout | null = null;
  private immediate: NodeJS.Immediate | null = null;
  private lastStart = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly windowMs: number,
    private readonly commit: () => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Work is waiting: commit it on the next turn, or at the end of the current window. */
  request(): void {
    if (this.timer !== null || this.immediate !== null) return;
    const wait = this.lastStart + this.windowMs - this.now();
    if (wait <= 0) this.immediate = setImmediate(this.run);
    else this.timer = setTimeout(this.run, wait);
  }

  /** Commits now (a full batch, shutdown); a commit already scheduled is dropped. */
  commitNow(): void {
    this.cancel();
    this.run();
  }

  /** Drops a scheduled commit (the owner commits or discards what was waiting itself). */
  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    if (this.immediate !== null) clearImmediate(this.immediate);
    this.timer = null;
    this.immediate = null;
  }

  private readonly run = (): void => {
    this.timer = null;
    this.immediate = null;
    this.lastStart = this.now();
    this.commit();
  };
}
