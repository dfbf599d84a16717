import type { OpenDataField } from '../../contract/open-data.js';
import type {
  AdminSubject,
  ExportedSubjectComment,
  SubjectComment,
  SubjectCommentsExport,
  SubjectVotes,
} from '../../contract/subject.js';
import type { CommentCounts, CommentRecord, SubjectRecord, SubjectVoteRecord } from '../store/subjects.js';
import { csv } from './csv.js';
import { openDataMetadata } from './open-data-views.js';

const NO_COMMENTS: CommentCounts = { comments: 0, hiddenComments: 0 };

/** What a citizen's widget sees; a subject nobody voted on yet has no mode and zero counts. */
export function subjectVotesView(
  key: string,
  subject: SubjectRecord | null,
  vote: SubjectVoteRecord | null,
): SubjectVotes {
  const up = subject?.up ?? 0;
  const down = subject?.down ?? 0;
  return {
    key,
    mode: subject?.mode ?? null,
    up,
    down,
    score: up - down,
    closed: subject?.closed ?? false,
    mine: vote?.value ?? 0,
    commented: vote?.commented ?? false,
  };
}

export function adminSubjectView(subject: SubjectRecord, counts: CommentCounts = NO_COMMENTS): AdminSubject {
  const answers = subject.up + subject.down;
  return {
    id: subject.id,
    site: subject.site,
    key: subject.key,
    mode: subject.mode,
    up: subject.up,
    down: subject.down,
    score: subject.up - subject.down,
    helpfulRatio:
      subject.mode === 'helpful' && answers > 0 ? Math.round((subject.up / answers) * 10_000) / 10_000 : null,
    comments: counts.comments,
    hiddenComments: counts.hiddenComments,
    closed: subject.closed,
    createdAt: subject.createdAt,
    updatedAt: subject.updatedAt,
  };
}

export function commentView(comment: CommentRecord): SubjectComment {
  return {
    id: comment.id,
    value: comment.value,
    comment: comment.comment,
    hidden: comment.hidden,
    createdAt: comment.createdAt,
  };
}

export function exportedCommentView(comment: CommentRecord): ExportedSubjectComment {
  return { ...commentView(comment), subjectId: comment.subjectId, site: comment.site, key: comment.key };
}

/** The columns of comments.csv, described for open-data portals. */
export const COMMENT_FIELDS: OpenDataField[] = [
  { name: 'comment_id', type: 'string', description: 'The id of the comment.' },
  { name: 'subject_id', type: 'string', description: 'The id of the subject it was left on.' },
  { name: 'site', type: 'string', description: 'The site of the subject: its origin, or self for this server.' },
  { name: 'subject_key', type: 'string', description: 'The key of the subject: what was voted on.' },
  { name: 'value', type: 'integer', description: 'The vote it came with: 1 for yes, -1 for no.' },
  { name: 'hidden', type: 'boolean', description: 'Whether a moderator hid it.' },
  { name: 'created_at', type: 'datetime', description: 'When it was written.' },
  { name: 'comment', type: 'string', description: 'The comment, as its author wrote it.' },
];

/** The comments are written by anyone: the CSV makes them inert; the ids the server made stay as they are. */
export function commentsCsv(comments: ExportedSubjectComment[]): string {
  return csv([
    COMMENT_FIELDS.map((field) => field.name),
    ...comments.map((comment) => [
      { verbatim: comment.id },
      { verbatim: comment.subjectId },
      comment.site,
      comment.key,
      comment.value,
      comment.hidden,
      comment.createdAt,
      comment.comment,
    ]),
  ]);
}

/** comments.json with its metadata; `of` says whose comments: a subject, a site, or every site (null). */
export function commentsOpenData(
  data: SubjectCommentsExport,
  of: SubjectRecord | { site: string | null },
  publisher: string,
  now: Date,
): SubjectCommentsExport {
  const whose =
    'key' in of
      ? `"${of.key}" (${of.site})`
      : of.site === null
        ? 'every vote button'
        : `the vote buttons of ${of.site}`;
  const about = {
    title: `Comments on ${whose}`,
    description:
      `The comments citizens left with their answer to "was this page helpful?" on ${whose}, hidden ones ` +
      'included and marked. They are written by anyone: read them for personal data before publishing them.',
    opensAt: null,
    closesAt: null,
  };
  return { ...data, metadata: openDataMetadata(about, COMMENT_FIELDS, publisher, now.toISOString()) };
}
