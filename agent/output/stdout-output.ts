// Writes each observation as one JSON line (`vigil agent --stdout`).
//
// The stream's own buffer absorbs bursts. Past `maxBufferedBytes` observations are dropped and
// counted rather than held: the HTTP input cannot push back on Falco (Falco would stall every
// output), while the gRPC input stops polling as soon as `backlogged` is true, so it never
// reaches the limit.
import { EventEmitter } from 'node:events';
import type { AgentMetrics } from '../metrics/agent-metrics.js';
import { observationToJson, type Observation } from '../model/observation.js';

export interface ObservationOutput {
  write(obs: Observation): void;
  /** True while the consumer is behind; inputs that can wait should. */
  readonly backlogged: boolean;
  /** Resolves once the output has caught up (at once when it is not behind). */
  drained(): Promise<void>;
  close(): Promise<void>;
}

export class JsonLinesOutput implements ObservationOutput {
  private readonly events = new EventEmitter();
  private waiting = false;

  constructor(
    private readonly stream: NodeJS.WritableStream & { writableLength: number; writableNeedDrain: boolean },
    private readonly metrics: AgentMetrics,
    private readonly maxBufferedBytes = 64 * 1024 * 1024,
  ) {}

  get backlogged(): boolean {
    return this.stream.writableNeedDrain;
  }

  write(obs: Observation): void {
    if (this.stream.writableLength > this.maxBufferedBytes) {
      this.metrics.outputDropped.inc({ output: 'stdout' });
      return;
    }
    const ok = this.stream.write(`${JSON.stringify(observationToJson(obs))}\n`);
    if (!ok && !this.waiting) {
      this.waiting = true;
      this.stream.once('drain', () => {
        this.waiting = false;
        this.events.emit('drain');
      });
    }
  }

  drained(): Promise<void> {
    if (!this.backlogged) return Promise.resolve();
    return new Promise((resolve) => this.events.once('drain', resolve));
  }

  async close(): Promise<void> {
    await this.drained();
  }
}
