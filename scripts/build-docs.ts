/**
 * `npm run build:docs`: the developer documentation the reference server
 * serves at `/docs` — an index, and one page per element written from
 * `custom-elements.json` (itself collected from the elements' JSDoc), so the
 * pages never drift from the code. Each event's `detail` type is read from the
 * elements' `GlobalEventHandlersEventMap` declarations by the TypeScript
 * checker. Each page runs the real widget against the server's demo data.
 *
 * The pages obey the demo pages' Content-Security-Policy: no inline script or
 * style; their stylesheet and event log are files beside them.
 */
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXAMPLES } from './docs/examples.js';
import { elementDocs, ROOT, type ElementDoc, type Manifest } from './docs/manifest.js';
import { renderElement, renderIndex } from './docs/render.js';

export { EXAMPLES, type Example } from './docs/examples.js';
export * from './docs/manifest.js';
export * from './docs/render.js';

// ---------------------------------------------------------------------------
// The build

/** Fails the build when an example points at something the demo seed no longer holds. */
export async function checkExamples(root = ROOT): Promise<void> {
  const seed = JSON.parse(await readFile(join(root, 'demo/seed.json'), 'utf8')) as Record<
    string,
    Array<{ id?: string; key?: string }>
  >;
  for (const examples of Object.values(EXAMPLES)) {
    for (const { collection, id } of examples.flatMap((example) => example.uses)) {
      if (!seed[collection]?.some((entry) => (entry.id ?? entry.key) === id))
        throw new Error(`The docs' example uses ${collection} "${id}", which demo/seed.json does not hold.`);
    }
  }
}

export async function buildDocs(outDir: string, root = ROOT): Promise<ElementDoc[]> {
  await checkExamples(root);
  const manifest = JSON.parse(await readFile(join(root, 'custom-elements.json'), 'utf8')) as Manifest;
  const elements = elementDocs(manifest, root);
  const themes = (await readdir(join(root, 'src/themes')).catch(() => []))
    .filter((name) => name.endsWith('.css'))
    .map((name) => name.replace(/\.css$/, ''))
    .sort();
  await rm(outDir, { recursive: true, force: true });
  await mkdir(join(outDir, 'assets'), { recursive: true });
  await writeFile(join(outDir, 'index.html'), renderIndex(elements, themes));
  for (const element of elements)
    await writeFile(join(outDir, `${element.tag}.html`), renderElement(element, elements));
  await copyFile(join(root, 'custom-elements.json'), join(outDir, 'custom-elements.json'));
  for (const asset of ['docs.css', 'event-log.js'])
    await copyFile(join(root, 'docs/site', asset), join(outDir, 'assets', asset));
  return elements;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? join(ROOT, 'dist/docs'));
  const elements = await buildDocs(outDir);
  console.log(`Docs for ${elements.length} elements written to ${outDir}`);
}
