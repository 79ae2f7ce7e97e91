// P1's "what makes it up": the code that loads up front, grouped by package (or project folder),
// with each group's share of the gzip size estimated from its share of the minified bytes.
import { gzipSync } from 'node:zlib';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleForPage } from '../scripts/size.mjs';

/** Groups an esbuild input path: an npm package by name, a project file by its first `depth` folders. */
function group(input, depth) {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];
  if (pkg) return pkg;
  return input
    .replace(/^packages\//, '')
    .split('/')
    .slice(0, depth)
    .join('/');
}

/** The up-front code of `entry` (built as scripts/size.mjs builds it, by its bundleForPage), largest groups first, in KB. */
export async function breakdown(entry, { depth = 3, top = 12 } = {}) {
  const outdir = mkdtempSync(join(tmpdir(), 'cc-size-breakdown-'));
  try {
    const { outputs, upFront: initial } = await bundleForPage(entry, outdir);
    const bytes = new Map();
    let minified = 0;
    let gzip = 0;
    for (const file of initial) {
      gzip += gzipSync(readFileSync(file), { level: 9 }).length;
      for (const [input, { bytesInOutput }] of Object.entries(outputs[file].inputs)) {
        const key = group(input, depth);
        bytes.set(key, (bytes.get(key) ?? 0) + bytesInOutput);
        minified += bytesInOutput;
      }
    }
    const kb = (n) => Math.round((n / 1024) * 10) / 10;
    return [...bytes]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, size]) => ({ name, minifiedKB: kb(size), gzipKB: kb((size / minified) * gzip) }));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(await breakdown(process.argv[2] ?? 'bench/size/desktop-finesse.ts', { depth: Number(process.argv[3] ?? 3), top: 40 }));
}
