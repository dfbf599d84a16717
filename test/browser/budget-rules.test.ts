import { expect } from '@open-wc/testing';
import {
  ballotBody,
  leftOf,
  minimumSpend,
  sanitizeBallot,
  spentOn,
  whyNotFit,
  whyNotSubmittable,
} from '../../src/client/budgets.js';
import type { Budget } from '../../src/contract/budget.js';
import { makeBudget, makeDistrictBudget } from './support/budget-api.js';

const ballot = (...projectIds: string[]) => ({ district: null, projectIds });
const projectOf = (budget: Budget, id: string) => budget.projects.find((project) => project.id === id)!;

describe('ballot rules', () => {
  describe('knapsack', () => {
    const budget = makeBudget();

    it('adds up what is spent and what is left of the envelope', () => {
      expect(spentOn(budget, ['aire-de-jeux', 'jardin-partage'])).to.equal(70_000);
      expect(leftOf(budget, ballot('aire-de-jeux', 'jardin-partage'))).to.equal(30_000);
      expect(leftOf(budget, ballot())).to.equal(100_000);
    });

    it('a project that costs more than what is left does not fit, by how much it exceeds', () => {
      const chosen = ballot('aire-de-jeux', 'jardin-partage');
      expect(whyNotFit(budget, chosen, projectOf(budget, 'piste-cyclable'))).to.deep.equal({
        code: 'over_budget',
        excess: 30_000,
      });
      expect(whyNotFit(budget, chosen, projectOf(budget, 'arbres'))).to.equal(null, 'exactly what is left fits');
      expect(whyNotFit(budget, chosen, projectOf(budget, 'aire-de-jeux'))).to.equal(null, 'already chosen');
    });

    it('a ballot may spend the whole envelope, not a euro more', () => {
      expect(whyNotSubmittable(budget, ballot('aire-de-jeux', 'jardin-partage', 'arbres'))).to.equal(null);
      expect(whyNotSubmittable(budget, ballot('aire-de-jeux', 'piste-cyclable'))).to.deep.equal({
        code: 'over_budget',
        excess: 5_000,
      });
    });

    it('an empty ballot cannot be sent', () => {
      expect(whyNotSubmittable(budget, ballot())).to.deep.equal({ code: 'too_few_projects', min: 1 });
    });

    it('a minimum share must be spent, rounded up to the euro', () => {
      const half = makeBudget({ minSpendShare: 0.5 });
      expect(minimumSpend(half, null)).to.equal(50_000);
      expect(whyNotSubmittable(half, ballot('jardin-partage', 'abris-velos'))).to.deep.equal({
        code: 'under_min_spend',
        minimum: 50_000,
        missing: 13_000,
      });
      expect(whyNotSubmittable(half, ballot('jardin-partage', 'arbres'))).to.equal(null);
      // 0.7 × 100 000 is 70 000.00000000001 in floating point: still 70 000 €.
      expect(minimumSpend(makeBudget({ minSpendShare: 0.7 }), null)).to.equal(70_000);
      expect(minimumSpend(makeBudget({ minSpendShare: 1 / 3 }), null)).to.equal(33_334);
    });

    it('limits on the number of projects apply to the ballot and to adding one', () => {
      const limited = makeBudget({ minProjects: 2, maxProjects: 2 });
      expect(whyNotSubmittable(limited, ballot('abris-velos'))).to.deep.equal({ code: 'too_few_projects', min: 2 });
      const full = ballot('abris-velos', 'jardin-partage');
      expect(whyNotSubmittable(limited, full)).to.equal(null);
      expect(whyNotFit(limited, full, projectOf(limited, 'arbres'))).to.deep.equal({
        code: 'too_many_projects',
        max: 2,
      });
      expect(whyNotSubmittable(limited, ballot('abris-velos', 'jardin-partage', 'arbres'))).to.deep.equal({
        code: 'too_many_projects',
        max: 2,
      });
    });
  });

  describe('approval', () => {
    const budget = makeBudget({ rule: 'approval', maxProjects: 3 });

    it('up to N projects, whatever they cost', () => {
      const three = ballot('aire-de-jeux', 'piste-cyclable', 'arbres');
      expect(spentOn(budget, three.projectIds)).to.equal(135_000);
      expect(whyNotSubmittable(budget, three)).to.equal(null);
      expect(whyNotFit(budget, ballot('aire-de-jeux', 'piste-cyclable'), projectOf(budget, 'arbres'))).to.equal(null);
      expect(whyNotFit(budget, three, projectOf(budget, 'abris-velos'))).to.deep.equal({
        code: 'too_many_projects',
        max: 3,
      });
    });

    it('ignores a minimum share, which only a knapsack ballot has', () => {
      expect(minimumSpend(makeBudget({ rule: 'approval', minSpendShare: 0.5 }), null)).to.equal(0);
    });
  });

  describe('districts', () => {
    const budget = makeDistrictBudget();

    it('a ballot names a district, spends its envelope and holds its projects only', () => {
      expect(whyNotSubmittable(budget, ballot('aire-de-jeux'))).to.deep.equal({ code: 'district_required' });
      const north = { district: 'nord', projectIds: ['aire-de-jeux', 'abris-velos'] };
      expect(leftOf(budget, north)).to.equal(3_000);
      expect(whyNotSubmittable(budget, north)).to.equal(null);
      expect(whyNotFit(budget, north, projectOf(budget, 'jardin-partage'))).to.deep.equal({
        code: 'project_not_in_district',
      });
      expect(whyNotSubmittable(budget, { district: 'nord', projectIds: ['jardin-partage'] })).to.deep.equal({
        code: 'project_not_in_district',
      });
      const south = { district: 'sud', projectIds: ['jardin-partage'] };
      expect(whyNotFit(budget, south, projectOf(budget, 'arbres'))).to.deep.equal({
        code: 'over_budget',
        excess: 15_000,
      });
    });

    it('the body names the district only when there is one', () => {
      expect(ballotBody({ district: 'sud', projectIds: ['arbres'] })).to.deep.equal({
        projectIds: ['arbres'],
        district: 'sud',
      });
      expect(ballotBody(ballot('arbres'))).to.deep.equal({ projectIds: ['arbres'] });
    });
  });

  it('a kept ballot is made to fit the budget as it is now', () => {
    const budget = makeDistrictBudget();
    expect(
      sanitizeBallot(budget, {
        district: 'nord',
        projectIds: ['abris-velos', 'gone', 'jardin-partage', 'aire-de-jeux'],
      }),
    ).to.deep.equal({ district: 'nord', projectIds: ['aire-de-jeux', 'abris-velos'] });
    expect(sanitizeBallot(budget, { district: 'ouest', projectIds: ['arbres'] })).to.deep.equal({
      district: null,
      projectIds: [],
    });
    expect(sanitizeBallot(makeBudget(), { district: 'nord', projectIds: ['arbres'] })).to.deep.equal({
      district: null,
      projectIds: ['arbres'],
    });
  });
});
