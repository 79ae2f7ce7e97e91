#!/usr/bin/env node
// `npm run size`: bundles each published entry as a page would load it (ESM, minified, lazy
// imports split into their own chunks), reports the gzip size of what loads up front and of each
// lazy chunk, and fails when an entry is over its budget in size-budget.json.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { buildCdn } from './cdn.mjs';

const budget = JSON.parse(readFileSync('size-budget.json', 'utf8'));
const kb = (bytes) => Math.round((bytes / 1024) * 100) / 100;

/** The packages (or project files) a chunk is made of, e.g. "libphonenumber-js". */
function chunkName(inputs) {
  const names = new Set(inputs.map((i) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(i)?.[1] ?? i));
  return [...names].join(' + ');
}

/**
 * Bundles `entry` as a page loads it (minified ESM, lazy imports split) into `outdir`, and names
 * the output files that load up front: the entry and the chunks it imports statically, transitively.
 */
export async function bundleForPage(entry, outdir) {
  const { metafile } = await build({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    // rxjs's ES2015 build (what Angular, Vite and webpack users get with this condition): no tslib.
    conditions: ['source', 'es2015'],
    outdir,
    metafile: true,
    write: true,
    logLevel: 'silent',
    legalComments: 'none',
  });
  const outputs = metafile.outputs;
  const upFront = new Set();
  const visit = (file) => {
    if (upFront.has(file)) return;
    upFront.add(file);
    for (const imp of outputs[file].imports) if (imp.kind === 'import-statement') visit(imp.path);
  };
  // Lazily imported modules are entry points too: start from the page's own.
  const own = relative(process.cwd(), entry).split(sep).join('/');
  visit(Object.keys(outputs).find((f) => outputs[f].entryPoint === own && f.endsWith('.js')));
  return { outputs, upFront };
}

export async function measure(entry, { oneFile = false } = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'cc-size-'));
  try {
    // The CDN bundle is one file with its lazy parts inside (scripts/cdn.mjs): all of it loads up front.
    if (oneFile) {
      await buildCdn(join(outdir, 'one.js'), entry);
      return { initialGzip: gzipSync(readFileSync(join(outdir, 'one.js')), { level: 9 }).length, lazy: [] };
    }
    const { outputs, upFront: initial } = await bundleForPage(entry, outdir);
    const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
    const lazy = Object.keys(outputs).filter((f) => f.endsWith('.js') && !initial.has(f));
    return {
      initialGzip: [...initial].reduce((sum, f) => sum + gz(f), 0),
      lazy: lazy.map((f) => ({
        chunk: relative(outdir, f),
        gzip: gz(f),
        from: chunkName(Object.keys(outputs[f].inputs)),
      })),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

async function main() {
  let failed = 0;
  const rows = [];
  for (const [name, { entry, budgetKB, oneFile }] of Object.entries(budget.entries)) {
    const { initialGzip, lazy } = await measure(entry, { oneFile });
    const ok = kb(initialGzip) <= budgetKB;
    if (!ok) failed++;
    rows.push({
      name,
      gzipKB: kb(initialGzip),
      budgetKB,
      ok,
      lazy: lazy.map((l) => `${l.from} ${kb(l.gzip)} KB`),
    });
  }
  for (const r of rows) {
    console.log(`${r.ok ? 'ok  ' : 'OVER'} ${r.name.padEnd(40)} ${String(r.gzipKB).padStart(7)} KB gzip (budget ${r.budgetKB} KB)`);
    for (const l of r.lazy) console.log(`       lazy: ${l}`);
  }
  console.log(`size: ${rows.length - failed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
