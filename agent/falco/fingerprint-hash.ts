// Where a fingerprint's bytes are gathered, and their hash: shared by the fingerprint scanners
// (json-fingerprint.ts; response-fingerprint.ts has its own copy of the loop for now). Imports
// nothing from the scanners, so that either can use it without an import cycle.
import { randomBytes } from 'node:crypto';

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

  /** Room for fingerprints of up to `maxBytes`. */
  constructor(maxBytes: number) {
    this.bytes = Buffer.allocUnsafeSlow(maxBytes + 4);
    this.words = new Int32Array(this.bytes.buffer, this.bytes.byteOffset, (maxBytes + 4) >> 2);
  }

  /**
   * A hash over the first `length` bytes, four at a time (as a string Map key, V8 hashed it a
   * byte at a time and that cost more than the rest of a repeat). Zeroes the bytes past the end
   * of the last word.
   */
  hash(length: number): number {
    this.bytes.fill(0, length, length + 4);
    const words = this.words;
    let hash = HASH_SEED ^ length;
    for (let i = 0, n = (length + 3) >> 2; i < n; i++) {
      hash = Math.imul(hash ^ (words[i] as number), 0x01000193);
      hash ^= hash >>> 15;
    }
    return hash >>> 0;
  }
}
