import type {
  AdminIdea,
  AdminIdeaBox,
  Idea,
  IdeaBox,
  IdeaReportView,
  IdeasExport,
  ReportReason,
} from '../../contract/idea.js';
import { ApiError } from '../errors.js';
import type { IdeaBoxRecord, IdeaRecord, SortValue } from '../store/ideas.js';
import { csv } from './csv.js';
import { boxStatus } from './idea-rules.js';
import { RESULTS_LICENCE } from './poll-views.js';

/** The reports an admin view of an idea carries; the count says how many there are in all. */
const REPORTS_SHOWN = 20;

/** What a citizen's widget sees of an idea. */
export function ideaView(idea: IdeaRecord, supportedByMe: boolean, mergedTitle: string | null): Idea {
  return {
    id: idea.id,
    boxId: idea.boxId,
    title: idea.title,
    body: idea.body,
    category: idea.category,
    authorName: idea.authorName,
    status: idea.status,
    supports: idea.supports,
    supportedByMe,
    createdAt: idea.createdAt,
    answer:
      idea.answer !== null && idea.answeredAt !== null ? { text: idea.answer, answeredAt: idea.answeredAt } : null,
    mergedInto: idea.mergedInto !== null && mergedTitle !== null ? { id: idea.mergedInto, title: mergedTitle } : null,
  };
}

export function adminIdeaView(
  idea: IdeaRecord,
  reports: ReadonlyArray<{ reason: string; details: string | null; createdAt: string }>,
  mergedTitle: string | null,
): AdminIdea {
  const { supportedByMe: _, ...view } = ideaView(idea, false, mergedTitle);
  return {
    ...view,
    hiddenBy: idea.hiddenBy,
    moderationNote: idea.moderationNote,
    reportCount: idea.reports,
    reports: reports.slice(0, REPORTS_SHOWN).map(
      (report): IdeaReportView => ({
        reason: report.reason as ReportReason,
        details: report.details,
        reportedAt: report.createdAt,
      }),
    ),
    updatedAt: idea.updatedAt,
  };
}

export function boxView(box: IdeaBoxRecord, ideaCount: number, now: Date): IdeaBox {
  return {
    id: box.id,
    title: box.title,
    description: box.description,
    categories: box.categories,
    moderation: box.moderation,
    status: boxStatus(box, now),
    opensAt: box.opensAt,
    closesAt: box.closesAt,
    requiresVerification: box.requiresVerification,
    ideaCount,
  };
}

export function adminBoxView(
  box: IdeaBoxRecord,
  counts: ReadonlyArray<{ status: string; hiddenBy: string | null; count: number }>,
  now: Date,
): AdminIdeaBox {
  let listed = 0;
  let awaiting = 0;
  for (const { status, hiddenBy, count } of counts) {
    if (status === 'pending' || (status === 'hidden' && hiddenBy === 'reports')) awaiting += count;
    else if (status !== 'hidden') listed += count;
  }
  return {
    ...boxView(box, listed, now),
    reportThreshold: box.reportThreshold,
    closed: box.closed,
    awaitingModeration: awaiting,
    createdAt: box.createdAt,
    updatedAt: box.updatedAt,
  };
}

export function ideasExport(box: IdeaBoxRecord, ideas: readonly IdeaRecord[], now: Date): IdeasExport {
  return {
    box: {
      id: box.id,
      title: box.title,
      status: boxStatus(box, now),
      moderation: box.moderation,
      categories: box.categories,
    },
    ideas: ideas.map((idea) => ({
      id: idea.id,
      title: idea.title,
      body: idea.body,
      category: idea.category,
      authorName: idea.authorName,
      status: idea.status,
      supports: idea.supports,
      createdAt: idea.createdAt,
      answer: idea.answer,
      answeredAt: idea.answeredAt,
      mergedInto: idea.mergedInto,
      reports: idea.reports,
    })),
    generatedAt: now.toISOString(),
    licence: RESULTS_LICENCE,
  };
}

export function ideasCsv(data: IdeasExport): string {
  return csv([
    [
      'id',
      'title',
      'body',
      'category',
      'author_name',
      'status',
      'supports',
      'created_at',
      'answer',
      'answered_at',
      'merged_into',
      'reports',
    ],
    ...data.ideas.map((idea) => [
      idea.id,
      idea.title,
      idea.body,
      idea.category,
      idea.authorName,
      idea.status,
      idea.supports,
      idea.createdAt,
      idea.answer,
      idea.answeredAt,
      idea.mergedInto,
      idea.reports,
    ]),
  ]);
}

/** An opaque cursor: the sort keys of the last row of a page, tagged with what they are keys of. */
export function encodeCursor(tag: string, values: readonly SortValue[]): string {
  return Buffer.from(JSON.stringify([tag, ...values])).toString('base64url');
}

/** The keys in a cursor made by `encodeCursor(tag, …)` for keys of these types; invalid_request otherwise. */
export function decodeCursor(cursor: string, tag: string, types: ReadonlyArray<'string' | 'number'>): SortValue[] {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = null;
  }
  const valid =
    Array.isArray(value) &&
    value.length === types.length + 1 &&
    value[0] === tag &&
    types.every((type, i) => (type === 'number' ? Number.isFinite(value[i + 1]) : typeof value[i + 1] === 'string'));
  if (!valid) throw new ApiError('invalid_request', { cursor: 'invalid_cursor' });
  return (value as SortValue[]).slice(1);
}
