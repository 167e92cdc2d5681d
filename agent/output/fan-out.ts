// Sends each observation to several outputs (stdout and the collector reporter). No replays:
// stdout needs every observation whole.
import type { Observation } from '../model/observation.js';
import type { ObservationOutput } from './stdout-output.js';

export class FanOutput implements ObservationOutput {
  constructor(private readonly outputs: readonly ObservationOutput[]) {}

  get backlogged(): boolean {
    return this.outputs.some((o) => o.backlogged);
  }

  write(obs: Observation): null {
    for (const o of this.outputs) o.write(obs);
    return null;
  }

  replay(): false {
    return false;
  }

  readonly replays = false;

  async drained(): Promise<void> {
    await Promise.all(this.outputs.map((o) => o.drained()));
  }

  async close(): Promise<void> {
    await Promise.all(this.outputs.map((o) => o.close()));
  }
}
