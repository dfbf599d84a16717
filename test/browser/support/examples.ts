import { waitUntil } from '@open-wc/testing';
import { parts } from './dom.js';

/**
 * Waits until a poll shows its choices. A poll's `state` says `open` as soon as its data is in, and it renders
 * a moment later, once it has checked its offline queue: the examples' tests act on what is on screen.
 */
export async function optionsShown(poll: Element): Promise<void> {
  await waitUntil(() => parts(poll, 'option-label').length > 0, 'the poll never showed its choices', {
    timeout: 4000,
  });
}
