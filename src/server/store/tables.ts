import { type Kysely, sql } from 'kysely';
import type { Engine } from './database.js';
import type { Database } from './schema.js';

export type Row = Record<string, unknown>;
/** The database seen as tables of unknown rows: every table, including those of migrations written after this file. */
export type AnyDb = Kysely<Record<string, Row>>;

export function anyTables(db: Kysely<Database>): AnyDb {
  return db as unknown as AnyDb;
}

export interface TableInfo {
  name: string;
  /** In the order of their creation. */
  columns: string[];
  /** Columns numbered by the database (`audit_log.id`): PostgreSQL's sequences must follow a restore. */
  serial: string[];
}

/** Rows read per query: a large table passes through memory a batch at a time. */
export const BATCH_ROWS = 500;

/**
 * The tables of the database, each after every table it refers to: rows
 * inserted in this order satisfy the foreign keys, and deleted in the reverse
 * order leave none dangling. Kysely's own bookkeeping tables are left out.
 */
export async function tablesInOrder(db: AnyDb, engine: Engine): Promise<TableInfo[]> {
  const schema = engine === 'postgres' ? await currentSchema(db) : undefined;
  const tables = (await db.introspection.getTables())
    .filter((table) => !table.isView && table.schema === schema)
    .map((table) => ({
      name: table.name,
      columns: table.columns.map((column) => column.name),
      serial: table.columns.filter((column) => column.isAutoIncrementing).map((column) => column.name),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const parents = await foreignKeys(db, engine);
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter(
      (table) =>
        !placed.has(table.name) &&
        (parents.get(table.name) ?? []).every((parent) => parent === table.name || placed.has(parent)),
    );
    if (ready.length === 0) throw new Error('The foreign keys between the tables form a cycle');
    for (const table of ready) placed.add(table.name);
    ordered.push(...ready);
  }
  return ordered;
}

export async function countRows(db: AnyDb, table: string): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select(sql<string | number>`count(*)`.as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Every row of `table`, a batch at a time, from a transaction that sees one
 * snapshot: better-sqlite3 steps through the rows; on PostgreSQL a cursor
 * fetches them, since `pg` alone would read the whole result at once.
 */
export async function* rowBatches(trx: AnyDb, engine: Engine, table: string): AsyncGenerator<Row[]> {
  if (engine === 'sqlite') {
    let batch: Row[] = [];
    for await (const row of trx.selectFrom(table).selectAll().stream()) {
      batch.push(row);
      if (batch.length === BATCH_ROWS) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
    return;
  }
  await sql`declare parvis_rows no scroll cursor for select * from ${sql.table(table)}`.execute(trx);
  try {
    for (;;) {
      const { rows } = await sql<Row>`fetch forward ${sql.lit(BATCH_ROWS)} from parvis_rows`.execute(trx);
      if (rows.length === 0) return;
      yield rows;
    }
  } finally {
    await sql`close parvis_rows`.execute(trx);
  }
}

/** After rows were inserted with their own numbers, the next number PostgreSQL gives follows the largest. */
export async function resetSequences(trx: AnyDb, engine: Engine, tables: TableInfo[]): Promise<void> {
  // SQLite numbers from the largest row id by itself.
  if (engine === 'sqlite') return;
  for (const table of tables) {
    for (const column of table.serial) {
      await sql`select setval(pg_get_serial_sequence(${table.name}, ${column}), coalesce(max(${sql.ref(column)}), 0) + 1, false)
        from ${sql.table(table.name)}`.execute(trx);
    }
  }
}

async function currentSchema(db: AnyDb): Promise<string> {
  return (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0].schema;
}

/** For each table, the tables its foreign keys refer to. */
async function foreignKeys(db: AnyDb, engine: Engine): Promise<Map<string, string[]>> {
  const { rows } =
    engine === 'sqlite'
      ? await sql<{ child: string; parent: string }>`
          select m.name as child, f."table" as parent
          from sqlite_master m join pragma_foreign_key_list(m.name) f
          where m.type = 'table'`.execute(db)
      : await sql<{ child: string; parent: string }>`
          select c.relname as child, p.relname as parent
          from pg_constraint k
            join pg_class c on c.oid = k.conrelid
            join pg_class p on p.oid = k.confrelid
          where k.contype = 'f' and c.relnamespace = current_schema()::regnamespace`.execute(db);
  const parents = new Map<string, string[]>();
  for (const { child, parent } of rows) parents.set(child, [...(parents.get(child) ?? []), parent]);
  return parents;
}
