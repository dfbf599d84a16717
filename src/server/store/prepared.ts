import { type Compilable, type CompiledQuery, type Kysely, type QueryResult } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database>;

const MARK = '\u0000parvis-argument:';

/**
 * A query written once with Kysely's builder and run many times with new
 * arguments. Building and compiling a query costs several times more than
 * SQLite takes to run it, and the vote path runs a few per vote, so each
 * dialect compiles it once; `arg(name)` marks where an argument goes.
 */
export function prepared<Args extends Record<string, unknown>, Row>(
  build: (db: Db, arg: <K extends keyof Args & string>(name: K) => Args[K]) => Compilable<Row>,
): (db: Db, args: Args) => Promise<QueryResult<Row>> {
  const byDialect = new Map<unknown, { template: CompiledQuery<Row>; slots: Array<string | null> }>();
  const arg = (name: string) => `${MARK}${name}` as never;
  return (db, args) => {
    const dialect = db.getExecutor().adapter.constructor;
    let compiled = byDialect.get(dialect);
    if (!compiled) {
      const template = build(db, arg).compile();
      const slots = template.parameters.map((value) =>
        typeof value === 'string' && value.startsWith(MARK) ? value.slice(MARK.length) : null,
      );
      compiled = { template, slots };
      byDialect.set(dialect, compiled);
    }
    const { template, slots } = compiled;
    const parameters = slots.map((slot, index) => (slot === null ? template.parameters[index] : args[slot]));
    return db.executeQuery<Row>({ ...template, parameters });
  };
}
