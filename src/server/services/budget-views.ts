import type {
  AdminBudget,
  BallotsExport,
  Budget,
  BudgetResults,
  BudgetResultsExport,
  ChannelBudgetResults,
} from '../../contract/budget.js';
import { CHANNELS, type OpenDataField } from '../../contract/open-data.js';
import type { BallotRecord, BudgetRecord } from '../store/budgets.js';
import type { ContributionRecord } from '../store/contributions.js';
import { budgetStatus, resultsArePublic } from './budget-rules.js';
import { type Envelope, FUNDING_RULE, fundProjects } from './budget-results.js';
import { csv } from './csv.js';
import {
  type ByChannel,
  CHANNELS_SAID,
  channelFields,
  describe,
  eachChannel,
  openDataMetadata,
  RESULTS_LICENCE,
} from './open-data-views.js';

/** The part of a Budget that depends on the moment and the voter, not on the budget's settings. */
export type BudgetMoment = Pick<Budget, 'status' | 'results' | 'myBallot'>;

/** What a citizen's widget sees: results once the city has published them. */
export function budgetView(budget: BudgetRecord, myBallot: BallotRecord | null, now: Date): Budget {
  return withSettings(budget, budgetMoment(budget, myBallot, now));
}

export function budgetMoment(budget: BudgetRecord, myBallot: BallotRecord | null, now: Date): BudgetMoment {
  const status = budgetStatus(budget, now);
  return {
    status,
    results: resultsArePublic(budget, status) ? resultsOf(budget) : null,
    myBallot: myBallot && { projectIds: myBallot.projectIds, district: myBallot.district, castAt: myBallot.castAt },
  };
}

/** The whole Budget, its settings taken from `budget`: the same moment gives the same bytes. */
export function withSettings(budget: BudgetRecord, moment: BudgetMoment): Budget {
  return { ...settingsView(budget), status: moment.status, myBallot: moment.myBallot, results: moment.results };
}

export function adminBudgetView(budget: BudgetRecord, now: Date): AdminBudget {
  return {
    ...settingsView(budget),
    status: budgetStatus(budget, now),
    myBallot: null,
    results: resultsOf(budget),
    closed: budget.closed,
    resultsPublishedAt: budget.resultsPublishedAt,
    createdAt: budget.createdAt,
    updatedAt: budget.updatedAt,
  };
}

export function resultsExport(
  budget: BudgetRecord,
  ballotsByDistrict: ReadonlyMap<string | null, number>,
  now: Date,
): BudgetResultsExport {
  const ranked = resultsOf(budget).projects;
  const projects = new Map(budget.projects.map((project) => [project.id, project]));
  const rows = ranked.map((result) => {
    const { title, district, category, cost } = projects.get(result.id)!;
    return {
      id: result.id,
      title,
      district,
      category,
      cost,
      votes: result.votes,
      rank: result.rank,
      funded: result.funded,
    };
  });
  const fundedCost = (inDistrict: (district: string | null) => boolean) =>
    rows.filter((row) => row.funded && inDistrict(row.district)).reduce((total, row) => total + row.cost, 0);
  return {
    budget: {
      id: budget.id,
      title: budget.title,
      status: budgetStatus(budget, now),
      currency: budget.currency,
      total: budget.total,
      rule: budget.rule,
      opensAt: budget.opensAt,
      closesAt: budget.closesAt,
      resultsPublishedAt: budget.resultsPublishedAt,
    },
    ballots: budget.ballots,
    districts: budget.districts.map((district) => ({
      id: district.id,
      name: district.name,
      envelope: district.envelope,
      ballots: ballotsByDistrict.get(district.id) ?? 0,
      funded: fundedCost((id) => id === district.id),
    })),
    projects: rows,
    funded: fundedCost(() => true),
    fundingRule: FUNDING_RULE,
    generatedAt: now.toISOString(),
    licence: RESULTS_LICENCE,
  };
}

/** The columns of results.csv, described for open-data portals. */
export const RESULTS_FIELDS: OpenDataField[] = [
  { name: 'project_id', type: 'string', description: 'The id of the project.' },
  { name: 'title', type: 'string', description: 'The project as voters read it.' },
  {
    name: 'district',
    type: 'string',
    description: 'The district whose envelope pays for it; empty without districts.',
  },
  { name: 'category', type: 'string', description: 'The id of its category; empty without one.' },
  { name: 'cost', type: 'integer', description: 'Its cost, in whole units of the budget’s currency.' },
  { name: 'votes', type: 'integer', description: 'Ballots that chose it, every channel together.' },
  { name: 'rank', type: 'integer', description: 'Its place in its envelope’s order of votes, 1 first.' },
  { name: 'funded', type: 'boolean', description: 'Whether it is funded, by the funding rule of the metadata.' },
  {
    name: 'ballots',
    type: 'integer',
    description: 'Ballots cast in its district (or in the budget, without districts), every channel together.',
  },
  ...channelFields('votes', 'Ballots that chose it'),
  ...channelFields('ballots', 'Ballots cast in its district (or in the budget)'),
];

/** One row per project, ranked; `ballots` counts the ballots of its district, or of the budget. */
export function resultsCsv(results: BudgetResultsExport): string {
  const districts = new Map(results.districts.map((district) => [district.id, district]));
  const channels = CHANNELS.map((channel) => results.byChannel?.[channel]);
  return csv([
    RESULTS_FIELDS.map((field) => field.name),
    ...results.projects.map((project) => {
      const district = project.district === null ? null : districts.get(project.district);
      return [
        project.id,
        project.title,
        project.district,
        project.category,
        project.cost,
        project.votes,
        project.rank,
        project.funded,
        district === null ? results.ballots : (district?.ballots ?? 0),
        ...channels.map((channel) => channel?.projects.find(({ id }) => id === project.id)?.votes ?? null),
        ...CHANNELS.map((channel, index) =>
          district === null ? (channels[index]?.ballots ?? null) : (district?.ballotsByChannel?.[channel] ?? null),
        ),
      ];
    }),
  ]);
}

type BudgetContributions = ReadonlyArray<ContributionRecord<'budget'>>;

/**
 * The ballots and votes of each channel: each recorded one counts its
 * contributions; the web counts what they leave of the budget's counters
 * (the ballots cast through widgets), the two read together.
 */
export function budgetResultsByChannel(
  totals: ChannelBudgetResults,
  contributions: BudgetContributions,
): ByChannel<ChannelBudgetResults> {
  const tally = (list: BudgetContributions): ChannelBudgetResults => {
    const ballots = list.flatMap((contribution) => contribution.details);
    return {
      ballots: ballots.reduce((sum, ballot) => sum + ballot.count, 0),
      projects: totals.projects.map(({ id }) => ({
        id,
        votes: ballots.reduce((sum, ballot) => sum + (ballot.projectIds.includes(id) ? ballot.count : 0), 0),
      })),
    };
  };
  const offline = tally(contributions);
  return {
    ...eachChannel((channel) => tally(contributions.filter((contribution) => contribution.channel === channel))),
    web: {
      ballots: totals.ballots - offline.ballots,
      projects: totals.projects.map(({ id, votes }, index) => ({ id, votes: votes - offline.projects[index].votes })),
    },
  };
}

/** The ballots of a district through each channel, `total` being those of every channel. */
function districtBallotsByChannel(district: string, total: number, contributions: BudgetContributions) {
  const counted = (list: BudgetContributions) =>
    list
      .flatMap((contribution) => contribution.details)
      .reduce((sum, ballot) => sum + (ballot.district === district ? ballot.count : 0), 0);
  return {
    ...eachChannel((channel) => counted(contributions.filter((contribution) => contribution.channel === channel))),
    web: total - counted(contributions),
  };
}

/** The admin's view, with each channel apart. */
export function adminBudgetWithChannels(budget: AdminBudget, contributions: BudgetContributions): AdminBudget {
  const byChannel = budgetResultsByChannel(budget.results, contributions);
  return { ...budget, results: { ...budget.results, byChannel } };
}

/** results.json as an open-data portal takes it: each channel apart, and the metadata. */
export function budgetResultsOpenData(
  results: BudgetResultsExport,
  budget: BudgetRecord,
  contributions: BudgetContributions,
  publisher: string,
): BudgetResultsExport {
  const about = {
    title: `Participatory budget results: ${budget.title}`,
    description: describe(
      budget.description,
      `Results of the participatory budget "${budget.title}": the ballots cast, the votes for each project, ` +
        `its rank and whether it is funded. ${results.fundingRule} ${CHANNELS_SAID}`,
    ),
    opensAt: budget.opensAt,
    closesAt: budget.closesAt,
  };
  return {
    ...results,
    districts: results.districts.map((district) => ({
      ...district,
      ballotsByChannel: districtBallotsByChannel(district.id, district.ballots, contributions),
    })),
    byChannel: budgetResultsByChannel(results, contributions),
    metadata: openDataMetadata(about, RESULTS_FIELDS, publisher, results.generatedAt),
  };
}

/** Numbered in the order first cast: the number says nothing of who cast it. */
export function ballotsExport(budget: BudgetRecord, ballots: BallotRecord[], now: Date): BallotsExport {
  return {
    budget: { id: budget.id, title: budget.title },
    ballots: ballots.map((ballot, index) => ({
      number: index + 1,
      district: ballot.district,
      projectIds: ballot.projectIds,
      castAt: ballot.castAt,
    })),
    generatedAt: now.toISOString(),
  };
}

/** One row per ballot, its project ids separated by spaces (ids never hold one). */
export function ballotsCsv(exported: BallotsExport): string {
  return csv([
    ['ballot', 'district', 'project_ids', 'cast_at'],
    ...exported.ballots.map((ballot) => [ballot.number, ballot.district, ballot.projectIds.join(' '), ballot.castAt]),
  ]);
}

function resultsOf(budget: BudgetRecord): BudgetResults {
  return { ballots: budget.ballots, projects: fundProjects(budget.projects, envelopesOf(budget)) };
}

function envelopesOf(budget: BudgetRecord): Envelope[] {
  if (budget.districts.length === 0) return [{ district: null, amount: budget.total }];
  return budget.districts.map((district) => ({ district: district.id, amount: district.envelope }));
}

function settingsView(budget: BudgetRecord) {
  return {
    id: budget.id,
    title: budget.title,
    description: budget.description,
    currency: budget.currency,
    total: budget.total,
    districts: budget.districts,
    categories: budget.categories,
    rule: budget.rule,
    minSpendShare: budget.minSpendShare,
    minProjects: budget.minProjects,
    maxProjects: budget.maxProjects,
    opensAt: budget.opensAt,
    closesAt: budget.closesAt,
    allowChange: budget.allowChange,
    requiresVerification: budget.requiresVerification,
    projects: budget.projects.map(({ votes: _, ...project }) => project),
  };
}
