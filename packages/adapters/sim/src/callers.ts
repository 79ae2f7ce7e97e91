// Who calls the simulated contact center: fictional caller ids and names drawn from the seed, and
// the few distributions the traffic needs (Poisson arrivals, uniform patience and talk times).

/** Area codes of large US cities, so numbers look like real callers'. */
const AREA_CODES = ['212', '213', '305', '312', '404', '415', '512', '617', '702', '206', '303', '646'] as const;

const GIVEN_NAMES = [
  'Olivia',
  'Liam',
  'Amara',
  'Noah',
  'Sofia',
  'Mateo',
  'Kenji',
  'Chloé',
  'Ioana',
  'Mihai',
  'Léa',
  'Jonas',
  'Priya',
  'Diego',
  'Hannah',
  'Omar',
  'Elena',
  'Lucas',
  'Zoë',
  'Tomás',
  'Aisha',
  'Grace',
  'Andrei',
  'Nadia',
] as const;

const FAMILY_NAMES = [
  'Nguyen',
  'García',
  'Okafor',
  'Schmidt',
  'Dubois',
  'Ionescu',
  'Tanaka',
  'Kowalski',
  'Haddad',
  'Johansson',
  'Moreau',
  'Popa',
  'Silva',
  'Murphy',
  'Rossi',
  'Kim',
  'Bianchi',
  'Lefebvre',
  'Andersen',
  'Costa',
] as const;

export interface Caller {
  /** E.164, always in the 555-01xx range reserved for fiction, so the demo never rings a real phone. */
  readonly number: string;
  readonly name: string;
}

/** A draw from a closed range, in whole ms. */
export interface SimRange {
  readonly min: number;
  readonly max: number;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export function drawCaller(random: () => number): Caller {
  const area = pick(random, AREA_CODES);
  const line = String(Math.floor(random() * 100)).padStart(2, '0');
  const name = `${pick(random, GIVEN_NAMES)} ${pick(random, FAMILY_NAMES)}`;
  return { number: `+1${area}55501${line}`, name };
}

/** Uniform in [min, max], rounded to the ms. */
export function drawBetween(random: () => number, range: SimRange): number {
  return Math.round(range.min + random() * (range.max - range.min));
}

/** Time to the next event of a Poisson process with this mean gap (exponential), at least 1 ms. */
export function drawExponential(random: () => number, meanMs: number): number {
  return Math.max(1, Math.round(-Math.log(1 - random()) * meanMs));
}

/** FNV-1a: a stable 32-bit number from a text, to give each queue a random stream of its own. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
