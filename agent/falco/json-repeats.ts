// Replays repeated JSON events (an HTTP body, a JSON line) for one input, as response-handler.ts
// does for gRPC: the outcome of an earlier event with the same fingerprint (json-fingerprint.ts),
// when the pipeline allows it, instead of parsing and decoding. Outcomes are kept with the
// events' templates (json-templates.ts): a repeat is matched against its template, which holds
// its outcome, so no other lookup is needed. An event that was scanned, not matched, has no
// remembered fingerprint: the match finds every one it can have, except past the walk's depth
// limit, for the connects that get no template, and for one whose left-out value a node above
// places elsewhere (odd whitespace, json-templates.ts): those are decoded each time. The fingerprint's
// bytes live in a buffer the next fingerprint overwrites: callers run everything from lookUp()
// to remember() synchronously, and nothing in between takes another JSON fingerprint.
import type { IngestSink, Outcome } from '../pipeline/ingest.js';
import type { IngestSource } from '../metrics/agent-metrics.js';
import { MAX_JSON_BODY_BYTES, eachArrayElement, fingerprintJsonEvent, lastShape, matchedTemplate, type ArrayScan, type ElementVisitor } from './json-fingerprint.js';
import type { Fingerprint } from './fingerprint-scratch.js';
import { JsonTemplates } from './json-templates.js';

/** lookUp() handed the event to the pipeline as a repeat: nothing more to do with it. */
export const REPLAYED = 'replayed';

export class JsonRepeats {
  private readonly templates = new JsonTemplates();

  constructor(
    private readonly sink: IngestSink,
    private readonly input: IngestSource,
  ) {}

  /**
   * REPLAYED, or else the body's fingerprint (null: it has none) to give to remember() with the
   * outcome of decoding it in full.
   */
  lookUp(body: Buffer): Fingerprint | typeof REPLAYED | null {
    // Under --stdout only skipped events could be replayed: not worth a scan of every body.
    if (!this.sink.replaysObservations) return null;
    const fingerprint = fingerprintJsonEvent(body, this.templates);
    return fingerprint !== null && this.replayed(fingerprint) ? REPLAYED : fingerprint;
  }

  /**
   * The elements of a JSON array body, each with its fingerprint (see eachArrayElement()); under
   * --stdout only delimited.
   */
  eachElement(body: Buffer, visit: ElementVisitor): ArrayScan {
    const replays = this.sink.replaysObservations;
    return eachArrayElement(body, visit, replays, replays ? this.templates : null);
  }

  /**
   * Whether the event with this fingerprint (taken by the caller: an element of a batch) was
   * handed to the pipeline as a repeat; if not, give the fingerprint to remember().
   */
  replayed(fingerprint: Fingerprint | null): boolean {
    if (fingerprint === null || !this.sink.replaysObservations) return false;
    const template = matchedTemplate();
    return template !== null && this.sink.replay(template.outcome, fingerprint, this.input);
  }

  /** lookUp() for a JSON line: not encoded when it is too long to have a fingerprint. */
  lookUpText(text: string): Fingerprint | typeof REPLAYED | null {
    // A string's length in UTF-16 units is at most its length in UTF-8 bytes.
    if (!this.sink.replaysObservations || text.length > MAX_JSON_BODY_BYTES) return null;
    return this.lookUp(Buffer.from(text, 'utf8'));
  }

  /** Keeps the outcome of the event with this fingerprint, the last one taken (see lastShape()). */
  remember(fingerprint: Fingerprint | null, outcome: Outcome | null): void {
    if (!fingerprint || !outcome || !this.sink.replaysObservations) return;
    const template = matchedTemplate();
    if (template !== null) {
      // Matched, but its outcome no longer held (a mode or identity changed): decoded again.
      template.outcome = outcome;
      return;
    }
    // Held but not matched (pushed past the walk's depth limit): no new shape to make.
    if (this.templates.update(fingerprint.bytes, outcome)) return;
    const shape = lastShape();
    if (shape !== null) this.templates.add(fingerprint, shape, outcome);
  }
}
