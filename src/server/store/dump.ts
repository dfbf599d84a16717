import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline as pipe, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { Store } from './database.js';
import { MIGRATION_NAMES, schemaVersion } from './migrations.js';
import {
  type AnyDb,
  anyTables,
  BATCH_ROWS,
  countRows,
  resetSequences,
  type Row,
  rowBatches,
  type TableInfo,
  tablesInOrder,
} from './tables.js';

/**
 * A backup is JSON lines, the same for both engines: this header, then for
 * each table a line `{ table, columns, rows }` followed by its rows (one JSON
 * array of values per line, in the order of `columns`), then `{ "end": true }`.
 * Parents come before the tables that refer to them, so a restore inserts in
 * the order it reads. A file cut short lacks rows or the end: it is refused.
 */
export interface BackupHeader {
  format: typeof FORMAT;
  version: 1;
  /** The last migration applied to the database backed up. */
  schema: string;
  engine: Store['engine'];
  createdAt: string;
}

interface TableHeader {
  table: string;
  columns: string[];
  rows: number;
}

export interface BackupSummary {
  schema: string;
  tables: number;
  rows: number;
}

/** A backup that cannot be restored here, or a database it cannot be restored into: said in one sentence. */
export class BackupError extends Error {
  override name = 'BackupError';
}

const FORMAT = 'parvis-backup';
/** Both engines bound the parameters of one statement (SQLite to 32,766): a wide table inserts fewer rows at once. */
const MAX_PARAMETERS = 30_000;

/**
 * Writes every table to `path` from one snapshot, so a backup of a running
 * server is a consistent moment. Compressed when `path` ends in `.gz`. The file
 * appears only once complete.
 */
export async function backupToFile(store: Store, path: string): Promise<BackupSummary> {
  const partial = `${path}.partial`;
  try {
    const summary = await inSnapshot(store, async (trx) => {
      const schema = await schemaVersion(trx);
      if (!schema) throw new BackupError('This database holds no Parvis schema: nothing to back up.');
      const tables = await tablesInOrder(trx, store.engine);
      const summary: BackupSummary = { schema, tables: tables.length, rows: 0 };
      const header: BackupHeader = {
        format: FORMAT,
        version: 1,
        schema,
        engine: store.engine,
        createdAt: new Date().toISOString(),
      };
      async function* lines() {
        yield `${JSON.stringify(header)}\n`;
        for (const table of tables) {
          const rows = await countRows(trx, table.name);
          yield `${JSON.stringify({ table: table.name, columns: table.columns, rows } satisfies TableHeader)}\n`;
          for await (const batch of rowBatches(trx, store.engine, table.name)) {
            summary.rows += batch.length;
            yield batch.map((row) => `${JSON.stringify(table.columns.map((column) => row[column]))}\n`).join('');
          }
        }
        yield `${JSON.stringify({ end: true })}\n`;
      }
      const source = Readable.from(lines());
      const file = createWriteStream(partial);
      await (path.endsWith('.gz') ? pipeline(source, createGzip(), file) : pipeline(source, file));
      return summary;
    });
    await rename(partial, path);
    return summary;
  } finally {
    await rm(partial, { force: true });
  }
}

/**
 * Loads a backup into a database without data (or, with `force`, whose data
 * it replaces), in one transaction: a damaged file leaves the data as it was.
 * The schema is first brought to the backup's, then to the latest once loaded.
 */
export async function restoreFromFile(store: Store, path: string, { force = false } = {}): Promise<BackupSummary> {
  const file = createReadStream(path);
  // pipeline, not pipe: an error reading the file reaches the lines.
  const input = path.endsWith('.gz') ? pipe(file, createGunzip(), () => {}) : file;
  const lines = createInterface({ input, crlfDelay: Infinity });
  const reader = numbered(lines[Symbol.asyncIterator]());
  try {
    const header = readHeader(await reader.next());
    const known = MIGRATION_NAMES.indexOf(header.schema);
    if (known < 0)
      throw new BackupError(
        `This backup was made with a newer Parvis (schema ${header.schema}); this one knows up to ${MIGRATION_NAMES.at(-1)}.`,
      );
    const applied = await schemaVersion(store.db);
    if (applied !== null && !force && (await holdsData(store))) {
      throw new BackupError('This database holds data: restore into an empty database, or add --force to replace it.');
    }
    if (applied === null || MIGRATION_NAMES.indexOf(applied) < known) await store.migrate(header.schema);
    const summary = await store.write(async (db) => {
      const trx = anyTables(db);
      const tables = await tablesInOrder(trx, store.engine);
      if (force) for (const table of [...tables].reverse()) await trx.deleteFrom(table.name).execute();
      const loaded = await load(trx, tables, reader);
      await resetSequences(trx, store.engine, tables);
      return { schema: header.schema, ...loaded };
    });
    await store.migrate();
    return summary;
  } catch (error) {
    // zlib's codes: the .gz file is cut short or is not gzip.
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('Z_'))
      throw new BackupError(`The compressed backup is damaged: ${error.message}.`);
    throw error;
  } finally {
    lines.close();
    file.destroy();
  }
}

async function load(trx: AnyDb, tables: TableInfo[], reader: NumberedLines): Promise<{ tables: number; rows: number }> {
  const known = new Map(tables.map((table) => [table.name, table]));
  const counts = { tables: 0, rows: 0 };
  let current: (TableHeader & { read: number }) | null = null;
  let batch: Row[] = [];
  const flush = async () => {
    if (current && batch.length > 0) await trx.insertInto(current.table).values(batch).execute();
    batch = [];
  };
  const finishTable = async () => {
    await flush();
    if (current && current.read !== current.rows)
      throw new BackupError(
        `The backup is cut short: table ${current.table} has ${current.read} of its ${current.rows} rows.`,
      );
  };
  for (;;) {
    const { line, number } = await reader.next();
    if (line === null) {
      await finishTable();
      throw new BackupError('The backup is cut short: it lacks its end.');
    }
    if (line.trim() === '') continue;
    const value = parseLine(line, number);
    if (Array.isArray(value)) {
      if (!current) throw damaged(number, 'a row before any table');
      if (value.length !== current.columns.length)
        throw damaged(number, `a row of ${current.table} with other columns`);
      batch.push(Object.fromEntries(current.columns.map((column, i) => [column, value[i]])));
      current.read += 1;
      counts.rows += 1;
      if (batch.length >= Math.min(BATCH_ROWS, MAX_PARAMETERS / current.columns.length)) await flush();
    } else if (isTableHeader(value)) {
      await finishTable();
      const target = known.get(value.table);
      if (!target) throw damaged(number, `table ${value.table}, which this schema does not have`);
      const unknown = value.columns.filter((column) => !target.columns.includes(column));
      if (unknown.length > 0) throw damaged(number, `columns ${unknown.join(', ')} of ${value.table}, unknown here`);
      current = { ...value, read: 0 };
      counts.tables += 1;
    } else if (value && typeof value === 'object' && 'end' in value) {
      await finishTable();
      return counts;
    } else {
      throw damaged(number, 'a line that is neither a table, a row nor the end');
    }
  }
}

function readHeader({ line }: { line: string | null }): BackupHeader {
  let header: Partial<BackupHeader> | null = null;
  try {
    header = line === null ? null : (JSON.parse(line) as Partial<BackupHeader>);
  } catch {
    // Said below, as for any file that is not a backup.
  }
  if (header?.format !== FORMAT || typeof header.schema !== 'string')
    throw new BackupError('This file is not a Parvis backup.');
  if (header.version !== 1) throw new BackupError(`This backup has format version ${header.version}, unknown here.`);
  return header as BackupHeader;
}

async function holdsData(store: Store): Promise<boolean> {
  const db = anyTables(store.db);
  for (const table of await tablesInOrder(db, store.engine)) if ((await countRows(db, table.name)) > 0) return true;
  return false;
}

function parseLine(line: string, number: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw damaged(number, 'a line that is not JSON');
  }
}

function isTableHeader(value: unknown): value is TableHeader {
  const header = value as TableHeader;
  return (
    typeof header === 'object' &&
    header !== null &&
    typeof header.table === 'string' &&
    Array.isArray(header.columns) &&
    header.columns.every((column) => typeof column === 'string') &&
    Number.isSafeInteger(header.rows)
  );
}

function damaged(line: number, what: string): BackupError {
  return new BackupError(`The backup is damaged: line ${line} holds ${what}.`);
}

/** Read in one snapshot: PostgreSQL's repeatable read; SQLite's read transaction sees one state of the file. */
function inSnapshot<T>(store: Store, work: (trx: AnyDb) => Promise<T>): Promise<T> {
  const transaction = anyTables(store.db).transaction();
  return (
    store.engine === 'postgres'
      ? transaction.setIsolationLevel('repeatable read').setAccessMode('read only')
      : transaction
  ).execute(work);
}

interface NumberedLines {
  next(): Promise<{ line: string | null; number: number }>;
}

function numbered(lines: AsyncIterator<string>): NumberedLines {
  let number = 0;
  return {
    async next() {
      const { value, done } = await lines.next();
      number += 1;
      return { line: done ? null : value, number };
    },
  };
}
