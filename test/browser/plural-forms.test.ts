import { expect } from '@open-wc/testing';
import { BudgetFormat } from '../../src/elements/budget/budget-format.js';
import { IdeaBoxFormat } from '../../src/elements/idea-box/idea-box-format.js';
import { PollFormat } from '../../src/elements/poll/poll-format.js';
import { VoteFormat } from '../../src/elements/vote/vote-format.js';
import { makePoll } from './support/api.js';

// No locale is loaded on this page: the widgets speak French, the source language.
const plain = (value: string) => value.replace(/\s/g, ' ');

describe('counts in French, as Intl.PluralRules says', () => {
  it('0 and 1 take the singular, 2 and more the plural, whole millions « de »', () => {
    const poll = new PollFormat('fr');
    expect([0, 1, 2, 1_000, 1_000_000, 2_000_000].map((count) => plain(poll.votes(count)))).to.deep.equal([
      '0 vote',
      '1 vote',
      '2 votes',
      '1 000 votes',
      '1 000 000 de votes',
      '2 000 000 de votes',
    ]);
    expect(plain(new IdeaBoxFormat('fr').ideas(1_000_000))).to.equal('1 000 000 d’idées');
    expect(new BudgetFormat('fr', 'EUR').chosen(1, 3)).to.equal('1 projet choisi sur 3');
    expect(new VoteFormat('fr').over(2)).to.equal('2 caractères en trop');
  });

  it('a hint or a problem is worded by the count it names', () => {
    const poll = new PollFormat('fr');
    const ask = (minChoices: number, maxChoices: number) => poll.choiceHint(makePoll({ minChoices, maxChoices }));
    expect([ask(1, 1), ask(3, 3), ask(0, 1), ask(1, 4), ask(2, 4)]).to.deep.equal([
      'Choisissez une réponse.',
      'Choisissez 3 réponses.',
      'Choisissez jusqu’à 1 réponse.',
      'Choisissez jusqu’à 4 réponses.',
      'Choisissez entre 2 et 4 réponses.',
    ]);
  });

  it('a score shows its sign, as the language places it', () => {
    const vote = new VoteFormat('fr');
    expect([12, 0, -3].map((value) => vote.score(value))).to.deep.equal(['+12', '0', '-3']);
  });
});
