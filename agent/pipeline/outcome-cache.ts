// The outcomes of recent events by fingerprint (response-fingerprint.ts), so that a repeat is
// replayed instead of decoded. Looked up by the fingerprint's hash, then by all its bytes (a
// native comparison). Bounded: when full, the entry stored longest ago goes; a hash
// holds at most BUCKET entries, so keys crafted to share a hash cost a few comparisons, no more.
// Keys are up to 4 KiB, so the default bound keeps this under about 16 MiB.
import type { Fingerprint } from '../falco/fingerprint-scratch.js';
import type { Outcome } from './ingest.js';
import { InsertionRing } from './insertion-ring.js';

export const DEFAULT_OUTCOME_CACHE_ENTRIES = 4096;
const BUCKET = 8;

interface Entry {
  readonly hash: number;
  readonly bytes: Buffer;
  outcome: Outcome;
  live: boolean;
}

export class OutcomeCache {
  private readonly buckets = new Map<number, Entry[]>();
  private readonly ring: InsertionRing<Entry>;
  private count = 0;

  constructor(maxEntries = DEFAULT_OUTCOME_CACHE_ENTRIES) {
    this.ring = new InsertionRing<Entry>(maxEntries);
  }

  get size(): number {
    return this.count;
  }

  get(fingerprint: Fingerprint): Outcome | undefined {
    const bucket = this.buckets.get(fingerprint.hash);
    if (!bucket) return undefined;
    for (const entry of bucket) if (entry.bytes.equals(fingerprint.bytes)) return entry.outcome;
    return undefined;
  }

  set(fingerprint: Fingerprint, outcome: Outcome): void {
    let bucket = this.buckets.get(fingerprint.hash);
    if (bucket) {
      for (const entry of bucket) {
        if (entry.bytes.equals(fingerprint.bytes)) {
          entry.outcome = outcome;
          return;
        }
      }
      if (bucket.length >= BUCKET) this.remove(bucket[0] as Entry);
    }
    // Its own memory: a pooled slice would pin a shared 8 KiB slab for as long as it is cached.
    const bytes = Buffer.allocUnsafeSlow(fingerprint.bytes.length);
    fingerprint.bytes.copy(bytes);
    const entry: Entry = { hash: fingerprint.hash, bytes, outcome, live: true };
    const old = this.ring.put(entry);
    if (old?.live) this.remove(old);
    bucket = this.buckets.get(fingerprint.hash);
    if (bucket) bucket.push(entry);
    else this.buckets.set(fingerprint.hash, [entry]);
    this.count++;
  }

  private remove(entry: Entry): void {
    entry.live = false;
    this.count--;
    const bucket = this.buckets.get(entry.hash);
    if (!bucket) return;
    const at = bucket.indexOf(entry);
    if (at >= 0) bucket.splice(at, 1);
    if (bucket.length === 0) this.buckets.delete(entry.hash);
  }
}
