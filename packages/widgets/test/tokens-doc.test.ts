// PL-3: the README's token reference is the token sheet — every public token with its light and
// dark value, nothing more, nothing less.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TOKENS } from '../src/internal/tokens.js';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

/** The rows of the table under "Theming": token → [light, dark]. */
function documented(): Map<string, [string, string]> {
  const section = readme.slice(readme.indexOf('### Theming'), readme.indexOf('\n## ', readme.indexOf('### Theming')));
  const rows = new Map<string, [string, string]>();
  for (const line of section.split('\n')) {
    const cells = /^\|\s*`(--cc-[a-z0-9-]+)`\s*\|\s*`([^`]+)`\s*\|\s*(?:`([^`]+)`|same)\s*\|$/.exec(line.trim());
    if (cells) rows.set(cells[1]!, [cells[2]!, cells[3] ?? cells[2]!]);
  }
  return rows;
}

describe('PL-3: the README documents the token sheet', () => {
  it('lists every token with its light and dark value, and no other', () => {
    const rows = documented();
    const sheet = new Map(TOKENS.map((t) => [`--cc-${t.name}`, [t.light, t.dark ?? t.light]]));
    expect(rows.size).toBeGreaterThan(0);
    expect(Object.fromEntries(rows)).toEqual(Object.fromEntries(sheet));
  });
});
