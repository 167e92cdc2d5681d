// JSON.parse with integers beyond 2^53 kept exact as bigint.
//
// Falco's JSON output writes evt.time and evt.time.iso8601 as bare integers of nanoseconds
// (19 digits), which JSON.parse would round. Node 20 lacks the reviver `context.source` that
// would solve this natively, so big integer literals outside strings are rewritten into marked
// strings before parsing and turned into bigint by a reviver. Strings are matched first by the
// same regular expression, so digits inside a string (a command line, say) are never touched.
// A string value that itself starts with a NUL gets an escape prefix, so no input can be taken
// for a marker (object keys are left as they are).

const TOKENS = /"(?:[^"\\]|\\.)*"|-?\d{16,}(?![\d.eE])/g;
const BIG = '\u0000b';
const ESCAPED = '\u0000s';

export function parseLosslessJson(text: string): unknown {
  let rewrite = false;
  const rewritten = text.replace(TOKENS, (token) => {
    if (token.charCodeAt(0) === 34 /* " */) {
      if (!token.startsWith('"\\u0000')) return token;
      rewrite = true;
      return `"\\u0000s${token.slice(1)}`;
    }
    rewrite = true;
    return `"\\u0000b${token}"`; // JSON-escaped: a raw NUL is not valid JSON
  });
  if (!rewrite) return JSON.parse(text);
  return JSON.parse(rewritten, revive);
}

function revive(this: unknown, _key: string, value: unknown): unknown {
  if (typeof value !== 'string' || value.charCodeAt(0) !== 0) return value;
  if (value.startsWith(ESCAPED)) return value.slice(ESCAPED.length);
  if (value.startsWith(BIG)) {
    const big = BigInt(value.slice(BIG.length));
    // 16-digit literals that still fit exactly stay numbers, like every other integer.
    return big <= BigInt(Number.MAX_SAFE_INTEGER) && big >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(big) : big;
  }
  return value;
}
