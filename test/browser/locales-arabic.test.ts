import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ParvisBudget } from '../../src/elements/budget/budget.js';
import type { ParvisPoll } from '../../src/elements/poll/poll.js';
import { FakeServer, makePoll } from './support/api.js';
import {
  FakeBudgetServer,
  makeBudget,
  pick,
  until as budgetUntil,
  worker,
  API,
  startApi,
} from './support/budget-api.js';
import { part, parts, text, until } from './support/dom.js';
import { FakeIdeaServer, makeBox, makeIdea, renderIdeaBox, untilBox } from './support/idea-api.js';
import { FakeSubjects, renderVote, shown, spoken, untilState } from './support/vote-api.js';

before(async () => {
  await startApi();
  // As on a webmaster's page: the entry configures the language and defines each tag when it appears.
  await import('../../src/parvis.js');
  window.Parvis!.configure({ api: API });
});
afterEach(() => worker.resetHandlers());

// Arabic figures are Western digits (0–9), whatever the browser's default for `ar`.
const number = (value: number) => new Intl.NumberFormat('ar-u-nu-latn').format(value);
const percent = (value: number) =>
  new Intl.NumberFormat('ar-u-nu-latn', { style: 'percent', maximumFractionDigits: 0 }).format(value);
const money = (amount: number) =>
  new Intl.NumberFormat('ar-u-nu-latn', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 })
    .format(amount)
    .replace(/\s+/g, ' ');

async function inArabic<T extends HTMLElement>(element: ReturnType<typeof html>, tag: string): Promise<T> {
  const div = await fixture(html`<div lang="ar">${element}</div>`);
  await waitUntil(() => customElements.get(tag), `<${tag}> was never defined`, { timeout: 5000 });
  return div.firstElementChild as T;
}

/** The physical edges of an element, rounded to the pixel. */
function edges(element: Element): { left: number; right: number; width: number } {
  const { left, right, width } = element.getBoundingClientRect();
  return { left: Math.round(left), right: Math.round(right), width: Math.round(width) };
}

describe('Arabic, right to left', () => {
  it('a poll mirrors its layout: its bars grow from the right, its counts take every Arabic plural form', async () => {
    new FakeServer(
      makePoll({
        status: 'closed',
        resultsVisibility: 'always',
        options: [
          { id: 'deux', label: 'Deux' },
          { id: 'trois', label: 'Trois' },
          { id: 'onze', label: 'Onze' },
          { id: 'cent', label: 'Cent' },
          { id: 'un', label: 'Un' },
          { id: 'zero', label: 'Zéro' },
        ],
      }),
      { deux: 2, trois: 3, onze: 11, cent: 100, un: 1, zero: 0 },
      200,
    ).listen();
    const el = await inArabic<ParvisPoll>(html`<parvis-poll poll="parc-des-tilleuls"></parvis-poll>`, 'parvis-poll');
    await until(el, 'closed');
    await waitUntil(() => text(part(el, 'results-heading')) === 'النتائج', 'the strings never switched to Arabic', {
      timeout: 5000,
    });

    const base = part(el, 'base')!;
    expect(base.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(base).direction).to.equal('rtl');

    // zero, one, two, few (3–10), many (11–99) and other (100 and more): each count in its own form.
    expect(parts(el, 'count').map(text)).to.deep.equal([
      `${number(2)} صوتان · ${percent(2 / 200)}`,
      `${number(3)} أصوات · ${percent(3 / 200)}`,
      `${number(11)} صوتًا · ${percent(11 / 200)}`,
      `${number(100)} صوت · ${percent(100 / 200)}`,
      `${number(1)} صوت · ${percent(1 / 200)}`,
      `${number(0)} صوت · ${percent(0)}`,
    ]);
    expect(text(part(el, 'total'))).to.equal(`المجموع: ${number(200)} مشارك`);
    expect(text(el.shadowRoot!.querySelector('.result-list'))).not.to.match(/[٠-٩]/);

    // Half the voters chose « Cent »: its bar fills the right half of its track.
    const result = parts(el, 'result')[3];
    const track = edges(result.querySelector('[part~="track"]')!);
    const bar = edges(result.querySelector('[part~="bar"]')!);
    expect(bar.right).to.equal(track.right);
    expect(bar.width).to.be.closeTo(track.width / 2, 1);
    expect(bar.left).to.be.closeTo(track.left + track.width / 2, 1);
    // The label starts on the right, and the count sits on its left.
    const label = edges(result.querySelector('[part~="result-label"]')!);
    const count = edges(result.querySelector('[part~="count"]')!);
    expect(label.right).to.equal(track.right);
    expect(count.right).to.be.below(label.left);

    await expect(el).to.be.accessible();
  });

  it('a budget’s gauge fills from the right, and its money reads in Arabic with Western digits', async () => {
    new FakeBudgetServer(makeBudget({ minSpendShare: 0.5 })).listen();
    const el = await inArabic<ParvisBudget>(
      html`<parvis-budget budget="budget-participatif-2027"></parvis-budget>`,
      'parvis-budget',
    );
    await budgetUntil(el, 'building');
    await waitUntil(() => text(part(el, 'review')) === 'مراجعة تصويتي', 'the strings never switched to Arabic', {
      timeout: 5000,
    });
    expect(part(el, 'base')!.getAttribute('dir')).to.equal('rtl');
    expect(text(part(el, 'total'))).to.equal(`الغلاف المالي: ${money(100_000)}.`);

    await pick(el, 'Piste cyclable rue des Écoles');
    expect(text(part(el, 'spent'))).to.equal(
      `المبلغ المنفق: ${money(60_000)} من أصل ${money(100_000)} المتبقي: ${money(40_000)} (${number(1)} مشروع)`,
    );
    await pick(el, 'Abris à vélos couverts');
    // Two projects: the dual.
    expect(text(part(el, 'spent'))).to.contain(`(${number(2)} مشروعان)`);
    expect(text(part(el, 'spent'))).not.to.match(/[٠-٩]/);

    // 72 000 € of 100 000 €: the bar covers the right 72 % of the gauge, the 50 % minimum is marked from the right.
    const meter = part(el, 'meter')!;
    const inner = meter.clientWidth;
    const meterRight = Math.round(meter.getBoundingClientRect().right - meter.clientLeft);
    const fill = part(el, 'meter-bar')!;
    await waitUntil(() => Math.abs(edges(fill).width - inner * 0.72) <= 1, 'the gauge never filled to 72 %');
    expect(edges(fill).right).to.be.closeTo(meterRight, 1);
    const minimum = edges(meter.querySelector('.meter-minimum')!);
    expect(minimum.right).to.be.closeTo(meterRight - inner * 0.5, 1);

    await expect(el).to.be.accessible();
  });

  it('a vote button and an idea box mirror too, and say their counts in Arabic', async () => {
    new FakeSubjects().add('projet-pistes', { mode: 'updown', up: 15, down: 3 }).listen();
    new FakeIdeaServer(makeBox(), [makeIdea(1, { supports: 2 }), makeIdea(2, { supports: 11 })]).listen();
    const vote = await renderVote({ subject: 'projet-pistes', mode: 'updown', lang: 'ar' });
    await untilState(vote, 'ready');
    await waitUntil(() => text(part(vote, 'button-label')) === 'مع', 'the strings never switched to Arabic', {
      timeout: 5000,
    });
    expect(part(vote, 'base')!.getAttribute('dir')).to.equal('rtl');
    expect(spoken(part(vote, 'up'))).to.contain(`${number(15)} صوتًا مؤيدًا`);
    expect(spoken(part(vote, 'down'))).to.contain(`${number(3)} أصوات معارضة`);
    // The sign of the score stays before its figure, right to left too.
    expect(shown(part(vote, 'score'))).to.equal(
      new Intl.NumberFormat('ar-u-nu-latn', { signDisplay: 'exceptZero' }).format(12),
    );
    await expect(vote).to.be.accessible();

    const box = await renderIdeaBox({ lang: 'ar' });
    await untilBox(box, 'open');
    expect(part(box, 'base')!.getAttribute('dir')).to.equal('rtl');
    expect(text(part(box, 'count'))).to.equal(`${number(2)} فكرتان`);
    expect(parts(box, 'support-count').map(text)).to.deep.equal([`${number(11)} مؤيدًا`, `${number(2)} مؤيدان`]);
    await expect(box).to.be.accessible();
  });
});
