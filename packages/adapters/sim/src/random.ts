// Seeded randomness for the simulator: the same seed gives the same trace ids and the same
// latencies run after run, so tests, stories and bug reports replay exactly.

/**
 * mulberry32: a 32-bit generator small enough to inline and fast enough for thousands of agents.
 * Returns numbers in [0, 1). Not for anything secret.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}

/** Hex digits drawn from `random`, e.g. for trace ids a support engineer can quote. */
export function randomHex(random: () => number, length: number): string {
  let text = '';
  while (text.length < length)
    text += Math.floor(random() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, '0');
  return text.slice(0, length);
}
