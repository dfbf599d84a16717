import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import {
  AdminIdeaBox,
  IdeaContribution,
  IdeaContributionList,
  MAX_AUTHOR_NAME,
  MAX_IDEA_BODY,
  MAX_IDEA_TITLE,
  RecordIdeaContribution,
} from '../../contract/idea.js';
import type { Channel } from '../../contract/open-data.js';
import { renderChannelTable } from '../channels.js';
import { focusControl, renderEditableList } from '../editable-list.js';
import { inputField, newKey, selectField, textareaField } from '../fields.js';
import { formatNumber, plural } from '../format.js';
import { ideaCount, ideaPath } from '../ideas/idea-format.js';
import { announce, href } from '../router.js';
import { formatDay, noteBody, renderContributionTable, renderNoteFields } from './contribution-note.js';
import { ContributionScreen } from './contribution-screen.js';

interface IdeaDraft {
  key: string;
  title: string;
  body: string;
  /** The category's id, '' for none. */
  category: string;
  authorName: string;
}

interface Ideas {
  ideas: IdeaDraft[];
}

const emptyIdea = (): IdeaDraft => ({ key: newKey(), title: '', body: '', category: '', authorName: '' });

/**
 * Ideas collected at a meeting, on paper, by phone or by text message,
 * published at once: the officer who records them is their moderator.
 */
export class AdminIdeaContributions extends ContributionScreen<AdminIdeaBox, IdeaContribution, Ideas> {
  protected readonly target = AdminIdeaBox;
  protected readonly list = IdeaContributionList;
  protected readonly recorded = IdeaContribution;
  protected readonly fields = ['ideas'];

  protected get consultationPath(): string {
    return `/v1/admin/idea-boxes/${encodeURIComponent(this.params.boxId)}`;
  }

  protected get backPath(): string {
    return `/idea-boxes/${encodeURIComponent(this.params.boxId)}`;
  }

  protected emptyDraft(): Ideas {
    return { ideas: [emptyIdea()] };
  }

  protected override render() {
    return this.renderPage(
      (box) => box.title,
      ({ target: box, contributions }) => html`
        <h2>${msg('Idées par canal')}</h2>
        ${box.ideasByChannel
          ? renderChannelTable('channels-caption', msg('Idées visibles, par canal de dépôt'), msg('Idées'), [
              {
                label: msg('Idées visibles'),
                values: (channel: Channel) => box.ideasByChannel![channel],
                total: box.ideaCount,
              },
            ])
          : nothing}
        <h2>${msg('Enregistrer des idées')}</h2>
        <p>
          ${msg('Les idées enregistrées ici sont publiées aussitôt, et chacun peut les soutenir comme les autres.')}
        </p>
        ${this.renderForm(
          this.#renderIdeas(box),
          msg('Enregistrer les idées'),
          renderNoteFields(this._note, this._errors),
        )}
        ${this.renderRecorded(
          renderContributionTable(
            contributions,
            (contribution) =>
              html`${ideaCount(contribution.ideas.length)} :
              ${contribution.ideas.map(
                (idea, i) =>
                  html`${i ? ', ' : ''}<a href=${href(ideaPath({ id: idea.id, boxId: box.id }))}>${idea.title}</a>`,
              )}`,
            (contribution) => void this.takeBack(contribution),
          ),
          contributions.length,
        )}
      `,
    );
  }

  #renderIdeas(box: AdminIdeaBox) {
    const { ideas } = this._draft!;
    const errors = this._errors;
    return renderEditableList(
      {
        name: 'ideas',
        legend: msg('Idées'),
        count: ideas.length,
        minimum: 1,
        renderEntry: (i) => html`
          <fieldset>
            <legend>${msg(str`Idée ${i + 1}`)}</legend>
            ${inputField(`ideas.${i}.title`, msg('Titre'), ideas[i].title, errors)}
            ${textareaField(`ideas.${i}.body`, msg('Description'), ideas[i].body, errors)}
            ${box.categories.length
              ? selectField(
                  `ideas.${i}.category`,
                  msg('Catégorie'),
                  ideas[i].category,
                  [
                    { value: '', label: msg('Aucune') },
                    ...box.categories.map((c) => ({ value: c.id, label: c.label })),
                  ],
                  errors,
                )
              : nothing}
            ${inputField(`ideas.${i}.authorName`, msg('Nom affiché (facultatif)'), ideas[i].authorName, errors, {
              hint: msg('Avec l’accord de la personne ; vide, l’idée est anonyme.'),
            })}
          </fieldset>
        `,
        entryName: (n) => msg(str`l’idée ${n}`),
        addLabel: msg('Ajouter une idée'),
        onAdd: () => this.#add(),
        onRemove: (i) => this.#remove(i),
      },
      errors,
    );
  }

  #add(): Promise<void> {
    const ideas = [...this._draft!.ideas, emptyIdea()];
    this._draft = { ideas };
    return focusControl(this, `ideas.${ideas.length - 1}.title`);
  }

  #remove(index: number): Promise<void> {
    const removed = this._draft!.ideas[index].title.trim();
    const ideas = this._draft!.ideas.filter((_, i) => i !== index);
    this._draft = { ideas };
    this._errors = {};
    announce(removed ? msg(str`L’idée « ${removed} » est retirée.`) : msg(str`L’idée ${index + 1} est retirée.`));
    return focusControl(this, `ideas.${Math.min(index, ideas.length - 1)}.title`);
  }

  protected body() {
    return {
      schema: RecordIdeaContribution,
      body: {
        ...noteBody(this._note),
        ideas: this._draft!.ideas.map((idea) => ({
          title: idea.title.trim(),
          body: idea.body.trim(),
          ...(idea.category ? { category: idea.category } : {}),
          ...(idea.authorName.trim() ? { authorName: idea.authorName.trim() } : {}),
        })),
      },
      describe: (field: string, reason: string) => {
        const idea = /^ideas\.(\d+)\.(\w+)/.exec(field);
        const n = idea ? Number(idea[1]) + 1 : 0;
        const tooBig = reason === 'too_big';
        switch (idea?.[2]) {
          case 'title':
            return tooBig
              ? msg(str`Le titre de l’idée ${n} doit faire ${formatNumber(MAX_IDEA_TITLE)} caractères au plus.`)
              : msg(str`Saisissez le titre de l’idée ${n}, ou retirez-la.`);
          case 'body':
            return tooBig
              ? msg(str`La description de l’idée ${n} doit faire ${formatNumber(MAX_IDEA_BODY)} caractères au plus.`)
              : msg(str`Saisissez la description de l’idée ${n}.`);
          case 'authorName':
            return msg(str`Le nom de l’idée ${n} doit faire ${formatNumber(MAX_AUTHOR_NAME)} caractères au plus.`);
          case 'category':
            return msg(str`La catégorie de l’idée ${n} n’existe plus : choisissez-en une autre.`);
        }
        return tooBig ? msg('Enregistrez 100 idées au plus à la fois.') : msg('Saisissez au moins une idée.');
      },
    };
  }

  protected done(recorded: IdeaContribution): string {
    const day = formatDay(recorded.collectedOn);
    return plural(
      recorded.ideas.length,
      (n) => msg(str`${n} idée recueillie le ${day} est publiée.`),
      (n) => msg(str`${n} idées recueillies le ${day} sont publiées.`),
    );
  }
}

AdminIdeaContributions.define('parvis-admin-idea-contributions');

declare global {
  interface HTMLElementTagNameMap {
    'parvis-admin-idea-contributions': AdminIdeaContributions;
  }
}
