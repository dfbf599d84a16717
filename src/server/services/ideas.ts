import { randomBytes } from 'node:crypto';
import {
  DEFAULT_IDEAS_PER_PAGE,
  type IdeaBox,
  type IdeaPage,
  type IdeaSupport,
  type ListIdeasQuery,
  type ReportIdea,
  type SubmitIdea,
} from '../../contract/idea.js';
import { ApiError } from '../errors.js';
import type { Store } from '../store/database.js';
import { beforeCommit } from '../store/group-commit.js';
import { recordResponse } from '../store/idempotency.js';
import * as ideas from '../store/ideas.js';
import { SYSTEM_ACTOR, recordAction } from './audit.js';
import { earlierAnswer, isRefusal, KeyTakenError } from './idempotency.js';
import { addToTrending, checkSubmission, checkSupport, hiddenByReports, trendingOf } from './idea-rules.js';
import { boxView, decodeCursor, encodeCursor, ideaView } from './idea-views.js';
import type { CastOutcome } from './polls.js';
import type { ProofOfWork } from './proof-of-work.js';
import { screenSubmission } from './spam.js';

/** Who writes, and the key that makes a retry count once (absent for the seed). */
export interface Participation {
  /** `token:<Parvis-Voter>` or `subject:<JWT sub>`; null when the request named no voter. */
  voter: string | null;
  verified: boolean;
  idempotency?: { key: string; requestHash: string };
}

export interface WriteOutcome extends CastOutcome {
  status: number;
}

export async function readIdeaBox(store: Store, boxId: string, now = new Date()): Promise<IdeaBox> {
  const box = await ideas.findBox(store.db, boxId);
  if (!box) throw new ApiError('idea_box_not_found');
  return boxView(box, await ideas.countIdeas(store.db, { boxId }), now);
}

const KEY_TYPES = {
  top: ['number', 'string', 'string'],
  new: ['string', 'string'],
  trending: ['number', 'string', 'string'],
} as const;

/** One page of the ideas citizens see, the voter's supports marked. */
export async function listIdeas(
  store: Store,
  boxId: string,
  query: ListIdeasQuery,
  voter: string | null,
): Promise<IdeaPage> {
  const box = await ideas.findBox(store.db, boxId);
  if (!box) throw new ApiError('idea_box_not_found');
  if (query.category !== undefined && !box.categories.some((category) => category.id === query.category))
    throw new ApiError('unknown_category');
  const sort = query.sort ?? 'top';
  const limit = query.limit ?? DEFAULT_IDEAS_PER_PAGE;
  const after = query.cursor ? decodeCursor(query.cursor, sort, KEY_TYPES[sort]) : null;
  const filter = { boxId, status: query.status, category: query.category };
  const rows = await ideas.listIdeas(store.db, filter, sort, after, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const ids = page.map((idea) => idea.id);
  const supported = voter ? await ideas.supportedAmong(store.db, voter, ids) : new Set<string>();
  const titles = await ideas.titlesOf(
    store.db,
    page.flatMap((idea) => (idea.mergedInto ? [idea.mergedInto] : [])),
  );
  return {
    ideas: page.map((idea) => ideaView(idea, supported.has(idea.id), titles.get(idea.mergedInto ?? '') ?? null)),
    total: await ideas.countIdeas(store.db, filter),
    nextCursor: rows.length > limit && last ? encodeCursor(sort, sortKeysOf(last, sort)) : null,
  };
}

function sortKeysOf(idea: ideas.IdeaRecord, sort: ideas.SortName): ideas.SortValue[] {
  if (sort === 'top') return [idea.supports, idea.createdAt, idea.id];
  if (sort === 'trending') return [idea.trending, idea.createdAt, idea.id];
  return [idea.createdAt, idea.id];
}

/**
 * Takes an idea through the anti-spam layers that need no database (text,
 * honeypot, links, proof of work), then writes it with its proof marked used,
 * in one transaction: pending in a pre-moderation box, published otherwise.
 * `proofs` is null only for the seed.
 */
export async function submitIdea(
  store: Store,
  proofs: ProofOfWork | null,
  submission: Participation & { boxId: string; idea: SubmitIdea },
  now = new Date(),
): Promise<WriteOutcome> {
  const { voter, verified, idea, idempotency } = submission;
  return idempotent(store, submission, 201, async () => {
    if (!voter) throw new ApiError('voter_required');
    screenSubmission(idea);
    const proof = proofs ? await proofs.check(idea.proof) : null;
    return store.write(async (trx) => {
      const at = now.toISOString();
      const box = await ideas.findBox(trx, submission.boxId);
      if (!box) throw new ApiError('idea_box_not_found');
      checkSubmission(box, idea.category, verified, now);
      if (proof && !(await ideas.redeemProof(trx, proof.signature, proof.expiresAt, at)))
        throw new ApiError('invalid_proof');
      const record: ideas.IdeaRecord = {
        id: randomBytes(8).toString('hex'),
        boxId: box.id,
        title: idea.title,
        body: idea.body,
        category: idea.category ?? null,
        authorName: idea.authorName ?? null,
        author: voter,
        status: box.moderation === 'pre' ? 'pending' : 'published',
        hiddenBy: null,
        moderationNote: null,
        supports: 0,
        trending: 0,
        reports: 0,
        reportsAtReview: 0,
        answer: null,
        answeredAt: null,
        mergedInto: null,
        createdAt: at,
        updatedAt: at,
      };
      await ideas.insertIdea(trx, record);
      const body = JSON.stringify(ideaView(record, false, null));
      await remember(trx, voter, idempotency, 201, body, at);
      return body;
    });
  });
}

/**
 * Supports an idea (`support: true`) or takes the support back. Doing either
 * twice changes nothing and answers the idea's current count. Supports that
 * arrive together share a transaction (group commit) and update each idea's
 * counters once, before it commits.
 */
export async function setSupport(
  store: Store,
  request: Participation & { ideaId: string; support: boolean },
  now = new Date(),
): Promise<WriteOutcome> {
  return idempotent(store, request, 200, async () => {
    if (!request.voter) throw new ApiError('voter_required');
    return store.write((trx) => writeSupport(trx, store, { ...request, voter: request.voter! }, now), isRefusal);
  });
}

/**
 * Writes one support without a savepoint of its own: every refusal is
 * decided before anything is written, or undone before it is thrown.
 */
async function writeSupport(
  trx: Store['db'],
  store: Store,
  request: Participation & { voter: string; ideaId: string; support: boolean },
  now: Date,
): Promise<string> {
  const at = now.toISOString();
  const { ideaId, voter, support } = request;
  const tally = await tallyOf(trx, store, ideaId);
  if (!tally) throw new ApiError('idea_not_found');
  checkSupport(tally.box, tally.idea, support, request.verified, now);
  let change = 0;
  let trending = tally.idea.trending;
  let removedAt: string | null = null;
  if (support) {
    if (await ideas.insertSupport(trx, ideaId, voter, at)) {
      change = 1;
      trending = addToTrending(trending, at);
    }
  } else {
    removedAt = await ideas.deleteSupport(trx, ideaId, voter);
    if (removedAt !== null) {
      change = -1;
      trending = trendingOf(await ideas.supportTimes(trx, ideaId));
    }
  }
  const answer: IdeaSupport = { ideaId, supports: tally.idea.supports + change, supportedByMe: support };
  const body = JSON.stringify(answer);
  try {
    await remember(trx, voter, request.idempotency, 200, body, at);
  } catch (error) {
    if (change === 1) await ideas.deleteSupport(trx, ideaId, voter);
    if (removedAt !== null) await ideas.insertSupport(trx, ideaId, voter, removedAt);
    throw error;
  }
  if (change !== 0) {
    tally.idea = { ...tally.idea, supports: tally.idea.supports + change, trending };
    tally.unsaved += change;
    tally.changed = true;
  }
  return body;
}

/**
 * An idea as a batch of supports sees it: read once per batch (inside the
 * writing transaction, so an idea hidden a moment ago refuses the support),
 * locked where the engine has row locks, its counters kept in memory and
 * written once before the batch commits.
 */
interface Tally {
  idea: ideas.IdeaRecord;
  box: ideas.IdeaBoxRecord;
  /** Supports added by the batch, not yet written. */
  unsaved: number;
  changed: boolean;
}

const tallies = new WeakMap<object, Map<string, Tally>>();

async function tallyOf(trx: Store['db'], store: Store, ideaId: string): Promise<Tally | null> {
  let known = tallies.get(trx);
  if (!known) tallies.set(trx, (known = new Map()));
  const cached = known.get(ideaId);
  if (cached) return cached;
  const idea = await ideas.findIdeaForSupports(trx, ideaId, store.engine === 'postgres');
  const box = idea && (await ideas.findBox(trx, idea.boxId));
  if (!idea || !box) return null;
  const tally: Tally = { idea, box, unsaved: 0, changed: false };
  known.set(ideaId, tally);
  beforeCommit(trx, `idea:${ideaId}`, async (db) => {
    if (!tally.changed) return;
    const unsaved = tally.unsaved;
    tally.unsaved = 0;
    tally.changed = false;
    await ideas.addToCounters(db, ideaId, unsaved, tally.idea.trending);
  });
  return tally;
}

/** A write to an idea or a box runs after the batch's counters are written (see beforeCommit), and reads them anew. */
export function forgetTallies(trx: Store['db']): void {
  tallies.get(trx)?.clear();
}

/**
 * Records a report, once per voter. In a post-moderation box, the report that
 * reaches the box's threshold hides the idea and puts it in the moderation
 * queue; the audit log says so.
 */
export async function reportIdea(
  store: Store,
  request: Participation & { ideaId: string; report: ReportIdea },
  now = new Date(),
): Promise<WriteOutcome> {
  const { voter, ideaId, report } = request;
  return idempotent(store, request, 201, async () => {
    if (!voter) throw new ApiError('voter_required');
    return store.write(async (trx) => {
      const at = now.toISOString();
      const idea = await ideas.findIdea(trx, ideaId);
      // A pending idea was never shown: nobody can report it.
      if (!idea || idea.status === 'pending') throw new ApiError('idea_not_found');
      const details = report.details ?? null;
      if (!(await ideas.insertReport(trx, { ideaId, voter, reason: report.reason, details, at })))
        throw new ApiError('already_reported');
      const box = (await ideas.findBox(trx, idea.boxId))!;
      const reported = { ...idea, reports: idea.reports + 1 };
      if (hiddenByReports(box, reported)) {
        forgetTallies(trx);
        await ideas.updateIdea(trx, ideaId, { status: 'hidden', hiddenBy: 'reports' }, at);
        const details = { from: idea.status, reports: reported.reports, threshold: box.reportThreshold };
        await recordAction(trx, SYSTEM_ACTOR, 'idea.hide', { kind: 'idea', id: ideaId }, details, at);
      }
      const body = JSON.stringify({ received: true });
      await remember(trx, voter, request.idempotency, 201, body, at);
      return body;
    });
  });
}

/** Stores the answer under the request's key, in the transaction that wrote: KeyTakenError if the key is taken. */
async function remember(
  trx: Store['db'],
  voter: string,
  idempotency: Participation['idempotency'],
  status: number,
  body: string,
  at: string,
): Promise<void> {
  if (!idempotency) return;
  const response = { requestHash: idempotency.requestHash, status, body };
  if (!(await recordResponse(trx, voter, idempotency.key, response, at))) throw new KeyTakenError();
}

/**
 * Runs a write; a retried request is recognised only when the write is
 * refused (the key is taken, the proof already used, the support already
 * there), so that a first request costs no lookup.
 */
async function idempotent(
  store: Store,
  { voter, idempotency }: Participation,
  status: number,
  write: () => Promise<string>,
): Promise<WriteOutcome> {
  try {
    return { status, body: await write(), replayed: false };
  } catch (error) {
    if (!isRefusal(error) || !idempotency || !voter) throw error;
    const earlier = await earlierAnswer(store, voter, idempotency, error);
    return { status: earlier.status, body: earlier.body, replayed: true };
  }
}
