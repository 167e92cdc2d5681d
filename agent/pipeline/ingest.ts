// The one path every Falco event takes, whichever input it came from: count it, handle Falco's
// internal events, normalize, attribute to a workload, hand to the output.
import type { Logger } from 'pino';
import { fieldInt, type Decoded, type EventTime } from '../falco/event.js';
import { RateLimitedLog } from '../log/rate-limited-log.js';
import type { AgentMetrics, IngestSource } from '../metrics/agent-metrics.js';
import { Attributor, type AttributorOptions } from '../model/attributor.js';
import type { Observation } from '../model/observation.js';
import type { ObservationOutput } from '../output/stdout-output.js';
import type { RepeatTarget } from '../baseline/known-set.js';
import { normalize, type NormalizeOptions, type SkipReason } from './normalize.js';

/**
 * What handling an event came to, when another event with the same fingerprint comes to the
 * same: skipped for a reason, or an observation of this type at this place in the known set.
 */
export type Outcome =
  | { readonly kind: 'skip'; readonly reason: SkipReason }
  | { readonly kind: 'observed'; readonly type: Observation['type']; readonly containerId: string; readonly target: RepeatTarget };

export type RejectReason =
  | 'malformed_json'
  | 'invalid_event'
  | 'malformed_protobuf'
  | 'too_large'
  | 'bad_encoding'
  | 'bad_method'
  | 'unauthorized';

export interface IngestSink {
  /**
   * A decoded event from an input. Returns its outcome when an event with the same fingerprint
   * may be given to replay() instead (null: it must not be; inputs without fingerprints ignore it).
   */
  event(decoded: Decoded, input: IngestSource): Outcome | null;
  /** Another event whose fingerprint had `outcome`, at `time`; false: decode it and call event(). */
  replay(outcome: Outcome, time: EventTime, input: IngestSource): boolean;
  /**
   * False when replay() can take skipped events only (the output prints every observation): an
   * input whose fingerprint costs about what a replayed skip saves need not take one.
   */
  readonly replaysObservations: boolean;
  /** A payload an input could not decode. `detail` is for the log, never echoed to metrics. */
  reject(input: IngestSource, reason: RejectReason, detail: string): void;
  readonly backlogged: boolean;
  drained(): Promise<void>;
}

export class Ingest implements IngestSink {
  private readonly attributor: Attributor;
  private readonly warnLog: RateLimitedLog;
  private readonly seenUnknownKeys = new Set<string>();

  constructor(
    private readonly opts: NormalizeOptions & { attribution: AttributorOptions },
    private readonly output: ObservationOutput,
    private readonly metrics: AgentMetrics,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.warnLog = new RateLimitedLog(log);
    this.attributor = new Attributor(opts.attribution, (lost) => {
      metrics.unattributed.inc({ why: lost.why }, lost.count);
      this.warnLog.warn(
        'unattributed',
        { containerId: lost.containerId, count: lost.count, why: lost.why },
        'Falco never resolved this container\'s metadata; its observations cannot be attributed to a workload',
      );
    });
  }

  get backlogged(): boolean {
    return this.output.backlogged;
  }

  get replaysObservations(): boolean {
    return this.output.replays;
  }

  drained(): Promise<void> {
    return this.output.drained();
  }

  reject(input: IngestSource, reason: RejectReason, detail: string): void {
    this.metrics.falcoRejected.inc({ input, reason });
    this.warnLog.warn(`reject:${input}:${reason}`, { input, reason, detail }, 'rejected a Falco payload');
  }

  event(decoded: Decoded, input: IngestSource): Outcome | null {
    const { event, warnings } = decoded;
    this.metrics.falcoEvents.inc({ input });
    for (const warning of warnings) this.metrics.falcoWarnings.inc({ input, warning });
    if (warnings.includes('unknown_priority')) {
      this.warnLog.warn('unknown_priority', { input, rule: event.rule }, 'Falco event with an unknown priority; kept with priority null');
    }
    for (const key of decoded.unknownKeys) {
      if (this.seenUnknownKeys.has(key) || this.seenUnknownKeys.size > 100) continue;
      this.seenUnknownKeys.add(key);
      this.log.info({ input, key }, 'ignoring an unknown top-level field in Falco events (logged once per field)');
    }
    // Events with something to count or log besides their outcome are never replayed.
    const replayable = warnings.length === 0 && decoded.unknownKeys.length === 0;

    const result = normalize(event, this.opts);
    if (result.kind === 'skip') {
      this.metrics.skipped.inc({ reason: result.reason });
      if (result.reason === 'internal_event') {
        this.internal(decoded);
        return null;
      }
      return replayable ? { kind: 'skip', reason: result.reason } : null;
    }
    if (result.truncated > 0) this.metrics.truncated.inc(result.truncated);
    const pendingBefore = this.attributor.pendingCount;
    const ready = this.attributor.accept(result.draft, result.attribution, this.now());
    if (this.attributor.pendingCount !== pendingBefore) this.metrics.pendingAttribution.set(this.attributor.pendingCount);
    let target: RepeatTarget | null = null;
    for (const obs of ready) target = this.emit(obs);
    // Only an event that carried its own metadata and released nothing held: the same event
    // again attributes the same way without the attributor.
    const own = replayable && result.truncated === 0 && result.attribution !== null && ready.length === 1;
    return own && target ? { kind: 'observed', type: result.draft.type, containerId: result.draft.containerId, target } : null;
  }

  replay(outcome: Outcome, time: EventTime, input: IngestSource): boolean {
    if (outcome.kind === 'skip') {
      this.metrics.falcoEvents.inc({ input });
      this.metrics.skipped.inc({ reason: outcome.reason });
      return true;
    }
    // The attributor first: drafts held for the container are released by the full path only.
    if (!this.attributor.touch(outcome.containerId)) return false;
    if (!this.output.replay(outcome.target, time)) return false;
    this.metrics.falcoEvents.inc({ input });
    this.metrics.observations.inc({ type: outcome.type });
    return true;
  }

  /** Gives up on containers whose metadata is overdue; called on a timer. */
  sweep(): void {
    this.attributor.sweep(this.now());
    this.metrics.pendingAttribution.set(this.attributor.pendingCount);
  }

  close(): void {
    this.attributor.close();
    this.metrics.pendingAttribution.set(0);
  }

  private emit(obs: Observation): RepeatTarget | null {
    this.metrics.observations.inc({ type: obs.type });
    return this.output.write(obs);
  }

  private internal({ event }: Decoded): void {
    const drops = fieldInt(event, 'n_drops');
    if (drops !== null && drops > 0) {
      this.metrics.falcoDrops.inc(drops);
      this.warnLog.warn('falco_drops', { rule: event.rule, drops, output: event.output }, 'Falco reports dropped syscall events: observations may be missing');
    } else {
      this.log.debug({ rule: event.rule, output: event.output }, 'Falco internal event');
    }
  }
}
