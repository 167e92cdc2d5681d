// JSON.parse with integers beyond 2^53 kept exact as bigint.
//
// Falco's JSON output writes evt.time and evt.time.iso8601 as bare integers of nanoseconds
// (19 digits), which JSON.parse would round. Node 20 lacks the reviver `context.source` that
// would solve this natively, so big integer literals are rewritten into marked strings before
// parsing and turned back into bigint afterwards.
//
// Fast path (every Falco event): one regular expression finds 16+-digit integers in value
// position. It does not know string boundaries, but a match inside a string always breaks the
// JSON (the inserted quote ends the string and leaves a bare backslash), so such input fails to
// parse and takes the exact path. Exact path: a tokenizer that matches strings first, so digits
// inside strings are never touched; a string value starting with NUL gets an escape prefix so no
// input can be taken for a marker (object keys are left as they are).

const BIG_VALUE = /([:[,]\s*)(-?\d{16,})(?=\s*[,\]}])/g;
// Whole number tokens, so the digits of a long fraction or exponent are never taken alone.
const TOKENS = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
const BIG_INTEGER = /^-?\d{16,}$/;
const BIG = '\u0000b';
const ESCAPED = '\u0000s';

export function parseLosslessJson(text: string): unknown {
  if (text.includes('"\\u0000')) return parseExact(text);
  let found = 0;
  const rewritten = text.replace(BIG_VALUE, (_match, lead: string, digits: string) => {
    found++;
    return `${lead}"\\u0000b${digits}"`;
  });
  if (found === 0) return JSON.parse(text);
  let parsed: unknown;
  try {
    parsed = JSON.parse(rewritten);
  } catch {
    // Either a digit run inside a string matched, or the text is malformed: the exact path
    // tells the two apart (and throws the real error for malformed text).
    return parseExact(text);
  }
  return restore(parsed);
}

function parseExact(text: string): unknown {
  let rewrite = false;
  const rewritten = text.replace(TOKENS, (token) => {
    if (token.charCodeAt(0) === 34 /* " */) {
      if (!token.startsWith('"\\u0000')) return token;
      rewrite = true;
      return `"\\u0000s${token.slice(1)}`;
    }
    if (!BIG_INTEGER.test(token)) return token;
    rewrite = true;
    return `"\\u0000b${token}"`; // JSON-escaped: a raw NUL is not valid JSON
  });
  if (!rewrite) return JSON.parse(text);
  return restore(JSON.parse(rewritten));
}

/** Replaces marker strings in place, walking only objects and arrays. */
function restore(value: unknown): unknown {
  if (typeof value === 'string') return unmark(value);
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = restore(value[i]);
    return value;
  }
  const obj = value as Record<string, unknown>;
  for (const key in obj) obj[key] = restore(obj[key]);
  return obj;
}

function unmark(value: string): unknown {
  if (value.charCodeAt(0) !== 0) return value;
  if (value.startsWith(ESCAPED)) return value.slice(ESCAPED.length);
  if (value.startsWith(BIG)) {
    const big = BigInt(value.slice(BIG.length));
    // 16-digit literals that still fit exactly stay numbers, like every other integer.
    return big <= BigInt(Number.MAX_SAFE_INTEGER) && big >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(big) : big;
  }
  return value;
}
