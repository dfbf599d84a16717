import * as z from 'zod/mini';
import { Instant } from './common.js';
import { BudgetResultsExport } from './budget.js';
import { IdeasExport } from './idea.js';
import { OpenDataMetadata } from './open-data.js';
import { PollResultsExport } from './poll.js';
import { AdminSubject, SubjectCommentsExport } from './subject.js';

/**
 * Admin: every consultation with its results, each as its own export would
 * give it (with its metadata), whatever its results' visibility.
 */
export const FullExport = z.object({
  metadata: OpenDataMetadata,
  polls: z.array(PollResultsExport),
  budgets: z.array(BudgetResultsExport),
  ideaBoxes: z.array(IdeasExport),
  /** The vote buttons' subjects with their counts, and every comment left on them. */
  subjects: z.array(AdminSubject),
  subjectComments: SubjectCommentsExport,
  generatedAt: Instant,
  licence: z.string(),
});
export type FullExport = z.infer<typeof FullExport>;
