import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The admin console: an application of its own, served by the reference
 * server under `/admin/` with a strict Content-Security-Policy. Its pages
 * load their hashed scripts and styles from that folder; nothing is inlined.
 */
export default defineConfig({
  root: 'src/admin',
  base: '/admin/',
  publicDir: false,
  build: {
    outDir: resolve('dist/admin'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // Under `script-src 'self'` nothing may be inlined: no preload polyfill, no data: URLs.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    rolldownOptions: {
      input: { index: resolve('src/admin/index.html'), preview: resolve('src/admin/preview.html') },
    },
  },
});
