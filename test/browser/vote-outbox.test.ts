import { expect, waitUntil } from '@open-wc/testing';
import { createStore, set } from 'idb-keyval';
import { queued, replay } from '../../src/client/outbox.js';
import type { QueuedSubjectVote } from '../../src/client/subjects.js';
import '../../src/elements/vote/define.js';
import { API, startApi, worker } from './support/api.js';
import { FakeSubjects, part, renderVote, shown, text, untilState } from './support/vote-api.js';

before(startApi);
afterEach(() => worker.resetHandlers());

/** What an earlier visit left behind: its voter token, and a support for `subject` that never reached the server. */
async function queueFromEarlierVisit(subject: string): Promise<QueuedSubjectVote> {
  localStorage.setItem('parvis:voter', 'previous-visit-voter-token');
  const entry: QueuedSubjectVote = {
    key: `queued-on-a-previous-visit-${subject}`,
    operation: 'setSubjectVote',
    api: API,
    target: subject,
    body: { value: 1, mode: 'support' },
    queuedAt: '2026-03-01T10:00:00.000Z',
  };
  await set(entry.key, entry, createStore('parvis', 'outbox'));
  return entry;
}

// A fresh page (each test file has its own), as on a citizen's next visit.
describe('<parvis-vote> and votes left by an earlier visit', () => {
  it('a vote queued on an earlier page load is sent as soon as a button loads, and shown pressed', async () => {
    const entry = await queueFromEarlierVisit('visite-precedente');
    const server = new FakeSubjects().add('visite-precedente', { up: 9 }).listen();
    const el = await renderVote({ subject: 'visite-precedente' });
    await waitUntil(() => server.received.length === 1, 'the queued vote was never sent');
    await untilState(el, 'pressed');
    expect(server.received[0]).to.deep.equal({
      key: 'visite-precedente',
      body: { value: 1, mode: 'support' },
      voter: 'previous-visit-voter-token',
      idempotencyKey: entry.key,
    });
    expect(shown(part(el, 'support'))).to.equal('✓ J’appuie · 10');
    await waitUntil(async () => (await queued()).length === 0, 'the sent vote stayed in the outbox');
  });

  it('a vote refused while no button of its subject showed is told when one next shows, then forgotten', async () => {
    await queueFromEarlierVisit('sujet-clos-entre-temps');
    const server = new FakeSubjects().add('sujet-clos-entre-temps', { up: 4, closed: true }).listen();
    await replay();
    expect(server.received).to.have.length(1);
    const [kept] = await queued();
    expect(kept.refused).to.deep.include({ code: 'subject_closed', status: 409 });

    const el = await renderVote({ subject: 'sujet-clos-entre-temps' });
    await untilState(el, 'closed');
    expect(text(part(el, 'error'))).to.equal('Ce vote est clos : il n’accepte plus de réponses.');
    expect(shown(part(el, 'closed'))).to.equal('4 soutiens Vote clos.');
    await expect(el).to.be.accessible();
    await waitUntil(async () => (await queued()).length === 0, 'the refusal stayed in the outbox once told');
    expect(server.received).to.have.length(1);
  });
});
