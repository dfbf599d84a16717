import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase as KyselySqliteDatabase } from 'kysely';
import pg from 'pg';
import { GroupCommit, type Refusal } from './group-commit.js';
import { migrateTo, migrateToLatest } from './migrations.js';
import type { Database } from './schema.js';

export type Engine = 'sqlite' | 'postgres';

export interface Store {
  readonly engine: Engine;
  /** For reads. On SQLite a connection of its own, so reads never wait for a batch being written. */
  readonly db: Kysely<Database>;
  /**
   * Runs `work` in a transaction and resolves after it committed. A thrown
   * error rolls back everything `work` wrote, and nothing else. With
   * `refused`, `work` promises to have written nothing when it throws an error
   * that `refused` recognises, and runs without a savepoint (see GroupCommit).
   */
  write<T>(work: (trx: Kysely<Database>) => Promise<T>, refused?: Refusal): Promise<T>;
  /** To the latest schema, or up to the migration `to` and no further (a restore loads an older backup so). */
  migrate(to?: string): Promise<void>;
  close(): Promise<void>;
}

/** Opens `postgres://…` with a pool, anything else as the SQLite file at `sqlitePath`. */
export function openStore(url: string, sqlitePath: string | null): Store {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return openPostgres(url);
  if (!sqlitePath) throw new Error(`DATABASE_URL must start with sqlite: or postgres://, not "${url}"`);
  return openSqlite(sqlitePath);
}

function openPostgres(connectionString: string): Store {
  const pool = new pg.Pool({ connectionString, max: 20 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  // Every vote updates the same counter rows, so concurrent transactions would
  // wait for each other's commit anyway: one batch at a time, one commit per batch.
  const commits = new GroupCommit(db);
  return {
    engine: 'postgres',
    db,
    write: (work, refused) => commits.submit(work, refused),
    migrate: (to) => (to ? migrateTo(db, to) : migrateToLatest(db)),
    async close() {
      await commits.drain();
      await db.destroy();
    },
  };
}

function openSqlite(path: string): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const writerConnection = connect(path);
  // An in-memory database exists only in its own connection.
  const readerConnection = path === ':memory:' ? writerConnection : connect(path);
  const writer = new Kysely<Database>({
    dialect: new SqliteDialect({ database: cachingStatements(writerConnection) }),
  });
  const reader =
    readerConnection === writerConnection
      ? writer
      : new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(readerConnection) }) });
  const commits = new GroupCommit(writer);
  return {
    engine: 'sqlite',
    db: reader,
    write: (work, refused) => commits.submit(work, refused),
    migrate: (to) => (to ? migrateTo(writer, to) : migrateToLatest(writer)),
    async close() {
      await commits.drain();
      await reader.destroy();
      await writer.destroy();
      // Kysely closes only the connections it has used. The last one to close folds the log into the file.
      for (const connection of [readerConnection, writerConnection]) if (connection.open) connection.close();
    },
  };
}

function connect(path: string): SqliteDatabase.Database {
  const connection = new SqliteDatabase(path);
  connection.pragma('journal_mode = WAL');
  // FULL: a committed vote survives a power cut, not only a crash of the process.
  connection.pragma('synchronous = FULL');
  connection.pragma('busy_timeout = 5000');
  connection.pragma('foreign_keys = ON');
  return connection;
}

/**
 * Kysely prepares every query anew; preparing costs more than running a
 * small statement, so statements are kept by their SQL text.
 */
function cachingStatements(connection: SqliteDatabase.Database): KyselySqliteDatabase {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => {
      if (connection.open) connection.close();
    },
    prepare(sqlText) {
      let statement = statements.get(sqlText);
      if (!statement) {
        if (statements.size >= 1_000) statements.clear();
        statement = connection.prepare(sqlText);
        statements.set(sqlText, statement);
      }
      return statement as unknown as ReturnType<KyselySqliteDatabase['prepare']>;
    },
  };
}
