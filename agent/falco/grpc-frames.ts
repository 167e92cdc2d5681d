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

export class GrpcFrameSplitter {
  /** Bytes of an unfinished header or message carried over from earlier chunks. */
  private carry: Buffer[] = [];
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
    let buf = chunk;
    if (this.skipping > 0) {
      const skip = Math.min(this.skipping, buf.length);
      this.skipping -= skip;
      buf = buf.subarray(skip);
    }
    if (this.carried > 0) {
      this.carry.push(buf);
      this.carried += buf.length;
      // Join only once the carried message is whole (or its header is, to learn its length).
      if (this.carried < HEADER_BYTES) return;
      if ((this.carry[0] as Buffer).length < HEADER_BYTES) {
        // Join once, so that the header can be read without joining again for every chunk.
        this.carry = [Buffer.concat(this.carry, this.carried)];
      }
      const length = (this.carry[0] as Buffer).readUInt32BE(1);
      if (length <= this.maxMessageBytes && this.carried < HEADER_BYTES + length) return;
      buf = Buffer.concat(this.carry, this.carried);
      this.carry = [];
      this.carried = 0;
    }
    let at = 0;
    while (buf.length - at >= HEADER_BYTES) {
      const flag = buf[at] as number;
      const length = buf.readUInt32BE(at + 1);
      if (flag !== 0) {
        throw new GrpcFrameError(flag === 1 ? 'Falco sent a compressed message, but no compression was offered' : `invalid gRPC message flag ${flag}`);
      }
      if (length > this.maxMessageBytes) {
        this.handlers.oversize(length);
        const available = buf.length - at - HEADER_BYTES;
        if (available < length) {
          this.skipping = length - available;
          return;
        }
        at += HEADER_BYTES + length;
        continue;
      }
      if (buf.length - at - HEADER_BYTES < length) break;
      this.handlers.message(buf.subarray(at + HEADER_BYTES, at + HEADER_BYTES + length));
      at += HEADER_BYTES + length;
    }
    if (at < buf.length) {
      this.carry = [buf.subarray(at)];
      this.carried = buf.length - at;
    }
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
