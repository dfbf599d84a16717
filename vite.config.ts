import { defineConfig } from 'vite';

/**
 * The widget bundle: `dist/widgets/parvis.js` under a stable name for the
 * script tag, and hashed chunks in `dist/widgets/chunks/` that it imports
 * relative to itself, so pages of any origin can load it as a module.
 */
export default defineConfig({
  base: './',
  publicDir: false,
  build: {
    outDir: 'dist/widgets',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    // Chunks are imported directly: no preload helper, no polyfill, no inline script.
    modulePreload: false,
    rolldownOptions: {
      input: { parvis: 'src/parvis.ts' },
      preserveEntrySignatures: 'exports-only',
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
});
