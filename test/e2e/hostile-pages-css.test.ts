// A city's own stylesheets around the widgets: text settings that reach them
// by inheritance, aggressive resets, Bootstrap and the French State design
// system. On each page, every widget looks as it does on a page without any
// stylesheet, works by keyboard, and passes axe.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Frame } from 'playwright-core';
import {
  INHERITED,
  axeViolations,
  ballots,
  castBallotByKeyboard,
  citySite,
  createPoll,
  openCityPage,
  pollVoters,
  shadowBox,
  shadowControls,
  shadowStyles,
  supportByKeyboard,
  supports,
  voteInPollByKeyboard,
  type CitySite,
} from './hostile/city-site.js';

const PAGES = ['inherited', 'resets', 'bootstrap', 'dsfr'] as const;
const BUDGET = 'budget-participatif-2027';

/**
 * The widgets, elements inside them whose own styles are compared with the
 * plain page's, and the least size their root is drawn at.
 */
const PROBES = (page: string) => [
  {
    host: `parvis-poll[poll="hostile-${page}"]`,
    selectors: ['[part~="base"]', '[part~="option-label"]', 'button'],
    least: { width: 280, height: 150 },
  },
  {
    host: `parvis-vote[subject="hostile-${page}-news"]`,
    selectors: ['[part~="base"]', 'button'],
    least: { width: 100, height: 30 },
  },
  {
    host: 'parvis-idea-box',
    selectors: ['[part~="base"]', 'input', 'textarea', 'button'],
    least: { width: 280, height: 400 },
  },
  {
    host: 'parvis-budget',
    selectors: ['[part~="base"]', 'input', '[part~="district"] label'],
    least: { width: 280, height: 200 },
  },
];

async function rendered(frame: Frame, page: string): Promise<void> {
  await frame.locator(`parvis-poll[poll="hostile-${page}"]`).getByRole('radio').first().waitFor();
  await frame.locator(`parvis-vote[subject="hostile-${page}-news"]`).getByRole('button').first().waitFor();
  await frame.locator('parvis-idea-box').getByRole('button').first().waitFor();
  await frame.locator('parvis-budget').getByRole('radio').first().waitFor();
}

/** The styles of every probe, keyed by a name without the page's own ids. */
async function probeStyles(frame: Frame, page: string): Promise<Record<string, Record<string, string>>> {
  const styles: Record<string, Record<string, string>> = {};
  for (const { host, selectors } of PROBES(page)) {
    for (const selector of selectors) {
      const key = `${host.replace(/\[.*\]/, '')} ${selector}`;
      styles[key] = await shadowStyles(frame, host, selector);
    }
  }
  return styles;
}

describe('widgets on pages styled by the city', () => {
  const site: CitySite = citySite();
  let reference: Record<string, Record<string, string>>;

  before(async () => {
    for (const page of ['plain', ...PAGES]) await createPoll(site.parvis, `hostile-${page}`);
    const { page, context } = await openCityPage(site, '/plain.html');
    await rendered(page.mainFrame(), 'plain');
    reference = await probeStyles(page.mainFrame(), 'plain');
    await context.close();
  });

  for (const name of PAGES) {
    test(`${name}: the widgets keep their own text settings, stay usable by keyboard and pass axe`, async () => {
      const { page, context, violations, errors } = await openCityPage(site, `/${name}.html`);
      const frame = page.mainFrame();
      await rendered(frame, name);

      const styles = await probeStyles(frame, name);
      const changed = Object.entries(reference).flatMap(([probe, own]) =>
        INHERITED.filter((property) => styles[probe][property] !== own[property]).map(
          (property) => `${probe}: ${property} ${styles[probe][property]} instead of ${own[property]}`,
        ),
      );
      assert.deepEqual(changed, [], 'the page changes none of the widgets’ own text settings');

      for (const { host, least } of PROBES(name)) {
        const box = await shadowBox(frame, host, '[part~="base"]');
        assert.ok(
          box.visible && box.width >= least.width && box.height >= least.height,
          `${host} is drawn at a sensible size: ${JSON.stringify(box)}`,
        );
        const controls = await shadowControls(frame, host);
        assert.ok(controls.length > 0, `${host} shows its controls`);
        for (const control of controls) {
          const least = control.type === 'radio' || control.type === 'checkbox' ? 16 : 24;
          assert.ok(
            control.visible && control.width >= least && control.height >= least,
            `${host}: a control too small to use: ${JSON.stringify(control)}`,
          );
        }
      }

      assert.deepEqual(await axeViolations(page), []);

      await voteInPollByKeyboard(page, `hostile-${name}`);
      assert.equal(await pollVoters(site.parvis, `hostile-${name}`), 1);
      await supportByKeyboard(page, `hostile-${name}-news`);
      assert.equal(await supports(site.parvis, site.origin, `hostile-${name}-news`), 1);
      const cast = await ballots(site.parvis, BUDGET);
      await castBallotByKeyboard(page);
      assert.equal(await ballots(site.parvis, BUDGET), cast + 1);

      assert.deepEqual(violations, [], 'no Content-Security-Policy violation');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
