/** `npx custom-elements-manifest analyze` → `custom-elements.json`, from the elements' JSDoc. */
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/generated/**'],
  outdir: '.',
  litelement: true,
  packagejson: false,
};
