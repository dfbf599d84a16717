import type { ProjectResult } from '../../contract/budget.js';

export interface Candidate {
  id: string;
  cost: number;
  /** The district whose envelope pays for it; null in a budget without districts. */
  district: string | null;
  votes: number;
}

export interface Envelope {
  district: string | null;
  amount: number;
}

/** The funding rule in words, as the results export and the README state it. */
export const FUNDING_RULE =
  'Within each envelope (each district, or the whole budget), projects are taken in order of votes, the most ' +
  'supported first; a project is funded if its cost fits in what is left of the envelope, otherwise it is ' +
  'skipped and the next one is considered. Ties in votes go to the cheaper project, then to the smaller ' +
  'project id. A project that no ballot chose is not funded.';

/**
 * Ranks the projects of each envelope and picks the funded ones with the
 * greedy rule most participatory budgets use: in order of votes, each project
 * that fits in what is left of its envelope is funded; one that does not fit
 * is skipped and the next one is tried, so a smaller, less supported project
 * can be funded after a bigger one was skipped. Ties go to the cheaper project
 * (it leaves more for the next ones), then to the smaller id, so the outcome
 * never depends on the order of storage. A project no ballot chose is not
 * funded, even when money is left. The rank is the place in that order:
 * distinct, 1 for the project considered first.
 *
 * The results come envelope by envelope, in the order of `envelopes`, each
 * ranked; projects of no listed envelope are left out.
 */
export function fundProjects(projects: readonly Candidate[], envelopes: readonly Envelope[]): ProjectResult[] {
  const results: ProjectResult[] = [];
  for (const envelope of envelopes) {
    const ranked = projects
      .filter((project) => project.district === envelope.district)
      .sort((a, b) => b.votes - a.votes || a.cost - b.cost || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    let left = envelope.amount;
    ranked.forEach((project, index) => {
      const funded = project.votes > 0 && project.cost <= left;
      if (funded) left -= project.cost;
      results.push({ id: project.id, votes: project.votes, rank: index + 1, funded });
    });
  }
  return results;
}
