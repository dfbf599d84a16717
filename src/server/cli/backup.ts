/** `npm run backup -- <file>`: every table of the database in one file, for either engine. */
import { existsSync } from 'node:fs';
import { backupToFile } from '../store/dump.js';
import { runCommand, UsageError } from './command.js';

const USAGE = `Usage:
  npm run backup -- <file>           writes every table to <file> (JSON lines; compressed if it ends in .gz)
  npm run backup -- <file> --force   replaces <file> if it exists`;

await runCommand(USAGE, { creates: false }, async (store, { positionals, force }) => {
  if (positionals.length !== 1) throw new UsageError('backup takes one file.');
  const [path] = positionals;
  if (existsSync(path) && !force) throw new UsageError(`${path} exists: add --force to replace it.`);
  const summary = await backupToFile(store, path);
  console.log(`Backed up ${summary.rows} rows of ${summary.tables} tables (schema ${summary.schema}) to ${path}.`);
});
