/** `npm run restore -- <file>`: loads a backup into an empty database of either engine. */
import { existsSync } from 'node:fs';
import { restoreFromFile } from '../store/dump.js';
import { runCommand, UsageError } from './command.js';

const USAGE = `Usage:
  npm run restore -- <file>           loads the backup <file> into the empty database of DATABASE_URL
  npm run restore -- <file> --force   replaces the data the database holds (stop every Parvis server first)`;

await runCommand(USAGE, { creates: true }, async (store, { positionals, force }) => {
  if (positionals.length !== 1) throw new UsageError('restore takes one file.');
  const [path] = positionals;
  if (!existsSync(path)) throw new UsageError(`No file ${path}.`);
  const summary = await restoreFromFile(store, path, { force });
  console.log(`Restored ${summary.rows} rows of ${summary.tables} tables (schema ${summary.schema}) from ${path}.`);
});
