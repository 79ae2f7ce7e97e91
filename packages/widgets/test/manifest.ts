// The custom-elements manifest (PL-1) for Node tests: the one in the package, and a fresh one made
// by the analyzer from today's sources with packages/widgets/custom-elements-manifest.config.mjs —
// the command `npm run cem` runs, written to a temporary folder instead.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The parts of the manifest schema (custom-elements-manifest 1.0) the tests read. */
export interface Manifest {
  readonly schemaVersion: string;
  readonly modules: readonly ManifestModule[];
}
export interface ManifestModule {
  readonly path: string;
  readonly declarations?: readonly Declaration[];
  readonly exports?: readonly { readonly kind: string; readonly name: string; readonly declaration: { name: string; module?: string } }[];
}
export interface Item {
  readonly name: string;
  readonly description?: string;
  readonly type?: { readonly text: string };
}
export interface Member extends Item {
  readonly kind: 'field' | 'method';
  readonly privacy?: string;
  readonly static?: boolean;
  readonly readonly?: boolean;
  readonly inheritedFrom?: { readonly name: string };
}
export interface Declaration {
  readonly kind: string;
  readonly name: string;
  readonly tagName?: string;
  readonly customElement?: boolean;
  readonly summary?: string;
  readonly superclass?: { readonly name: string };
  readonly members?: readonly Member[];
  readonly attributes?: readonly (Item & { readonly fieldName?: string })[];
  readonly events?: readonly Item[];
  readonly cssParts?: readonly Item[];
  readonly cssProperties?: readonly Item[];
  readonly slots?: readonly Item[];
}
export interface Widget extends Declaration {
  readonly tagName: string;
  /** The module that declares the class, e.g. `src/agent-state/agent-state.ts`. */
  readonly module: string;
}

export const WIDGETS_DIR = fileURLToPath(new URL('..', import.meta.url));

/** What the analyzer makes of the sources now. */
export function analyzeWidgets(): Manifest {
  const cem = createRequire(import.meta.url).resolve('@custom-elements-manifest/analyzer/cem.js');
  const out = mkdtempSync(join(tmpdir(), 'cc-cem-'));
  try {
    // The analyzer joins --outdir to its working directory, so it must be relative.
    execFileSync(process.execPath, [cem, 'analyze', '--outdir', relative(WIDGETS_DIR, out)], { cwd: WIDGETS_DIR, stdio: 'pipe' });
    return JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8')) as Manifest;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Every class with a tag, with the module it is declared in. */
export function widgetsOf(manifest: Manifest): Widget[] {
  return manifest.modules.flatMap((module) =>
    (module.declarations ?? []).flatMap((d) =>
      d.kind === 'class' && d.tagName ? [{ ...d, tagName: d.tagName, module: module.path }] : [],
    ),
  );
}
