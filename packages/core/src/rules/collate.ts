// Names compared as people read them: "Agent 2" before "Agent 10", case and accents aside. The
// collator is made on first use, because making one loads the browser's collation data — tens of
// milliseconds that a page's first paint should not wait for.

let collator: Intl.Collator | undefined;

export function compareNames(a: string, b: string): number {
  collator ??= new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  return collator.compare(a, b);
}
