// The fingerprint of one Falco event as JSON (http_output, a Falcosidekick webhook, a JSON line):
// its bytes without the values that change from one event of the same thing to the next, as
// response-fingerprint.ts does for the gRPC encoding. Two bodies with the same fingerprint decode
// to events that differ only in those values, which neither the decision nor the item key reads,
// so what the agent made of the first holds for the second (json-repeats.ts).
//
// Left out (the value only: the key stays, so which value was cut is part of the bytes): the
// top-level `time` (returned separately), `output` (the formatted text, which embeds the pid and
// the time) and Falcosidekick's `uuid`; inside the top-level `output_fields`, proc.pid,
// proc.ppid, proc.vpid, evt.time, evt.rawtime, evt.time.iso8601, and fd.lport when evt.type is
// "connect" (an outbound connection's ephemeral port; an inbound one's is its listening port).
// Every other byte of the event counts, whitespace, key order and escapes included; whitespace
// around it does not, so an event has the same fingerprint alone in a body and as an element of
// a JSON array body (eachArrayElement(), for forwarders that post batches).
//
// The scan is a strict JSON validator: whatever it fingerprints, JSON.parse accepts. Anything
// that would make the cut values matter or the parse differ from what the bytes say gets no
// fingerprint and takes the full path: a top-level value that is not an object, a key with an
// escape (it could spell a special name), a special key twice at its level (the last one wins
// in JSON.parse), a left-out value the decoder would reject or warn about, or that is not a
// plain ASCII scalar (the output text, never read past the decoder, may be any string), a
// missing or invalid `time` (the decoder would then read evt.time, which is left out), nesting
// deeper than MAX_DEPTH, a body over MAX_JSON_BODY_BYTES.
//
// Given the templates of events remembered (json-templates.ts), an event is first matched
// against them (matchTemplate()): only its left-out values are read, the rest is compared with
// the one template it can be. A match gives the fingerprint the scan would give; anything else
// is scanned.
import { parseEventTimeNs } from './json-event.js';
import { FingerprintScratch, MAX_FINGERPRINT_BYTES, type Fingerprint } from './fingerprint-scratch.js';
import { MAX_WALK, type JsonShape, type JsonTemplate, type JsonTemplates, type TemplateNode } from './json-templates.js';

/** Longer bodies are not scanned: their key would be over MAX_FINGERPRINT_BYTES or near it. */
export const MAX_JSON_BODY_BYTES = 2 * MAX_FINGERPRINT_BYTES;
/** Falco's events nest three deep (the event, output_fields, a list value). */
const MAX_DEPTH = 16;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/** What the scan does with the value of a key at the level where the name is special. */
const enum Role {
  None,
  /** top level: cut, parsed as the event time */
  Time,
  /** top level: cut; any valid string or null */
  Output,
  /** cut; a plain ASCII scalar */
  Volatile,
  /** top level: the object whose members have the roles below */
  Fields,
  /** output_fields: cut when evt.type is "connect" */
  LocalPort,
  /** output_fields: kept; "connect" or not */
  EventType,
}

interface Special {
  readonly name: Buffer;
  readonly role: Role;
  /** This name's bit in the set of names seen at its level. */
  readonly bit: number;
}

/** Special names by their length (most names have a length no special name has). */
function byLength(names: ReadonlyArray<readonly [string, Role]>): Array<Special[] | undefined> {
  const table: Array<Special[] | undefined> = [];
  names.forEach(([name, role], i) => (table[name.length] ??= []).push({ name: Buffer.from(name), role, bit: 1 << i }));
  return table;
}

const TOP = byLength([
  ['time', Role.Time],
  ['output', Role.Output],
  ['uuid', Role.Volatile],
  ['output_fields', Role.Fields],
]);
const FIELDS = byLength([
  ['proc.pid', Role.Volatile],
  ['proc.ppid', Role.Volatile],
  ['proc.vpid', Role.Volatile],
  ['evt.time', Role.Volatile],
  ['evt.rawtime', Role.Volatile],
  ['evt.time.iso8601', Role.Volatile],
  ['fd.lport', Role.LocalPort],
  ['evt.type', Role.EventType],
]);
const CONNECT = Buffer.from('"connect"');

/** Ranges left out of the current body, [start, end) pairs; reused between calls. */
const cut = new Int32Array(32);
/** The Role of each range in `cut`, at the index of its start. */
const cutRole = new Uint8Array(32);
const scratch = new FingerprintScratch(MAX_JSON_BODY_BYTES);

// The scan's state: one body at a time, synchronously.
const EMPTY = Buffer.alloc(0);
const NO_WORDS = new Int32Array(0);
let buf: Buffer = EMPTY;
let end = 0;
/**
 * `buf` as 32-bit words, so that string() takes four bytes at a time: a view of the body when
 * it starts on a 4-byte boundary, of `aligned` when a short body was copied there, else empty.
 * Words at indexes below `wordEnd` (a byte position) lie wholly within the body.
 */
let words: Int32Array = NO_WORDS;
let wordEnd = 0;
/** Where an unaligned one-event body is copied (a copy costs less than the scan it speeds up). */
const aligned = Buffer.allocUnsafeSlow(MAX_JSON_BODY_BYTES + 8);
const alignedWords = new Int32Array(aligned.buffer, aligned.byteOffset, aligned.length >> 2);
let cuts = 0;
/** The event's time from its `time` value; `timed` false until one was read. */
let timed = false;
let seconds = 0;
let nanos = 0;
/** Index in `cut` of fd.lport's range, or -1. */
let localPort = -1;
let connect = false;
/** Whether evt.type was read yet / before fd.lport. */
let typed = false;
let portBeforeType = false;
/** Where the event last fingerprinted starts, and the template it matched (null: it was scanned). */
let eventStart = 0;
let matched: JsonTemplate | null = null;
/** Set by string(): whether the string just scanned had an escape / a byte outside printable ASCII. */
let escaped = false;
let unusual = false;

/**
 * The fingerprint of a body that is one event, or null. With `known`, an event that has one of
 * its templates' fingerprints is matched against it instead of scanned (the same fingerprint).
 */
export function fingerprintJsonEvent(body: Buffer, known: JsonTemplates | null = null): Fingerprint | null {
  if (body.length > MAX_JSON_BODY_BYTES) return null;
  if ((body.byteOffset & 3) === 0) begin(body);
  else {
    // A slice of a socket read: scanned in an aligned copy. The fingerprint is of the body.
    body.copy(aligned, 0);
    buf = aligned.subarray(0, body.length);
    end = body.length;
    words = alignedWords;
    wordEnd = end & ~3;
  }
  try {
    const pos = space(0);
    let stop = known === null ? -1 : matchTemplate(known, pos);
    let fingerprint = stop >= 0 && space(stop) === end ? matchedFingerprint() : null;
    if (fingerprint === null) {
      stop = scanEvent(pos);
      fingerprint = stop >= 0 && space(stop) === end ? gather(pos, stop) : null;
    }
    return fingerprint;
  } finally {
    finish();
  }
}

/** Makes `body` the one being scanned. */
function begin(body: Buffer): void {
  buf = body;
  end = body.length;
  words = (body.byteOffset & 3) === 0 && end >= 4 ? new Int32Array(body.buffer, body.byteOffset, end >> 2) : NO_WORDS;
  wordEnd = words.length << 2;
}

/** The body is not kept alive until the next call. */
function finish(): void {
  buf = EMPTY;
  words = NO_WORDS;
  wordEnd = 0;
}

/** Called for each element of a JSON array body, in order; see eachArrayElement(). False: stop. */
export type ElementVisitor = (start: number, stop: number, fingerprint: Fingerprint | null) => boolean;

export interface ArrayScan {
  /** Elements handed to the visitor. */
  readonly visited: number;
  /**
   * Whether the body is a JSON array that the scan followed to its end (every element was
   * visited). When false the body is something else, is malformed, or holds an element the
   * scan cannot delimit (a key with an escape, deep nesting): the elements after the first
   * `visited` are for a full parse to find, or to reject.
   */
  readonly complete: boolean;
  /** The visitor stopped the scan. */
  readonly stopped: boolean;
}

/**
 * The elements of a body that is a JSON array of events (what batching forwarders post), in
 * order: `visit` gets each element's bytes [start, stop) and its fingerprint (null: it has
 * none; parse the element in full). The fingerprint is valid until visit() returns, and visit()
 * must not take JSON fingerprints itself. The body may be longer than one event may be.
 * With `fingerprints` false every fingerprint is null: the elements are only delimited. With
 * `known`, elements are matched against its templates first, as in fingerprintJsonEvent().
 */
export function eachArrayElement(body: Buffer, visit: ElementVisitor, fingerprints = true, known: JsonTemplates | null = null): ArrayScan {
  begin(body);
  const bodyWords = words;
  let visited = 0;
  let complete = false;
  let stopped = false;
  try {
    let pos = space(0);
    if (buf[pos] !== OPEN_ARRAY) return { visited, complete, stopped };
    pos = space(pos + 1);
    if (buf[pos] === CLOSE_ARRAY) return { visited, complete: space(pos + 1) === end, stopped };
    for (;;) {
      const start = pos;
      let stop = fingerprints && known !== null ? matchTemplate(known, start) : -1;
      let fingerprint = stop >= 0 ? matchedFingerprint() : null;
      if (fingerprint === null) {
        stop = scanEvent(start);
        fingerprint = fingerprints && stop >= 0 && stop - start <= MAX_JSON_BODY_BYTES ? gather(start, stop) : null;
      }
      // Not an event the fingerprint takes: the plain validator finds where it ends.
      if (stop < 0) stop = value(start, 1);
      if (stop < 0) break;
      visited++;
      if (!visit(start, stop, fingerprint)) {
        stopped = true;
        break;
      }
      buf = body;
      end = body.length;
      words = bodyWords;
      wordEnd = words.length << 2;
      pos = space(stop);
      const b = buf[pos];
      if (b === CLOSE_ARRAY) {
        complete = space(pos + 1) === end;
        break;
      }
      if (b !== COMMA) break;
      pos = space(pos + 1);
    }
    return { visited, complete, stopped };
  } finally {
    finish();
  }
}

/** Scans the event (an object) at `pos`; returns the position after it, or -1. */
function scanEvent(pos: number): number {
  cuts = 0;
  timed = false;
  localPort = -1;
  connect = false;
  typed = false;
  portBeforeType = false;
  eventStart = pos;
  matched = null;
  return buf[pos] === OPEN_OBJECT ? object(pos, 1, TOP) : -1;
}

/** The fingerprint of the event just scanned by scanEvent(), at [start, stop) of the body; null without a time. */
function gather(start: number, stop: number): Fingerprint | null {
  return timed ? scratch.gather(buf, cut, cuts, connect ? -1 : localPort, seconds, nanos, start, stop) : null;
}

/**
 * The end of the event at `start` when it has the fingerprint of one of `known`'s templates,
 * else -1: its bytes are the template's but for the values left out, and each of those reads
 * as the scan would take it, so the scan would give it that fingerprint. The template is then
 * `matched`. A JSON text with a valid value in place of another is as valid, and parses the
 * same but for that value, so the template's scan holds for the event. A third to a quarter of
 * a scan's cost: the kept bytes are compared natively, only the left-out values are read here.
 */
function matchTemplate(known: JsonTemplates, start: number): number {
  let node: TemplateNode | null = known.root;
  if (node === null) return -1;
  cuts = 0;
  timed = false;
  eventStart = start;
  matched = null;
  const body = buf;
  const bodyEnd = end;
  // The body position of the fingerprint's byte k is k + shift past the values read so far.
  let shift = start;
  let depth = 0;
  while (node.template === null) {
    if (++depth > MAX_WALK) return -1;
    const byte: number = node.byte;
    const ref = node.ref;
    while (cuts >> 1 < ref.at.length && (ref.at[cuts >> 1] as number) <= byte) {
      shift = leftOut(ref, shift);
      if (shift < 0) return -1;
    }
    const i = byte + shift;
    const b = i < bodyEnd ? (body[i] as number) : 0;
    node = (b & node.mask) !== 0 ? node.right : node.left;
    if (node === null) return -1;
  }
  const template = node.template;
  while (cuts >> 1 < template.at.length) {
    shift = leftOut(template, shift);
    if (shift < 0) return -1;
  }
  const bytes = template.bytes;
  const stop = bytes.length + shift;
  if (!timed || stop > bodyEnd || stop - start > MAX_JSON_BODY_BYTES || cuts !== template.at.length << 1) return -1;
  // Every value read, some by the shape of a node above (see json-templates.ts: whitespace can put
  // it elsewhere), must be where and as this template has it. Then the kept stretches lie end to
  // end between the values: the event is the template's bytes with other values, none skipped.
  const at = template.at;
  const roles = template.roles;
  let from = 0;
  let pos = start;
  for (let c = 0; c < cuts; c += 2) {
    const to = at[c >> 1] as number;
    if (cut[c] !== pos + to - from || cutRole[c] !== roles[c >> 1] || !kept(pos, template, from, to)) return -1;
    pos = cut[c + 1] as number;
    from = to;
  }
  if (!kept(pos, template, from, bytes.length)) return -1;
  matched = template;
  return stop;
}

/**
 * Whether the body holds the template's bytes [from, to) at `at`. Buffer.compare costs 150–200 ns
 * a call here, whatever the length: a few bytes are compared in JavaScript. (A word-at-a-time
 * loop in JavaScript was slower than the native call for the long stretches.)
 */
function kept(at: number, template: JsonTemplate, from: number, to: number): boolean {
  const bytes = template.bytes;
  if (to - from > 16) return buf.compare(bytes, from, to, at, at + to - from) === 0;
  const body = buf;
  while (from < to) if (body[at++] !== bytes[from++]) return false;
  return true;
}

/** Reads the next value left out of `shape` (its body position is given by `shift`); the shift past it, or -1. */
function leftOut(shape: JsonShape, shift: number): number {
  const n = cuts >> 1;
  const pos = (shape.at[n] as number) + shift;
  const role = shape.roles[n] as Role;
  const after = cutValue(pos, role);
  if (after < 0 || cuts === cut.length) return -1;
  cutRole[cuts] = role;
  cut[cuts++] = pos;
  cut[cuts++] = after;
  return shift + after - pos;
}

function matchedFingerprint(): Fingerprint {
  const template = matched as JsonTemplate;
  return scratch.reuse(template.bytes, template.hash, seconds, nanos);
}

/** The template the last fingerprint this module gave was matched against (null: it was scanned); valid until the next one. */
export function matchedTemplate(): JsonTemplate | null {
  return matched;
}

/**
 * Where the values were left out of the last fingerprint this module gave (fingerprint
 * positions), for JsonTemplates.add(); valid until the next one. Null when no template can
 * match it: an fd.lport left out because of an evt.type after it, which a walk that reads the
 * event in order would learn too late.
 */
export function lastShape(): JsonShape | null {
  if (matched !== null) return matched;
  if (connect && localPort >= 0 && portBeforeType) return null;
  const keep = connect ? -1 : localPort;
  const n = (cuts >> 1) - (keep >= 0 ? 1 : 0);
  const at = new Int32Array(n);
  const roles = new Uint8Array(n);
  let removed = 0;
  let j = 0;
  for (let i = 0; i < cuts; i += 2) {
    if (i === keep) continue;
    at[j] = (cut[i] as number) - eventStart - removed;
    roles[j++] = cutRole[i] as number;
    removed += (cut[i + 1] as number) - (cut[i] as number);
  }
  return { at, roles };
}

function space(pos: number): number {
  const body = buf;
  for (;;) {
    const b = body[pos];
    if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09) return pos;
    pos++;
  }
}

/**
 * The object opening at `pos`; returns the position after it, or -1. `names` are the special
 * names at this level (the top level or output_fields), null inside any other value.
 */
function object(pos: number, depth: number, names: Array<Special[] | undefined> | null): number {
  if (depth > MAX_DEPTH) return -1;
  let seen = 0;
  pos = space(pos + 1);
  if (buf[pos] === CLOSE_OBJECT) return pos + 1;
  for (;;) {
    if (buf[pos] !== QUOTE) return -1;
    const keyStart = pos + 1;
    pos = string(pos);
    if (pos < 0 || escaped) return -1;
    let role = Role.None;
    if (names !== null) {
      const special = lookUp(names, keyStart, pos - 1 - keyStart);
      if (special !== null) {
        if ((seen & special.bit) !== 0) return -1;
        seen |= special.bit;
        role = special.role;
      }
    }
    pos = space(pos);
    if (buf[pos] !== COLON) return -1;
    pos = space(pos + 1);
    pos = role === Role.None ? value(pos, depth) : special(pos, depth, role);
    if (pos < 0) return -1;
    pos = space(pos);
    const b = buf[pos];
    if (b === CLOSE_OBJECT) return pos + 1;
    if (b !== COMMA) return -1;
    pos = space(pos + 1);
  }
}

/** The value of a special key at `pos`: checked for what its role allows, cut or kept. */
function special(pos: number, depth: number, role: Role): number {
  const start = pos;
  if (role === Role.Fields) {
    // Anything but an object is kept whole (the decoder rejects it).
    return buf[pos] === OPEN_OBJECT ? object(pos, depth + 1, FIELDS) : value(pos, depth);
  }
  if (role === Role.EventType) {
    pos = value(pos, depth);
    if (pos >= 0) connect = pos - start === CONNECT.length && same(start, CONNECT);
    typed = true;
    return pos;
  }
  pos = cutValue(pos, role);
  if (pos < 0 || cuts === cut.length) return -1;
  if (role === Role.LocalPort) {
    localPort = cuts;
    portBeforeType = !typed;
  }
  cutRole[cuts] = role;
  cut[cuts++] = start;
  cut[cuts++] = pos;
  return pos;
}

/** The end of a value to leave out, of this role, at `pos`; -1 when the decoder would reject it or warn. */
function cutValue(pos: number, role: Role): number {
  if (role === Role.Time) {
    if (buf[pos] !== QUOTE) return -1;
    const after = string(pos);
    return after < 0 || escaped || unusual || !readTime(pos + 1, after - 1) ? -1 : after;
  }
  // The decoder takes any string or null here and nothing reads it past the decoder.
  if (role === Role.Output) return buf[pos] === QUOTE ? string(pos) : literal(pos, NULL);
  return plainScalar(pos);
}

/** The second of the last Falco-shaped time read, as its 19 bytes (yyyy-mm-ddThh:mm:ss). */
const lastSecond = Buffer.alloc(19);
let lastSeconds = -1;

/**
 * Reads the time string in [from, to) into `seconds` and `nanos` as the decoder would; false
 * when the decoder would not take it. Falco's shape (nine fractional digits, Z) is read with
 * its second reused from the last event: events come in time order, many per second, and the
 * general parser (a regular expression, Date.parse, bigints) cost more than the rest of a repeat.
 */
function readTime(from: number, to: number): boolean {
  if (lastSeconds >= 0 && to - from === 30 && buf[from + 19] === DOT && buf[to - 1] === 0x5a && buf.compare(lastSecond, 0, 19, from, from + 19) === 0) {
    let n = 0;
    for (let i = from + 20; i < to - 1; i++) {
      const d = (buf[i] as number) - ZERO;
      if (d < 0 || d > 9) return generalTime(from, to);
      n = n * 10 + d;
    }
    seconds = lastSeconds;
    nanos = n;
    timed = true;
    return true;
  }
  return generalTime(from, to);
}

function generalTime(from: number, to: number): boolean {
  const ns = parseEventTimeNs(buf.toString('latin1', from, to));
  if (ns === null) return false;
  seconds = Number(ns / 1_000_000_000n);
  nanos = Number(ns % 1_000_000_000n);
  timed = true;
  // Only a Falco-shaped time after 1970 is reused: before it, the division above rounds the
  // second toward zero and the nanoseconds are negative.
  if (to - from === 30 && buf[from + 19] === DOT && buf[to - 1] === 0x5a && ns >= 0n) {
    buf.copy(lastSecond, 0, from, from + 19);
    lastSeconds = seconds;
  }
  return true;
}

/** Any JSON value at `pos`; returns the position after it, or -1. */
function value(pos: number, depth: number): number {
  const b = buf[pos];
  if (b === QUOTE) return string(pos);
  if (b === OPEN_OBJECT) return object(pos, depth + 1, null);
  if (b === OPEN_ARRAY) return array(pos, depth + 1);
  return scalar(pos);
}

function array(pos: number, depth: number): number {
  if (depth > MAX_DEPTH) return -1;
  pos = space(pos + 1);
  if (buf[pos] === CLOSE_ARRAY) return pos + 1;
  for (;;) {
    pos = value(pos, depth);
    if (pos < 0) return -1;
    pos = space(pos);
    const b = buf[pos];
    if (b === CLOSE_ARRAY) return pos + 1;
    if (b !== COMMA) return -1;
    pos = space(pos + 1);
  }
}

/** A string, number, true, false or null whose bytes are printable ASCII without escapes. */
function plainScalar(pos: number): number {
  if (buf[pos] !== QUOTE) return scalar(pos);
  pos = string(pos);
  return pos < 0 || escaped || unusual ? -1 : pos;
}

/** A number, true, false or null. */
function scalar(pos: number): number {
  const b = buf[pos];
  if (b === 0x74) return literal(pos, TRUE);
  if (b === 0x66) return literal(pos, FALSE);
  if (b === 0x6e) return literal(pos, NULL);
  return number(pos);
}

const TRUE = Buffer.from('true');
const FALSE = Buffer.from('false');
const NULL = Buffer.from('null');

function literal(pos: number, text: Buffer): number {
  return same(pos, text) ? pos + text.length : -1;
}

/** Whether the body holds `expected` at `pos`. A byte loop: for these few bytes Buffer.compare's native call cost more. */
function same(pos: number, expected: Buffer): boolean {
  for (let i = 0; i < expected.length; i++) if (buf[pos + i] !== expected[i]) return false;
  return true;
}

/** JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
function number(pos: number): number {
  if (buf[pos] === MINUS) pos++;
  if (buf[pos] === ZERO) pos++;
  else if (isDigit(buf[pos])) pos = digits(pos);
  else return -1;
  if (buf[pos] === DOT) {
    if (!isDigit(buf[pos + 1])) return -1;
    pos = digits(pos + 1);
  }
  const e = buf[pos];
  if (e === 0x65 || e === 0x45) {
    pos++;
    if (buf[pos] === PLUS || buf[pos] === MINUS) pos++;
    if (!isDigit(buf[pos])) return -1;
    pos = digits(pos);
  }
  return pos;
}

function digits(pos: number): number {
  while (isDigit(buf[pos])) pos++;
  return pos;
}

function isDigit(b: number | undefined): boolean {
  return b !== undefined && b >= ZERO && b <= NINE;
}

/**
 * The string opening at `pos`; returns the position after its closing quote, or -1 for a
 * control character or an invalid escape (JSON.parse rejects both). Bytes from 0x80 up are
 * taken as they come: the agent decodes the body as UTF-8 with replacement characters, and an
 * ASCII byte is never part of a multi-byte sequence, so the structure seen here is JSON.parse's.
 */
function string(pos: number): number {
  escaped = false;
  unusual = false;
  // Locals: V8 keeps them in registers, not the module's variables (twice as fast here).
  const body = buf;
  const stop = end;
  const kinds = STRING_BYTE;
  const w32 = words;
  const wordStop = wordEnd;
  pos++;
  for (;;) {
    if ((pos & 3) === 0) {
      // Four bytes at a time while none of them is a quote, a backslash, a control character or
      // from 0x7f up. Each test below flags every lane that holds such a byte; it may also flag
      // another lane of the same word, which the byte loop then reads. About twice as fast as
      // the table on this machine.
      while (pos < wordStop) {
        const w = w32[pos >> 2] as number;
        const q = w ^ 0x22222222;
        const b = w ^ 0x5c5c5c5c;
        if (((((q - 0x01010101) & ~q) | ((b - 0x01010101) & ~b) | ((w - 0x20202020) & ~w) | w | (w + 0x01010101)) & 0x80808080) !== 0) break;
        pos += 4;
      }
    }
    if (pos >= stop) return -1;
    // One table look-up for the bytes most strings are made of.
    const kind = kinds[body[pos++] as number] as number;
    if (kind === PLAIN) continue;
    if (kind === END) return pos;
    if (kind === CONTROL) return -1;
    if (kind === HIGH) unusual = true;
    else {
      escaped = true;
      const e = body[pos++];
      if (e === 0x75) {
        // \uXXXX
        for (let i = 0; i < 4; i++) if (!isHex(body[pos++])) return -1;
      } else if (!(e === QUOTE || e === BACKSLASH || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74)) {
        return -1;
      }
    }
  }
}

const PLAIN = 0;
const END = 1;
const CONTROL = 2;
const HIGH = 3;
const ESCAPE = 4;
/** What each byte is inside a string. */
const STRING_BYTE = new Uint8Array(256).map((_, b) => (b === QUOTE ? END : b === BACKSLASH ? ESCAPE : b < 0x20 ? CONTROL : b >= 0x7f ? HIGH : PLAIN));

function isHex(b: number | undefined): boolean {
  return b !== undefined && ((b >= ZERO && b <= NINE) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66));
}

function lookUp(table: Array<Special[] | undefined>, start: number, length: number): Special | null {
  const candidates = table[length];
  if (candidates === undefined) return null;
  for (const c of candidates) if (same(start, c.name)) return c;
  return null;
}
