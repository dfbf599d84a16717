import {
  type CreateIdeaBox,
  DEFAULT_REPORT_THRESHOLD,
  type IdeaBoxStatus,
  type IdeaStatus,
  type UpdateIdeaBox,
} from '../../contract/idea.js';
import { ApiError } from '../errors.js';
import type { IdeaBoxRecord, IdeaBoxSettings, IdeaRecord } from '../store/ideas.js';

/** Statuses in which an idea takes supports: citizens see it and the city has not closed it. */
const SUPPORTABLE: ReadonlySet<IdeaStatus> = new Set(['published', 'under_review', 'accepted', 'done']);

export function boxStatus(box: IdeaBoxRecord, now: Date): IdeaBoxStatus {
  const instant = now.toISOString();
  if (box.closed || (box.closesAt !== null && box.closesAt <= instant)) return 'closed';
  if (box.opensAt !== null && box.opensAt > instant) return 'upcoming';
  return 'open';
}

export function isListed(status: IdeaStatus): boolean {
  return status !== 'pending' && status !== 'hidden';
}

/** Refuses an idea the box cannot take, with the code a widget shows a message for. */
export function checkSubmission(box: IdeaBoxRecord, category: string | undefined, verified: boolean, now: Date): void {
  const status = boxStatus(box, now);
  if (status === 'upcoming') throw new ApiError('box_not_open');
  if (status === 'closed') throw new ApiError('box_closed');
  if (box.requiresVerification && !verified) throw new ApiError('verification_required');
  if (category !== undefined && !box.categories.some((known) => known.id === category))
    throw new ApiError('unknown_category');
}

/** Refuses a support (or its withdrawal) the idea cannot take. Withdrawing is refused only once the box is closed. */
export function checkSupport(
  box: IdeaBoxRecord,
  idea: IdeaRecord,
  support: boolean,
  verified: boolean,
  now: Date,
): void {
  const status = boxStatus(box, now);
  if (status === 'closed') throw new ApiError('box_closed');
  if (status === 'upcoming') throw new ApiError('box_not_open');
  if (box.requiresVerification && !verified) throw new ApiError('verification_required');
  if (support && !SUPPORTABLE.has(idea.status)) throw new ApiError('idea_not_supportable');
}

/**
 * Whether a new report hides the idea until a moderator looks at it. Only in
 * post-moderation (a pre-moderated idea was already approved), only a
 * published idea (one the city took up cannot be hidden by a few reports),
 * and only counting the reports a moderator has not already seen.
 */
export function hiddenByReports(box: IdeaBoxRecord, idea: IdeaRecord): boolean {
  return (
    box.moderation === 'post' &&
    idea.status === 'published' &&
    idea.reports - idea.reportsAtReview >= box.reportThreshold
  );
}

/** The settings of a new box, with defaults: no categories, pre-moderation, hidden after 3 reports. */
export function boxSettingsForCreate(input: CreateIdeaBox): IdeaBoxSettings {
  return settle({
    title: input.title,
    description: input.description ?? null,
    categories: input.categories ?? [],
    moderation: input.moderation ?? 'pre',
    reportThreshold: input.reportThreshold ?? DEFAULT_REPORT_THRESHOLD,
    opensAt: input.opensAt ?? null,
    closesAt: input.closesAt ?? null,
    requiresVerification: input.requiresVerification ?? false,
    closed: false,
  });
}

export function boxSettingsForUpdate(box: IdeaBoxRecord, patch: UpdateIdeaBox): IdeaBoxSettings {
  return settle({
    title: patch.title ?? box.title,
    description: patch.description === undefined ? box.description : patch.description,
    categories: patch.categories ?? box.categories,
    moderation: patch.moderation ?? box.moderation,
    reportThreshold: patch.reportThreshold ?? box.reportThreshold,
    opensAt: patch.opensAt === undefined ? box.opensAt : patch.opensAt,
    closesAt: patch.closesAt === undefined ? box.closesAt : patch.closesAt,
    requiresVerification: patch.requiresVerification ?? box.requiresVerification,
    closed: box.closed,
  });
}

function settle(settings: IdeaBoxSettings): IdeaBoxSettings {
  const fields: Record<string, string> = {};
  const ids = settings.categories.map((category) => category.id);
  if (new Set(ids).size !== ids.length) fields.categories = 'duplicate_category_id';
  const opensAt = normalizeInstant(settings.opensAt);
  const closesAt = normalizeInstant(settings.closesAt);
  if (opensAt && closesAt && closesAt <= opensAt) fields.closesAt = 'not_after_opens_at';
  if (Object.keys(fields).length > 0) throw new ApiError('invalid_request', fields);
  return { ...settings, opensAt, closesAt };
}

/** Instants are stored in UTC so that comparing their text compares the times. */
function normalizeInstant(value: string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

/*
 * Trending: each support weighs e^((t − T0)/τ), t its time, so that its
 * weight halves every TRENDING_HALF_LIFE_DAYS compared with a support given
 * now. An idea's score is the log of the sum of its supports' weights. The
 * ratio between two ideas' decayed sums does not change as time passes, so
 * the order needs no recomputing: the score is written with each support and
 * read through an index, like the support count. Kept in log space, it never
 * overflows; 0 means no support (every support since T0 scores above 0).
 */
const TRENDING_HALF_LIFE_DAYS = 3;
const TAU_MS = (TRENDING_HALF_LIFE_DAYS * 86_400_000) / Math.LN2;
const T0 = Date.parse('2025-01-01T00:00:00Z');

/** The score with one more support, given at `at`. */
export function addToTrending(score: number, at: string): number {
  const weight = (Date.parse(at) - T0) / TAU_MS;
  if (score === 0) return weight;
  const high = Math.max(score, weight);
  return high + Math.log1p(Math.exp(-Math.abs(score - weight)));
}

/** The score of supports given at these times (recomputed whole when a support is taken back: no subtraction to lose precision). */
export function trendingOf(times: readonly string[]): number {
  return times.reduce(addToTrending, 0);
}
