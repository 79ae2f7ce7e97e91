// The widgets' custom-elements.json is generated (`npm run cem`, not committed): this types its
// import in preview.ts even before it is first written, as on a fresh clone's typecheck.
declare module '*/custom-elements.json' {
  const manifest: { readonly schemaVersion: string; readonly modules: readonly unknown[] };
  export default manifest;
}
