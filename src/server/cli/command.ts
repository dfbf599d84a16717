import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig, sqlitePath } from '../config.js';
import { BackupError } from '../store/dump.js';
import { openStore, type Store } from '../store/database.js';

/** A mistake of the person who typed the command: told in a sentence and the usage, without a stack. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface CommandLine {
  positionals: string[];
  force: boolean;
}

/**
 * Runs a command on the database of DATABASE_URL, read as the server reads
 * it, and closes the database after. An error sets the exit code to 1. Only a
 * command that `creates` the database may find no SQLite file: for the others,
 * a mistyped path must not leave an empty database behind.
 */
export async function runCommand(
  usage: string,
  { creates }: { creates: boolean },
  main: (store: Store, line: CommandLine) => Promise<void>,
) {
  let store: Store | null = null;
  try {
    const line = readCommandLine();
    const config = loadConfig();
    const path = sqlitePath(config);
    if (!creates && path && path !== ':memory:' && !existsSync(path))
      throw new UsageError(`No database at ${path}: DATABASE_URL must name the server's.`);
    store = openStore(config.databaseUrl, path);
    await main(store, line);
  } catch (error) {
    process.exitCode = 1;
    if (error instanceof UsageError) console.error(`${error.message}\n\n${usage}`);
    else if (error instanceof BackupError) console.error(error.message);
    else console.error(error);
  } finally {
    await store?.close();
  }
}

function readCommandLine(): CommandLine {
  try {
    const { values, positionals } = parseArgs({
      options: { force: { type: 'boolean', default: false } },
      allowPositionals: true,
    });
    return { positionals, force: values.force ?? false };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
