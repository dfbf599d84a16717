import type { BudgetContribution } from '../../contract/budget.js';
import type { IdeaContribution } from '../../contract/idea.js';
import type { RecordedContribution } from '../../contract/open-data.js';
import type { PollContribution } from '../../contract/poll.js';
import type { ContributionRecord } from '../store/contributions.js';
import type { IdeaRecord } from '../store/ideas.js';

/** What the admin API shows of a contribution: its note, and what it counted. */
function noteView(contribution: ContributionRecord): RecordedContribution {
  const { id, channel, location, collectedOn, recordedBy, recordedAt } = contribution;
  return { id, channel, location, collectedOn, recordedBy, recordedAt };
}

export function pollContributionView(contribution: ContributionRecord<'poll'>): PollContribution {
  const { targetId, participants, details } = contribution;
  return { ...noteView(contribution), pollId: targetId, voters: participants, options: details };
}

export function budgetContributionView(contribution: ContributionRecord<'budget'>): BudgetContribution {
  const { targetId, participants, details } = contribution;
  return { ...noteView(contribution), budgetId: targetId, ballotCount: participants, ballots: details };
}

export function ideaContributionView(
  contribution: ContributionRecord<'idea_box'>,
  recorded: readonly IdeaRecord[],
): IdeaContribution {
  const byId = new Map(recorded.map((idea) => [idea.id, idea]));
  return {
    ...noteView(contribution),
    boxId: contribution.targetId,
    ideas: contribution.details.flatMap((id) => {
      const idea = byId.get(id);
      return idea ? [{ id, title: idea.title, status: idea.status }] : [];
    }),
  };
}
