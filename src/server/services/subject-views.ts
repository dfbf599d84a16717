import type { AdminSubject, ExportedSubjectComment, SubjectComment, SubjectVotes } from '../../contract/subject.js';
import type { CommentCounts, CommentRecord, SubjectRecord, SubjectVoteRecord } from '../store/subjects.js';
import { csv } from './csv.js';

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

/** The comments are written by anyone: the CSV makes them inert; the ids the server made stay as they are. */
export function commentsCsv(comments: ExportedSubjectComment[]): string {
  return csv([
    ['comment_id', 'subject_id', 'site', 'subject_key', 'value', 'hidden', 'created_at', 'comment'],
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
