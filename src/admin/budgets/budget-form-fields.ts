import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import type { AdminBudget } from '../../contract/budget.js';
import { renderEditableList } from '../editable-list.js';
import { inputField, radioGroup, selectField, textareaField } from '../fields.js';
import type { FieldErrors } from '../form-errors.js';
import { plural } from '../format.js';
import { ruleLabel } from './budget-format.js';
import type { BudgetDraft } from './budget-draft.js';

/** What the form does when the officer grows or shrinks one of its lists. */
export interface ListHandlers {
  add: (list: 'districts' | 'categories' | 'projects') => void;
  remove: (list: 'districts' | 'categories' | 'projects', index: number) => void;
}

/** Why a budget with ballots shows its rule, limits, envelopes and costs without letting them change. */
export function renderFrozenNote(budget: AdminBudget) {
  return html`
    <section class="note" aria-labelledby="frozen-heading">
      <h2 id="frozen-heading">${msg('Règles du vote')}</h2>
      <p>
        ${plural(
          budget.results.ballots,
          (n) =>
            msg(
              str`La règle, les limites, les enveloppes et les coûts ne peuvent plus changer : ${n} bulletin a déjà été déposé.`,
            ),
          (n) =>
            msg(
              str`La règle, les limites, les enveloppes et les coûts ne peuvent plus changer : ${n} bulletins ont déjà été déposés.`,
            ),
        )}
        ${msg(
          'Les modifier changerait le sens des bulletins. Les noms, les textes, les images, les catégories et les dates peuvent encore changer.',
        )}
      </p>
      <p>${ruleLabel(budget)}</p>
    </section>
  `;
}

export function renderDistricts(draft: BudgetDraft, errors: FieldErrors, frozen: boolean, handlers: ListHandlers) {
  const entry = (i: number) => {
    const district = draft.districts[i];
    return html`
      ${inputField(`districts.${i}.name`, msg(str`Nom du quartier ${i + 1}`), district.name, errors)}
      ${frozen
        ? html`<p>${msg(str`Enveloppe : ${district.envelope} €`)}</p>`
        : inputField(
            `districts.${i}.envelope`,
            msg(str`Enveloppe du quartier ${i + 1} (€)`),
            district.envelope,
            errors,
            {
              type: 'number',
              min: 0,
            },
          )}
    `;
  };
  if (frozen)
    return draft.districts.length
      ? html`<fieldset id="field-districts">
          <legend>${msg('Quartiers')}</legend>
          ${draft.districts.map((_, i) => html`<div class="list-entry">${entry(i)}</div>`)}
        </fieldset>`
      : nothing;
  return html`
    ${renderEditableList(
      {
        name: 'districts',
        legend: msg('Quartiers (facultatif)'),
        hint: msg(
          'Chaque quartier a son enveloppe, et chacun vote pour les projets d’un quartier. Sans quartier, une seule enveloppe sert toute la ville.',
        ),
        count: draft.districts.length,
        renderEntry: entry,
        entryName: (n) => msg(str`le quartier ${n}`),
        addLabel: msg('Ajouter un quartier'),
        onAdd: () => handlers.add('districts'),
        onRemove: (i) => handlers.remove('districts', i),
      },
      errors,
    )}
    ${draft.districts.length
      ? nothing
      : inputField('total', msg('Enveloppe du budget (€)'), draft.total, errors, { type: 'number', min: 0 })}
  `;
}

export function renderRule(draft: BudgetDraft, errors: FieldErrors) {
  const knapsack = draft.rule === 'knapsack';
  return html`
    ${radioGroup(
      'rule',
      msg('Règle du vote'),
      draft.rule,
      [
        {
          value: 'knapsack',
          label: msg(
            'Dans la limite de l’enveloppe : chacun choisit des projets dont les coûts tiennent dans l’enveloppe',
          ),
        },
        {
          value: 'approval',
          label: msg('Par approbation : chacun choisit jusqu’à un nombre de projets, quel que soit leur coût'),
        },
      ],
      errors,
    )}
    <fieldset>
      <legend>${msg('Limites de chaque bulletin')}</legend>
      ${knapsack
        ? inputField(
            'minSpendPercent',
            msg('Part minimale de l’enveloppe à dépenser, en % (facultatif)'),
            draft.minSpendPercent,
            errors,
            {
              type: 'number',
              min: 0,
            },
          )
        : nothing}
      ${inputField('minProjects', msg('Nombre minimal de projets (facultatif)'), draft.minProjects, errors, {
        type: 'number',
        min: 1,
      })}
      ${inputField(
        'maxProjects',
        knapsack ? msg('Nombre maximal de projets (facultatif)') : msg('Nombre de projets que chacun peut choisir'),
        draft.maxProjects,
        errors,
        { type: 'number', min: 1 },
      )}
    </fieldset>
  `;
}

export function renderCategories(draft: BudgetDraft, errors: FieldErrors, handlers: ListHandlers) {
  return renderEditableList(
    {
      name: 'categories',
      legend: msg('Catégories (facultatif)'),
      hint: msg('Elles aident les habitants à parcourir les projets.'),
      count: draft.categories.length,
      renderEntry: (i) =>
        inputField(`categories.${i}.label`, msg(str`Catégorie ${i + 1}`), draft.categories[i].label, errors),
      entryName: (n) => msg(str`la catégorie ${n}`),
      addLabel: msg('Ajouter une catégorie'),
      onAdd: () => handlers.add('categories'),
      onRemove: (i) => handlers.remove('categories', i),
    },
    errors,
  );
}

function renderProject(draft: BudgetDraft, errors: FieldErrors, frozen: boolean, i: number) {
  const project = draft.projects[i];
  const name = (field: string) => `projects.${i}.${field}`;
  const districtName = draft.districts.find((d) => d.key === project.district)?.name ?? msg('aucun');
  return html`
    <fieldset class="project">
      <legend>${msg(str`Projet ${i + 1}`)}${project.title.trim() ? ` : ${project.title.trim()}` : ''}</legend>
      ${inputField(name('title'), msg('Titre'), project.title, errors)}
      ${inputField(name('summary'), msg('Résumé'), project.summary, errors, {
        hint: msg('Une ou deux phrases, affichées sur la carte du projet.'),
      })}
      ${textareaField(name('description'), msg('Description (facultatif)'), project.description, errors)}
      ${frozen
        ? html`<p>
            ${msg(str`Coût : ${project.cost} €`)}${draft.districts.length
              ? msg(str` ; quartier : ${districtName}`)
              : ''}
          </p>`
        : html`
            ${inputField(name('cost'), msg('Coût (€)'), project.cost, errors, { type: 'number', min: 1 })}
            ${draft.districts.length
              ? selectField(
                  name('district'),
                  msg('Quartier'),
                  project.district,
                  [
                    { value: '', label: msg('Choisissez un quartier') },
                    ...draft.districts.map((d, n) => ({
                      value: d.key,
                      label: d.name.trim() || msg(str`Quartier ${n + 1}`),
                    })),
                  ],
                  errors,
                )
              : nothing}
          `}
      ${draft.categories.length
        ? selectField(
            name('category'),
            msg('Catégorie'),
            project.category,
            [
              { value: '', label: msg('Aucune') },
              ...draft.categories.map((c, n) => ({
                value: c.key,
                label: c.label.trim() || msg(str`Catégorie ${n + 1}`),
              })),
            ],
            errors,
          )
        : nothing}
      ${inputField(name('location'), msg('Lieu (facultatif)'), project.location, errors, {
        hint: msg('Où il serait réalisé, en mots : square Jean-Moulin.'),
      })}
      ${inputField(name('imageUrl'), msg('Adresse de l’image (facultatif)'), project.imageUrl, errors, {
        type: 'url',
        hint: msg('https://…, ou /… pour une image de ce serveur.'),
        spellcheck: false,
      })}
      ${inputField(name('imageAlt'), msg('Texte de remplacement de l’image'), project.imageAlt, errors, {
        hint: msg('Ce que l’image montre, pour qui ne la voit pas ; vide si elle est décorative.'),
      })}
    </fieldset>
  `;
}

export function renderProjects(draft: BudgetDraft, errors: FieldErrors, frozen: boolean, handlers: ListHandlers) {
  if (frozen)
    return html`<fieldset id="field-projects">
      <legend>${msg('Projets')}</legend>
      ${draft.projects.map((_, i) => renderProject(draft, errors, true, i))}
    </fieldset>`;
  return renderEditableList(
    {
      name: 'projects',
      legend: msg('Projets'),
      hint: msg('Un au moins, dans l’ordre où ils seront présentés.'),
      count: draft.projects.length,
      minimum: 1,
      renderEntry: (i) => renderProject(draft, errors, false, i),
      entryName: (n) => msg(str`le projet ${n}`),
      addLabel: msg('Ajouter un projet'),
      onAdd: () => handlers.add('projects'),
      onRemove: (i) => handlers.remove('projects', i),
    },
    errors,
  );
}
