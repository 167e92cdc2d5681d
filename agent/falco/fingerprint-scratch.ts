// Where a fingerprint's bytes are gathered, their hash, and the fingerprint handed out: shared by
// the scanners of both encodings (response-fingerprint.ts for gRPC, json-fingerprint.ts for
// JSON). Imports nothing from them, so that either can use it without an import cycle.
import { randomBytes } from 'node:crypto';
import type { EventTime } from './event.js';

/**
 * An event without the parts that change from one event of the same thing to the next, and its
 * time. Valid until the scanner that made it runs again, which reuses the object and its bytes
 * (copy them to keep them): nothing is allocated per event, where two small objects per event
 * were a fifth of what the garbage collector had to clear.
 */
export interface Fingerprint extends EventTime {
  /** The remaining bytes. */
  readonly bytes: Buffer;
  /** A hash of all of `bytes`, for a first lookup: equal bytes have equal hashes. */
  readonly hash: number;
}

/** Longer keys are not worth keeping: such events (huge command lines) take the full path. */
export const MAX_FINGERPRINT_BYTES = 4096;

/**
 * Random per process: a process in a monitored container chooses its command line, and with a
 * known hash could aim its events at one bucket of the cache and push others out (never a wrong
 * outcome, bytes are compared, but the full path again for those).
 */
const HASH_SEED = randomBytes(4).readInt32LE(0);

/** One scanner's buffer for the remaining bytes, reused between calls. */
export class FingerprintScratch {
  /** Its own aligned memory, read as words to hash. */
  readonly bytes: Buffer;
  private readonly words: Int32Array;
  /** A view of `bytes` for each fingerprint length seen. */
  private readonly views: Array<Buffer | undefined> = [];
  private readonly result: { -readonly [K in keyof Fingerprint]: Fingerprint[K] };

  /** Room for events of up to `maxBytes`. */
  constructor(maxBytes: number) {
    this.bytes = Buffer.allocUnsafeSlow(maxBytes + 4);
    this.words = new Int32Array(this.bytes.buffer, this.bytes.byteOffset, (maxBytes + 4) >> 2);
    this.result = { bytes: this.bytes.subarray(0, 0), hash: 0, seconds: 0, nanos: 0 };
  }

  /**
   * Gathers `event` without the ranges in `cuts` ([start, end) pairs, in order; the pair at
   * index `keep`, if any, stays in) and returns the fingerprint, or null when what remains is
   * longer than MAX_FINGERPRINT_BYTES. The event is copied in at once and closed up over the
   * cuts: one native copy per range, where a view and a copy per range cost ~80 ns each.
   * `start` and `stop` delimit the event when it is part of a larger buffer (one element of a
   * batch); `cuts` are positions in `event`. The event's length must be at most the `maxBytes`
   * this scratch was made for.
   */
  gather(event: Buffer, cuts: Int32Array, count: number, keep: number, seconds: number, nanos: number, start = 0, stop = event.length): Fingerprint | null {
    const bytes = this.bytes;
    if (start === 0 && stop === event.length) bytes.set(event, 0);
    else event.copy(bytes, 0, start, stop);
    const end = stop - start;
    let out = 0;
    let from = 0;
    for (let i = 0; i <= count; i += 2) {
      if (i === keep) continue;
      const to = i < count ? (cuts[i] as number) - start : end;
      if (to > from) {
        if (from !== out) bytes.copyWithin(out, from, to);
        out += to - from;
      }
      if (i < count) from = (cuts[i + 1] as number) - start;
    }
    return out > MAX_FINGERPRINT_BYTES ? null : this.fingerprint(out, seconds, nanos);
  }

  /** The fingerprint of the first `length` bytes (at most MAX_FINGERPRINT_BYTES) at this time. */
  private fingerprint(length: number, seconds: number, nanos: number): Fingerprint {
    return this.reuse((this.views[length] ??= this.bytes.subarray(0, length)), this.hash(length), seconds, nanos);
  }

  /** A fingerprint gathered and hashed before (its `bytes` kept elsewhere), at this time. */
  reuse(bytes: Buffer, hash: number, seconds: number, nanos: number): Fingerprint {
    const result = this.result;
    result.bytes = bytes;
    result.hash = hash;
    result.seconds = seconds;
    result.nanos = nanos;
    return result;
  }

  /**
   * A hash over every byte, four at a time in four lanes that do not wait on one another (as a
   * string Map key, V8 hashed the key a byte at a time and that cost more than the rest of a
   * repeat); the bytes past the end of the last word are zeroed.
   */
  private hash(length: number): number {
    const bytes = this.bytes;
    const words = this.words;
    bytes[length] = 0;
    bytes[length + 1] = 0;
    bytes[length + 2] = 0;
    let a = HASH_SEED ^ length;
    let b = (HASH_SEED + 0x9e3779b9) | 0;
    let c = HASH_SEED ^ 0x7f4a7c15;
    let d = (HASH_SEED + 0x3c6ef372) | 0;
    const n = (length + 3) >> 2;
    let w = 0;
    for (; w + 3 < n; w += 4) {
      a = Math.imul((a + (words[w] as number)) | 0, 0x01000193);
      b = Math.imul((b + (words[w + 1] as number)) | 0, 0x01000193);
      c = Math.imul((c + (words[w + 2] as number)) | 0, 0x01000193);
      d = Math.imul((d + (words[w + 3] as number)) | 0, 0x01000193);
      a ^= a >>> 15;
      b ^= b >>> 15;
      c ^= c >>> 15;
      d ^= d >>> 15;
    }
    for (; w < n; w++) {
      a = Math.imul(a ^ (words[w] as number), 0x01000193);
      a ^= a >>> 15;
    }
    let hash = Math.imul(a ^ (b >>> 7), 0x85ebca6b);
    hash = Math.imul(hash ^ c ^ (hash >>> 13), 0xc2b2ae35);
    hash ^= d ^ (hash >>> 16);
    return hash >>> 0;
  }
}
