import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { API_ERRORS } from '../../src/contract/errors.js';
import { openTestApp, type TestApp } from './helpers.js';

let t: TestApp;
let document: any;
before(async () => {
  t = await openTestApp();
  const response = await t.app.request('/v1/openapi.json');
  assert.equal(response.status, 200);
  document = await response.json();
});
after(() => t.dispose());

const operations = () =>
  Object.values(document.paths as Record<string, Record<string, any>>).flatMap((item) =>
    Object.entries(item)
      .filter(([method]) => ['get', 'post', 'patch', 'put', 'delete'].includes(method))
      .map(([, operation]) => operation),
  );

test('is an OpenAPI 3.1 document with every operation of the contract', () => {
  assert.equal(document.openapi, '3.1.0');
  const ids = operations()
    .map((operation) => operation.operationId)
    .sort();
  assert.deepEqual(ids, [
    'answerIdea',
    'approveIdea',
    'castBallot',
    'castPollVote',
    'closeBudget',
    'closeIdeaBox',
    'closePoll',
    'closeSubject',
    'createBudget',
    'createIdeaBox',
    'createPoll',
    'createSubject',
    'deleteBudget',
    'deleteBudgetContribution',
    'deleteIdeaBox',
    'deleteIdeaContribution',
    'deletePoll',
    'deletePollContribution',
    'deleteSubject',
    'exportEverything',
    'exportIdeasCsv',
    'exportIdeasJson',
    'exportIdeasMetadata',
    'getAdminBudget',
    'getAdminIdea',
    'getAdminIdeaBox',
    'getAdminPoll',
    'getAdminSubject',
    'getBudget',
    'getBudgetBallotsCsv',
    'getBudgetBallotsJson',
    'getBudgetResultsCsv',
    'getBudgetResultsJson',
    'getBudgetResultsMetadata',
    'getChallenge',
    'getIdeaBox',
    'getOpenApi',
    'getPoll',
    'getPollResultsCsv',
    'getPollResultsJson',
    'getPollResultsMetadata',
    'getSiteSubjectCommentsCsv',
    'getSiteSubjectCommentsJson',
    'getSiteSubjectCommentsMetadata',
    'getSubjectCommentsCsv',
    'getSubjectCommentsJson',
    'getSubjectCommentsMetadata',
    'getSubjectVotes',
    'getSubjectVotesBatch',
    'hideIdea',
    'listAdminIdeas',
    'listAuditLog',
    'listBudgetContributions',
    'listBudgets',
    'listIdeaBoxes',
    'listIdeaContributions',
    'listIdeas',
    'listModerationQueue',
    'listPollContributions',
    'listPolls',
    'listSubjects',
    'mergeIdea',
    'openBudget',
    'publishBudgetResults',
    'recordBudgetContribution',
    'recordIdeaContribution',
    'recordPollContribution',
    'rejectIdea',
    'reopenSubject',
    'reportIdea',
    'resetSubject',
    'setIdeaStatus',
    'setSubjectVote',
    'submitIdea',
    'supportIdea',
    'updateBudget',
    'updateIdeaBox',
    'updatePoll',
    'updateSubject',
    'updateSubjectComment',
    'withdrawSupport',
  ]);
});

test('documents the voter, idempotency and authorization headers', () => {
  const cast = operations().find((operation) => operation.operationId === 'castPollVote');
  const headers = Object.fromEntries(cast.parameters.map((parameter: any) => [parameter.name, parameter]));
  assert.equal(headers['Parvis-Voter'].in, 'header');
  assert.equal(headers['Idempotency-Key'].required, true);
  assert.deepEqual(cast.security, [{}, { citizenToken: [] }]);
  assert.equal(document.components.securitySchemes.adminToken.scheme, 'bearer');
  assert.equal(document.components.securitySchemes.citizenToken.bearerFormat, 'JWT');
  assert.deepEqual(Object.keys(cast.responses['422']['x-parvis-error-codes']).length > 0, true);
});

test('lists every error code with its status, and the envelope enumerates them', () => {
  assert.deepEqual(Object.keys(document['x-parvis-error-codes']).sort(), Object.keys(API_ERRORS).sort());
  for (const [code, { status }] of Object.entries<{ status: number }>(document['x-parvis-error-codes'])) {
    assert.equal(status, API_ERRORS[code as keyof typeof API_ERRORS]);
  }
  const code = document.components.schemas.ErrorEnvelope.properties.error.properties.code;
  assert.deepEqual([...code.enum].sort(), Object.keys(API_ERRORS).sort());
});

test('every error a route documents is in the status the contract gives it', () => {
  for (const operation of operations()) {
    for (const [status, response] of Object.entries<any>(operation.responses)) {
      for (const code of response['x-parvis-error-codes'] ?? []) {
        assert.equal(API_ERRORS[code as keyof typeof API_ERRORS], Number(status), `${operation.operationId} ${code}`);
      }
    }
  }
});
