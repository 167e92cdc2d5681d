// Writes each observation as one JSON line (`vigil agent --stdout`).
//
// Lines are gathered and written once per event-loop turn: one write request per observation
// cost more than serializing it. The stream's own buffer absorbs bursts. Past
// `maxBufferedBytes` observations are dropped and counted rather than held: the HTTP input
// cannot push back on Falco (Falco would stall every output), while the gRPC input stops polling
// as soon as `backlogged` is true, so it only reaches the limit when a single poll brings more
// than the limit (Falco sends its whole queue per request).
import { EventEmitter } from 'node:events';
import type { AgentMetrics } from '../metrics/agent-metrics.js';
import { observationToJson, type Observation } from '../model/observation.js';
import type { RepeatTarget } from '../baseline/known-set.js';
import type { EventTime } from '../falco/event.js';

export interface ObservationOutput {
  /**
   * Takes one observation. Returns where it sits in the known set when a later event with the
   * same fingerprint may be given to replay() instead; null when every observation must come
   * through write() (this output prints each one).
   */
  write(obs: Observation): RepeatTarget | null;
  /** One more of an observation write() took, at `time`; false when it must come through write() again. */
  replay(target: RepeatTarget, time: EventTime): boolean;
  /** False when replay() never takes one: an input may then spare itself fingerprints that cost more than they save. */
  readonly replays: boolean;
  /** True while the consumer is behind; inputs that can wait should. */
  readonly backlogged: boolean;
  /** Resolves once the output has caught up (at once when it is not behind). */
  drained(): Promise<void>;
  close(): Promise<void>;
}

export type LineStream = NodeJS.WritableStream & { writableLength: number; writableNeedDrain: boolean };

export class JsonLinesOutput implements ObservationOutput {
  private readonly events = new EventEmitter();
  private waiting = false;
  private batch = '';
  private flushQueued = false;
  private closedBy: Error | null = null;
  /** Resolves with the error once the stream can take no more (EPIPE: the reader went away). */
  readonly closed: Promise<Error>;

  constructor(
    private readonly stream: LineStream,
    private readonly metrics: AgentMetrics,
    private readonly maxBufferedBytes = 64 * 1024 * 1024,
  ) {
    this.closed = new Promise((resolve) => {
      stream.on('error', (err: Error) => {
        if (this.closedBy) return;
        this.closedBy = err;
        this.waiting = false;
        this.events.emit('drain');
        resolve(err);
      });
    });
  }

  get backlogged(): boolean {
    return this.waiting || this.stream.writableNeedDrain;
  }

  write(obs: Observation): null {
    if (this.closedBy || this.stream.writableLength + this.batch.length > this.maxBufferedBytes) {
      this.metrics.outputDropped.inc({ output: 'stdout' });
      return null;
    }
    this.batch += `${JSON.stringify(observationToJson(obs))}\n`;
    if (!this.flushQueued) {
      this.flushQueued = true;
      setImmediate(() => this.flush());
    }
    return null;
  }

  /** Never: every observation is printed whole. */
  replay(): false {
    return false;
  }

  readonly replays = false;

  drained(): Promise<void> {
    if (!this.backlogged && this.batch === '') return Promise.resolve();
    return new Promise((resolve) => this.events.once('drain', resolve));
  }

  async close(): Promise<void> {
    this.flush();
    await this.drained();
  }

  private flush(): void {
    this.flushQueued = false;
    if (this.batch === '' || this.closedBy) return;
    const ok = this.stream.write(this.batch);
    this.batch = '';
    if (ok) {
      this.events.emit('drain');
    } else if (!this.waiting) {
      this.waiting = true;
      this.stream.once('drain', () => {
        this.waiting = false;
        this.events.emit('drain');
      });
    }
  }
}
