// The ready-made themes (src/themes/*.css): what they may set, the contrast of every colour pair they give the
// widgets, in each of their schemes, and how the server hands them to pages.
import assert from 'node:assert/strict';
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openTestApp, type TestApp } from './helpers.js';

const THEMES_DIR = new URL('../../src/themes/', import.meta.url);
const ELEMENTS_DIR = new URL('../../src/elements/', import.meta.url);

interface Block {
  selector: string;
  tokens: Map<string, string>;
}

/** The rules of a theme file, innermost first-level blocks included (those inside `@supports`). */
function parse(css: string): Block[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  return [...text.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map(([, selector, body]) => ({
    selector: selector.replace(/\s+/g, ' ').trim(),
    tokens: new Map(
      body
        .split(';')
        .map((declaration) => declaration.trim())
        .filter(Boolean)
        .map((declaration) => {
          const colon = declaration.indexOf(':');
          return [declaration.slice(0, colon).trim(), declaration.slice(colon + 1).trim()] as [string, string];
        }),
    ),
  }));
}

type Scheme = 'light' | 'dark';

/**
 * The tokens a widget gets in one scheme: `light-dark()` resolved, and the
 * blocks that apply (DSFR's dark block only in dark).
 */
function resolve(blocks: Block[], scheme: Scheme): Map<string, string> {
  const tokens = new Map<string, string>();
  for (const block of blocks) {
    if (scheme === 'light' && block.selector.includes('data-fr-theme')) continue;
    for (const [name, value] of block.tokens)
      tokens.set(
        name,
        value.replace(/light-dark\(\s*([^,()]+),\s*([^,()]+)\)/g, (_, light, dark) =>
          scheme === 'light' ? light : dark,
        ),
      );
  }
  return tokens;
}

function luminance(color: string): number {
  const hex = color.replace('#', '');
  const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
  assert.match(full, /^[0-9a-f]{6}$/i, `${color} is a hex colour`);
  const [r, g, b] = [0, 2, 4]
    .map((at) => parseInt(full.slice(at, at + 2), 16) / 255)
    .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** Every pair the widgets paint, and the ratio it needs: 4.5 for text, 3 for the parts of a control. */
const PAIRS: Array<[foreground: string, background: string, minimum: number, what: string]> = [
  ['--parvis-color-text', '--parvis-color-surface', 4.5, 'text'],
  ['--parvis-color-muted', '--parvis-color-surface', 4.5, 'hints, counts, dates'],
  ['--parvis-color-primary', '--parvis-color-surface', 4.5, 'vote buttons, secondary buttons, links'],
  ['--parvis-color-on-primary', '--parvis-color-primary', 4.5, 'filled buttons, pressed votes'],
  ['--parvis-color-danger', '--parvis-color-surface', 4.5, 'errors'],
  ['--parvis-color-success', '--parvis-color-surface', 4.5, 'funded projects'],
  ['--parvis-color-text', '--parvis-idea-box-answer-surface', 4.5, 'the city’s answer'],
  ['--parvis-color-text', '--parvis-idea-box-track-color', 4.5, 'an idea’s status'],
  ['--parvis-color-border', '--parvis-color-surface', 3, 'fields and cards'],
  ['--parvis-color-primary', '--parvis-poll-track-color', 3, 'a result bar on its track'],
  ['--parvis-color-primary', '--parvis-budget-track-color', 3, 'the budget gauge on its track'],
  ['--parvis-color-primary', '--parvis-idea-box-answer-surface', 3, 'the answer’s edge'],
  ['--parvis-focus-ring', '--parvis-color-surface', 3, 'the focus ring'],
];

async function themeFiles(): Promise<Array<{ name: string; blocks: Block[] }>> {
  const names = (await readdir(THEMES_DIR)).filter((name) => name.endsWith('.css')).sort();
  return Promise.all(
    names.map(async (name) => ({
      name: name.replace(/\.css$/, ''),
      blocks: parse(await readFile(new URL(name, THEMES_DIR), 'utf8')),
    })),
  );
}

describe('the theme files', () => {
  test('are default, dark and dsfr', async () => {
    assert.deepEqual(
      (await themeFiles()).map(({ name }) => name),
      ['dark', 'default', 'dsfr'],
    );
  });

  test('set --parvis-* tokens only, without specificity, so that the page’s own values win', async () => {
    for (const { name, blocks } of await themeFiles()) {
      for (const { selector, tokens } of blocks) {
        assert.match(selector, /^:where\(.*\)$/, `${name}: ${selector}`);
        for (const token of tokens.keys()) assert.match(token, /^--parvis-[a-z-]+$/, `${name}: ${token}`);
      }
    }
  });

  test('each declare every token another declares: a theme on a section replaces the page’s theme in full', async () => {
    const files = await themeFiles();
    const all = new Set(files.flatMap(({ blocks }) => blocks.flatMap(({ tokens }) => [...tokens.keys()])));
    for (const { name, blocks } of files) assert.deepEqual(new Set(blocks[0].tokens.keys()), all, name);
  });

  test('give every colour pair the contrast WCAG asks, in each scheme', async (t) => {
    const failures: string[] = [];
    for (const { name, blocks } of await themeFiles()) {
      for (const scheme of ['light', 'dark'] as const) {
        const tokens = resolve(blocks, scheme);
        // A theme the same in both schemes (dark) is checked once.
        const single = JSON.stringify([...resolve(blocks, 'light')]) === JSON.stringify([...resolve(blocks, 'dark')]);
        if (single && scheme === 'light') continue;
        const figures = PAIRS.map(([foreground, background, minimum, what]) => {
          const colour = (token: string) =>
            tokens
              .get(token)!
              .split(/\s+/)
              .find((word) => word.startsWith('#'))!;
          const ratio = contrast(colour(foreground), colour(background));
          if (ratio < minimum) failures.push(`${name} ${scheme}: ${what} ${ratio.toFixed(2)} < ${minimum}`);
          return `${what} ${ratio.toFixed(2)}`;
        });
        t.diagnostic(`${single ? name : `${name}, ${scheme}`}: ${figures.join('; ')}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  test('the default theme, light, is the look the widgets have without a theme', async () => {
    const light = resolve((await themeFiles()).find(({ name }) => name === 'default')!.blocks, 'light');
    const fallbacks = new Map<string, string>();
    for (const file of await readdir(ELEMENTS_DIR, { recursive: true })) {
      if (!file.endsWith('styles.ts')) continue;
      const source = await readFile(new URL(file, ELEMENTS_DIR), 'utf8');
      for (const [, token, value] of source.matchAll(/var\((--parvis-[a-z-]+), ([^$()]+)\)/g))
        if (light.has(token) && light.get(token) !== 'initial') fallbacks.set(`${file} ${token}`, value.trim());
    }
    assert.ok(fallbacks.size > 20, 'the widgets’ fallbacks are found');
    for (const [where, value] of fallbacks) assert.equal(light.get(where.split(' ')[1]), value, where);
  });

  test('the DSFR theme uses the State’s values: bleu France, its focus ring, square corners, Marianne', async () => {
    const dsfr = (await themeFiles()).find(({ name }) => name === 'dsfr')!;
    const light = resolve(dsfr.blocks, 'light');
    assert.equal(light.get('--parvis-color-primary'), '#000091');
    assert.equal(light.get('--parvis-focus-ring'), '2px solid #0a76f6');
    assert.equal(light.get('--parvis-radius'), '0');
    assert.equal(light.get('--parvis-font-family'), "'Marianne', arial, sans-serif");
    assert.equal(resolve(dsfr.blocks, 'dark').get('--parvis-color-primary'), '#8585f6');
  });
});

describe('the theme files, served', () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp();
    await mkdir(join(t.widgetsDir, 'themes'));
    for (const name of await readdir(THEMES_DIR))
      await copyFile(new URL(name, THEMES_DIR), join(t.widgetsDir, 'themes', name));
  });
  after(() => t.dispose());

  test('beside parvis.js, as CSS any site may link, revalidated on each use', async () => {
    for (const name of ['default', 'dsfr', 'dark']) {
      const response = await t.app.request(`/themes/${name}.css`);
      assert.equal(response.status, 200, name);
      assert.equal(response.headers.get('Content-Type'), 'text/css; charset=utf-8');
      assert.equal(response.headers.get('Access-Control-Allow-Origin'), '*');
      assert.equal(response.headers.get('Cache-Control'), 'no-cache');
      assert.equal(await response.text(), await readFile(new URL(`${name}.css`, THEMES_DIR), 'utf8'));
      const etag = response.headers.get('ETag')!;
      assert.equal((await t.app.request(`/themes/${name}.css`, { headers: { 'If-None-Match': etag } })).status, 304);
    }
    const compressed = await t.app.request('/themes/dsfr.css', { headers: { 'Accept-Encoding': 'br' } });
    assert.equal(compressed.headers.get('Content-Encoding'), 'br');
    assert.equal((await t.app.request('/themes/neon.css')).status, 404);
  });
});
