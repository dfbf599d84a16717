import type { AdminSubject, ExportedSubjectComment, SubjectComment, SubjectVotes } from '../../contract/subject.js';
import type { CommentCounts, CommentRecord, SubjectRecord, SubjectVoteRecord } from '../store/subjects.js';

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

/**
 * RFC 4180 (comma-separated, CRLF, fields quoted when needed). The comments
 * are written by anyone: one starting like a formula is prefixed with an
 * apostrophe, so that a spreadsheet shows it as text rather than running it.
 */
export function commentsCsv(comments: ExportedSubjectComment[]): string {
  const rows = [['comment_id', 'subject_id', 'site', 'subject_key', 'value', 'hidden', 'created_at', 'comment']];
  for (const comment of comments) {
    rows.push([
      comment.id,
      comment.subjectId,
      comment.site,
      comment.key,
      String(comment.value),
      String(comment.hidden),
      comment.createdAt,
      inertText(comment.comment),
    ]);
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function inertText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
