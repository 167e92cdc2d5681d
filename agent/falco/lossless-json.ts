// JSON.parse with integers beyond 2^53 kept exact as bigint.
//
// Falco's JSON output writes evt.time and evt.time.iso8601 as bare integers of nanoseconds
// (19 digits), which JSON.parse would round. Node 20 lacks the reviver `context.source` that
// would solve this natively.
//
// The text is parsed once by JSON.parse as it is, then one scan of the text finds the integer
// literals of 16 digits or more outside strings, with the path of keys and indexes that leads to
// each, and the rounded number at that path is replaced by the exact value. The scan jumps over
// strings with indexOf (strings are most of a Falco event's bytes), so it costs a fraction of
// the parse, and nothing else is rewritten or walked. (The first version rewrote big literals
// into marker strings, parsed that and walked the whole result: about twice JSON.parse alone.)

const QUOTE = 34; // "
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const MINUS = 45;
const ZERO = 48;
const NINE = 57;
const OPEN_OBJECT = 123; // {
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91; // [
const CLOSE_ARRAY = 93;

/** Shortest literal that can exceed Number.MAX_SAFE_INTEGER (16 digits). */
const MIN_BIG_DIGITS = 16;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);

export function parseLosslessJson(text: string): unknown {
  // Throws for malformed text; from here on the scan may rely on the text being valid JSON.
  const parsed: unknown = JSON.parse(text);
  return restoreBigIntegers(text, parsed);
}

/** One open object or array during the scan. */
interface Frame {
  readonly array: boolean;
  /** Objects: where the current key's JSON string starts and ends (quotes included). */
  keyStart: number;
  keyEnd: number;
  /** Arrays: index of the current element. */
  index: number;
}

function restoreBigIntegers(text: string, parsed: unknown): unknown {
  let root = parsed;
  const stack: Frame[] = [];
  let expectKey = false;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (expectKey && top) {
        top.keyStart = i;
        top.keyEnd = end + 1;
        expectKey = false;
      }
      i = end + 1;
    } else if (c === MINUS || (c >= ZERO && c <= NINE)) {
      const end = numberEnd(text, i);
      if (end - i >= MIN_BIG_DIGITS && isInteger(text, i, end)) {
        root = replaceAt(root, text, stack, BigInt(text.slice(i, end)));
      }
      i = end;
    } else {
      if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        stack.push({ array: c === OPEN_ARRAY, keyStart: 0, keyEnd: 0, index: 0 });
        expectKey = c === OPEN_OBJECT;
      } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        stack.pop();
      } else if (c === COMMA) {
        const top = stack[stack.length - 1];
        if (top?.array) top.index++;
        else expectKey = true;
      } else if (c === COLON) {
        expectKey = false;
      }
      i++;
    }
  }
  return root;
}

/** Index of the quote that closes the string opening at `start`. */
function stringEnd(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  while (end > 0 && escaped(text, end)) end = text.indexOf('"', end + 1);
  // Unreachable for valid JSON; ends the scan rather than loop.
  return end < 0 ? text.length : end;
}

/** A quote is escaped when an odd number of backslashes precede it. */
function escaped(text: string, quote: number): boolean {
  let backslashes = 0;
  for (let j = quote - 1; text.charCodeAt(j) === BACKSLASH; j--) backslashes++;
  return backslashes % 2 === 1;
}

/** End of a number token: digits, sign, fraction and exponent characters. */
function numberEnd(text: string, start: number): number {
  let end = start + 1;
  for (; end < text.length; end++) {
    const c = text.charCodeAt(end);
    if (!((c >= ZERO && c <= NINE) || c === 46 /* . */ || c === 101 /* e */ || c === 69 /* E */ || c === 43 /* + */ || c === MINUS)) break;
  }
  return end;
}

function isInteger(text: string, start: number, end: number): boolean {
  for (let j = text.charCodeAt(start) === MINUS ? start + 1 : start; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c < ZERO || c > NINE) return false;
  }
  return true;
}

/**
 * Puts the exact value where JSON.parse left the rounded one. Integers that fit stay numbers,
 * like every other integer. With a duplicate key JSON.parse kept the last value, so a value is
 * replaced only where it still is the rounding of this literal.
 */
function replaceAt(root: unknown, text: string, stack: readonly Frame[], big: bigint): unknown {
  if (big <= MAX_SAFE && big >= MIN_SAFE) return root;
  const rounded = Number(big);
  if (stack.length === 0) return root === rounded ? big : root;
  let container: unknown = root;
  for (let d = 0; d < stack.length - 1; d++) {
    container = child(container, text, stack[d] as Frame);
  }
  const last = stack[stack.length - 1] as Frame;
  if (typeof container !== 'object' || container === null) return root;
  if (last.array) {
    const array = container as unknown[];
    if (array[last.index] === rounded) array[last.index] = big;
  } else {
    const obj = container as Record<string, unknown>;
    const key = keyOf(text, last);
    if (Object.hasOwn(obj, key) && obj[key] === rounded) obj[key] = big;
  }
  return root;
}

function child(container: unknown, text: string, frame: Frame): unknown {
  if (typeof container !== 'object' || container === null) return undefined;
  if (frame.array) return (container as unknown[])[frame.index];
  const key = keyOf(text, frame);
  return Object.hasOwn(container, key) ? (container as Record<string, unknown>)[key] : undefined;
}

function keyOf(text: string, frame: Frame): string {
  const raw = text.slice(frame.keyStart, frame.keyEnd);
  // Only a key with an escape needs decoding; the text is valid JSON, so this cannot throw.
  return raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
}
