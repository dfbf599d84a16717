import { readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import * as z from 'zod/mini';
import { CreatePoll } from '../contract/poll.js';
import type { Store } from './store/database.js';
import { castVote, closePoll, createPoll, updatePoll } from './services/polls.js';
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
const SeedFile = z.object({ polls: z.array(SeedPoll) });
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
