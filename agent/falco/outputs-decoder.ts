// A decoder specialised for Falco's outputs `response` message, the agent's hottest path over gRPC.
//
// For every well-formed message it yields what the generated protobufjs decoder yields (a
// `falco.outputs.response` with the same defaults and last-wins fields), so grpc-event.ts maps
// both alike; the generated one stays the reference in the tests. What it saves: protobufjs reads through a
// Reader object one call per varint and one C++ string call per key and value (~50 per event).
// Here the output field names, which repeat in every event in the same order, are recognised by
// their bytes and reused as the same strings (no decode, no allocation); only values are decoded.
//
// Same guarantees as proto/falco-services.ts's StrictBufferReader: a string or message that runs
// past the end fails (RangeError) instead of being shortened; invalid UTF-8 becomes U+FFFD.
import { falco } from '../../proto/gen/falco.js';

type Utf8Buffer = Buffer & { utf8Slice(start: number, end: number): string };

/** Field names longer than this are decoded each time (Falco's are 5–60 bytes). */
const MAX_INTERNED_BYTES = 96;
/** Distinct names remembered per position in the map; a rule's events use one, a few rules more. */
const NAMES_PER_SLOT = 4;
/** Positions in the map that remember names; fields beyond are decoded each time. */
const MAX_SLOTS = 128;

/** Names seen at one position of output_fields, with their bytes. */
interface NameSlot {
  readonly bytes: Buffer[];
  readonly names: string[];
  next: number;
}

export class OutputsDecoder {
  private buf: Utf8Buffer = Buffer.alloc(0) as Utf8Buffer;
  private pos = 0;
  private readonly slots: NameSlot[] = [];

  decode(input: Buffer): falco.outputs.response {
    this.buf = input as Utf8Buffer;
    this.pos = 0;
    try {
      return this.response(input.length);
    } finally {
      this.buf = EMPTY; // do not keep the last message alive
    }
  }

  private response(end: number): falco.outputs.response {
    const message = new falco.outputs.response();
    let field = 0;
    while (this.pos < end) {
      const tag = this.uint32();
      switch (tag) {
        case 0x0a: // 1 time, length-delimited
          message.time = this.timestamp(this.limit());
          break;
        case 0x10: // 2 priority, varint
          message.priority = this.uint32() | 0;
          break;
        case 0x18: // 3 source_deprecated, varint
          message.source_deprecated = this.uint32() | 0;
          break;
        case 0x22: // 4 rule
          message.rule = this.string();
          break;
        case 0x2a: // 5 output
          message.output = this.string();
          break;
        case 0x32: // 6 output_fields entry
          this.mapEntry(message, field++);
          break;
        case 0x3a: // 7 hostname
          message.hostname = this.string();
          break;
        case 0x42: // 8 tags
          message.tags.push(this.string());
          break;
        case 0x4a: // 9 source
          message.source = this.string();
          break;
        default:
          this.skipField(tag & 7);
      }
    }
    return message;
  }

  private mapEntry(message: falco.outputs.response, index: number): void {
    const end = this.limit();
    let key = '';
    let value = '';
    while (this.pos < end) {
      const tag = this.uint32();
      if (tag === 0x0a) key = this.name(index, end);
      else if (tag === 0x12) value = this.string(end);
      else this.skipField(tag & 7, end);
    }
    if (this.pos !== end) throw new RangeError('index out of range');
    if (key === '__proto__') Object.defineProperty(message.output_fields, key, { value, enumerable: true, writable: true, configurable: true });
    else message.output_fields[key] = value;
  }

  /** A field name: the string already seen with these bytes at this position, or a new one. */
  private name(index: number, end: number): string {
    const length = this.uint32(end);
    const start = this.pos;
    const stop = start + length;
    if (stop > end) throw new RangeError(`index out of range: ${start} + ${length} > ${end}`);
    this.pos = stop;
    if (length > MAX_INTERNED_BYTES || index >= MAX_SLOTS) return this.buf.utf8Slice(start, stop);
    let slot = this.slots[index];
    if (!slot) {
      slot = { bytes: [], names: [], next: 0 };
      this.slots[index] = slot;
    }
    const buf = this.buf;
    for (let i = 0; i < slot.bytes.length; i++) {
      const known = slot.bytes[i] as Buffer;
      if (known.length !== length) continue;
      let j = 0;
      while (j < length && known[j] === buf[start + j]) j++;
      if (j === length) return slot.names[i] as string;
    }
    const text = buf.utf8Slice(start, stop);
    const at = slot.next;
    slot.bytes[at] = Buffer.from(buf.subarray(start, stop));
    slot.names[at] = text;
    slot.next = (at + 1) % NAMES_PER_SLOT;
    return text;
  }

  private timestamp(end: number): { seconds: number; nanos: number } {
    // As google.protobuf.Timestamp decodes: absent fields keep their zero defaults.
    let seconds = 0;
    let nanos = 0;
    while (this.pos < end) {
      const tag = this.uint32(end);
      if (tag === 0x08) seconds = this.int64(end);
      else if (tag === 0x10) nanos = this.uint32(end) | 0;
      else this.skipField(tag & 7, end);
    }
    if (this.pos !== end) throw new RangeError('index out of range');
    return { seconds, nanos };
  }

  /** Reads a length and returns where the length-delimited value ends, checked against the message. */
  private limit(end = this.buf.length): number {
    const length = this.uint32(end);
    const stop = this.pos + length;
    if (stop > end) throw new RangeError(`index out of range: ${this.pos} + ${length} > ${end}`);
    return stop;
  }

  private string(end = this.buf.length): string {
    const stop = this.limit(end);
    const text = this.buf.utf8Slice(this.pos, stop);
    this.pos = stop;
    return text;
  }

  /** A varint's low 32 bits, unsigned, as protobufjs's Reader#uint32 (longer varints are consumed). */
  private uint32(end = this.buf.length): number {
    const buf = this.buf;
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (this.pos >= end) throw new RangeError('index out of range');
      const b = buf[this.pos++] as number;
      value = (value | ((b & 0x7f) << shift)) >>> 0;
      if (b < 0x80) return value;
    }
    // Bytes 6 to 10 of a 64-bit varint: skipped, as protobufjs does for uint32.
    for (let i = 0; i < 5; i++) {
      if (this.pos >= end) throw new RangeError('index out of range');
      if ((buf[this.pos++] as number) < 0x80) return value;
    }
    throw new Error('invalid varint encoding');
  }

  /** A signed 64-bit varint as a number (exact below 2^53), as protobufjs does without Long. */
  private int64(end: number): number {
    const buf = this.buf;
    let lo = 0;
    let hi = 0;
    let i = 0;
    for (;; i++) {
      if (i === 10) throw new Error('invalid varint encoding');
      if (this.pos >= end) throw new RangeError('index out of range');
      const b = buf[this.pos++] as number;
      if (i < 4) lo = (lo | ((b & 0x7f) << (i * 7))) >>> 0;
      else if (i === 4) {
        lo = (lo | ((b & 0x0f) << 28)) >>> 0;
        hi = (b & 0x7f) >> 4;
      } else hi = (hi | ((b & 0x7f) << (i * 7 - 32))) >>> 0;
      if (b < 0x80) break;
    }
    if (hi >>> 31) {
      // Two's complement, as LongBits#toNumber(false).
      lo = (~lo + 1) >>> 0;
      hi = ~hi >>> 0;
      if (!lo) hi = (hi + 1) >>> 0;
      return -(lo + hi * 4294967296);
    }
    return lo + hi * 4294967296;
  }

  /** Skips a field of an unknown number, as protobufjs's Reader#skipType. */
  private skipField(wireType: number, end = this.buf.length): void {
    switch (wireType) {
      case 0:
        this.uint32(end);
        return;
      case 1:
        this.advance(8, end);
        return;
      case 2:
        this.pos = this.limit(end);
        return;
      case 3:
        for (;;) {
          const tag = this.uint32(end);
          if ((tag & 7) === 4) return;
          this.skipField(tag & 7, end);
        }
      case 5:
        this.advance(4, end);
        return;
      default:
        throw new Error(`invalid wire type ${wireType} at offset ${this.pos}`);
    }
  }

  private advance(n: number, end: number): void {
    if (this.pos + n > end) throw new RangeError('index out of range');
    this.pos += n;
  }
}

const EMPTY = Buffer.alloc(0) as Utf8Buffer;
