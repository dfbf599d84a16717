import type { Kysely } from 'kysely';
import type { OfflineChannel } from '../../contract/open-data.js';
import type { ContributionTable, Database } from './schema.js';

type Db = Kysely<Database>;

export type ContributionKind = 'poll' | 'budget' | 'idea_box';

/** A poll's counts: every option of the poll, in its order. */
export type OptionCounts = Array<{ id: string; votes: number }>;
/** A budget's ballots, each with how many identical ones were counted. */
export type CountedBallots = Array<{ district: string | null; projectIds: string[]; count: number }>;

/** What a contribution holds besides its note, by the kind of consultation. */
interface DetailsOf {
  poll: OptionCounts;
  budget: CountedBallots;
  /** The ids of its ideas, in the order given; the ideas are rows of their own, which name it. */
  idea_box: string[];
}

export interface ContributionRecord<K extends ContributionKind = ContributionKind> {
  id: string;
  /** The poll, budget or idea box. */
  targetId: string;
  channel: OfflineChannel;
  location: string;
  collectedOn: string;
  /** Voters of a poll, ballots of a budget, ideas of a box. */
  participants: number;
  details: DetailsOf[K];
  recordedBy: string;
  recordedAt: string;
}

type TargetColumn = 'poll_id' | 'budget_id' | 'box_id';
const TARGET = { poll: 'poll_id', budget: 'budget_id', idea_box: 'box_id' } as const;

/** Widened, so that a query over any kind type-checks once rather than once per kind. */
function targetColumn(kind: ContributionKind): TargetColumn {
  return TARGET[kind];
}

export async function insertContribution<K extends ContributionKind>(
  db: Db,
  kind: K,
  record: ContributionRecord<K>,
): Promise<void> {
  await db
    .insertInto('contributions')
    .values({
      id: record.id,
      poll_id: null,
      budget_id: null,
      box_id: null,
      [targetColumn(kind)]: record.targetId,
      channel: record.channel,
      location: record.location,
      collected_on: record.collectedOn,
      participants: record.participants,
      details: JSON.stringify(record.details),
      recorded_by: record.recordedBy,
      created_at: record.recordedAt,
    })
    .execute();
}

/** The contributions of some consultations of a kind (all of them with null), in the order recorded. */
export async function listContributions<K extends ContributionKind>(
  db: Db,
  kind: K,
  targetIds: readonly string[] | null,
): Promise<Array<ContributionRecord<K>>> {
  if (targetIds?.length === 0) return [];
  const column = targetColumn(kind);
  let query = db.selectFrom('contributions').selectAll();
  query = targetIds ? query.where(column, 'in', targetIds) : query.where(column, 'is not', null);
  const rows = await query.orderBy('created_at').orderBy('id').execute();
  return rows.map((row) => toRecord(kind, row));
}

/**
 * Deletes a contribution of the consultation and returns what it counted;
 * null when it has none with this id. The delete decides, not a prior read:
 * of two deletes racing, only one gets the row, and takes its counts back.
 */
export async function deleteContribution<K extends ContributionKind>(
  db: Db,
  kind: K,
  targetId: string,
  id: string,
): Promise<ContributionRecord<K> | null> {
  const row = await db
    .deleteFrom('contributions')
    .where('id', '=', id)
    .where(targetColumn(kind), '=', targetId)
    .returningAll()
    .executeTakeFirst();
  return row ? toRecord(kind, row) : null;
}

function toRecord<K extends ContributionKind>(kind: K, row: ContributionTable): ContributionRecord<K> {
  return {
    id: row.id,
    targetId: row[targetColumn(kind)]!,
    channel: row.channel as OfflineChannel,
    location: row.location,
    collectedOn: row.collected_on,
    participants: row.participants,
    details: JSON.parse(row.details) as DetailsOf[K],
    recordedBy: row.recorded_by,
    recordedAt: row.created_at,
  };
}
