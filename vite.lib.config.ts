import { defineConfig } from 'vite';

/**
 * The package's modules for applications that bundle their own code
 * (`import 'parvis/poll'`): one entry per element, the autoloader and the
 * client, sharing their modules, with `lit`, `@lit/localize`, `zod` and the
 * other dependencies left to the application's bundler so that one copy of
 * each serves the whole page. Unminified: the application minifies.
 *
 * The script-tag bundle (`vite.config.ts`, `dist/widgets/`) stays a build of
 * its own: its chunk layout is what a city's page downloads and what the
 * benchmarks measure, and no entry added here may change it.
 */
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist/lib',
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    sourcemap: true,
    lib: {
      entry: {
        parvis: 'src/parvis.ts',
        poll: 'src/elements/poll/define.ts',
        vote: 'src/elements/vote/define.ts',
        'idea-box': 'src/elements/idea-box/define.ts',
        budget: 'src/elements/budget/define.ts',
        client: 'src/client/index.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      // Every bare import is a dependency of the package, installed beside it.
      external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !/^[A-Za-z]:/.test(id),
      preserveEntrySignatures: 'strict',
      treeshake: { manualPureFunctions: ['z'] },
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
});
