// The data each load scenario needs, created through the admin API or a seed
// file as a city would, and the tallies compared with what autocannon saw accepted.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { admin, type RunningServer } from '../test/e2e/harness.js';
import type { Scenario } from './load.js';

async function ok(response: Response, what: string): Promise<Response> {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return response;
}

/** setSubjectVote: each request a new voter supporting the same subject. */
export const subjectVotes = (key: string): Scenario => ({
  method: 'PUT',
  path: () => `/v1/subjects/${key}/votes`,
  body: () => ({ value: 1, mode: 'support' }),
});

export async function subjectSupports(server: RunningServer, key: string): Promise<number> {
  const response = await ok(await admin(server, '/subjects?site=self'), 'listing subjects');
  const { subjects } = (await response.json()) as { subjects: Array<{ key: string; up: number }> };
  return subjects.find((subject) => subject.key === key)?.up ?? 0;
}

/** The batched read of a news list: `count` subjects that each have votes. */
export async function subjectBatch(server: RunningServer, count: number): Promise<Scenario> {
  const keys = Array.from({ length: count }, (_, index) => `bench-actu-${index + 1}`);
  for (const key of keys) {
    await ok(
      await fetch(`${server.url}/v1/subjects/${key}/votes`, {
        method: 'PUT',
        headers: {
          'content-type': 'application/json',
          'parvis-voter': `bench-voter-${key}-0000`,
          'idempotency-key': `bench-${key}-first`,
        },
        body: JSON.stringify({ value: 1, mode: 'support' }),
      }),
      `voting on ${key}`,
    );
  }
  const query = keys.map((key) => `key=${key}`).join('&');
  return { method: 'GET', path: () => `/v1/subjects?${query}` };
}

/** A seed file with an idea box of `count` published ideas, dated over a month, some supported. */
export function writeIdeaSeed(dir: string, boxId: string, count: number): string {
  const categories = ['mobilite', 'espaces-verts', 'culture', 'solidarite'];
  const ideas = Array.from({ length: count }, (_, index) => ({
    title: `Idée n° ${index + 1} pour le centre-ville`,
    body: 'Installer des bancs et des arceaux à vélos près du marché, et planter des arbres le long du quai.',
    category: categories[index % categories.length],
    supports: index % 5 === 0 ? index % 4 : 0,
    daysAgo: (index % 300) / 10,
  }));
  const path = join(dir, 'bench-seed.json');
  writeFileSync(
    path,
    JSON.stringify({
      polls: [],
      ideaBoxes: [
        {
          id: boxId,
          title: 'Vos idées pour le centre-ville',
          moderation: 'post',
          categories: categories.map((id) => ({ id, label: id })),
          ideas,
        },
      ],
    }),
  );
  return path;
}

/** listIdeas: the first page of each sort in turn, each request a new voter. */
export const ideaPages = (boxId: string): Scenario => {
  const sorts = ['top', 'new', 'trending'];
  let next = 0;
  return { method: 'GET', path: () => `/v1/idea-boxes/${boxId}/ideas?sort=${sorts[next++ % sorts.length]}` };
};

/** The ids of the ideas of a box, page by page. */
export async function ideaIds(server: RunningServer, boxId: string, atMost: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const response = await ok(
      await fetch(`${server.url}/v1/idea-boxes/${boxId}/ideas?sort=new&limit=50${query}`),
      'listing ideas',
    );
    const page = (await response.json()) as { ideas: Array<{ id: string }>; nextCursor: string | null };
    ids.push(...page.ideas.map((idea) => idea.id));
    cursor = page.nextCursor;
  } while (cursor && ids.length < atMost);
  return ids;
}

/** supportIdea: each request a new voter supporting one of `ids`, in turn. */
export const ideaSupports = (ids: string[]): Scenario => {
  let next = 0;
  return { method: 'PUT', path: () => `/v1/ideas/${ids[next++ % ids.length]}/support` };
};

/** The supports of some ideas of a box, from its open-data export. */
export async function ideaSupportTotal(server: RunningServer, boxId: string, ids: string[]): Promise<number> {
  const response = await ok(await admin(server, `/idea-boxes/${boxId}/ideas.json`), 'exporting ideas');
  const { ideas } = (await response.json()) as { ideas: Array<{ id: string; supports: number }> };
  const counted = new Set(ids);
  return ideas.filter((idea) => counted.has(idea.id)).reduce((sum, idea) => sum + idea.supports, 0);
}

/** A budget of twelve projects without districts, under the knapsack rule. */
export async function createBenchBudget(server: RunningServer, id: string): Promise<string[]> {
  const projects = Array.from({ length: 12 }, (_, index) => ({
    id: `projet-${index + 1}`,
    title: `Projet ${index + 1}`,
    summary: 'Un aménagement de l’espace public.',
    cost: 10_000 + index * 5_000,
  }));
  await ok(
    await admin(server, '/budgets', {
      method: 'POST',
      body: JSON.stringify({ id, title: 'Budget participatif', total: 300_000, rule: 'knapsack', projects }),
    }),
    'creating the bench budget',
  );
  return projects.map((project) => project.id);
}

/** castBallot: each request a new voter choosing three projects, in turn. */
export const ballots = (budgetId: string, projectIds: string[]): Scenario => {
  let next = 0;
  return {
    method: 'POST',
    path: () => `/v1/budgets/${budgetId}/ballots`,
    body: () => {
      const first = next++ % (projectIds.length - 2);
      return { projectIds: projectIds.slice(first, first + 3) };
    },
  };
};

export async function ballotCount(server: RunningServer, budgetId: string): Promise<number> {
  const response = await ok(await admin(server, `/budgets/${budgetId}`), 'reading the bench budget');
  return ((await response.json()) as { results: { ballots: number } }).results.ballots;
}
