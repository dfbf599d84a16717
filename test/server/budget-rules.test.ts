import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { budgetStatus, minimumSpend } from '../../src/server/services/budget-rules.js';
import { type Candidate, fundProjects } from '../../src/server/services/budget-results.js';

const project = (id: string, cost: number, votes: number, district: string | null = null): Candidate => ({
  id,
  cost,
  votes,
  district,
});

/** [id, rank, funded] in the order the results come. */
const outcome = (results: ReturnType<typeof fundProjects>) => results.map((r) => [r.id, r.rank, r.funded]);

describe('funded projects', () => {
  test('skips a project that no longer fits and funds smaller ones after it', () => {
    // 100 to spend: a (60) leaves 40; b (50) does not fit and is skipped; c (30) leaves 10; d (10) fits exactly.
    const results = fundProjects(
      [project('b', 50, 8), project('d', 10, 1), project('a', 60, 10), project('c', 30, 5)],
      [{ district: null, amount: 100 }],
    );
    assert.deepEqual(outcome(results), [
      ['a', 1, true],
      ['b', 2, false],
      ['c', 3, true],
      ['d', 4, true],
    ]);
    assert.deepEqual(
      results.map((r) => r.votes),
      [10, 8, 5, 1],
    );
  });

  test('breaks ties in votes by lower cost, then by id', () => {
    // All three at 5 votes: q (40) and r (40) before p (70), q before r by id.
    // 100: q leaves 60, r leaves 20, p (70) and s (30) no longer fit.
    const results = fundProjects(
      [project('p', 70, 5), project('r', 40, 5), project('s', 30, 2), project('q', 40, 5)],
      [{ district: null, amount: 100 }],
    );
    assert.deepEqual(outcome(results), [
      ['q', 1, true],
      ['r', 2, true],
      ['p', 3, false],
      ['s', 4, false],
    ]);
  });

  test('ranks and funds each district within its own envelope, districts in their order', () => {
    // North (100): n2 (30, 9 votes) leaves 70, n1 (80) does not fit although 3 votes.
    // South (50): s1 (50) takes it all; s2 has no vote. A third district has no project.
    const results = fundProjects(
      [
        project('s2', 20, 0, 'sud'),
        project('n1', 80, 3, 'nord'),
        project('s1', 50, 1, 'sud'),
        project('n2', 30, 9, 'nord'),
      ],
      [
        { district: 'nord', amount: 100 },
        { district: 'sud', amount: 50 },
        { district: 'est', amount: 40 },
      ],
    );
    assert.deepEqual(outcome(results), [
      ['n2', 1, true],
      ['n1', 2, false],
      ['s1', 1, true],
      ['s2', 2, false],
    ]);
  });

  test('does not fund a project no ballot chose, even with money left', () => {
    const results = fundProjects([project('x', 10, 0), project('y', 20, 4)], [{ district: null, amount: 100 }]);
    assert.deepEqual(outcome(results), [
      ['y', 1, true],
      ['x', 2, false],
    ]);
  });

  test('a project worth more votes than all others together is still skipped if it costs more than is left', () => {
    // 90 to spend: m (50, 100 votes) first; big (60, 80 votes) no longer fits; k (40) fits exactly.
    const results = fundProjects(
      [project('big', 60, 80), project('m', 50, 100), project('k', 40, 2)],
      [{ district: null, amount: 90 }],
    );
    assert.deepEqual(outcome(results), [
      ['m', 1, true],
      ['big', 2, false],
      ['k', 3, true],
    ]);
  });

  test('funds nothing before any ballot', () => {
    const results = fundProjects([project('a', 10, 0), project('b', 5, 0)], [{ district: null, amount: 100 }]);
    assert.deepEqual(outcome(results), [
      ['b', 1, false],
      ['a', 2, false],
    ]);
  });
});

describe('ballot rules', () => {
  test('the minimum spend is the share of the envelope, rounded up, without floating-point noise', () => {
    assert.equal(minimumSpend(100_000, 0.7), 70_000);
    assert.equal(minimumSpend(300_000, 1 / 3), 100_000);
    assert.equal(minimumSpend(10, 0.25), 3);
    assert.equal(minimumSpend(160_000, 0), 0);
    assert.equal(minimumSpend(140_000, 1), 140_000);
  });

  test('the status follows the dates and the closed flag', () => {
    const now = new Date('2027-03-10T12:00:00Z');
    const at = (opensAt: string | null, closesAt: string | null, closed = false) =>
      budgetStatus({ opensAt, closesAt, closed }, now);
    assert.equal(at(null, null), 'open');
    assert.equal(at('2027-03-11T00:00:00.000Z', null), 'upcoming');
    assert.equal(at('2027-03-01T00:00:00.000Z', '2027-03-10T12:00:00.000Z'), 'closed', 'closed at its closing instant');
    assert.equal(at('2027-03-01T00:00:00.000Z', '2027-04-01T00:00:00.000Z'), 'open');
    assert.equal(at(null, null, true), 'closed');
  });
});
