import type { Ballot } from '../../client/budgets.js';
import { toJson } from '../../client/json.js';

/**
 * A ballot being built, kept in the page origin's localStorage per API base
 * and budget so that it survives a reload, and removed once the server has
 * accepted it. The picks are kept per district (`''` without districts): a
 * citizen who looks at another district finds their first picks again.
 */
export interface Draft {
  district: string | null;
  picks: Record<string, string[]>;
}

const PREFIX = 'parvis:budget-draft';

const key = (api: string, budgetId: string) => `${PREFIX} ${api} ${budgetId}`;

export function readDraft(api: string, budgetId: string): Draft | null {
  try {
    const stored = localStorage.getItem(key(api, budgetId));
    return stored ? toDraft(JSON.parse(stored)) : null;
  } catch {
    // Storage refused or a value this version cannot read: the citizen starts again.
    return null;
  }
}

/** Written only once the citizen acts (DESIGN §6); without storage, the draft lives as long as the page. */
export function writeDraft(api: string, budgetId: string, draft: Draft): void {
  try {
    localStorage.setItem(key(api, budgetId), toJson(draft));
  } catch {
    // Private browsing or a full quota: the ballot still goes through, only a reload loses it.
  }
}

export function clearDraft(api: string, budgetId: string): void {
  try {
    localStorage.removeItem(key(api, budgetId));
  } catch {
    // Nothing was stored.
  }
}

export function ballotOf(draft: Draft): Ballot {
  return { district: draft.district, projectIds: draft.picks[draft.district ?? ''] ?? [] };
}

/** The draft with this district's picks replaced. */
export function withPicks(draft: Draft, projectIds: string[]): Draft {
  return { ...draft, picks: { ...draft.picks, [draft.district ?? '']: projectIds } };
}

export function draftOf(ballot: Ballot): Draft {
  return { district: ballot.district, picks: { [ballot.district ?? '']: [...ballot.projectIds] } };
}

function toDraft(value: unknown): Draft | null {
  if (typeof value !== 'object' || value === null) return null;
  const { district, picks } = value as Partial<Draft>;
  if ((district !== null && typeof district !== 'string') || typeof picks !== 'object' || picks === null) return null;
  const kept: Record<string, string[]> = {};
  for (const [scope, ids] of Object.entries(picks)) {
    if (Array.isArray(ids)) kept[scope] = ids.filter((id): id is string => typeof id === 'string');
  }
  return { district, picks: kept };
}
