// What the browser tests of examples/ need from the test server: what a framework's own build tool does.
//  - `parvis`, `parvis/poll`, `parvis/client`… are the package's exports, mapped to the sources they are built from;
//  - React is published as CommonJS only: it is bundled once into a module, and each of its entry points re-exports it;
//  - Vue's browser build stands for `vue`; single-file components are compiled as @vitejs/plugin-vue compiles them,
//    with `parvis-*` tags declared as custom elements (examples/vue/vite.config.ts);
//  - JSX is compiled with React's automatic runtime, as Vite's React plugin does.
import { createRequire } from 'node:module';
import { build, transformWithOxc } from 'vite';
import { compileScript, parse } from 'vue/compiler-sfc';

const PARVIS = {
  parvis: '/src/parvis.ts',
  'parvis/client': '/src/client/index.ts',
  'parvis/poll': '/src/elements/poll/define.ts',
  'parvis/vote': '/src/elements/vote/define.ts',
  'parvis/idea-box': '/src/elements/idea-box/define.ts',
  'parvis/budget': '/src/elements/budget/define.ts',
};

/** Each entry point of React the examples import, and the name it has in the shared bundle. */
const REACT = {
  react: 'React',
  'react/jsx-runtime': 'JsxRuntime',
  'react-dom': 'ReactDom',
  'react-dom/client': 'ReactDomClient',
};
const REACT_PATH = '/__examples__/react/';
const VUE = '/node_modules/vue/dist/vue.runtime.esm-browser.js';

const require = createRequire(import.meta.url);

/** React and ReactDOM in one module, so that they share one React. */
async function bundleReact() {
  const contents = Object.entries(REACT)
    .map(([specifier, name]) => `export * as ${name} from '${specifier}';`)
    .join('\n');
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [
      {
        name: 'react-entry',
        resolveId: (id) => (id === 'react-entry' ? id : null),
        load: (id) => (id === 'react-entry' ? contents : null),
      },
    ],
    build: {
      write: false,
      minify: false,
      rolldownOptions: { input: 'react-entry', output: { format: 'es' }, preserveEntrySignatures: 'strict' },
    },
  });
  return (Array.isArray(output) ? output[0] : output).output[0].code;
}

/** The names a React entry point exports, read from its production build (the development one patches the console). */
function exportNames(specifier) {
  const mode = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return Object.keys(require(specifier)).filter((key) => /^[A-Za-z_$][\w$]*$/.test(key) && key !== 'default');
  } finally {
    if (mode === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = mode;
  }
}

/** A module with the named exports of one React entry point, taken from the shared bundle. */
function reactFacade(specifier) {
  const name = REACT[specifier];
  const names = exportNames(specifier);
  return `import { ${name} as module } from '${REACT_PATH}bundle.js';
export default module.default ?? module;
export const { ${names.join(', ')} } = module;
`;
}

/** What examples/vue/vite.config.ts gives @vitejs/plugin-vue as `template.compilerOptions`. */
const vueCompilerOptions = { isCustomElement: (tag) => tag.startsWith('parvis-') };

async function compileVue(source, filename) {
  // The plugin parses with the template's compiler options too: whether a tag is a component is decided there.
  const { descriptor, errors } = parse(source, { filename, templateParseOptions: vueCompilerOptions });
  if (errors.length) throw errors[0];
  const script = compileScript(descriptor, {
    id: filename,
    inlineTemplate: true,
    templateOptions: { compilerOptions: vueCompilerOptions },
  });
  const lang = descriptor.scriptSetup?.lang ?? descriptor.script?.lang;
  return lang === 'ts'
    ? (await transformWithOxc(script.content, `${filename}.ts`, { lang: 'ts' })).code
    : script.content;
}

/** @returns {import('@web/dev-server-core').Plugin} */
export function examplesPlugin() {
  let react;
  return {
    name: 'parvis-examples',
    resolveImport({ source }) {
      if (source in PARVIS) return PARVIS[source];
      if (source in REACT) return `${REACT_PATH}${source.replace(/\//g, '-')}.js`;
      if (source === 'vue') return VUE;
      return undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(REACT_PATH)) return undefined;
      if (context.path === `${REACT_PATH}bundle.js`) return { body: await (react ??= bundleReact()), type: 'js' };
      const specifier = Object.keys(REACT).find((key) => context.path === `${REACT_PATH}${key.replace(/\//g, '-')}.js`);
      return specifier ? { body: reactFacade(specifier), type: 'js' } : undefined;
    },
    resolveMimeType(context) {
      if (/\.(vue|jsx)$/.test(context.path)) return 'js';
      return undefined;
    },
    async transform(context) {
      if (context.path.endsWith('.vue')) return { body: await compileVue(context.body, context.path) };
      if (context.path.endsWith('.jsx')) {
        const { code } = await transformWithOxc(context.body, context.path, {
          lang: 'jsx',
          jsx: { runtime: 'automatic', importSource: 'react' },
        });
        return { body: code };
      }
      return undefined;
    },
  };
}
