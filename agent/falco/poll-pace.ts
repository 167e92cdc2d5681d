// How long the gRPC source waits before its next empty `request` to Falco's `sub` stream.
//
// Falco sends queued events only in answer to a request, so the wait between requests is the
// floor of the agent's latency. A fixed interval is either slow (100 ms: an event waits 50 ms on
// average) or busy when idle. The pace adapts instead: right after a response the next request
// goes out after `minMs`, and every request that brought nothing doubles the wait, up to
// `idleMs`. At 1,000 events/s the agent asks about every millisecond; an idle node costs what the
// fixed interval cost. Back-pressure is unchanged: the source does not ask while its output is
// behind, so Falco keeps the events in its own queue.
export class PollPace {
  private delayMs: number;
  private answered = false;

  constructor(
    private readonly minMs: number,
    private readonly idleMs: number,
  ) {
    this.delayMs = Math.min(minMs, idleMs);
  }

  /** A response arrived since the last request. */
  responded(): void {
    this.answered = true;
  }

  /** A request was just written: how long to wait before the next one. */
  next(): number {
    this.delayMs = this.answered ? Math.min(this.minMs, this.idleMs) : Math.min(this.delayMs * 2, this.idleMs);
    this.answered = false;
    return this.delayMs;
  }
}
