import { SOURCE_LOCALE, TARGET_LOCALES, type Locale } from '../../client/config.js';
import type { VoteMode } from '../../contract/subject.js';

export type WidgetKind = 'poll' | 'idea-box' | 'budget' | 'subject';
export type WidgetLang = Locale;

/** The widgets' languages, in the order the builder offers them. */
export const WIDGET_LANGS: readonly WidgetLang[] = [SOURCE_LOCALE, ...TARGET_LOCALES];
export type WidgetTheme = 'default' | 'dsfr' | 'dark';

/** The ready-made themes, in the order the builder offers them. */
export const THEMES: readonly WidgetTheme[] = ['default', 'dsfr', 'dark'];

/** What the officer chose in the snippet builder. */
export interface SnippetChoice {
  kind: WidgetKind;
  /** The consultation's id; for a vote button, the subject's key, empty for "the page itself". */
  id: string;
  mode: VoteMode;
  countsHidden: boolean;
  lang: WidgetLang;
  /** The default look is built into the widgets; another theme is one more line: its stylesheet. */
  theme: WidgetTheme;
  /** The page where people can take part without JavaScript; empty for none. */
  fallbackUrl: string;
}

const WIDGETS: Record<WidgetKind, { tag: string; attribute: string; fallback: Record<WidgetLang, string> | null }> = {
  poll: {
    tag: 'parvis-poll',
    attribute: 'poll',
    fallback: {
      fr: 'Répondre au sondage',
      en: 'Answer the poll',
      es: 'Responder a la encuesta',
      de: 'An der Umfrage teilnehmen',
      it: 'Rispondi al sondaggio',
      nl: 'De peiling beantwoorden',
      ca: 'Respondre l’enquesta',
      ar: 'الإجابة عن الاستطلاع',
    },
  },
  'idea-box': {
    tag: 'parvis-idea-box',
    attribute: 'box',
    fallback: {
      fr: 'Proposer une idée',
      en: 'Suggest an idea',
      es: 'Proponer una idea',
      de: 'Eine Idee vorschlagen',
      it: 'Proponi un’idea',
      nl: 'Een idee voorstellen',
      ca: 'Proposar una idea',
      ar: 'اقتراح فكرة',
    },
  },
  budget: {
    tag: 'parvis-budget',
    attribute: 'budget',
    fallback: {
      fr: 'Voter au budget participatif',
      en: 'Vote in the participatory budget',
      es: 'Votar en los presupuestos participativos',
      de: 'Beim Bürgerhaushalt abstimmen',
      it: 'Vota il bilancio partecipativo',
      nl: 'Stemmen over de burgerbegroting',
      ca: 'Votar els pressupostos participatius',
      ar: 'التصويت في الميزانية التشاركية',
    },
  },
  // A vote button shows nothing without JavaScript: there is nothing to fall back to.
  subject: { tag: 'parvis-vote', attribute: 'subject', fallback: null },
};

/** Said when the snippet has no fallback address: the widget needs JavaScript. */
const NO_SCRIPT: Record<WidgetLang, string> = {
  fr: 'Cette consultation s’affiche quand JavaScript est activé.',
  en: 'This consultation shows when JavaScript is enabled.',
  es: 'Esta consulta se muestra cuando JavaScript está activado.',
  de: 'Diese Beteiligung wird angezeigt, wenn JavaScript aktiviert ist.',
  it: 'Questa consultazione viene mostrata quando JavaScript è attivo.',
  nl: 'Deze raadpleging wordt getoond als JavaScript aan staat.',
  ca: 'Aquesta consulta es mostra quan JavaScript està activat.',
  ar: 'تظهر هذه الاستشارة عند تفعيل JavaScript.',
};

/** The element the snippet places: its tag and attributes, in the order they are written. */
export function widgetElement(choice: SnippetChoice): { tag: string; attributes: Array<[string, string]> } {
  const widget = WIDGETS[choice.kind];
  const attributes: Array<[string, string]> = [];
  if (choice.id !== '') attributes.push([widget.attribute, choice.id]);
  if (choice.kind === 'subject') {
    if (choice.mode !== 'support') attributes.push(['mode', choice.mode]);
    if (choice.countsHidden) attributes.push(['counts', 'hidden']);
  }
  attributes.push(['lang', choice.lang]);
  return { tag: widget.tag, attributes };
}

/** The element's fallback content: a link to where people can take part otherwise, or a sentence. */
export function fallbackOf(choice: SnippetChoice): { text: string; href: string | null } | null {
  const text = WIDGETS[choice.kind].fallback?.[choice.lang];
  if (!text) return null;
  return choice.fallbackUrl ? { text, href: choice.fallbackUrl } : { text: NO_SCRIPT[choice.lang], href: null };
}

/**
 * The theme's stylesheet, served beside `parvis.js`; none for the default
 * look, which the widgets carry (`default.css` is for pages with a dark mode
 * of their own, see the README).
 */
export function themeStylesheet(theme: WidgetTheme, origin: string): string | null {
  return theme === 'default' ? null : `${origin}/themes/${theme}.css`;
}

/** What a webmaster pastes: the script and the theme, once per page, and the element where the widget goes. */
export function snippetHtml(choice: SnippetChoice, origin: string): string {
  const { tag, attributes } = widgetElement(choice);
  const opening = [tag, ...attributes.map(([name, value]) => `${name}="${escape(value)}"`)].join(' ');
  const fallback = fallbackOf(choice);
  const content = !fallback
    ? ''
    : fallback.href
      ? `\n  <a href="${escape(fallback.href)}">${escape(fallback.text)}</a>\n`
      : `\n  <p>${escape(fallback.text)}</p>\n`;
  const stylesheet = themeStylesheet(choice.theme, origin);
  const head = stylesheet ? `\n<link rel="stylesheet" href="${escape(stylesheet)}">` : '';
  return `<script type="module" src="${origin}/parvis.js"></script>${head}\n\n<${opening}>${content}</${tag}>\n`;
}

/** The sources the host page's Content-Security-Policy must add: the script, the theme if any, and the API. */
export function cspDirectives(origin: string, theme: WidgetTheme = 'default'): string {
  const style = theme === 'default' ? '' : `; style-src ${origin}`;
  return `script-src ${origin}${style}; connect-src ${origin}`;
}

/** Whether a fallback address is one a browser would follow: an absolute http(s) URL. */
export function isFallbackUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'https:' || protocol === 'http:';
}

function escape(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** The preview page's address for a choice; the preview builds the same element from it. */
export function previewQuery(choice: SnippetChoice): URLSearchParams {
  return new URLSearchParams({
    kind: choice.kind,
    id: choice.id,
    mode: choice.mode,
    counts: choice.countsHidden ? 'hidden' : 'shown',
    lang: choice.lang,
    theme: choice.theme,
    fallback: choice.fallbackUrl,
  });
}

export function choiceFromQuery(query: URLSearchParams): SnippetChoice {
  const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
    allowed.includes(value as T) ? (value as T) : fallback;
  return {
    kind: pick(query.get('kind'), ['poll', 'idea-box', 'budget', 'subject'] as const, 'poll'),
    id: query.get('id') ?? '',
    mode: pick(query.get('mode'), ['support', 'updown', 'helpful'] as const, 'support'),
    countsHidden: query.get('counts') === 'hidden',
    lang: pick(query.get('lang'), WIDGET_LANGS, SOURCE_LOCALE),
    theme: pick(query.get('theme'), THEMES, 'default'),
    fallbackUrl: query.get('fallback') ?? '',
  };
}
