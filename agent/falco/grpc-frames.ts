// Splits a gRPC response body into its messages (the gRPC-over-HTTP/2 "Length-Prefixed-Message":
// one flag byte, a 4-byte big-endian length, the message). Pure: bytes in, callbacks out.
//
// A message longer than the limit is never buffered: its bytes are counted off as they arrive and
// the message is reported as oversize, so one huge event costs neither memory nor the messages
// behind it. A compressed message is an error, because the agent never offers a compression.

/** The stream cannot go on: the peer sent something this reader must not guess about. */
export class GrpcFrameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GrpcFrameError';
  }
}

export interface FrameHandlers {
  /** One whole message. The buffer may share memory with the chunk it came in: use it before returning. */
  message(body: Buffer): void;
  /** A message of `length` bytes was longer than the limit and was skipped. */
  oversize(length: number): void;
}

const HEADER_BYTES = 5;

/** The carry buffer's first size: most Falco events are 1–4 KiB. It grows to the largest message seen. */
const INITIAL_CARRY_BYTES = 16 * 1024;

export class GrpcFrameSplitter {
  /**
   * An unfinished header or message from earlier chunks, copied into one buffer that is reused:
   * with 16 KiB HTTP/2 frames and 2 KiB events, one message in eight straddles two chunks, and
   * joining each with Buffer.concat was a steady stream of garbage.
   */
  private carry = Buffer.allocUnsafeSlow(INITIAL_CARRY_BYTES);
  private carried = 0;
  /** Bytes of an oversize message still to be skipped. */
  private skipping = 0;

  constructor(
    private readonly maxMessageBytes: number,
    private readonly handlers: FrameHandlers,
  ) {}

  /** Whether a message is partly received (a stream that ends now ended mid-message). */
  get midMessage(): boolean {
    return this.carried > 0 || this.skipping > 0;
  }

  push(chunk: Buffer): void {
    let at = 0;
    if (this.skipping > 0) {
      const skip = Math.min(this.skipping, chunk.length);
      this.skipping -= skip;
      at = skip;
    }
    if (this.carried > 0) {
      at = this.finishCarried(chunk, at);
      if (at < 0) return;
    }
    while (chunk.length - at >= HEADER_BYTES) {
      const length = this.readHeader(chunk, at);
      if (length > this.maxMessageBytes) {
        this.handlers.oversize(length);
        const available = chunk.length - at - HEADER_BYTES;
        if (available < length) {
          this.skipping = length - available;
          return;
        }
        at += HEADER_BYTES + length;
        continue;
      }
      if (chunk.length - at - HEADER_BYTES < length) break;
      this.handlers.message(chunk.subarray(at + HEADER_BYTES, at + HEADER_BYTES + length));
      at += HEADER_BYTES + length;
    }
    if (at < chunk.length) this.keep(chunk, at, chunk.length);
  }

  /**
   * Completes the carried header and message from `chunk` (from `at`). Returns where the rest of
   * the chunk begins, or -1 when the chunk was used up.
   */
  private finishCarried(chunk: Buffer, at: number): number {
    if (this.carried < HEADER_BYTES) {
      const take = Math.min(HEADER_BYTES - this.carried, chunk.length - at);
      this.keep(chunk, at, at + take);
      at += take;
      if (this.carried < HEADER_BYTES) return -1;
    }
    const length = this.readHeader(this.carry, 0);
    if (length > this.maxMessageBytes) {
      this.handlers.oversize(length);
      // Skip what is left of it: the part carried is dropped, the rest skipped as it comes.
      const skip = Math.min(length - (this.carried - HEADER_BYTES), chunk.length - at);
      this.skipping = length - (this.carried - HEADER_BYTES) - skip;
      this.carried = 0;
      at += skip;
      return this.skipping > 0 ? -1 : at;
    }
    const take = Math.min(HEADER_BYTES + length - this.carried, chunk.length - at);
    this.keep(chunk, at, at + take);
    at += take;
    if (this.carried < HEADER_BYTES + length) return -1;
    this.carried = 0;
    this.handlers.message(this.carry.subarray(HEADER_BYTES, HEADER_BYTES + length));
    return at;
  }

  /** The message length from a header at `at`; throws on a flag this reader must not guess about. */
  private readHeader(buf: Buffer, at: number): number {
    const flag = buf[at] as number;
    if (flag !== 0) {
      throw new GrpcFrameError(flag === 1 ? 'Falco sent a compressed message, but no compression was offered' : `invalid gRPC message flag ${flag}`);
    }
    return buf.readUInt32BE(at + 1);
  }

  /** Appends chunk[from, to) to the carry buffer, growing it when needed (never past one whole message). */
  private keep(chunk: Buffer, from: number, to: number): void {
    const need = this.carried + to - from;
    if (need > this.carry.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(need, Math.min(2 * this.carry.length, HEADER_BYTES + this.maxMessageBytes)));
      this.carry.copy(grown, 0, 0, this.carried);
      this.carry = grown;
    }
    chunk.copy(this.carry, this.carried, from, to);
    this.carried = need;
  }
}

/** Frames one message for the request side. */
export function frameMessage(body: Buffer): Buffer {
  const out = Buffer.allocUnsafe(HEADER_BYTES + body.length);
  out[0] = 0;
  out.writeUInt32BE(body.length, 1);
  body.copy(out, HEADER_BYTES);
  return out;
}
