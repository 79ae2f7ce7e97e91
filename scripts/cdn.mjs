#!/usr/bin/env node
// The one-file CDN bundle (PL-1): packages/widgets/cdn/cc-elements.ts — every widget, the core and
// the simulator adapter — as ONE minified ES module, packages/widgets/dist/cdn/cc-elements.js,
// published with @cc-elements/widgets (so a CDN that serves npm packages serves it). No code
// splitting: what the packages import lazily (libphonenumber-js, DOMPurify, ProseMirror) is inside,
// so the file never fetches a sibling chunk that a CDN URL or a CRM's asset store might not have.
//
//   node scripts/cdn.mjs                 build the bundle (npm run build runs this)
//   node scripts/cdn.mjs --page <dir>    also copy demo/plain/index.html next to a copy of it in <dir>
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const CDN_ENTRY = join(root, 'packages/widgets/cdn/cc-elements.ts');
export const CDN_OUTFILE = join(root, 'packages/widgets/dist/cdn/cc-elements.js');
export const PLAIN_PAGE = join(root, 'demo/plain/index.html');

/** Builds the bundle (or another `entry` the same way) into `outfile`; resolves to esbuild's metafile. */
export async function buildCdn(outfile = CDN_OUTFILE, entry = CDN_ENTRY) {
  const { metafile } = await build({
    entryPoints: [entry],
    bundle: true,
    splitting: false,
    format: 'esm',
    minify: true,
    target: 'es2022',
    // The same resolution as the size check and the demo: workspace sources, rxjs's ES2015 build.
    conditions: ['source', 'es2015'],
    outfile,
    metafile: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: root,
  });
  return metafile;
}

/** Builds the bundle into `dir` and copies the plain-HTML example page beside it, as a CDN user would lay them out. */
export async function buildPlainPage(dir) {
  mkdirSync(dir, { recursive: true });
  await buildCdn(join(dir, 'cc-elements.js'));
  copyFileSync(PLAIN_PAGE, join(dir, 'index.html'));
}

async function main() {
  const pageAt = process.argv.indexOf('--page');
  if (pageAt !== -1) {
    const dir = process.argv[pageAt + 1];
    if (!dir) throw new Error('cdn: --page needs a directory');
    await buildPlainPage(dir);
    console.log(`cdn: ${join(dir, 'index.html')} with its cc-elements.js`);
    return;
  }
  mkdirSync(dirname(CDN_OUTFILE), { recursive: true });
  await buildCdn();
  console.log(`cdn: ${CDN_OUTFILE.slice(root.length)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
