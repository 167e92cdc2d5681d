// Writes log lines to a file descriptor without ever waiting on it while the process runs, and
// writes what still waits when the process exits.
//
// Why not pino's own writer (sonic-boom): synchronous, it sleeps 100 ms at each refusal of a full
// pipe, and the event loop with it (30 % of a 1,000-agent disconnect in the collector-scale
// benchmark); asynchronous, a line whose write was refused when the process exits is skipped by
// its final flush, and the next one may follow half a line (pinojs/sonic-boom#101). This writer
// only makes non-blocking synchronous writes, so it always knows exactly which bytes went out:
// what the descriptor refuses waits in memory (up to a bound, then lines are dropped and
// counted) and is retried a moment later, and at exit it is written with a short deadline.
import { writeSync } from 'node:fs';

/** How soon a refused write is tried again. */
const RETRY_MS = 20;
/** Drop the written head of the queue once this many entries have gone out. */
const COMPACT_AT = 1024;

export class LogWriter {
  /** Lines waiting, oldest first, from `head` on; `offset` bytes of the first are written. */
  private queue: Buffer[] = [];
  private head = 0;
  private offset = 0;
  private waitingBytes = 0;
  private retry: NodeJS.Timeout | null = null;
  /** The descriptor failed for good (its reader is gone): lines are counted and dropped. */
  private broken = false;

  constructor(
    private readonly fd: number,
    /** Bytes that may wait; a line past this is dropped. */
    private readonly maxWaitingBytes: number,
    private readonly dropped: (lines: number) => void,
  ) {}

  /** pino's destination interface: one or more whole lines. */
  write(text: string): boolean {
    if (this.broken) {
      this.dropped(1);
      return true;
    }
    const bytes = Buffer.from(text, 'utf8');
    if (this.waitingBytes + bytes.length > this.maxWaitingBytes) {
      this.dropped(1);
      return true;
    }
    this.queue.push(bytes);
    this.waitingBytes += bytes.length;
    // While a retry is pending the descriptor is full: this line waits its turn.
    if (this.retry === null) this.drain();
    return true;
  }

  /** Lines waiting to be written. */
  get waiting(): number {
    return this.queue.length - this.head;
  }

  /**
   * Writes what waits, trying for at most `deadlineMs` while the descriptor refuses (at exit: a
   * reader that has stopped must not hold the process forever); what is left is dropped. pino
   * calls it without an argument after every `fatal` line, which here always precedes an exit.
   */
  flushSync(deadlineMs = 2_000): void {
    if (this.retry !== null) clearTimeout(this.retry);
    this.retry = null;
    const until = Date.now() + deadlineMs;
    const pause = new Int32Array(new SharedArrayBuffer(4));
    while (this.waiting > 0 && !this.broken && !this.writeSome()) {
      if (Date.now() >= until) break;
      Atomics.wait(pause, 0, 0, 10);
    }
    if (this.waiting > 0) this.dropAll();
  }

  private drain(): void {
    this.retry = null;
    if (!this.writeSome() && !this.broken) {
      this.retry = setTimeout(() => this.drain(), RETRY_MS);
      this.retry.unref();
    }
  }

  /** Writes until the queue is empty (true) or the descriptor refuses (false). */
  private writeSome(): boolean {
    while (this.head < this.queue.length) {
      const line = this.queue[this.head] as Buffer;
      let written: number;
      try {
        written = writeSync(this.fd, line, this.offset, line.length - this.offset);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EAGAIN') return false;
        // EPIPE (the reader closed) or a descriptor gone: nothing will be written any more.
        this.broken = true;
        this.dropAll();
        return false;
      }
      this.offset += written;
      this.waitingBytes -= written;
      if (this.offset < line.length) continue;
      this.offset = 0;
      this.head++;
      if (this.head >= COMPACT_AT) {
        this.queue = this.queue.slice(this.head);
        this.head = 0;
      }
    }
    this.queue = [];
    this.head = 0;
    return true;
  }

  private dropAll(): void {
    this.dropped(this.waiting);
    this.queue = [];
    this.head = 0;
    this.offset = 0;
    this.waitingBytes = 0;
  }
}
