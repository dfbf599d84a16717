import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/**
 * The ready-made themes, copied as they are from `src/themes/` to
 * `dist/widgets/themes/<name>.css`: a page links them beside `parvis.js`
 * (`https://…/themes/dsfr.css`). Plain token declarations, read by webmasters
 * who copy and adapt them; the server compresses them on the way.
 */
function themes(): Plugin {
  const dir = resolve('src/themes');
  let files: string[] = [];
  return {
    name: 'parvis-themes',
    async buildStart() {
      files = (await readdir(dir)).filter((name) => name.endsWith('.css')).sort();
      for (const file of files) this.addWatchFile(join(dir, file));
    },
    async generateBundle() {
      for (const file of files) {
        this.emitFile({ type: 'asset', fileName: `themes/${file}`, source: await readFile(join(dir, file), 'utf8') });
      }
    },
  };
}

/**
 * The widget bundle: `dist/widgets/parvis.js` under a stable name for the
 * script tag, and hashed chunks in `dist/widgets/chunks/` that it imports
 * relative to itself, so pages of any origin can load it as a module.
 */
export default defineConfig({
  base: './',
  publicDir: false,
  plugins: [themes()],
  build: {
    outDir: 'dist/widgets',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    // Library mode: chunks are imported directly, with no preload helper, polyfill or inline script.
    lib: { entry: { parvis: 'src/parvis.ts' }, formats: ['es'] },
    rolldownOptions: {
      preserveEntrySignatures: 'exports-only',
      // The contract's modules also define admin and export schemas the widgets never use; zod/mini's
      // builders have no side effects, so those are dropped instead of shipped and built on every page.
      treeshake: { manualPureFunctions: ['z'] },
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        // What the entry shares with the elements, in one chunk: one request after parvis.js instead of two.
        codeSplitting: {
          groups: [
            {
              name: 'shared',
              test: /@lit\/localize\/|src\/client\/(config|voter|early-read)\.ts|src\/elements\/(locale|intl-formats)\.ts/,
            },
          ],
        },
        // Library mode keeps whitespace and annotations for bundlers downstream; these files go to browsers as is.
        minify: true,
        comments: false,
      },
    },
  },
});
