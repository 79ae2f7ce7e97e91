// PL-4: every string the widgets show is translated in every shipped language. The extractor runs
// over the widgets' sources into a temporary folder and its messages are compared with the XLIFF
// files translators keep here: a msg() added without a French or Romanian target fails, and so
// does a target whose placeholders differ from its source's. The generated catalogues in
// src/locales must be what `npm run localize:build` makes of these files.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { format, resolveConfig } from 'prettier';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8')) as {
  targetLocales: string[];
  inputFiles: string[];
  output: { outputDir: string };
  interchange: { xliffDir: string };
};
const LOCALES = config.targetLocales;
const cli = join(root, 'node_modules/@lit/localize-tools/bin/lit-localize.js');

interface Unit {
  readonly source: string;
  readonly target: string | undefined;
}

/** The trans-units of an XLIFF 1.2 file as lit-localize writes it, by id. */
function units(file: string): Map<string, Unit> {
  const xml = readFileSync(file, 'utf8');
  const found = new Map<string, Unit>();
  for (const [, id, body] of xml.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)) {
    const source = /<source>([\s\S]*?)<\/source>/.exec(body!)?.[1] ?? '';
    const target = /<target>([\s\S]*?)<\/target>/.exec(body!)?.[1];
    found.set(id!, { source, target });
  }
  return found;
}

/** The placeholders of a source or target (`<x id="0" equiv-text="${name}"/>`), sorted. */
const placeholders = (text: string) => [...text.matchAll(/<x id="\d+" equiv-text="[^"]*"\/>/g)].map((m) => m[0]).sort();
/** What a person reads, placeholders as {n}. */
const readable = (text: string) => text.replace(/<x id="(\d+)" equiv-text="[^"]*"\/>/g, '{$1}');

/** Runs lit-localize with the project's configuration, paths made absolute and some parts replaced. */
function litLocalize(command: 'extract' | 'build', dir: string, changes: { xliffDir: string; outputDir: string }): void {
  const absolute = (pattern: string) => (pattern.startsWith('!') ? `!${join(root, pattern.slice(1))}` : join(root, pattern));
  const file = join(dir, `${command}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      ...config,
      inputFiles: config.inputFiles.map(absolute),
      output: { ...config.output, outputDir: changes.outputDir },
      interchange: { ...config.interchange, xliffDir: changes.xliffDir },
    }),
  );
  execFileSync(process.execPath, [cli, command, '--config', file], { cwd: root, stdio: 'pipe' });
}

let dir: string;
/** Every message in the sources today: id → source, from a fresh extraction. */
let extracted: Map<string, Unit>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cc-i18n-'));
  litLocalize('extract', dir, { xliffDir: join(dir, 'xliff'), outputDir: join(dir, 'unused') });
  extracted = units(join(dir, 'xliff', `${LOCALES[0]}.xlf`));
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('PL-4 translation catalogues', () => {
  it('PL-4: the extractor finds the widgets’ strings (hundreds of them)', () => {
    expect(extracted.size).toBeGreaterThan(400);
  });

  it.each(LOCALES)('PL-4: every source string has a %s translation', (locale) => {
    const kept = units(join(root, config.interchange.xliffDir, `${locale}.xlf`));
    const missing = [...extracted].filter(([id]) => !kept.get(id)?.target?.trim()).map(([, unit]) => readable(unit.source));
    // Add them with `npm run localize:extract`, translate the new <target>s, then `npm run localize:build`.
    expect(missing, `strings without a ${locale} translation`).toEqual([]);
  });

  it.each(LOCALES)('PL-4: every %s translation keeps its source’s placeholders', (locale) => {
    const kept = units(join(root, config.interchange.xliffDir, `${locale}.xlf`));
    const wrong = [...extracted]
      .map(([id, unit]) => ({ source: unit.source, target: kept.get(id)?.target }))
      .filter(({ source, target }) => target !== undefined && placeholders(source).join() !== placeholders(target).join())
      .map(({ source, target }) => `${readable(source)} → ${readable(target!)}`);
    expect(wrong).toEqual([]);
  });

  it('PL-4: French targets put a no-break space before : ; ? ! and inside « », Romanian ones use ș ț with a comma', () => {
    const french = [...units(join(root, config.interchange.xliffDir, 'fr.xlf')).values()].map((u) => readable(u.target ?? ''));
    expect(french.filter((t) => / [:;?!]|« | »/.test(t))).toEqual([]);
    const romanian = [...units(join(root, config.interchange.xliffDir, 'ro.xlf')).values()].map((u) => u.target ?? '');
    expect(romanian.filter((t) => /[şţŞŢ]/.test(t))).toEqual([]);
  });

  it('PL-4: the committed catalogues in src/locales are built from these XLIFF files (npm run localize:build)', async () => {
    const out = join(dir, 'locales');
    litLocalize('build', dir, { xliffDir: join(root, config.interchange.xliffDir), outputDir: out });
    for (const locale of LOCALES) {
      const committed = join(root, config.output.outputDir, `${locale}.ts`);
      const options = { ...(await resolveConfig(committed)), filepath: committed };
      const built = await format(readFileSync(join(out, `${locale}.ts`), 'utf8'), options);
      expect(readFileSync(committed, 'utf8') === built, `${locale}.ts is stale: run npm run localize:build`).toBe(true);
    }
  }, 60_000);
});
