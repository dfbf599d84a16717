import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  AdminBudget,
  BudgetContribution,
  BudgetContributionList,
  RecordBudgetContribution,
} from '../../contract/budget.js';
import { projectsOf, whyNotSubmittable } from '../../client/budgets.js';
import type { ErrorCode } from '../../contract/errors.js';
import type { Channel } from '../../contract/open-data.js';
import { budgetFormat } from '../budgets/budget-format.js';
import { renderChannelTable } from '../channels.js';
import { focusControl, renderEditableList } from '../editable-list.js';
import { inputField, newKey, numberOf, selectField, withValue } from '../fields.js';
import { fieldId, renderFieldError, type FieldErrors } from '../form-errors.js';
import { refusalMessage } from '../refusals.js';
import { formatNumber } from '../format.js';
import { announce, href } from '../router.js';
import { formatDay, noteBody, renderContributionTable, renderNoteFields } from './contribution-note.js';
import { ContributionScreen } from './contribution-screen.js';

interface CountedBallotDraft {
  key: string;
  /** The district's id, '' while none is chosen. */
  district: string;
  projectIds: string[];
  count: string;
}

interface Ballots {
  ballots: CountedBallotDraft[];
}

function emptyBallot(budget: AdminBudget): CountedBallotDraft {
  return {
    key: newKey(),
    district: budget.districts.length === 1 ? budget.districts[0].id : '',
    projectIds: [],
    count: '1',
  };
}

/**
 * Ballots of a budget collected outside the web: each paper ballot as the
 * widget would send it, with how many identical ones were counted; each is
 * checked by the budget's rules before it is sent, as the server will.
 */
export class AdminBudgetContributions extends ContributionScreen<AdminBudget, BudgetContribution, Ballots> {
  protected readonly target = AdminBudget;
  protected readonly list = BudgetContributionList;
  protected readonly recorded = BudgetContribution;
  protected readonly fields = ['ballots'];

  protected get consultationPath(): string {
    return `/v1/admin/budgets/${encodeURIComponent(this.params.budgetId)}`;
  }

  protected get backPath(): string {
    return `/budgets/${encodeURIComponent(this.params.budgetId)}`;
  }

  protected emptyDraft(budget: AdminBudget): Ballots {
    return { ballots: [emptyBallot(budget)] };
  }

  protected override render() {
    return this.renderPage(
      (budget) => budget.title,
      ({ target: budget, contributions }) => {
        const format = budgetFormat(budget);
        const byChannel = budget.results.byChannel;
        return html`
          <h2>${msg('Bulletins par canal')}</h2>
          ${byChannel
            ? renderChannelTable('channels-caption', msg('Bulletins par canal'), msg('Bulletins'), [
                {
                  label: msg('Bulletins'),
                  values: (channel: Channel) => byChannel[channel].ballots,
                  total: budget.results.ballots,
                },
              ])
            : nothing}
          <p>
            <a href=${href(this.backPath)}>${msg('Voir les résultats de chaque projet, web et hors web')}</a>
          </p>
          <h2>${msg('Enregistrer des bulletins')}</h2>
          <p>
            ${msg(
              'Saisissez chaque bulletin différent une fois, avec le nombre de bulletins identiques comptés. Chacun suit les règles du vote par le web, quelles que soient les dates.',
            )}
          </p>
          ${this.renderForm(
            this.#renderBallots(budget),
            msg('Enregistrer les bulletins'),
            renderNoteFields(this._note, this._errors),
          )}
          ${this.renderRecorded(
            renderContributionTable(
              contributions,
              (contribution) => format.ballots(contribution.ballotCount),
              (contribution) => void this.takeBack(contribution),
            ),
            contributions.length,
          )}
        `;
      },
    );
  }

  #renderBallots(budget: AdminBudget) {
    const { ballots } = this._draft!;
    return renderEditableList(
      {
        name: 'ballots',
        legend: msg('Bulletins'),
        count: ballots.length,
        minimum: 1,
        renderEntry: (i) => this.#renderBallot(budget, ballots[i], i),
        entryName: (n) => msg(str`le bulletin ${n}`),
        addLabel: msg('Ajouter un bulletin différent'),
        onAdd: () => this.#add(budget),
        onRemove: (i) => this.#remove(i),
      },
      this._errors,
    );
  }

  #renderBallot(budget: AdminBudget, ballot: CountedBallotDraft, i: number) {
    const format = budgetFormat(budget);
    const errors: FieldErrors = this._errors;
    const name = `ballots.${i}`;
    const chosen = new Set(ballot.projectIds);
    const offered = budget.districts.length && !ballot.district ? [] : projectsOf(budget, ballot.district || null);
    return html`
      <fieldset id=${fieldId(name)} class="ballot ${errors[name] ? 'invalid' : ''}">
        <legend>${msg(str`Bulletin ${i + 1}`)}</legend>
        ${renderFieldError(errors, name)}
        ${budget.districts.length
          ? selectField(
              `${name}.district`,
              msg('Quartier'),
              ballot.district,
              [
                { value: '', label: msg('Choisissez un quartier') },
                ...budget.districts.map((d) => ({ value: d.id, label: d.name })),
              ],
              errors,
            )
          : nothing}
        ${offered.length
          ? html`<fieldset>
              <legend>${msg('Projets choisis')}</legend>
              ${offered.map(
                (project) => html`
                  <div class="choice">
                    <input
                      type="checkbox"
                      id="${fieldId(name)}-${project.id}"
                      name="${name}.projects.${project.id}"
                      .checked=${live(chosen.has(project.id))}
                    />
                    <label for="${fieldId(name)}-${project.id}">${project.title} (${format.money(project.cost)})</label>
                  </div>
                `,
              )}
            </fieldset>`
          : nothing}
        ${inputField(`${name}.count`, msg('Nombre de bulletins identiques'), ballot.count, errors, {
          type: 'number',
          min: 1,
        })}
      </fieldset>
    `;
  }

  protected override change(draft: Ballots, name: string, value: string | boolean): Ballots {
    const project = /^ballots\.(\d+)\.projects\.(.+)$/.exec(name);
    if (project) {
      const index = Number(project[1]);
      return {
        ballots: draft.ballots.map((ballot, i) =>
          i !== index
            ? ballot
            : {
                ...ballot,
                projectIds: value
                  ? [...ballot.projectIds, project[2]]
                  : ballot.projectIds.filter((id) => id !== project[2]),
              },
        ),
      };
    }
    const changed = withValue(draft, name, value);
    const district = /^ballots\.(\d+)\.district$/.exec(name);
    if (!district) return changed;
    // Projects of another district leave the ballot with its old district.
    const own = new Set(projectsOf(this.data.value!.target, String(value) || null).map((p) => p.id));
    return {
      ballots: changed.ballots.map((ballot, i) =>
        i === Number(district[1]) ? { ...ballot, projectIds: ballot.projectIds.filter((id) => own.has(id)) } : ballot,
      ),
    };
  }

  #add(budget: AdminBudget): Promise<void> {
    const ballots = [...this._draft!.ballots, emptyBallot(budget)];
    this._draft = { ballots };
    const first = budget.districts.length ? 'district' : 'count';
    return focusControl(this, `ballots.${ballots.length - 1}.${first}`);
  }

  #remove(index: number): Promise<void> {
    const ballots = this._draft!.ballots.filter((_, i) => i !== index);
    this._draft = { ballots };
    this._errors = {};
    announce(msg(str`Le bulletin ${index + 1} est retiré.`));
    return focusControl(this, `ballots.${Math.min(index, ballots.length - 1)}.count`);
  }

  protected body() {
    const budget = this.data.value!.target;
    const ballots = this._draft!.ballots.map((ballot) => ({
      projectIds: ballot.projectIds,
      ...(ballot.district ? { district: ballot.district } : {}),
      count: numberOf(ballot.count),
    }));
    // The rules of a ballot, checked here as the server will: each mistake is said next to its ballot.
    const problems = this._draft!.ballots.flatMap((ballot, i) => {
      const problem = whyNotSubmittable(budget, { district: ballot.district || null, projectIds: ballot.projectIds });
      return problem ? [[`ballots.${i}`, problem.code] as const] : [];
    });
    return {
      schema: RecordBudgetContribution,
      body: { ...noteBody(this._note), ballots },
      problems: Object.fromEntries(problems),
      describe: (field: string, reason: string) => {
        const ballot = /^ballots\.(\d+)/.exec(field);
        const n = ballot ? Number(ballot[1]) + 1 : 0;
        if (/^ballots\.\d+\.count$/.test(field))
          return msg(str`Saisissez le nombre de bulletins identiques au bulletin ${n}, 1 ou plus.`);
        if (/^ballots\.\d+\.projectIds$/.test(field)) return msg(str`Bulletin ${n} : choisissez au moins un projet.`);
        if (ballot) return msg(str`Bulletin ${n} : ${refusalMessage(reason as ErrorCode)}`);
        return msg('Saisissez au moins un bulletin.');
      },
    };
  }

  protected done(recorded: BudgetContribution): string {
    return msg(
      str`Bulletins comptés : ${formatNumber(recorded.ballotCount)}, recueillis le ${formatDay(recorded.collectedOn)}.`,
    );
  }
}

AdminBudgetContributions.define('parvis-admin-budget-contributions');

declare global {
  interface HTMLElementTagNameMap {
    'parvis-admin-budget-contributions': AdminBudgetContributions;
  }
}
