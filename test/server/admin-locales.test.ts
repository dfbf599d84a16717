// Every string of the admin console exists in English: xliff/admin/en.xlf holds what the console's source
// says today, each string translated with the same placeholders, and the generated module holds every one.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readConfigFileAndWriteSchema } from '@lit/localize-tools/lib/config.js';
import { RuntimeLitLocalizer } from '@lit/localize-tools/lib/modes/runtime.js';
import type { RuntimeOutputConfig } from '@lit/localize-tools/lib/types/modes.js';
import { placeholders, readUnits, type Unit, xliffProblems } from './xliff.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const config = readConfigFileAndWriteSchema(join(root, 'lit-localize.admin.json'));
const output = config.output as RuntimeOutputConfig;
const XLIFF = join(root, 'xliff/admin/en.xlf');

/** English targets that may say exactly what their French source says: words the two languages share. */
const SHARED_WORDS = new Set([
  '—',
  'Action',
  'Actions',
  'Catalan',
  'Consultation',
  'Date',
  'Description',
  'Mode',
  'Participation',
  'Question',
  'Site',
  'SMS',
  'Visible',
  'Votes',
  'Web (widgets)',
  '<x id="0" equiv-text="${n}"/> vote',
  '<x id="0" equiv-text="${n}"/> votes',
]);

/** What is wrong with the console's English XLIFF (see `xliffProblems`); French left as is is one more mistake. */
function problems(expected: ReadonlyMap<string, Unit>, xliff: string): string[] {
  return xliffProblems(expected, xliff, { file: 'xliff/admin/en.xlf', sameAsSource: SHARED_WORDS });
}

let scratch: string;
let expected: Map<string, Unit>;
let validation: string[];

before(async () => {
  // lit-localize's own build and extraction, run on a copy of the XLIFF in a scratch folder rather than on
  // xliff/admin/: first the build of the committed translations, then a fresh extraction of the source.
  scratch = mkdtempSync(join(tmpdir(), 'parvis-admin-xliff-'));
  copyFileSync(XLIFF, join(scratch, 'en.xlf'));
  const localizer = new RuntimeLitLocalizer({
    ...config,
    interchange: { format: 'xliff', xliffDir: scratch },
    output: { ...output, outputDir: join(scratch, 'locales') },
  });
  const { errors } = localizer.extractSourceMessages();
  assert.deepEqual(errors, [], 'the console has msg() calls lit-localize cannot read');
  validation = localizer.validateTranslations().errors;
  await localizer.build();
  await localizer.writeInterchangeFiles();
  expected = readUnits(readFileSync(join(scratch, 'en.xlf'), 'utf8'));
});
after(() => rmSync(scratch, { recursive: true, force: true }));

test('the console is written in French and translated into English, which its entry loads', () => {
  assert.equal(config.sourceLocale, 'fr');
  assert.deepEqual(config.targetLocales, ['en']);
  assert.equal(output.outputDir, 'src/generated/admin-locales');
  const entry = readFileSync(join(root, 'src/admin/main.ts'), 'utf8');
  assert.ok(entry.includes(`import('../generated/admin-locales/en.js')`), 'src/admin/main.ts loads no English chunk');
  const script = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.localize as string;
  assert.match(script, /lit-localize --config lit-localize\.admin\.json extract/);
  assert.match(script, /lit-localize --config lit-localize\.admin\.json build/);
});

test('every string of the console is translated into English, with its placeholders', () => {
  assert.ok(expected.size > 500, `only ${expected.size} strings extracted from the console`);
  assert.deepEqual(problems(expected, readFileSync(XLIFF, 'utf8')), []);
});

test('the generated English module is what lit-localize builds from xliff/admin/en.xlf', () => {
  const built = readFileSync(join(scratch, 'locales', 'en.ts'), 'utf8');
  const module = readFileSync(join(root, output.outputDir, 'en.ts'), 'utf8');
  assert.ok(module === built, 'src/generated/admin-locales/en.ts is out of date (run npm run localize)');
});

test('lit-localize itself finds no translation whose placeholders differ from the source', () => {
  assert.deepEqual(validation, []);
});

test('the check notices a missing, empty, French or broken translation, and a string never extracted', () => {
  const xliff = readFileSync(XLIFF, 'utf8');
  const [id, unit] = [...readUnits(xliff)].find(([, { target }]) => target && placeholders(target).length > 0)!;
  const replaced = (target: string) => xliff.replace(`<target>${unit.target}</target>`, target);

  assert.deepEqual(problems(expected, replaced('')), [`${id}: not translated`]);
  assert.deepEqual(problems(expected, replaced('<target> </target>')), [`${id}: not translated`]);
  assert.deepEqual(problems(expected, replaced(`<target>${unit.source}</target>`)), [`${id}: left in French`]);
  assert.match(problems(expected, replaced('<target>lost</target>')).join('\n'), new RegExp(`^${id}: placeholders`));

  const added = new Map([...expected, ['s-added-to-the-console', { source: 'Nouveau texte', target: null }]]);
  assert.deepEqual(problems(added, xliff), [
    's-added-to-the-console: not in xliff/admin/en.xlf (run npm run localize)',
  ]);
  const [firstId, first] = [...expected][0];
  const reworded = new Map([...expected, [firstId, { ...first, source: `${first.source} (reformulé)` }]]);
  assert.deepEqual(problems(reworded, xliff), [`${firstId}: its source changed (run npm run localize)`]);
});
