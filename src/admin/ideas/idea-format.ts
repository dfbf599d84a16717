import { msg, str } from '@lit/localize';
import type { AdminIdea } from '../../contract/idea.js';
import { plural } from '../format.js';

// The words citizens read in the idea box are the console's too.
export {
  statusLabel as ideaStatusLabel,
  reasonLabel as reportReasonLabel,
} from '../../elements/idea-box/idea-box-messages.js';

/** Why an idea waits in the moderation queue, or why citizens do not see it. */
export function hiddenReason(idea: Pick<AdminIdea, 'status' | 'hiddenBy'>): string | null {
  if (idea.status === 'pending') return msg('Elle attend d’être approuvée pour être publiée.');
  if (idea.status !== 'hidden') return null;
  return idea.hiddenBy === 'reports'
    ? msg('Masquée automatiquement après des signalements : elle attend une relecture.')
    : msg('Masquée par la ville : les habitants ne la voient pas.');
}

/** The address of an idea's screen in the console. */
export function ideaPath(idea: { id: string; boxId: string }): string {
  return `/idea-boxes/${encodeURIComponent(idea.boxId)}/ideas/${encodeURIComponent(idea.id)}`;
}

export const ideaCount = (count: number) =>
  plural(
    count,
    (n) => msg(str`${n} idée`),
    (n) => msg(str`${n} idées`),
  );
