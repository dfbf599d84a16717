// examples/angular: the poll in a standalone Angular component, compiled just in time, without zone.js.
import '@angular/compiler';
import {
  createComponent,
  Input,
  inputBinding,
  Output,
  outputBinding,
  provideZonelessChangeDetection,
  type ApplicationRef,
} from '@angular/core';
import { bootstrapApplication, createApplication } from '@angular/platform-browser';
import { expect, waitUntil } from '@open-wc/testing';
import { configure } from 'parvis/client';
import type { ParvisPoll } from '../../src/elements/poll/poll.js';
import { AppComponent } from '../../examples/angular/app.component.js';
import { PollCardComponent, type PollVoted } from '../../examples/angular/poll-card.component.js';
import { API, FakeServer, makePoll, startApi, worker } from './support/api.js';
import { choose, part, submit, text, until } from './support/dom.js';
import { optionsShown } from './support/examples.js';

/**
 * Just-in-time compilation reads inputs and outputs from decorator metadata, and `input()` and `output()` have
 * none: the Angular CLI's JIT build (`ng test`) adds it when it compiles the component. Without the CLI, the test
 * adds the same metadata; in an application, the ahead-of-time compiler reads the fields themselves.
 */
Object.assign(PollCardComponent, {
  propDecorators: {
    pollId: [{ type: Input, args: [{ isSignal: true, alias: 'pollId', required: true, transform: undefined }] }],
    voted: [{ type: Output, args: ['voted'] }],
  },
});

before(async () => {
  await startApi();
  configure({ api: API });
});
afterEach(() => worker.resetHandlers());

/** The card in an application of its own, given its input and its output as a parent's template would. */
async function mount(onVoted: (detail: PollVoted) => void = () => undefined) {
  const host = document.createElement('app-poll-card');
  document.body.append(host);
  const app: ApplicationRef = await createApplication({ providers: [provideZonelessChangeDetection()] });
  const card = createComponent(PollCardComponent, {
    environmentInjector: app.injector,
    hostElement: host,
    bindings: [inputBinding('pollId', () => 'parc-des-tilleuls'), outputBinding('voted', onVoted)],
  });
  // As `bootstrap()` does: the first check at once, so the widget's first render already has its properties.
  app.attachView(card.hostView);
  app.tick();
  await app.whenStable();
  const poll = host.querySelector('parvis-poll') as ParvisPoll;
  return {
    host,
    poll,
    remove() {
      app.destroy();
      host.remove();
    },
  };
}

describe('examples/angular', () => {
  it('renders the poll with the properties Angular bound, and shows the choice Angular heard from parvis-voted', async () => {
    const server = new FakeServer(makePoll()).listen();
    const heard: PollVoted[] = [];
    const { host, poll, remove } = await mount((detail) => heard.push(detail));
    expect(poll.poll).to.equal('parc-des-tilleuls');
    expect(poll.timeout, 'a number property, not an attribute').to.equal(8000);
    expect(poll.hasAttribute('timeout')).to.equal(false);
    await until(poll, 'open');
    await optionsShown(poll);

    choose(poll, 'Une aire de jeux');
    await submit(poll);
    await until(poll, 'voted');
    await waitUntil(() => host.querySelector('.poll-card-chosen'), 'Angular never showed the choice');
    expect(text(host.querySelector('.poll-card-chosen'))).to.equal('Vous avez choisi : Une aire de jeux.');
    expect(heard.map((detail) => detail.choices)).to.deep.equal([['aire-de-jeux']]);
    expect(server.received[0].choices).to.deep.equal(['aire-de-jeux']);
    await expect(host).to.be.accessible();
    remove();
  });

  it('hears parvis-error when the poll cannot be read', async () => {
    new FakeServer(makePoll({ id: 'autre-sondage' })).listen();
    const { host, poll, remove } = await mount();
    await until(poll, 'error');
    expect(text(part(poll, 'error'))).to.not.equal('');
    await waitUntil(() => host.querySelector('.poll-card-failure'), 'Angular never heard the error');
    expect(text(host.querySelector('.poll-card-failure'))).to.contain('poll_not_found');
    remove();
  });

  it('the example’s application passes the poll id to its card', async () => {
    new FakeServer(makePoll()).listen();
    const root = document.createElement('app-root');
    document.body.append(root);
    const app = await bootstrapApplication(AppComponent, { providers: [provideZonelessChangeDetection()] });
    await app.whenStable();
    const poll = root.querySelector('app-poll-card parvis-poll') as ParvisPoll;
    expect(poll.poll).to.equal('parc-des-tilleuls');
    await until(poll, 'open');
    await optionsShown(poll);
    app.destroy();
    root.remove();
  });
});
