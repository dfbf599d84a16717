import { fixture, html } from '@open-wc/testing';
import '../../../src/elements/poll/define.js';
import type { ParvisPoll } from '../../../src/elements/poll/poll.js';
import { API } from './api.js';

export * from './dom.js';

export async function renderPoll(pollId = 'parc-des-tilleuls', api = API): Promise<ParvisPoll> {
  return fixture<ParvisPoll>(
    html`<parvis-poll poll=${pollId} api=${api}><a href="/p/${pollId}">Répondre au sondage</a></parvis-poll>`,
  );
}
