// Every widget string exists in every language: the XLIFF files hold what the source says today, each
// translated with the same placeholders, and the generated locale modules hold every translation.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readConfigFileAndWriteSchema } from '@lit/localize-tools/lib/config.js';
import { RuntimeLitLocalizer } from '@lit/localize-tools/lib/modes/runtime.js';
import type { RuntimeOutputConfig } from '@lit/localize-tools/lib/types/modes.js';
import { TARGET_LOCALES } from '../../src/client/config.js';
import { placeholders, readUnits, type Unit, xliffProblems } from './xliff.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const config = readConfigFileAndWriteSchema(join(root, 'lit-localize.json'));
const output = config.output as RuntimeOutputConfig;
const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** What is wrong with a locale's XLIFF file (see `xliffProblems`). */
function problems(expected: Map<string, Unit>, xliff: string): string[] {
  return xliffProblems(expected, xliff, { file: 'the file' });
}

let scratch: string;
let expected: Map<string, Unit>;
let sourceIds: string[];

before(async () => {
  // lit-localize's own extraction, written to a scratch folder rather than over xliff/.
  scratch = mkdtempSync(join(tmpdir(), 'parvis-xliff-'));
  const extractor = new RuntimeLitLocalizer({
    ...config,
    interchange: { format: 'xliff', xliffDir: scratch },
    output,
  });
  const { messages, errors } = extractor.extractSourceMessages();
  assert.deepEqual(errors, [], 'the source has msg() calls lit-localize cannot read');
  sourceIds = messages.map((message) => message.name);
  await extractor.writeInterchangeFiles();
  expected = readUnits(readFileSync(join(scratch, `${TARGET_LOCALES[0]}.xlf`), 'utf8'));
  // And its own build of the committed XLIFF files, to compare with the committed modules.
  await new RuntimeLitLocalizer({ ...config, output: { ...output, outputDir: join(scratch, 'locales') } }).build();
});
after(() => rmSync(scratch, { recursive: true, force: true }));

test('lit-localize, the entry and the configuration list the same languages', () => {
  assert.deepEqual(config.targetLocales, [...TARGET_LOCALES]);
  const entry = readFileSync(join(root, 'src/parvis.ts'), 'utf8');
  for (const locale of TARGET_LOCALES) {
    assert.ok(
      entry.includes(`${locale}: () => import('./generated/locales/${locale}.js')`),
      `src/parvis.ts loads no chunk for ${locale}`,
    );
  }
});

for (const locale of TARGET_LOCALES) {
  test(`${locale}: every string of every widget is translated, with its placeholders`, () => {
    const file = join(root, 'xliff', `${locale}.xlf`);
    assert.ok(existsSync(file), `xliff/${locale}.xlf is missing (run npm run localize)`);
    assert.deepEqual(problems(expected, readFileSync(file, 'utf8')), []);
  });

  test(`${locale}: the generated module is what lit-localize builds from the XLIFF file`, () => {
    const built = readFileSync(join(scratch, 'locales', `${locale}.ts`), 'utf8');
    const module = readFileSync(join(root, output.outputDir, `${locale}.ts`), 'utf8');
    assert.ok(module === built, `src/generated/locales/${locale}.ts is out of date (run npx lit-localize build)`);
  });
}

test('lit-localize itself finds no translation whose placeholders differ from the source', () => {
  const localizer = new RuntimeLitLocalizer({ ...config, output });
  assert.deepEqual(localizer.validateTranslations().errors, []);
});

test('every counted wording has its six plural forms, one per CLDR category', () => {
  const plural = new RegExp(`^(.+)\\.(${CATEGORIES.join('|')})$`);
  const stems = new Set(sourceIds.flatMap((id) => plural.exec(id)?.[1] ?? []));
  assert.ok(stems.size > 0, 'no plural forms found in the source');
  for (const stem of stems) {
    const missing = CATEGORIES.filter((category) => !sourceIds.includes(`${stem}.${category}`));
    assert.deepEqual(missing, [], `${stem} lacks plural forms`);
  }
});

test('the check notices a missing translation, a changed placeholder and a string never extracted', () => {
  const xliff = readFileSync(join(root, 'xliff', 'en.xlf'), 'utf8');
  const [id, unit] = [...readUnits(xliff)].find(([, { target }]) => target && placeholders(target).length > 0)!;

  const untranslated = xliff.replace(`<target>${unit.target}</target>`, '');
  assert.deepEqual(problems(expected, untranslated), [`${id}: not translated`]);

  const emptied = xliff.replace(`<target>${unit.target}</target>`, '<target> </target>');
  assert.deepEqual(problems(expected, emptied), [`${id}: not translated`]);

  const placeholderLost = xliff.replace(`<target>${unit.target}</target>`, '<target>lost</target>');
  assert.match(problems(expected, placeholderLost).join('\n'), new RegExp(`^${id}: placeholders`));

  const added = new Map([...expected, ['s-added-to-the-source', { source: 'Nouveau texte', target: null }]]);
  assert.deepEqual(problems(added, xliff), ['s-added-to-the-source: not in the file (run npm run localize)']);

  const [firstId, first] = [...expected][0];
  const reworded = new Map([...expected, [firstId, { ...first, source: `${first.source} (reformulé)` }]]);
  assert.deepEqual(problems(reworded, xliff), [`${firstId}: its source changed (run npm run localize)`]);
});
