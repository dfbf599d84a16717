import { readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import * as z from 'zod/mini';
import { CreatePoll } from '../contract/poll.js';
import { CreateIdeaBox, type Idea } from '../contract/idea.js';
import { SEED_ACTOR } from './services/audit.js';
import {
  answerIdea,
  approveIdea,
  createIdeaBox,
  mergeIdea,
  rejectIdea,
  setIdeaStatus,
  updateIdeaBox,
} from './services/idea-moderation.js';
import { setSupport, submitIdea } from './services/ideas.js';
import { CreateBudget } from '../contract/budget.js';
import { Slug } from '../contract/common.js';
import { castBallot, createBudget, updateBudget } from './services/budgets.js';
import { OWN_SITE, SubjectKey, VoteMode } from '../contract/subject.js';
import type { Store } from './store/database.js';
import { castVote, closePoll, createPoll, updatePoll } from './services/polls.js';
import { setSubjectVote } from './services/subjects.js';
import { readSetting, writeSettingOnce } from './store/settings.js';
import { validate } from './http/json-body.js';

const DAY = 86_400_000;

/**
 * A seed poll: a CreatePoll whose dates may be given relative to the day the
 * seed is loaded (so the demo never goes stale), and ballots cast by
 * synthetic voters through the same path as real votes.
 */
const SeedPoll = z.object({
  ...CreatePoll.shape,
  opensInDays: z.optional(z.number()),
  closesInDays: z.optional(z.number()),
  closed: z.optional(z.boolean()),
  ballots: z.optional(z.array(z.object({ choices: z.array(z.string()), count: z.int().check(z.positive()) }))),
});
/**
 * A seed subject of `<parvis-vote>`, on this server's own pages (the demo),
 * with votes cast by synthetic voters through the same path as real votes.
 */
const SeedSubject = z.object({
  key: SubjectKey,
  mode: z.optional(VoteMode),
  votes: z.array(z.object({ value: z.union([z.literal(1), z.literal(-1)]), count: z.int().check(z.positive()) })),
});
/**
 * A seed budget: a CreateBudget whose dates may be given relative to the day
 * the seed is loaded, and ballots cast by synthetic voters through the same
 * path as real ones (so each is checked against the budget's rules).
 */
const SeedBudget = z.object({
  ...CreateBudget.shape,
  opensInDays: z.optional(z.number()),
  closesInDays: z.optional(z.number()),
  ballots: z.optional(
    z.array(z.object({ district: z.optional(Slug), projectIds: z.array(Slug), count: z.int().check(z.positive()) })),
  ),
});
type SeedBudget = z.infer<typeof SeedBudget>;
/**
 * A seed idea box: ideas submitted, supported and moderated through the same
 * services as real ones, by synthetic citizens and the `seed` moderator. An
 * idea's `status` is where moderation leaves it; `answer` is its official
 * answer (the reason, for a rejected one); `mergeInto` names the `key` of the
 * idea it duplicates; `daysAgo` dates it, its supports spread since.
 */
const SeedIdeaBox = z.object({
  ...CreateIdeaBox.shape,
  ideas: z.array(
    z.object({
      key: z.optional(z.string()),
      title: z.string(),
      body: z.string(),
      category: z.optional(Slug),
      authorName: z.optional(z.string()),
      status: z.optional(z.enum(['pending', 'published', 'under_review', 'accepted', 'rejected', 'done', 'merged'])),
      answer: z.optional(z.string()),
      mergeInto: z.optional(z.string()),
      supports: z.optional(z.int().check(z.nonnegative())),
      daysAgo: z.optional(z.number().check(z.nonnegative())),
    }),
  ),
});
type SeedIdeaBox = z.infer<typeof SeedIdeaBox>;
const SeedFile = z.object({
  ideaBoxes: z.optional(z.array(SeedIdeaBox)),
  polls: z.array(SeedPoll),
  subjects: z.optional(z.array(SeedSubject)),
  budgets: z.optional(z.array(SeedBudget)),
});
type SeedSubject = z.infer<typeof SeedSubject>;
type SeedPoll = z.infer<typeof SeedPoll>;

/** Loads the seed into an empty database, once: a database that was ever seeded or holds polls is left alone. */
export async function seedOnce(store: Store, seed: string, demoDir: string, now = new Date()): Promise<string | null> {
  if (seed === 'none') return null;
  if (await readSetting(store.db, 'seeded_at')) return null;
  const anyPoll = await store.db.selectFrom('polls').select('id').limit(1).executeTakeFirst();
  if (anyPoll) return null;
  const path = seed === 'demo' ? join(demoDir, 'seed.json') : isAbsolute(seed) ? seed : resolve(seed);
  const file = validate(SeedFile, JSON.parse(await readFile(path, 'utf8')));
  for (const poll of file.polls) await seedPoll(store, poll, now);
  for (const box of file.ideaBoxes ?? []) await seedIdeaBox(store, box, now);
  for (const subject of file.subjects ?? []) await seedSubject(store, subject);
  for (const budget of file.budgets ?? []) await seedBudget(store, budget, now);
  await store.write((trx) => writeSettingOnce(trx, 'seeded_at', now.toISOString()));
  return path;
}

async function seedPoll(store: Store, seed: SeedPoll, now: Date): Promise<void> {
  const { opensInDays, closesInDays, closed, ballots = [], ...poll } = seed;
  const opensAt =
    opensInDays === undefined ? (poll.opensAt ?? null) : new Date(now.getTime() + opensInDays * DAY).toISOString();
  const closesAt =
    closesInDays === undefined ? (poll.closesAt ?? null) : new Date(now.getTime() + closesInDays * DAY).toISOString();
  if (ballots.length > 0 && opensAt !== null && opensAt > now.toISOString()) {
    throw new Error(`Seed poll ${poll.id} opens in the future and cannot have ballots`);
  }
  // Open while the ballots are cast, then given its real dates.
  await createPoll(store, { ...poll, opensAt, closesAt: null });
  let voter = 0;
  const votes: Array<Promise<unknown>> = [];
  for (const ballot of ballots) {
    for (let i = 0; i < ballot.count; i++) {
      voter += 1;
      votes.push(
        castVote(store, {
          pollId: poll.id,
          voter: `token:seed-${poll.id}-${voter}`,
          verified: false,
          choices: ballot.choices,
        }),
      );
    }
  }
  await Promise.all(votes);
  await updatePoll(store, poll.id, { opensAt, closesAt });
  if (closed) await closePoll(store, poll.id);
}

async function seedSubject(store: Store, seed: SeedSubject): Promise<void> {
  let voter = 0;
  const votes: Array<Promise<unknown>> = [];
  for (const { value, count } of seed.votes) {
    for (let i = 0; i < count; i++) {
      voter += 1;
      const ballot = {
        site: OWN_SITE,
        key: seed.key,
        voter: `token:seed-${seed.key}-${voter}`,
        value,
        mode: seed.mode,
      };
      votes.push(setSubjectVote(store, ballot));
    }
  }
  await Promise.all(votes);
}

async function seedBudget(store: Store, seed: SeedBudget, now: Date): Promise<void> {
  const { opensInDays, closesInDays, ballots = [], ...budget } = seed;
  const opensAt =
    opensInDays === undefined ? (budget.opensAt ?? null) : new Date(now.getTime() + opensInDays * DAY).toISOString();
  const closesAt =
    closesInDays === undefined ? (budget.closesAt ?? null) : new Date(now.getTime() + closesInDays * DAY).toISOString();
  if (ballots.length > 0 && opensAt !== null && opensAt > now.toISOString()) {
    throw new Error(`Seed budget ${budget.id} opens in the future and cannot have ballots`);
  }
  // Open while the ballots are cast, then given its real dates.
  await createBudget(store, { ...budget, opensAt, closesAt: null });
  let voter = 0;
  const cast: Array<Promise<unknown>> = [];
  for (const { district, projectIds, count } of ballots) {
    for (let i = 0; i < count; i++) {
      voter += 1;
      cast.push(
        castBallot(store, {
          budgetId: budget.id,
          voter: `token:seed-${budget.id}-${voter}`,
          verified: false,
          projectIds,
          district: district ?? null,
        }),
      );
    }
  }
  await Promise.all(cast);
  await updateBudget(store, budget.id, { opensAt, closesAt });
}

async function seedIdeaBox(store: Store, seed: SeedIdeaBox, now: Date): Promise<void> {
  const { ideas, ...box } = seed;
  // Created in pre-moderation, so that an idea meant to wait stays pending; given its own mode at the end.
  await createIdeaBox(store, SEED_ACTOR, { ...box, moderation: 'pre' });
  const created: string[] = [];
  const keys = new Map<string, string>();
  for (const [index, idea] of ideas.entries()) {
    const submittedAt = new Date(now.getTime() - (idea.daysAgo ?? 0) * DAY);
    const submission = {
      boxId: box.id,
      voter: `token:seed-${box.id}-author-${index + 1}`,
      verified: false,
      idea: { title: idea.title, body: idea.body, category: idea.category, authorName: idea.authorName },
    };
    const { id } = JSON.parse((await submitIdea(store, null, submission, submittedAt)).body) as Idea;
    created.push(id);
    if (idea.key) keys.set(idea.key, id);
    if (idea.status === 'pending') continue;
    await approveIdea(store, SEED_ACTOR, id);
    // Voters are numbered across the box: the same synthetic citizen supports several ideas, as people do.
    const count = idea.supports ?? 0;
    const supports: Array<Promise<unknown>> = [];
    for (let voter = 1; voter <= count; voter++) {
      const at = new Date(submittedAt.getTime() + ((now.getTime() - submittedAt.getTime()) * voter) / (count + 1));
      const request = { ideaId: id, support: true, voter: `token:seed-${box.id}-${voter}`, verified: false };
      supports.push(setSupport(store, request, at));
    }
    await Promise.all(supports);
  }
  for (const [index, idea] of ideas.entries()) {
    const id = created[index];
    if (idea.status === 'merged') {
      const into = keys.get(idea.mergeInto ?? '');
      if (!into) throw new Error(`Seed idea "${idea.title}" merges into an unknown key "${idea.mergeInto}"`);
      await mergeIdea(store, SEED_ACTOR, id, { into });
    } else if (idea.status === 'rejected') {
      await rejectIdea(store, SEED_ACTOR, id, { reason: idea.answer ?? 'Cette idée n’a pas été retenue.' });
    } else if (idea.status === 'under_review' || idea.status === 'accepted' || idea.status === 'done') {
      await setIdeaStatus(store, SEED_ACTOR, id, { status: idea.status });
    }
    if (idea.answer && idea.status !== 'rejected') await answerIdea(store, SEED_ACTOR, id, { text: idea.answer });
  }
  await updateIdeaBox(store, SEED_ACTOR, box.id, { moderation: box.moderation ?? 'pre' });
}
