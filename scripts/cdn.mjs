#!/usr/bin/env node
// The one-file CDN bundle (PL-1): packages/widgets/cdn/cc-elements.ts — every widget, the core and
// the simulator adapter — as ONE minified ES module, packages/widgets/dist/cdn/cc-elements.js,
// published with @cc-elements/widgets (so a CDN that serves npm packages serves it). No code
// splitting: what the packages import lazily (libphonenumber-js, DOMPurify, ProseMirror) is inside,
// so the file never fetches a sibling chunk that a CDN URL or a CRM's asset store might not have.
//
//   node scripts/cdn.mjs                 build the bundle (npm run build runs this)
//   node scripts/cdn.mjs --pages <dir>   the pages served as they are, each beside a copy of it:
//                                        <dir>/plain/ (demo/plain) and <dir>/hosts/ (the Webex-style host)
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const CDN_ENTRY = join(root, 'packages/widgets/cdn/cc-elements.ts');
export const CDN_OUTFILE = join(root, 'packages/widgets/dist/cdn/cc-elements.js');
/** The pages served as they are, next to a copy of the bundle: folder → its files. */
export const STATIC_PAGES = {
  plain: ['demo/plain/index.html'],
  hosts: ['demo/hosts/webex-host.html', 'demo/hosts/webex-host.js', 'demo/hosts/webex-desktop-layout.json'],
};

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

/**
 * Builds the bundle and lays out the static pages in `dir` as a CDN user would: `dir/plain/` (the
 * plain-HTML page) and `dir/hosts/` (the Webex-style host and its layout), each with cc-elements.js.
 */
export async function buildPages(dir) {
  const bundle = join(dir, 'cc-elements.js');
  mkdirSync(dir, { recursive: true });
  await buildCdn(bundle);
  for (const [folder, files] of Object.entries(STATIC_PAGES)) {
    mkdirSync(join(dir, folder), { recursive: true });
    copyFileSync(bundle, join(dir, folder, 'cc-elements.js'));
    for (const file of files) copyFileSync(join(root, file), join(dir, folder, basename(file)));
  }
  rmSync(bundle);
}

async function main() {
  const pagesAt = process.argv.indexOf('--pages');
  if (pagesAt !== -1) {
    const dir = process.argv[pagesAt + 1];
    if (!dir) throw new Error('cdn: --pages needs a directory');
    await buildPages(dir);
    console.log(
      `cdn: ${Object.keys(STATIC_PAGES)
        .map((folder) => join(dir, folder))
        .join(', ')}, each with its cc-elements.js`,
    );
    return;
  }
  mkdirSync(dirname(CDN_OUTFILE), { recursive: true });
  await buildCdn();
  console.log(`cdn: ${CDN_OUTFILE.slice(root.length)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
