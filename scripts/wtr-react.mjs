// React 18 is published as CommonJS only, and web-test-runner serves ES modules as they are. This
// plugin serves `react`, `react/jsx-runtime`, `react-dom` and `react-dom/client` as ES modules that
// re-export one esbuild bundle of all four, so a test page has one React (hooks need that).
import { build } from 'esbuild';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const PREFIX = '/__react-esm__/';
/** Import specifier → the name its module has in the bundle. */
const MODULES = { react: 'React', 'react/jsx-runtime': 'JsxRuntime', 'react-dom': 'ReactDom', 'react-dom/client': 'ReactDomClient' };
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function bundle() {
  const imports = Object.entries(MODULES).map(([specifier, name]) => `import * as ${name} from '${specifier}';`);
  return build({
    stdin: { contents: `${imports.join('\n')}\nexport { ${Object.values(MODULES).join(', ')} };`, resolveDir: process.cwd() },
    bundle: true,
    format: 'esm',
    write: false,
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0].text);
}

export function reactEsm() {
  let built;
  return {
    name: 'react-esm',
    resolveImport({ source }) {
      return source in MODULES ? `${PREFIX}${MODULES[source]}.js` : undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      const name = context.path.slice(PREFIX.length).replace(/\.js$/, '');
      if (name === 'bundle') return { body: await (built ??= bundle()), type: 'js' };
      const specifier = Object.keys(MODULES).find((s) => MODULES[s] === name);
      if (!specifier) return undefined;
      // The CommonJS module's own export names, as named ES exports.
      const names = Object.keys(require(specifier)).filter((key) => IDENTIFIER.test(key) && key !== 'default');
      return {
        body: `import { ${name} } from '${PREFIX}bundle.js';\nexport default ${name}.default ?? ${name};\nexport const { ${names.join(', ')} } = ${name};\n`,
        type: 'js',
      };
    },
  };
}
