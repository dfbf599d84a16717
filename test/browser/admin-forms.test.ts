import { expect } from '@open-wc/testing';
import { CreatePoll } from '../../src/contract/poll.js';
import { checkBody } from '../../src/admin/form-errors.js';
import {
  describePollField,
  emptyDraft,
  optionsOf,
  placeOptionErrors,
  pollBody,
  slugify,
} from '../../src/admin/polls/poll-draft.js';
import {
  choiceFromQuery,
  cspDirectives,
  previewQuery,
  snippetHtml,
  type SnippetChoice,
} from '../../src/admin/snippet/snippet.js';

const ORIGIN = 'https://participer.ville-exemple.fr';

function choice(overrides: Partial<SnippetChoice>): SnippetChoice {
  return { ...choiceFromQuery(new URLSearchParams()), ...overrides };
}

describe('the console’s poll form', () => {
  it('makes ids from text the way the contract wants them', () => {
    expect(slugify('Où installer le marché de Noël ?')).to.equal('ou-installer-le-marche-de-noel');
    expect(slugify('  ---  ')).to.equal('');
    expect(slugify('é'.repeat(80))).to.have.length(60);
  });

  it('gives new answers ids made from their labels, never twice the same, and keeps existing ones', () => {
    const draft = emptyDraft();
    draft.options = [
      { id: 'quais', label: 'Sur les quais' },
      { id: null, label: 'Place de la République' },
      { id: null, label: 'Place de la République !' },
      { id: null, label: '🎄' },
    ];
    expect(optionsOf(draft).map((option) => option.id)).to.deep.equal([
      'quais',
      'place-de-la-republique',
      'place-de-la-republique-2',
      'reponse-4',
    ]);
  });

  it('checks the body against the API’s contract and says each mistake next to its field', () => {
    const draft = emptyDraft();
    draft.id = 'Marché de Noël';
    draft.options[0].label = 'x'.repeat(201);
    draft.opensAt = 'pas une date';
    const checked = checkBody(CreatePoll, pollBody(draft, null, true), describePollField(draft));
    expect(checked.errors && placeOptionErrors(checked.errors)).to.deep.equal({
      id: 'L’identifiant ne peut contenir que des lettres minuscules sans accent, des chiffres et des tirets, sans tiret au début ni à la fin (64 caractères au plus).',
      question: 'Saisissez la question.',
      'options.0.label': 'La réponse 1 doit faire 200 caractères au plus.',
      'options.1.label': 'Saisissez le texte de la réponse 2, ou retirez-la.',
      opensAt: 'Saisissez une date et une heure valides, ou laissez le champ vide.',
    });
  });

  it('sends numbers of choices for a multiple-choice poll only, and empty dates as none', () => {
    const draft = { ...emptyDraft(), question: 'Q ?', minChoices: '2', maxChoices: '3' };
    expect(pollBody(draft, null, false)).to.not.have.keys('minChoices', 'maxChoices', 'options');
    expect(pollBody({ ...draft, multiple: true }, null, false)).to.include({ minChoices: 2, maxChoices: 3 });
    expect(pollBody(draft, null, false)).to.include({ opensAt: null, closesAt: null, description: null });
  });
});

describe('the console’s snippet', () => {
  it('is the script tag and the element, with a sentence for browsers without JavaScript', () => {
    expect(snippetHtml(choice({ kind: 'poll', id: 'parc-des-tilleuls' }), ORIGIN)).to.equal(
      `<script type="module" src="${ORIGIN}/parvis.js"></script>\n\n` +
        '<parvis-poll poll="parc-des-tilleuls" lang="fr">\n' +
        '  <p>Cette consultation s’affiche quand JavaScript est activé.</p>\n' +
        '</parvis-poll>\n',
    );
  });

  it('links to the fallback page in the widget’s language, its address written safely', () => {
    const text = snippetHtml(
      choice({ kind: 'budget', id: 'budget-2027', lang: 'en', fallbackUrl: 'https://ville.fr/?a=1&b="2"' }),
      ORIGIN,
    );
    expect(text).to.contain('<parvis-budget budget="budget-2027" lang="en">');
    expect(text).to.contain('<a href="https://ville.fr/?a=1&amp;b=&quot;2&quot;">Vote in the participatory budget</a>');
  });

  it('speaks every language of the widgets, its fallback included, and the preview keeps the choice', () => {
    const arabic = snippetHtml(choice({ kind: 'idea-box', id: 'idees', lang: 'ar' }), ORIGIN);
    expect(arabic).to.contain('<parvis-idea-box box="idees" lang="ar">');
    expect(arabic).to.contain('<p>تظهر هذه الاستشارة عند تفعيل JavaScript.</p>');
    const german = snippetHtml(
      choice({ kind: 'poll', id: 'p', lang: 'de', fallbackUrl: 'https://ville.fr/p' }),
      ORIGIN,
    );
    expect(german).to.contain('<a href="https://ville.fr/p">An der Umfrage teilnehmen</a>');
    for (const lang of ['es', 'de', 'it', 'nl', 'ca', 'ar'] as const) {
      expect(choiceFromQuery(previewQuery(choice({ lang })))).to.include({ lang });
    }
    expect(choiceFromQuery(new URLSearchParams('lang=pt')).lang, 'an unknown language').to.equal('fr');
  });

  it('gives a vote button its mode and hidden counts, and no subject for the page itself', () => {
    expect(snippetHtml(choice({ kind: 'subject', id: '', mode: 'helpful', countsHidden: true }), ORIGIN)).to.contain(
      '<parvis-vote mode="helpful" counts="hidden" lang="fr"></parvis-vote>',
    );
    expect(snippetHtml(choice({ kind: 'subject', id: 'projet', mode: 'support' }), ORIGIN)).to.contain(
      '<parvis-vote subject="projet" lang="fr"></parvis-vote>',
    );
  });

  it('names the directives the host page’s CSP needs, and the preview rebuilds the same choice', () => {
    expect(cspDirectives(ORIGIN)).to.equal(`script-src ${ORIGIN}; connect-src ${ORIGIN}`);
    const chosen = choice({ kind: 'subject', id: 'a/b', mode: 'updown', countsHidden: true, lang: 'en' });
    expect(choiceFromQuery(previewQuery(chosen))).to.deep.equal(chosen);
  });

  it('links a theme’s stylesheet beside the script, and asks the CSP to allow it; the default needs none', () => {
    expect(snippetHtml(choice({ kind: 'poll', id: 'parc', theme: 'dsfr' }), ORIGIN)).to.equal(
      `<script type="module" src="${ORIGIN}/parvis.js"></script>\n` +
        `<link rel="stylesheet" href="${ORIGIN}/themes/dsfr.css">\n\n` +
        '<parvis-poll poll="parc" lang="fr">\n' +
        '  <p>Cette consultation s’affiche quand JavaScript est activé.</p>\n' +
        '</parvis-poll>\n',
    );
    expect(snippetHtml(choice({ kind: 'subject', id: 'projet', theme: 'dark' }), ORIGIN)).to.contain(
      `<link rel="stylesheet" href="${ORIGIN}/themes/dark.css">`,
    );
    expect(snippetHtml(choice({ kind: 'poll', id: 'parc' }), ORIGIN)).to.not.contain('<link');
    expect(cspDirectives(ORIGIN, 'dark')).to.equal(`script-src ${ORIGIN}; style-src ${ORIGIN}; connect-src ${ORIGIN}`);
    expect(cspDirectives(ORIGIN, 'default')).to.equal(`script-src ${ORIGIN}; connect-src ${ORIGIN}`);
    const themed = choice({ kind: 'idea-box', id: 'idees', theme: 'dsfr' });
    expect(choiceFromQuery(previewQuery(themed))).to.deep.equal(themed);
    expect(choiceFromQuery(new URLSearchParams({ theme: 'neon' })).theme).to.equal('default');
  });
});
