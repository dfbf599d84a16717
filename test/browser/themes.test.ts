import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { http } from 'msw';
import '../../src/elements/vote/define.js';
import type { ParvisBudget } from '../../src/elements/budget/budget.js';
import type { ParvisIdeaBox } from '../../src/elements/idea-box/idea-box.js';
import type { ParvisPoll } from '../../src/elements/poll/poll.js';
import type { ParvisVote } from '../../src/elements/vote/vote.js';
import { API, FakeServer, makePoll, never, startApi, worker } from './support/api.js';
import { FakeBudgetServer, makeBudget, pick, until as untilBudget } from './support/budget-api.js';
import { BOX_ID, FakeIdeaServer, makeBox, makeIdea, untilBox, waitFor } from './support/idea-api.js';
import { part, until as untilPoll } from './support/render.js';
import { FakeSubjects, untilState } from './support/vote-api.js';

/**
 * What a page sees of the theming rules: tokens reach every widget from
 * `:root` or any ancestor, each theme file gives its colours and stays
 * accessible, dark comes only where the page or the theme asks for it, and
 * reduced motion stops every movement. Forced colours are checked end to end
 * (test/e2e/themes.test.ts): the browser here cannot emulate them.
 */

interface Widgets {
  page: HTMLElement;
  poll: ParvisPoll;
  vote: ParvisVote;
  box: ParvisIdeaBox;
  budget: ParvisBudget;
}

const BUDGET = 'budget-participatif-2027';

/** The four widgets side by side, each in a state that shows its colours: results, a pressed button, an answer, a ballot. */
async function renderWidgets(attributes: Record<string, string> = {}): Promise<Widgets> {
  new FakeServer(makePoll({ resultsVisibility: 'always' }), { kiosque: 3, 'aire-de-jeux': 1 }, 4).listen();
  new FakeSubjects().add('actu-budget', { up: 12, mine: 1 }).listen();
  const answer = { text: 'Retenue pour 2027.', answeredAt: '2026-04-02T14:30:00+02:00' };
  new FakeIdeaServer(makeBox(), [makeIdea(1, { status: 'accepted', supports: 3, answer })]).listen();
  new FakeBudgetServer(makeBudget()).listen();
  const page = await fixture<HTMLElement>(html`
    <div>
      <parvis-poll poll="parc-des-tilleuls" api=${API}></parvis-poll>
      <parvis-vote subject="actu-budget" label="Le budget participatif est relancé" api=${API}></parvis-vote>
      <parvis-idea-box box=${BOX_ID} api=${API}></parvis-idea-box>
      <parvis-budget budget=${BUDGET} api=${API}></parvis-budget>
    </div>
  `);
  for (const [name, value] of Object.entries(attributes)) page.setAttribute(name, value);
  const widgets = {
    page,
    poll: page.querySelector('parvis-poll')!,
    vote: page.querySelector('parvis-vote')!,
    box: page.querySelector('parvis-idea-box')!,
    budget: page.querySelector('parvis-budget')!,
  };
  await untilPoll(widgets.poll, 'open');
  await untilState(widgets.vote, 'pressed');
  await untilBox(widgets.box, 'open');
  await waitFor(() => Boolean(part(widgets.box, 'answer')), 'the idea and its answer');
  await untilBudget(widgets.budget, 'building');
  await pick(widgets.budget, 'Jardin partagé des Tilleuls');
  return widgets;
}

function style(element: Element, name: string): CSSStyleDeclaration {
  const node = part(element, name);
  if (!node) throw new Error(`<${element.localName}> shows no part "${name}"`);
  return getComputedStyle(node);
}

/** What each widget paints with the primary colour, the surface and the text colour. */
function painted({ poll, vote, box, budget }: Widgets) {
  return {
    primary: [
      style(poll, 'submit').backgroundColor,
      style(poll, 'bar').backgroundColor,
      style(vote, 'support').backgroundColor,
      style(box, 'submit').backgroundColor,
      style(budget, 'meter-bar').backgroundColor,
    ],
    onPrimary: [style(poll, 'submit').color, style(vote, 'support').color, style(box, 'submit').color],
    surface: [
      style(poll, 'base').backgroundColor,
      style(box, 'base').backgroundColor,
      style(budget, 'base').backgroundColor,
    ],
    text: [style(poll, 'question').color, style(box, 'idea-text').color, style(budget, 'project-title').color],
  };
}

/** The same colours painted everywhere: what `painted()` reads when every widget follows the tokens. */
function everywhere(colors: { primary: string; onPrimary: string; surface: string; text: string }) {
  return {
    primary: Array(5).fill(colors.primary),
    onPrimary: Array(3).fill(colors.onPrimary),
    surface: Array(3).fill(colors.surface),
    text: Array(3).fill(colors.text),
  };
}

function rgb(hex: string): string {
  const digits =
    hex.length === 4 ? [...hex.slice(1)].map((digit) => digit + digit) : [1, 3, 5].map((at) => hex.slice(at, at + 2));
  return `rgb(${digits.map((pair) => parseInt(pair, 16)).join(', ')})`;
}

/** Links a theme file as a page would, and waits until it applies. */
async function linkTheme(name: string): Promise<HTMLLinkElement> {
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: `/src/themes/${name}.css` });
  const loaded = new Promise((resolve, reject) => {
    link.addEventListener('load', resolve);
    link.addEventListener('error', reject);
  });
  document.head.append(link);
  await loaded;
  return link;
}

before(startApi);
afterEach(() => worker.resetHandlers());

describe('tokens set by the page', () => {
  afterEach(() => document.documentElement.removeAttribute('style'));

  it('on :root, restyle every widget: colours, surface, text, corners and font', async () => {
    const root = document.documentElement.style;
    root.setProperty('--parvis-color-primary', 'rgb(10, 20, 30)');
    root.setProperty('--parvis-color-on-primary', 'rgb(250, 250, 240)');
    root.setProperty('--parvis-color-surface', 'rgb(255, 250, 240)');
    root.setProperty('--parvis-color-text', 'rgb(40, 30, 20)');
    root.setProperty('--parvis-radius', '7px');
    root.setProperty('--parvis-font-family', 'Georgia, serif');
    const widgets = await renderWidgets();
    expect(painted(widgets)).to.deep.equal(
      everywhere({
        primary: 'rgb(10, 20, 30)',
        onPrimary: 'rgb(250, 250, 240)',
        surface: 'rgb(255, 250, 240)',
        text: 'rgb(40, 30, 20)',
      }),
    );
    for (const widget of [widgets.poll, widgets.box, widgets.budget]) {
      expect(style(widget, 'base').borderTopLeftRadius).to.equal('7px');
      expect(style(widget, 'base').fontFamily).to.equal('Georgia, serif');
    }
    expect(style(widgets.vote, 'support').borderTopLeftRadius).to.equal('7px');
  });

  it('on an ancestor, win over :root for the widgets inside it; a component token wins over the system one', async () => {
    document.documentElement.style.setProperty('--parvis-color-primary', 'rgb(10, 20, 30)');
    const widgets = await renderWidgets({
      style: '--parvis-color-primary: rgb(60, 0, 90); --parvis-poll-bar-color: rgb(0, 90, 60)',
    });
    const { primary } = painted(widgets);
    expect(primary).to.deep.equal([
      'rgb(60, 0, 90)',
      'rgb(0, 90, 60)',
      'rgb(60, 0, 90)',
      'rgb(60, 0, 90)',
      'rgb(60, 0, 90)',
    ]);
  });
});

interface Variant {
  name: string;
  theme: string;
  /** Attributes of the page around the widgets, which stands for the whole page. */
  page: Record<string, string>;
  colors: { primary: string; onPrimary: string; surface: string; text: string };
  font?: string;
  radius: string;
  /** The focus ring's width and colour. */
  focus: [string, string];
}

const VARIANTS: Variant[] = [
  {
    name: 'default',
    theme: 'default',
    page: { style: 'background: #fff' },
    colors: { primary: '#000091', onPrimary: '#fff', surface: '#fff', text: '#1e1e1e' },
    radius: '4px',
    focus: ['3px', '#0a76f6'],
  },
  {
    name: 'default, on a page that declares itself dark',
    theme: 'default',
    page: { style: 'background: #121212; color-scheme: dark' },
    colors: { primary: '#a9a9ff', onPrimary: '#1e1e1e', surface: '#1e1e1e', text: '#f0f0f0' },
    radius: '4px',
    focus: ['3px', '#6ea8ff'],
  },
  {
    name: 'dsfr',
    theme: 'dsfr',
    page: { 'data-parvis-theme': 'dsfr', style: 'background: #fff' },
    colors: { primary: '#000091', onPrimary: '#f5f5fe', surface: '#fff', text: '#3a3a3a' },
    font: 'Marianne, arial, sans-serif',
    radius: '0px',
    focus: ['2px', '#0a76f6'],
  },
  {
    name: 'dsfr, dark (data-fr-theme="dark")',
    theme: 'dsfr',
    page: { 'data-parvis-theme': 'dsfr', 'data-fr-theme': 'dark', style: 'background: #161616' },
    colors: { primary: '#8585f6', onPrimary: '#000091', surface: '#161616', text: '#cecece' },
    font: 'Marianne, arial, sans-serif',
    radius: '0px',
    focus: ['2px', '#0a76f6'],
  },
  {
    name: 'dark',
    theme: 'dark',
    page: { style: 'background: #121212' },
    colors: { primary: '#a9a9ff', onPrimary: '#1e1e1e', surface: '#1e1e1e', text: '#f0f0f0' },
    radius: '4px',
    focus: ['3px', '#6ea8ff'],
  },
];

describe('the ready-made themes', () => {
  let link: HTMLLinkElement | null = null;
  afterEach(() => link?.remove());

  for (const variant of VARIANTS) {
    it(`${variant.name}: its colours, corners, font and focus ring, and no axe violation`, async () => {
      link = await linkTheme(variant.theme);
      const widgets = await renderWidgets(variant.page);
      const { primary, onPrimary, surface, text } = variant.colors;
      expect(painted(widgets)).to.deep.equal(
        everywhere({ primary: rgb(primary), onPrimary: rgb(onPrimary), surface: rgb(surface), text: rgb(text) }),
      );
      expect(style(widgets.poll, 'base').borderTopLeftRadius).to.equal(variant.radius);
      if (variant.font) expect(style(widgets.budget, 'base').fontFamily).to.equal(variant.font);
      const submit = part<HTMLButtonElement>(widgets.poll, 'submit')!;
      // A key pressed first: focus then shows as it does for a keyboard user.
      await sendKeys({ press: 'Shift' });
      submit.focus();
      expect(submit.matches(':focus-visible')).to.equal(true);
      const ring = getComputedStyle(submit);
      expect([ring.outlineStyle, ring.outlineWidth, ring.outlineColor, ring.outlineOffset]).to.deep.equal([
        'solid',
        variant.focus[0],
        rgb(variant.focus[1]),
        '2px',
      ]);
      for (const widget of [widgets.poll, widgets.vote, widgets.box, widgets.budget])
        await expect(widget).to.be.accessible();
    });
  }

  it('a section of the page can take another theme than the rest of it', async () => {
    link = await linkTheme('dark');
    const widgets = await renderWidgets({ 'data-parvis-theme': 'dark' });
    expect(style(widgets.poll, 'base').backgroundColor).to.equal(rgb('#1e1e1e'));
    const dsfr = await linkTheme('dsfr');
    try {
      widgets.page.setAttribute('data-parvis-theme', 'dsfr');
      expect(style(widgets.poll, 'base').backgroundColor).to.equal(rgb('#fff'));
      expect(style(widgets.poll, 'submit').backgroundColor).to.equal(rgb('#000091'));
    } finally {
      dsfr.remove();
    }
  });
});

describe('dark, when and only when asked for', () => {
  let link: HTMLLinkElement | null = null;
  afterEach(async () => {
    link?.remove();
    link = null;
    await emulateMedia({ colorScheme: 'light' });
  });

  it('without a theme, the widgets stay light for a person who prefers dark', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const { poll } = await renderWidgets({ style: 'color-scheme: light dark' });
    expect(style(poll, 'base').backgroundColor).to.equal(rgb('#fff'));
    expect(style(poll, 'question').color).to.equal(rgb('#1e1e1e'));
  });

  it('the default theme follows the preference on a page that supports dark, and stays light on one that does not', async () => {
    link = await linkTheme('default');
    await emulateMedia({ colorScheme: 'dark' });
    const { poll, page } = await renderWidgets({ style: 'color-scheme: light dark' });
    expect(style(poll, 'base').backgroundColor).to.equal(rgb('#1e1e1e'));
    page.style.colorScheme = '';
    expect(style(poll, 'base').backgroundColor).to.equal(rgb('#fff'));
    page.style.colorScheme = 'light dark';
    await emulateMedia({ colorScheme: 'light' });
    expect(style(poll, 'base').backgroundColor).to.equal(rgb('#fff'));
  });

  it('the dark theme is dark whatever the preference, its native controls too; DSFR follows its own attribute', async () => {
    link = await linkTheme('dark');
    const { poll } = await renderWidgets();
    expect(style(poll, 'base').backgroundColor).to.equal(rgb('#1e1e1e'));
    expect(style(poll, 'base').colorScheme).to.equal('dark');
    link.remove();

    link = await linkTheme('dsfr');
    await emulateMedia({ colorScheme: 'dark' });
    expect(style(poll, 'base').backgroundColor).to.equal(rgb('#fff'));
    document.documentElement.setAttribute('data-fr-theme', 'dark');
    try {
      expect(style(poll, 'base').backgroundColor).to.equal(rgb('#161616'));
    } finally {
      document.documentElement.removeAttribute('data-fr-theme');
    }
  });
});

describe('reduced motion', () => {
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  /** The bars' transitions and the placeholders' pulse, in seconds and by name. */
  async function movements() {
    const widgets = await renderWidgets();
    const durations = [style(widgets.poll, 'bar'), style(widgets.budget, 'meter-bar')].map((each) =>
      parseFloat(each.transitionDuration),
    );
    worker.use(
      http.get(`${API}/v1/polls/:pollId`, never),
      http.get(`${API}/v1/subjects/:key/votes`, never),
      http.get(`${API}/v1/idea-boxes/:boxId`, never),
      http.get(`${API}/v1/budgets/:budgetId`, never),
    );
    const loading = await fixture<HTMLElement>(html`
      <div>
        <parvis-poll poll="en-chargement" api=${API}></parvis-poll>
        <parvis-vote subject="en-chargement" api=${API}></parvis-vote>
        <parvis-idea-box box="en-chargement" api=${API}></parvis-idea-box>
        <parvis-budget budget="en-chargement" api=${API}></parvis-budget>
      </div>
    `);
    const pulses = [...loading.children].map((widget) => {
      const bone = widget.shadowRoot!.querySelector('.bone');
      if (!bone) throw new Error(`<${widget.localName}> shows no placeholder`);
      return getComputedStyle(bone).animationName;
    });
    return { durations, pulses };
  }

  it('the bars move and the placeholders pulse for a person who does not mind', async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    const { durations, pulses } = await movements();
    expect(durations.every((seconds) => seconds >= 0.2)).to.equal(true, `durations ${durations}`);
    expect(pulses).to.deep.equal(['pulse', 'pulse', 'pulse', 'pulse']);
  });

  it('nothing moves for a person who asks for reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const { durations, pulses } = await movements();
    expect(durations.every((seconds) => seconds <= 0.00001)).to.equal(true, `durations ${durations}`);
    expect(pulses).to.deep.equal(['none', 'none', 'none', 'none']);
  });
});
