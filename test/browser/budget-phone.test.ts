import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { FakeBudgetServer, makeBudget, part, renderBudget, startApi, until, worker } from './support/budget-api.js';

before(startApi);
afterEach(async () => {
  worker.resetHandlers();
  localStorage.clear();
  await setViewport({ width: 800, height: 600 });
});

/** Whether two boxes share any area. */
function overlap(a: DOMRect, b: DOMRect): boolean {
  return a.bottom > b.top && a.top < b.bottom && a.right > b.left && a.left < b.right;
}

describe('<parvis-budget> on a tall phone', () => {
  it('keeps the running total in view, and never over the control that has focus (WCAG 2.4.11)', async () => {
    await setViewport({ width: 360, height: 720 });
    new FakeBudgetServer(makeBudget()).listen();
    const el = await renderBudget();
    await until(el, 'building');
    const ballot = part(el, 'ballot')!;
    expect(getComputedStyle(ballot).position, 'sticky while nobody moves by keyboard').to.equal('sticky');

    const reached: string[] = [];
    // Bounded: the widget has a few dozen controls; focus leaving it ends the walk.
    for (let presses = 0; presses < 60; presses++) {
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      const focused = el.shadowRoot!.activeElement as HTMLElement | null;
      if (!focused) break;
      if (!focused.closest('[part~="projects"]')) continue;
      const box = focused.getBoundingClientRect();
      const hidden = box.bottom > innerHeight || box.top < 0;
      expect(hidden, `${focused.id || focused.localName} in the viewport`).to.equal(false);
      expect(overlap(box, ballot.getBoundingClientRect()), `${focused.id || focused.localName} not under the total`).to
        .be.false;
      reached.push(focused.id || focused.localName);
    }
    expect(reached.filter((name) => name.startsWith('pick-'))).to.have.length(5, 'every project’s checkbox');
  });
});
