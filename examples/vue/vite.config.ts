import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    vue({
      template: {
        // Parvis tags are custom elements, not Vue components: Vue renders them as they are.
        compilerOptions: { isCustomElement: (tag) => tag.startsWith('parvis-') },
      },
    }),
  ],
});
