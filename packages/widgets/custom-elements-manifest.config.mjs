// PL-1: `npm run cem` writes custom-elements.json (named in package.json `customElements`) from the
// widgets' sources: the class JSDoc (@summary, @fires, @csspart, @cssproperty, @slot) and the Lit
// properties. The analyzer alone misses what this project does its own way, so one plugin adds:
// - tags: registration files call our `define('cc-x', CcX)`, not `customElements.define`;
// - event types: each `@fires` event gets the type its module declares in `HTMLElementEventMap`;
// - only the public API: private, protected and `#` members left out, and the `emit()` helper's
//   `new CustomEvent(type)` (a variable, not an event) dropped;
// - stable output: modules sorted by path, module references pointing at the .ts sources.

import path from 'node:path';

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/locales/**'],
  litelement: true,
  // package.json names the manifest itself (the analyzer would rewrite the file).
  packagejson: false,
  quiet: true,
  plugins: [ccElementsPlugin()],
};

function ccElementsPlugin() {
  /** Module path → event name → type text, from `declare global { interface HTMLElementEventMap … }`. */
  const eventTypes = new Map();
  /** Module path → names of events built from a variable (`new CustomEvent(type)`). */
  const variableEvents = new Map();

  return {
    name: 'cc-elements',
    analyzePhase({ ts, node, moduleDoc }) {
      // define('cc-agent-state', CcAgentState) → a definition pointing at the imported class.
      if (
        ts.isCallExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'define' &&
        node.arguments.length === 2 &&
        ts.isStringLiteral(node.arguments[0]) &&
        ts.isIdentifier(node.arguments[1])
      ) {
        const className = node.arguments[1].text;
        moduleDoc.exports.push({
          kind: 'custom-element-definition',
          name: node.arguments[0].text,
          declaration: { name: className, module: importedFrom(ts, node.getSourceFile(), className, moduleDoc.path) ?? moduleDoc.path },
        });
      }
      if (ts.isInterfaceDeclaration(node) && node.name.text === 'HTMLElementEventMap') {
        const types = eventTypes.get(moduleDoc.path) ?? new Map();
        for (const member of node.members) {
          if (member.name && ts.isStringLiteral(member.name) && member.type) types.set(member.name.text, member.type.getText());
        }
        eventTypes.set(moduleDoc.path, types);
      }
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'CustomEvent') {
        const [name] = node.arguments ?? [];
        if (name && ts.isIdentifier(name)) variableEvents.set(moduleDoc.path, [...(variableEvents.get(moduleDoc.path) ?? []), name.text]);
      }
    },
    packageLinkPhase({ customElementsManifest: manifest }) {
      const paths = new Set(manifest.modules.map((m) => m.path));
      for (const mod of manifest.modules) {
        // `customElements.define(tag, element)` inside our define() is not a tag.
        mod.exports = mod.exports?.filter((e) => e.kind !== 'custom-element-definition' || e.name.startsWith('cc-'));
        for (const declaration of mod.declarations) {
          if (declaration.kind !== 'class') continue;
          declaration.members = declaration.members?.filter((m) => !m.privacy && !m.name.startsWith('#'));
          declaration.events = declaration.events
            ?.filter((e) => !(variableEvents.get(e.inheritedFrom?.module ?? mod.path) ?? []).includes(e.name))
            .map((e) => {
              const type = eventTypes.get(e.inheritedFrom?.module ?? mod.path)?.get(e.name);
              return type && !e.type ? { ...e, type: { text: type } } : e;
            });
          if (declaration.events?.length === 0) delete declaration.events;
        }
      }
      fixModuleReferences(manifest, paths);
      manifest.modules.sort((a, b) => a.path.localeCompare(b.path));
    },
  };
}

/** The module (path in the manifest) a class name is imported from in `source`, if it is imported. */
function importedFrom(ts, source, name, fromPath) {
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const named = statement.importClause?.namedBindings;
    if (named && ts.isNamedImports(named) && named.elements.some((e) => e.name.text === name)) {
      const specifier = statement.moduleSpecifier.text;
      if (!specifier.startsWith('.')) return undefined;
      return path.posix.join(path.posix.dirname(fromPath), specifier).replace(/\.js$/, '.ts');
    }
  }
  return undefined;
}

/** The analyzer names local modules `/src/x.js` in places (superclasses); point them at `src/x.ts`. */
function fixModuleReferences(value, paths) {
  if (Array.isArray(value)) return value.forEach((v) => fixModuleReferences(v, paths));
  if (!value || typeof value !== 'object') return;
  if (typeof value.module === 'string') {
    const local = value.module.replace(/^\//, '').replace(/\.js$/, '.ts');
    if (paths.has(local)) value.module = local;
  }
  for (const v of Object.values(value)) fixModuleReferences(v, paths);
}
