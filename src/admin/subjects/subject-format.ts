import { msg } from '@lit/localize';
import type { AdminSubject, VoteMode } from '../../contract/subject.js';
import { formatShare } from '../format.js';

export const MODES: readonly VoteMode[] = ['support', 'updown', 'helpful'];

export function modeLabel(mode: VoteMode): string {
  switch (mode) {
    case 'support':
      return msg('Soutien');
    case 'updown':
      return msg('Pour ou contre');
    case 'helpful':
      return msg('Page utile ?');
  }
}

/** What the "up" votes are called in the subject's mode. */
export function upLabel(mode: VoteMode): string {
  return mode === 'helpful' ? msg('Oui') : mode === 'updown' ? msg('Pour') : msg('Soutiens');
}

export function downLabel(mode: VoteMode): string {
  return mode === 'helpful' ? msg('Non') : msg('Contre');
}

export function helpfulRatio(subject: AdminSubject): string {
  return subject.helpfulRatio === null ? msg('—') : formatShare(subject.helpfulRatio);
}
