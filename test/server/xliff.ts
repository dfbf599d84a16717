// Reading XLIFF 1.2 as lit-localize writes it, for the tests that check every string is translated.

export interface Unit {
  source: string;
  target: string | null;
}

/** The trans-units of an XLIFF file, by id. */
export function readUnits(xliff: string): Map<string, Unit> {
  const units = new Map<string, Unit>();
  for (const [, id, body] of xliff.matchAll(/<trans-unit id="([^"]+)"[^>]*>([\s\S]*?)<\/trans-unit>/g)) {
    const source = /<source>([\s\S]*?)<\/source>/.exec(body)?.[1] ?? '';
    const target = /<target>([\s\S]*?)<\/target>/.exec(body)?.[1] ?? null;
    units.set(id, { source, target });
  }
  return units;
}

/** The placeholders of a message, as the expressions they stand for, sorted. */
export function placeholders(xml: string): string[] {
  return [...xml.matchAll(/<x id="\d+" equiv-text="([^"]*)"\/>/g)].map(([, expression]) => expression).sort();
}

/**
 * What is wrong with a locale's XLIFF file, given the units a fresh extraction of the source writes:
 * a message missing or stale (the source changed without `npm run localize`), an empty translation,
 * one left in the source language (when `sameAsSource` says which may stay so), one whose placeholders
 * differ from the source's, a unit the source no longer has. `file` names the file in what is said.
 */
export function xliffProblems(
  expected: ReadonlyMap<string, Unit>,
  xliff: string,
  options: { file: string; sameAsSource?: ReadonlySet<string> },
): string[] {
  const found = readUnits(xliff);
  const said: string[] = [];
  for (const [id, { source }] of expected) {
    const unit = found.get(id);
    if (!unit) said.push(`${id}: not in ${options.file} (run npm run localize)`);
    else if (unit.source !== source) said.push(`${id}: its source changed (run npm run localize)`);
    else if (!unit.target?.trim()) said.push(`${id}: not translated`);
    else if (options.sameAsSource && unit.target === source && !options.sameAsSource.has(source))
      said.push(`${id}: left in French`);
    else if (placeholders(unit.target).join('\n') !== placeholders(source).join('\n')) {
      said.push(
        `${id}: placeholders ${placeholders(unit.target).join(' ')} instead of ${placeholders(source).join(' ')}`,
      );
    }
  }
  for (const id of found.keys())
    if (!expected.has(id)) said.push(`${id}: no longer in the source (run npm run localize)`);
  return said;
}
