// Logs a repeated problem (a flood of malformed Falco events, say) without flooding the log:
// the first few occurrences per key in each interval are logged in full, the rest are counted
// and reported in one line when the interval turns over.
import type { Logger } from 'pino';

interface Window {
  startMs: number;
  logged: number;
  suppressed: number;
}

export class RateLimitedLog {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly log: Logger,
    private readonly perInterval = 5,
    private readonly intervalMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  warn(key: string, fields: Record<string, unknown>, message: string): void {
    const now = this.now();
    let w = this.windows.get(key);
    if (!w || now - w.startMs >= this.intervalMs) {
      if (w && w.suppressed > 0) {
        this.log.warn({ key, suppressed: w.suppressed }, `${w.suppressed} more "${key}" warnings were suppressed`);
      }
      w = { startMs: now, logged: 0, suppressed: 0 };
      this.windows.set(key, w);
    }
    if (w.logged < this.perInterval) {
      w.logged++;
      this.log.warn({ key, ...fields }, message);
    } else {
      w.suppressed++;
    }
  }
}
