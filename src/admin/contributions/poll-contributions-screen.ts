import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import {
  AdminPoll,
  PollContribution,
  PollContributionList,
  RecordPollContribution,
  type PollResults,
} from '../../contract/poll.js';
import type { Channel } from '../../contract/open-data.js';
import { renderChannelTable } from '../channels.js';
import { inputField, numberOf } from '../fields.js';
import { formatNumber, voters } from '../format.js';
import { refusalMessage } from '../refusals.js';
import { formatDay, noteBody, renderContributionTable, renderNoteFields } from './contribution-note.js';
import { ContributionScreen } from './contribution-screen.js';

interface PollCounts {
  voters: string;
  /** Every option of the poll, in its order. */
  options: Array<{ id: string; votes: string }>;
}

/**
 * Paper ballots of a poll (or answers taken at a meeting, by phone, by text
 * message), counted per answer, and the results with each channel apart and
 * every channel together.
 */
export class AdminPollContributions extends ContributionScreen<AdminPoll, PollContribution, PollCounts> {
  protected readonly target = AdminPoll;
  protected readonly list = PollContributionList;
  protected readonly recorded = PollContribution;
  protected readonly fields = ['voters', 'options'];

  protected get consultationPath(): string {
    return `/v1/admin/polls/${encodeURIComponent(this.params.pollId)}`;
  }

  protected get backPath(): string {
    return `/polls/${encodeURIComponent(this.params.pollId)}`;
  }

  protected emptyDraft(poll: AdminPoll): PollCounts {
    return { voters: '', options: poll.options.map((option) => ({ id: option.id, votes: '' })) };
  }

  protected override render() {
    return this.renderPage(
      (poll) => poll.question,
      ({ target: poll, contributions }) => html`
        <h2>${msg('Résultats par canal')}</h2>
        ${this.#renderByChannel(poll)}
        <h2>${msg('Enregistrer des bulletins')}</h2>
        <p>
          ${msg(
            'Comptez les bulletins recueillis hors du web, puis le nombre de bulletins qui ont choisi chaque réponse. Ils s’ajoutent aux votes du web.',
          )}
        </p>
        ${this.renderForm(
          this.#renderCounts(poll),
          msg('Enregistrer les bulletins'),
          renderNoteFields(this._note, this._errors),
        )}
        ${this.renderRecorded(
          renderContributionTable(
            contributions,
            (contribution) =>
              html`${voters(contribution.voters)} :
              ${contribution.options
                .map(
                  (counted) =>
                    `${poll.options.find((o) => o.id === counted.id)?.label ?? counted.id} ${formatNumber(counted.votes)}`,
                )
                .join(', ')}`,
            (contribution) => void this.takeBack(contribution),
          ),
          contributions.length,
        )}
      `,
    );
  }

  #renderByChannel(poll: AdminPoll) {
    const byChannel = poll.results.byChannel;
    if (!byChannel) return nothing;
    const votesOf = (results: PollResults, id: string) =>
      results.options.find((option) => option.id === id)?.votes ?? 0;
    return renderChannelTable('channels-caption', msg('Votes par réponse et par canal'), msg('Réponse'), [
      ...poll.options.map((option) => ({
        label: option.label,
        values: (channel: Channel) => votesOf(byChannel[channel], option.id),
        total: votesOf(poll.results, option.id),
      })),
      { label: msg('Votants'), values: (channel: Channel) => byChannel[channel].voters, total: poll.results.voters },
    ]);
  }

  #renderCounts(poll: AdminPoll) {
    const draft = this._draft!;
    return html`
      ${inputField(
        'voters',
        poll.multiple ? msg('Nombre de bulletins') : msg('Nombre de bulletins (facultatif)'),
        draft.voters,
        this._errors,
        {
          type: 'number',
          min: 1,
          hint: poll.multiple
            ? msg('Chaque bulletin pouvait choisir plusieurs réponses : comptez les bulletins eux-mêmes.')
            : msg('Laissez vide : chaque bulletin choisit une réponse, leur nombre est la somme des votes.'),
        },
      )}
      <fieldset id="field-options">
        <legend>${msg('Bulletins par réponse')}</legend>
        <span class="hint">${msg('Laissez vide une réponse que personne n’a choisie.')}</span>
        ${poll.options.map((option, i) =>
          inputField(`options.${i}.votes`, option.label, draft.options[i]?.votes ?? '', this._errors, {
            type: 'number',
            min: 0,
          }),
        )}
      </fieldset>
    `;
  }

  protected body() {
    const draft = this._draft!;
    const poll = this.data.value!.target;
    return {
      schema: RecordPollContribution,
      body: {
        ...noteBody(this._note),
        voters: numberOf(draft.voters),
        options: draft.options.map((option) => ({ id: option.id, votes: numberOf(option.votes) ?? 0 })),
      },
      describe: (field: string, reason: string) => {
        const option = /^options\.(\d+)\./.exec(field);
        if (option) {
          const label = poll.options[Number(option[1])]?.label ?? '';
          return reason === 'more_than_voters'
            ? msg(str`« ${label} » compte plus de bulletins qu’il n’y en a en tout.`)
            : msg(str`Saisissez le nombre de bulletins pour « ${label} », 0 ou plus.`);
        }
        switch (`${field} ${reason}`) {
          case 'voters required_for_multiple_choice':
            return msg('Saisissez le nombre de bulletins : chacun pouvait choisir plusieurs réponses.');
          case 'options nothing_counted':
            return msg('Aucun bulletin n’est compté : saisissez le nombre de bulletins de chaque réponse.');
          case 'options fewer_than_voters_need':
            return refusalMessage('too_few_choices');
          case 'options more_than_voters_allow':
            return refusalMessage('too_many_choices');
        }
        return field === 'voters'
          ? msg('Saisissez le nombre de bulletins, 1 ou plus, ou laissez le champ vide.')
          : msg('Cette valeur n’est pas acceptée : vérifiez-la.');
      },
    };
  }

  protected done(recorded: PollContribution): string {
    return msg(
      str`Les bulletins de ${voters(recorded.voters)} recueillis le ${formatDay(recorded.collectedOn)} sont comptés.`,
    );
  }
}

AdminPollContributions.define('parvis-admin-poll-contributions');

declare global {
  interface HTMLElementTagNameMap {
    'parvis-admin-poll-contributions': AdminPollContributions;
  }
}
