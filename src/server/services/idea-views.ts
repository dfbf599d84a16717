import type {
  AdminIdea,
  AdminIdeaBox,
  Idea,
  IdeaBox,
  IdeaReportView,
  IdeasExport,
  ReportReason,
} from '../../contract/idea.js';
import type { Channel, OpenDataField } from '../../contract/open-data.js';
import { ApiError } from '../errors.js';
import type { IdeaBoxRecord, IdeaRecord, SortValue } from '../store/ideas.js';
import { csv } from './csv.js';
import { boxStatus } from './idea-rules.js';
import { describe, eachChannel, openDataMetadata, RESULTS_LICENCE } from './open-data-views.js';

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
    channel: idea.channel ?? 'web',
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
      channel: idea.channel ?? 'web',
    })),
    generatedAt: now.toISOString(),
    licence: RESULTS_LICENCE,
  };
}

/** The columns of ideas.csv, described for open-data portals. */
export const IDEAS_FIELDS: OpenDataField[] = [
  { name: 'id', type: 'string', description: 'The id of the idea.' },
  { name: 'title', type: 'string', description: 'Its title, as written by its author.' },
  { name: 'body', type: 'string', description: 'Its description, as written by its author.' },
  { name: 'category', type: 'string', description: 'The id of its category; empty without one.' },
  { name: 'author_name', type: 'string', description: 'The name its author chose to show; empty when anonymous.' },
  {
    name: 'status',
    type: 'string',
    description:
      'pending (awaiting moderation), published, under_review, accepted, rejected, done, merged, or hidden by moderation.',
  },
  { name: 'supports', type: 'integer', description: 'Citizens who support it.' },
  { name: 'created_at', type: 'datetime', description: 'When it was submitted or recorded.' },
  { name: 'answer', type: 'string', description: 'The city’s official answer; empty without one.' },
  { name: 'answered_at', type: 'datetime', description: 'When the official answer was written.' },
  { name: 'merged_into', type: 'string', description: 'For a merged idea, the id of the idea it was merged into.' },
  { name: 'reports', type: 'integer', description: 'Reports of abuse it received.' },
  {
    name: 'channel',
    type: 'string',
    description: 'web (through the widget), or paper, meeting, phone or sms where the city recorded it.',
  },
];

export function ideasCsv(data: IdeasExport): string {
  return csv([
    IDEAS_FIELDS.map((field) => field.name),
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
      idea.channel ?? 'web',
    ]),
  ]);
}

/** ideas.json as an open-data portal takes it, with its metadata. */
export function ideasOpenData(data: IdeasExport, box: IdeaBoxRecord, publisher: string): IdeasExport {
  const about = {
    title: `Ideas: ${box.title}`,
    description: describe(
      box.description,
      `Every idea of the idea box "${box.title}", with its status, its supports and the city's answer. ` +
        'Ideas submitted through the widget and ideas the city recorded (at public meetings, on paper, by phone, ' +
        'by text message) are listed together, each with its channel.',
    ),
    opensAt: box.opensAt,
    closesAt: box.closesAt,
  };
  return { ...data, metadata: openDataMetadata(about, IDEAS_FIELDS, publisher, data.generatedAt) };
}

/** The ideas citizens see, by the channel they came through. */
export function adminBoxWithChannels(
  box: AdminIdeaBox,
  counts: ReadonlyArray<{ channel: Channel; count: number }>,
): AdminIdeaBox {
  const ideasByChannel = eachChannel((channel) =>
    counts.filter((row) => row.channel === channel).reduce((sum, row) => sum + row.count, 0),
  );
  return { ...box, ideasByChannel };
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
