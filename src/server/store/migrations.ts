import {
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
  Migrator,
  SqliteAdapter,
  sql,
} from 'kysely';

/** Every schema change, in order. Never edit a migration once released: add one. */
const migrations: Record<string, Migration> = {
  '0001_polls': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('polls')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('question', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('multiple', 'integer', (c) => c.notNull())
        .addColumn('min_choices', 'integer', (c) => c.notNull())
        .addColumn('max_choices', 'integer', (c) => c.notNull())
        .addColumn('opens_at', 'text')
        .addColumn('closes_at', 'text')
        .addColumn('results_visibility', 'text', (c) => c.notNull())
        .addColumn('allow_change', 'integer', (c) => c.notNull())
        .addColumn('requires_verification', 'integer', (c) => c.notNull())
        .addColumn('closed', 'integer', (c) => c.notNull())
        .addColumn('voters', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('poll_options')
        .addColumn('poll_id', 'text', (c) => c.notNull().references('polls.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('votes', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('poll_options_pk', ['poll_id', 'id'])
        .execute();
      await db.schema
        .createTable('poll_votes')
        .addColumn('poll_id', 'text', (c) => c.notNull().references('polls.id').onDelete('cascade'))
        .addColumn('voter', 'text', (c) => c.notNull())
        .addColumn('choices', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        // One vote per voter per poll is this constraint, never a prior read.
        .addUniqueConstraint('poll_votes_one_per_voter', ['poll_id', 'voter'])
        .execute();
      await db.schema
        .createTable('idempotency_keys')
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('request_hash', 'text', (c) => c.notNull())
        .addColumn('status', 'integer', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('idempotency_keys_one_per_voter', ['scope', 'key'])
        .execute();
      await db.schema.createIndex('idempotency_keys_created_at').on('idempotency_keys').column('created_at').execute();
    },
  },
  '0002_subjects': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('subjects')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('site', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('up', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('down', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('closed', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        // Namespacing by site: two sites may both have a subject `actu-1`, separately.
        .addUniqueConstraint('subjects_one_key_per_site', ['site', 'key'])
        .execute();
      await db.schema
        .createTable('subject_votes')
        .addColumn('subject_id', 'text', (c) => c.notNull().references('subjects.id').onDelete('cascade'))
        .addColumn('voter', 'text', (c) => c.notNull())
        .addColumn('value', 'integer', (c) => c.notNull())
        .addColumn('commented', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        // One vote per voter per subject is this constraint, never a prior read.
        .addUniqueConstraint('subject_votes_one_per_voter', ['subject_id', 'voter'])
        .execute();
      await db.schema
        .createTable('subject_comments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('subject_id', 'text', (c) => c.notNull().references('subjects.id').onDelete('cascade'))
        .addColumn('voter', 'text', (c) => c.notNull())
        .addColumn('value', 'integer', (c) => c.notNull())
        .addColumn('comment', 'text', (c) => c.notNull())
        .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('subject_comments_by_subject')
        .on('subject_comments')
        .columns(['subject_id', 'created_at'])
        .execute();
    },
  },
  '0003_ideas': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('idea_boxes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('categories', 'text', (c) => c.notNull())
        .addColumn('moderation', 'text', (c) => c.notNull())
        .addColumn('report_threshold', 'integer', (c) => c.notNull())
        .addColumn('opens_at', 'text')
        .addColumn('closes_at', 'text')
        .addColumn('requires_verification', 'integer', (c) => c.notNull())
        .addColumn('closed', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('ideas')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('box_id', 'text', (c) => c.notNull().references('idea_boxes.id').onDelete('cascade'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('category', 'text')
        .addColumn('author_name', 'text')
        .addColumn('author', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('hidden_by', 'text')
        .addColumn('moderation_note', 'text')
        .addColumn('supports', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('trending', 'double precision', (c) => c.notNull().defaultTo(0))
        .addColumn('reports', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('reports_at_review', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('answer', 'text')
        .addColumn('answered_at', 'text')
        .addColumn('merged_into', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // One index per sort, walked backwards from the cursor: a page reads its own rows and no others.
      for (const [name, key] of [
        ['ideas_top', 'supports'],
        ['ideas_new', null],
        ['ideas_trending', 'trending'],
      ] as const) {
        const columns = ['box_id', ...(key ? [key] : []), 'created_at', 'id'];
        await db.schema.createIndex(name).on('ideas').columns(columns).execute();
      }
      await db.schema.createIndex('ideas_by_status').on('ideas').columns(['box_id', 'status', 'category']).execute();
      await db.schema
        .createTable('idea_supports')
        .addColumn('idea_id', 'text', (c) => c.notNull().references('ideas.id').onDelete('cascade'))
        .addColumn('voter', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        // One support per voter per idea is this constraint, never a prior read.
        .addUniqueConstraint('idea_supports_one_per_voter', ['idea_id', 'voter'])
        .execute();
      await db.schema
        .createTable('idea_reports')
        .addColumn('idea_id', 'text', (c) => c.notNull().references('ideas.id').onDelete('cascade'))
        .addColumn('voter', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('details', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('idea_reports_one_per_voter', ['idea_id', 'voter'])
        .execute();
      await db.schema
        .createTable('used_proofs')
        .addColumn('signature', 'text', (c) => c.primaryKey())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('used_proofs_expires_at').on('used_proofs').column('expires_at').execute();
      const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
      await db.schema
        .createTable('audit_log')
        .addColumn('id', sqlite ? 'integer' : 'serial', (c) =>
          sqlite ? c.primaryKey().autoIncrement() : c.primaryKey(),
        )
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target_kind', 'text', (c) => c.notNull())
        .addColumn('target_id', 'text', (c) => c.notNull())
        .addColumn('details', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0004_budgets': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('budgets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('total', 'integer', (c) => c.notNull())
        .addColumn('districts', 'text', (c) => c.notNull())
        .addColumn('categories', 'text', (c) => c.notNull())
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('min_spend_share', 'double precision')
        .addColumn('min_projects', 'integer')
        .addColumn('max_projects', 'integer')
        .addColumn('opens_at', 'text')
        .addColumn('closes_at', 'text')
        .addColumn('allow_change', 'integer', (c) => c.notNull())
        .addColumn('requires_verification', 'integer', (c) => c.notNull())
        .addColumn('closed', 'integer', (c) => c.notNull())
        .addColumn('results_published_at', 'text')
        .addColumn('ballots', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('budget_projects')
        .addColumn('budget_id', 'text', (c) => c.notNull().references('budgets.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('cost', 'integer', (c) => c.notNull())
        .addColumn('category', 'text')
        .addColumn('district', 'text')
        .addColumn('location', 'text')
        .addColumn('image_url', 'text')
        .addColumn('image_alt', 'text')
        .addColumn('votes', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('budget_projects_pk', ['budget_id', 'id'])
        .execute();
      await db.schema
        .createTable('budget_ballots')
        .addColumn('budget_id', 'text', (c) => c.notNull().references('budgets.id').onDelete('cascade'))
        .addColumn('voter', 'text', (c) => c.notNull())
        .addColumn('district', 'text')
        .addColumn('project_ids', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        // One ballot per voter per budget is this constraint, never a prior read.
        .addUniqueConstraint('budget_ballots_one_per_voter', ['budget_id', 'voter'])
        .execute();
    },
  },
  '0005_admin_tokens': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('admin_tokens')
        .addColumn('name', 'text', (c) => c.primaryKey())
        // Null for `admin`, whose token is PARVIS_ADMIN_TOKEN or the one generated at first start.
        .addColumn('token_hash', 'text', (c) => c.unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema
        .createIndex('audit_log_by_target')
        .on('audit_log')
        .columns(['target_kind', 'target_id', 'id'])
        .execute();
    },
  },
  '0006_contributions': {
    async up(db: Kysely<any>) {
      const counts = (column: string) => sql`(case when ${sql.ref(column)} is null then 0 else 1 end)`;
      await db.schema
        .createTable('contributions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        // The consultation it counts for, one of the three: deleting the consultation deletes it.
        .addColumn('poll_id', 'text', (c) => c.references('polls.id').onDelete('cascade'))
        .addColumn('budget_id', 'text', (c) => c.references('budgets.id').onDelete('cascade'))
        .addColumn('box_id', 'text', (c) => c.references('idea_boxes.id').onDelete('cascade'))
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('location', 'text', (c) => c.notNull())
        .addColumn('collected_on', 'text', (c) => c.notNull())
        .addColumn('participants', 'integer', (c) => c.notNull())
        .addColumn('details', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addCheckConstraint(
          'contributions_one_consultation',
          sql`${counts('poll_id')} + ${counts('budget_id')} + ${counts('box_id')} = 1`,
        )
        .execute();
      for (const column of ['poll_id', 'budget_id', 'box_id']) {
        await db.schema.createIndex(`contributions_by_${column}`).on('contributions').column(column).execute();
      }
      await db.schema
        .alterTable('ideas')
        .addColumn('channel', 'text', (c) => c.notNull().defaultTo('web'))
        .execute();
      await db.schema
        .alterTable('ideas')
        .addColumn('contribution_id', 'text', (c) => c.references('contributions.id').onDelete('cascade'))
        .execute();
      await db.schema.createIndex('ideas_by_contribution').on('ideas').column('contribution_id').execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Every migration's name, in the order they run: a backup names the last one applied to it. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(migrations).sort();

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  succeeded(await (await migrator(db)).migrateToLatest());
}

/** Migrates up to `name` and no further: a backup loads into the tables it was made from. */
export async function migrateTo(db: Kysely<any>, name: string): Promise<void> {
  succeeded(await (await migrator(db)).migrateTo(name));
}

/** The last migration applied to `db`; null for a database Parvis never migrated. */
export async function schemaVersion(db: Kysely<any>): Promise<string | null> {
  const known = await (await migrator(db)).getMigrations();
  return known.filter((migration) => migration.executedAt).at(-1)?.name ?? null;
}

async function migrator(db: Kysely<any>): Promise<Migrator> {
  // PostgreSQL: Kysely looks for its bookkeeping tables in every schema unless told which one;
  // several Parvis databases may share a server in schemas of their own.
  const migrationTableSchema =
    db.getExecutor().adapter instanceof SqliteAdapter
      ? undefined
      : (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0].schema;
  return new Migrator({ db, provider, migrationTableSchema });
}

function succeeded({ error, results }: MigrationResultSet): void {
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
}
