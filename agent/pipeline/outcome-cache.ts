// The outcomes of recent events by fingerprint (response-fingerprint.ts), so that a repeat is
// replayed instead of decoded. Bounded: when full, the entry stored longest ago goes. Keys are
// up to 4 KiB, so the default bound keeps this under about 16 MiB.
import type { Outcome } from './ingest.js';

export const DEFAULT_OUTCOME_CACHE_ENTRIES = 4096;

export class OutcomeCache {
  private readonly entries = new Map<string, Outcome>();

  constructor(private readonly maxEntries = DEFAULT_OUTCOME_CACHE_ENTRIES) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): Outcome | undefined {
    return this.entries.get(key);
  }

  set(key: string, outcome: Outcome): void {
    if (this.entries.size >= this.maxEntries && !this.entries.has(key)) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, outcome);
  }
}
