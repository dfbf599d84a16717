/**
 * `npm run build:package` (last step): the npm package of the widgets, in
 * `dist/package/`, ready for `npm publish dist/package`. This repository's own
 * `package.json` also runs the reference server, whose dependencies (SQLite,
 * PostgreSQL, Hono…) a city's website must not install with the widgets; the
 * published package carries only what the widgets need.
 *
 * It holds the script-tag bundle with its themes (`widgets/`, for a CDN), the
 * modules for applications' bundlers (`lib/`), their type declarations
 * (`types/`), the manifest, and the README.
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** What the widgets import at run time (`dist/lib` leaves these to the application's bundler). */
const RUNTIME = ['lit', '@lit/localize', 'zod', 'idb-keyval', 'altcha'];

const ELEMENTS = ['poll', 'vote', 'idea-box', 'budget'];

interface RootPackage {
  version: string;
  description: string;
  license: string;
  engines?: Record<string, string>;
  dependencies: Record<string, string>;
}

export function packageJson(root: RootPackage): Record<string, unknown> {
  const missing = RUNTIME.filter((name) => !root.dependencies[name]);
  if (missing.length) throw new Error(`package.json lacks the widgets' dependencies: ${missing.join(', ')}`);
  const entry = (types: string, module: string) => ({ types: `./types/${types}`, default: `./lib/${module}` });
  return {
    name: 'parvis',
    version: root.version,
    description: root.description,
    license: root.license,
    type: 'module',
    keywords: ['participation', 'civic-tech', 'web-components', 'custom-elements', 'lit', 'poll', 'budget'],
    types: './types/parvis.d.ts',
    module: './lib/parvis.js',
    unpkg: './widgets/parvis.js',
    jsdelivr: './widgets/parvis.js',
    customElements: './custom-elements.json',
    exports: {
      '.': entry('parvis.d.ts', 'parvis.js'),
      ...Object.fromEntries(
        ELEMENTS.map((element) => [`./${element}`, entry(`elements/${element}/define.d.ts`, `${element}.js`)]),
      ),
      './client': entry('client/index.d.ts', 'client.js'),
      './parvis.js': { types: './types/parvis.d.ts', default: './widgets/parvis.js' },
      './themes/*.css': './widgets/themes/*.css',
      './custom-elements.json': './custom-elements.json',
      './package.json': './package.json',
    },
    // Importing an element's module defines its tag: bundlers must keep those imports.
    sideEffects: ['./widgets/**', './lib/**', '*.css'],
    dependencies: Object.fromEntries(RUNTIME.map((name) => [name, root.dependencies[name]])),
  };
}

export async function buildPackage(outDir: string, root = ROOT): Promise<void> {
  const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as RootPackage;
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  for (const [from, to] of [
    ['dist/widgets', 'widgets'],
    ['dist/lib', 'lib'],
    ['dist/types', 'types'],
    ['custom-elements.json', 'custom-elements.json'],
    ['README.md', 'README.md'],
  ])
    await cp(join(root, from), join(outDir, to), { recursive: true });
  await writeFile(join(outDir, 'package.json'), `${JSON.stringify(packageJson(manifest), null, 2)}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? join(ROOT, 'dist/package'));
  await buildPackage(outDir);
  console.log(`The npm package is in ${outDir} (npm publish ${outDir})`);
}
