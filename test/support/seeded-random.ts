/** A repeatable source of integers in [0, n) (a linear congruential generator), for fuzz tests that must fail the same way twice. */
export function seededRandom(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}
