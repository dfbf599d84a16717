import * as z from 'zod/mini';
import { IDEMPOTENCY_KEY, Slug, VOTER_TOKEN } from './common.js';
import { API_ERROR_DESCRIPTIONS, API_ERRORS, type ApiErrorCode } from './errors.js';
import {
  AdminPoll,
  AdminPollList,
  CastPollVote,
  CreatePoll,
  Poll,
  PollContribution,
  PollContributionList,
  PollResultsExport,
  RecordPollContribution,
  UpdatePoll,
} from './poll.js';
import {
  AdminBudget,
  AdminBudgetList,
  BallotsExport,
  Budget,
  BudgetContribution,
  BudgetContributionList,
  BudgetResultsExport,
  CastBallot,
  CreateBudget,
  RecordBudgetContribution,
  UpdateBudget,
} from './budget.js';
import { FullExport } from './full-export.js';
import { OpenDataMetadata } from './open-data.js';
import {
  AdminSubject,
  AdminSubjectDetail,
  AdminSubjectList,
  CreateSubject,
  MAX_SUBJECTS_PER_READ,
  SetSubjectVote,
  SubjectComment,
  SubjectCommentsExport,
  SubjectId,
  SubjectKey,
  SubjectVotes,
  SubjectVotesList,
  UpdateSubject,
  UpdateSubjectComment,
} from './subject.js';
import {
  AdminIdea,
  AdminIdeaBox,
  AdminIdeaBoxList,
  AdminIdeaPage,
  AnswerIdea,
  AuditPage,
  Challenge,
  CreateIdeaBox,
  HideIdea,
  Idea,
  IdeaBox,
  IdeaContribution,
  IdeaContributionList,
  IdeaPage,
  IdeaSort,
  IdeasExport,
  IdeaStatus,
  IdeaSupport,
  MAX_AUDIT_PAGE,
  MAX_IDEAS_PER_PAGE,
  MAX_QUEUE_PAGE,
  MergeIdea,
  ModerationQueue,
  PublicIdeaStatus,
  RecordIdeaContribution,
  RejectIdea,
  ReportIdea,
  ReportReceipt,
  SetIdeaStatus,
  SubmitIdea,
  UpdateIdeaBox,
} from './idea.js';

type Json = Record<string, unknown>;

const ERROR_CODES = Object.keys(API_ERRORS) as ApiErrorCode[];

const ErrorResponse = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES as [ApiErrorCode, ...ApiErrorCode[]]),
    message: z.string(),
    fields: z.optional(z.record(z.string(), z.string())),
  }),
});

/** Every answer may carry these: they come from the edge, before any route. */
const EDGE_ERRORS: ApiErrorCode[] = ['header_too_large', 'origin_not_allowed', 'rate_limited', 'internal_error'];
const CITIZEN_ERRORS: ApiErrorCode[] = ['invalid_voter', 'invalid_token', 'token_expired'];
const BODY_ERRORS: ApiErrorCode[] = [
  'malformed_json',
  'invalid_request',
  'unsupported_media_type',
  'payload_too_large',
];
const ADMIN_ERRORS: ApiErrorCode[] = ['unauthorized'];

function schema(type: z.ZodMiniType, io: 'input' | 'output' = 'output'): Json {
  const { $schema: _, ...rest } = z.toJSONSchema(type, { io }) as Json;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ 'application/json': { schema: ref(name) } });

function errors(...codes: ApiErrorCode[]): Json {
  const byStatus = new Map<number, ApiErrorCode[]>();
  for (const code of [...codes, ...EDGE_ERRORS]) {
    const status = API_ERRORS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: Json = {};
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[status] = {
      description: list.map((code) => `\`${code}\`: ${API_ERROR_DESCRIPTIONS[code]}`).join('\n\n'),
      content: json('ErrorEnvelope'),
      'x-parvis-error-codes': list,
    };
  }
  return responses;
}

const parameters = {
  pollId: { name: 'pollId', in: 'path', required: true, schema: schema(Slug) },
  voter: {
    name: 'Parvis-Voter',
    in: 'header',
    description:
      'The random token the widget created on the first participation. Required on writes unless a citizen token identifies the voter.',
    schema: { type: 'string', pattern: VOTER_TOKEN.source },
  },
  idempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: true,
    description: 'Makes a retried write count once: the same key (per voter) replays the first answer.',
    schema: { type: 'string', pattern: IDEMPOTENCY_KEY.source },
  },
  ifNoneMatch: {
    name: 'If-None-Match',
    in: 'header',
    description: 'An ETag from an earlier read; 304 if unchanged.',
    schema: { type: 'string' },
  },
};

const etagHeaders = {
  ETag: { schema: { type: 'string' } },
  'Cache-Control': { schema: { type: 'string', const: 'no-cache' } },
};
const notModified = {
  304: { description: 'Not modified since the ETag sent in `If-None-Match`.', headers: { ETag: etagHeaders.ETag } },
};

const citizenSecurity = [{}, { citizenToken: [] }];
const adminSecurity = [{ adminToken: [] }];

function read(operationId: string, summary: string, body: Json, errorCodes: ApiErrorCode[], extra: Json = {}): Json {
  return {
    operationId,
    summary,
    responses: {
      200: { description: 'OK', headers: etagHeaders, content: body },
      ...notModified,
      ...errors(...errorCodes),
    },
    ...extra,
  };
}

/** The OpenAPI 3.1 document of the REST contract, generated from the same schemas the widgets and the server use. */
export function buildOpenApi(): Json {
  const pollId = parameters.pollId;
  return {
    openapi: '3.1.0',
    info: {
      title: 'Parvis API',
      version: '1.0.0',
      description:
        'Participation widgets for public websites. Errors answer `{ "error": { "code", "message", "fields"? } }` with a stable code.',
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    servers: [{ url: '/' }],
    paths: {
      '/v1/polls/{pollId}': {
        parameters: [pollId],
        get: read(
          'getPoll',
          'A poll as the identified voter sees it',
          json('Poll'),
          ['invalid_request', 'poll_not_found', ...CITIZEN_ERRORS],
          {
            parameters: [parameters.voter, parameters.ifNoneMatch],
            security: citizenSecurity,
          },
        ),
      },
      '/v1/polls/{pollId}/votes': {
        parameters: [pollId],
        post: {
          operationId: 'castPollVote',
          summary: 'Vote in a poll (or change a vote, where the poll allows it)',
          parameters: [parameters.voter, parameters.idempotencyKey],
          security: citizenSecurity,
          requestBody: { required: true, content: { 'application/json': { schema: ref('CastPollVote') } } },
          responses: {
            200: {
              description:
                'The vote is stored; the poll as this voter now sees it. A replayed request answers the first answer again, with `Idempotent-Replayed: true`.',
              content: json('Poll'),
            },
            ...errors(
              ...BODY_ERRORS,
              ...CITIZEN_ERRORS,
              'voter_required',
              'idempotency_key_required',
              'invalid_idempotency_key',
              'idempotency_key_reused',
              'verification_required',
              'poll_not_found',
              'poll_not_open',
              'poll_closed',
              'already_voted',
              'unknown_option',
              'duplicate_choice',
              'too_few_choices',
              'too_many_choices',
            ),
          },
        },
      },
      '/v1/polls/{pollId}/results.json': {
        parameters: [pollId],
        get: read('getPollResultsJson', 'Results as open data (JSON)', json('PollResultsExport'), resultErrors(), {
          security: [{}, ...adminSecurity],
        }),
      },
      '/v1/polls/{pollId}/results.csv': {
        parameters: [pollId],
        get: read(
          'getPollResultsCsv',
          'Results as open data (CSV)',
          { 'text/csv': { schema: { type: 'string' } } },
          resultErrors(),
          {
            security: [{}, ...adminSecurity],
          },
        ),
      },
      '/v1/admin/polls': {
        get: read('listPolls', 'Every poll, with results', json('AdminPollList'), ADMIN_ERRORS, {
          security: adminSecurity,
        }),
        post: write('createPoll', 'Create a poll', 'CreatePoll', 201, [...BODY_ERRORS, 'poll_exists']),
      },
      '/v1/admin/polls/{pollId}': {
        parameters: [pollId],
        get: read(
          'getAdminPoll',
          'A poll, with results',
          json('AdminPoll'),
          [...ADMIN_ERRORS, 'invalid_request', 'poll_not_found'],
          {
            security: adminSecurity,
          },
        ),
        patch: write('updatePoll', 'Change settings of a poll', 'UpdatePoll', 200, [
          ...BODY_ERRORS,
          'poll_not_found',
          'poll_has_votes',
        ]),
        delete: {
          operationId: 'deletePoll',
          summary: 'Delete a poll and its votes',
          security: adminSecurity,
          responses: {
            204: { description: 'Deleted.' },
            ...errors(...ADMIN_ERRORS, 'invalid_request', 'poll_not_found'),
          },
        },
      },
      '/v1/admin/polls/{pollId}/close': {
        parameters: [pollId],
        post: {
          operationId: 'closePoll',
          summary: 'Close a poll now',
          security: adminSecurity,
          responses: {
            200: { description: 'Closed.', content: json('AdminPoll') },
            ...errors(...ADMIN_ERRORS, 'invalid_request', 'poll_not_found'),
          },
        },
      },
      ...subjectPaths(),
      ...budgetPaths(),
      ...ideaPaths(),
      ...contributionPaths(),
      '/v1/openapi.json': {
        get: read('getOpenApi', 'This document', { 'application/json': { schema: { type: 'object' } } }, []),
      },
    },
    components: {
      schemas: {
        Poll: schema(Poll),
        CastPollVote: schema(CastPollVote, 'input'),
        CreatePoll: schema(CreatePoll, 'input'),
        UpdatePoll: schema(UpdatePoll, 'input'),
        AdminPoll: schema(AdminPoll),
        AdminPollList: schema(AdminPollList),
        PollResultsExport: schema(PollResultsExport),
        SubjectVotes: schema(SubjectVotes),
        SubjectVotesList: schema(SubjectVotesList),
        SetSubjectVote: schema(SetSubjectVote, 'input'),
        CreateSubject: schema(CreateSubject, 'input'),
        UpdateSubject: schema(UpdateSubject, 'input'),
        AdminSubject: schema(AdminSubject),
        AdminSubjectList: schema(AdminSubjectList),
        AdminSubjectDetail: schema(AdminSubjectDetail),
        SubjectComment: schema(SubjectComment),
        UpdateSubjectComment: schema(UpdateSubjectComment, 'input'),
        SubjectCommentsExport: schema(SubjectCommentsExport),
        Budget: schema(Budget),
        CastBallot: schema(CastBallot, 'input'),
        CreateBudget: schema(CreateBudget, 'input'),
        UpdateBudget: schema(UpdateBudget, 'input'),
        AdminBudget: schema(AdminBudget),
        AdminBudgetList: schema(AdminBudgetList),
        BudgetResultsExport: schema(BudgetResultsExport),
        BallotsExport: schema(BallotsExport),
        ...ideaSchemas(),
        ...contributionSchemas(),
        ErrorEnvelope: schema(ErrorResponse),
      },
      securitySchemes: {
        adminToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An admin token: the server’s own (`PARVIS_ADMIN_TOKEN`, or generated and printed at start) or a named one (`npm run token -- create <name>`).',
        },
        citizenToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A token signed by the host site for a verified citizen; its `sub` is the voter.',
        },
      },
    },
    'x-parvis-error-codes': Object.fromEntries(
      ERROR_CODES.map((code) => [code, { status: API_ERRORS[code], message: API_ERROR_DESCRIPTIONS[code] }]),
    ),
  };
}

function resultErrors(): ApiErrorCode[] {
  return ['unauthorized', 'invalid_request', 'poll_not_found', 'results_hidden'];
}

function write(operationId: string, summary: string, body: string, status: number, errorCodes: ApiErrorCode[]): Json {
  return {
    operationId,
    summary,
    security: adminSecurity,
    requestBody: { required: true, content: { 'application/json': { schema: ref(body) } } },
    responses: {
      [status]: { description: 'OK', content: json('AdminPoll') },
      ...errors(...ADMIN_ERRORS, ...errorCodes),
    },
  };
}

/** `<parvis-vote>`'s subjects, and their admin operations. */
function subjectPaths(): Json {
  const subjectKey = {
    name: 'subjectKey',
    in: 'path',
    required: true,
    description: 'Percent-encoded as a path segment: a `/` in the key is sent as `%2F`.',
    schema: schema(SubjectKey),
  };
  const keys = {
    name: 'key',
    in: 'query',
    required: true,
    style: 'form',
    explode: true,
    description: 'One `key=` per subject, answered in this order.',
    schema: { type: 'array', items: schema(SubjectKey), minItems: 1, maxItems: MAX_SUBJECTS_PER_READ },
  };
  const subjectId = { name: 'subjectId', in: 'path', required: true, schema: schema(SubjectId) };
  const commentId = { name: 'commentId', in: 'path', required: true, schema: schema(SubjectId) };
  const site = {
    name: 'site',
    in: 'query',
    description: 'An origin, or `self` for the pages this server serves itself; every site when absent.',
    schema: { type: 'string', minLength: 1, maxLength: 300 },
  };
  const csv = { 'text/csv': { schema: { type: 'string' } } };
  const siteErrors: ApiErrorCode[] = [...ADMIN_ERRORS, 'invalid_request'];
  const subjectErrors: ApiErrorCode[] = [...ADMIN_ERRORS, 'invalid_request', 'subject_not_found'];
  const adminPost = (operationId: string, summary: string): Json => ({
    parameters: [subjectId],
    post: {
      operationId,
      summary,
      security: adminSecurity,
      responses: { 200: { description: 'OK', content: json('AdminSubject') }, ...errors(...subjectErrors) },
    },
  });
  return {
    '/v1/subjects': {
      get: read(
        'getSubjectVotesBatch',
        'The counts of several subjects of the calling site in one request',
        json('SubjectVotesList'),
        ['invalid_request', 'invalid_subject_key', 'too_many_subjects', ...CITIZEN_ERRORS],
        { parameters: [keys, parameters.voter, parameters.ifNoneMatch], security: citizenSecurity },
      ),
    },
    '/v1/subjects/{subjectKey}/votes': {
      parameters: [subjectKey],
      get: read(
        'getSubjectVotes',
        'The counts of a subject of the calling site (the `Origin`, else this server’s own pages) and the voter’s own vote; zero counts and no mode before its first vote',
        json('SubjectVotes'),
        ['invalid_subject_key', ...CITIZEN_ERRORS],
        { parameters: [parameters.voter, parameters.ifNoneMatch], security: citizenSecurity },
      ),
      put: {
        operationId: 'setSubjectVote',
        summary:
          'Vote on a subject, change or withdraw (0) the vote, or add a comment; the first vote creates the subject',
        parameters: [parameters.voter, parameters.idempotencyKey],
        security: citizenSecurity,
        requestBody: { required: true, content: { 'application/json': { schema: ref('SetSubjectVote') } } },
        responses: {
          200: {
            description:
              'The vote is stored; the subject as this voter now sees it. A replayed request answers the first answer again, with `Idempotent-Replayed: true`.',
            content: json('SubjectVotes'),
          },
          ...errors(
            ...BODY_ERRORS,
            ...CITIZEN_ERRORS,
            'invalid_subject_key',
            'voter_required',
            'idempotency_key_required',
            'invalid_idempotency_key',
            'idempotency_key_reused',
            'subject_closed',
            'mode_mismatch',
            'comment_not_allowed',
          ),
        },
      },
    },
    '/v1/admin/subjects': {
      get: read('listSubjects', 'The subjects of a site, or of every site', json('AdminSubjectList'), siteErrors, {
        parameters: [site],
        security: adminSecurity,
      }),
      post: {
        operationId: 'createSubject',
        summary: 'Create a subject before its first vote, with its site, key and mode',
        security: adminSecurity,
        requestBody: { required: true, content: { 'application/json': { schema: ref('CreateSubject') } } },
        responses: {
          201: { description: 'Created.', content: json('AdminSubject') },
          ...errors(...ADMIN_ERRORS, ...BODY_ERRORS, 'subject_exists'),
        },
      },
    },
    '/v1/admin/subjects/comments.json': {
      get: read(
        'getSiteSubjectCommentsJson',
        'The comments of a site (JSON)',
        json('SubjectCommentsExport'),
        siteErrors,
        {
          parameters: [site],
          security: adminSecurity,
        },
      ),
    },
    '/v1/admin/subjects/comments.csv': {
      get: read('getSiteSubjectCommentsCsv', 'The comments of a site (CSV)', csv, siteErrors, {
        parameters: [site],
        security: adminSecurity,
      }),
    },
    '/v1/admin/subjects/{subjectId}': {
      parameters: [subjectId],
      get: read('getAdminSubject', 'A subject with its comments', json('AdminSubjectDetail'), subjectErrors, {
        security: adminSecurity,
      }),
      patch: {
        operationId: 'updateSubject',
        summary: 'Change the mode of a subject that has no vote yet',
        security: adminSecurity,
        requestBody: { required: true, content: { 'application/json': { schema: ref('UpdateSubject') } } },
        responses: {
          200: { description: 'OK', content: json('AdminSubject') },
          ...errors(...BODY_ERRORS, ...subjectErrors, 'subject_has_votes'),
        },
      },
      delete: {
        operationId: 'deleteSubject',
        summary: 'Delete a subject with its votes and comments',
        security: adminSecurity,
        responses: { 204: { description: 'Deleted.' }, ...errors(...subjectErrors) },
      },
    },
    '/v1/admin/subjects/{subjectId}/comments.json': {
      parameters: [subjectId],
      get: read(
        'getSubjectCommentsJson',
        'The comments of a subject (JSON)',
        json('SubjectCommentsExport'),
        subjectErrors,
        {
          security: adminSecurity,
        },
      ),
    },
    '/v1/admin/subjects/{subjectId}/comments.csv': {
      parameters: [subjectId],
      get: read('getSubjectCommentsCsv', 'The comments of a subject (CSV)', csv, subjectErrors, {
        security: adminSecurity,
      }),
    },
    '/v1/admin/subjects/{subjectId}/comments/{commentId}': {
      parameters: [subjectId, commentId],
      patch: {
        operationId: 'updateSubjectComment',
        summary: 'Hide a comment (it is kept, marked hidden) or show it again',
        security: adminSecurity,
        requestBody: { required: true, content: { 'application/json': { schema: ref('UpdateSubjectComment') } } },
        responses: {
          200: { description: 'OK', content: json('SubjectComment') },
          ...errors(...BODY_ERRORS, ...subjectErrors, 'comment_not_found'),
        },
      },
    },
    '/v1/admin/subjects/{subjectId}/reset': adminPost(
      'resetSubject',
      'Delete the votes and comments of a subject; its counters start again from zero',
    ),
    '/v1/admin/subjects/{subjectId}/close': adminPost(
      'closeSubject',
      'Close a subject: it keeps its votes and takes no more',
    ),
    '/v1/admin/subjects/{subjectId}/reopen': adminPost('reopenSubject', 'Open a closed subject again'),
  };
}

/** `<parvis-budget>`'s budgets, their results as open data, and their admin operations. */
function budgetPaths(): Json {
  const budgetId = { name: 'budgetId', in: 'path', required: true, schema: schema(Slug) };
  const csv = { 'text/csv': { schema: { type: 'string' } } };
  const budgetErrors: ApiErrorCode[] = [...ADMIN_ERRORS, 'invalid_request', 'budget_not_found'];
  const resultErrors: ApiErrorCode[] = ['unauthorized', 'invalid_request', 'budget_not_found', 'results_hidden'];
  const adminBudget = (status: number, description: string) => ({
    [status]: { description, content: json('AdminBudget') },
  });
  const adminPost = (operationId: string, summary: string, ...codes: ApiErrorCode[]): Json => ({
    parameters: [budgetId],
    post: {
      operationId,
      summary,
      security: adminSecurity,
      responses: { ...adminBudget(200, 'OK'), ...errors(...budgetErrors, ...codes) },
    },
  });
  const adminWrite = (operationId: string, summary: string, body: string, status: number, codes: ApiErrorCode[]) => ({
    operationId,
    summary,
    security: adminSecurity,
    requestBody: { required: true, content: { 'application/json': { schema: ref(body) } } },
    responses: { ...adminBudget(status, 'OK'), ...errors(...ADMIN_ERRORS, ...BODY_ERRORS, ...codes) },
  });
  return {
    '/v1/budgets/{budgetId}': {
      parameters: [budgetId],
      get: read(
        'getBudget',
        'A budget, its districts and projects, as the identified voter sees it; results once the city published them',
        json('Budget'),
        ['invalid_request', 'budget_not_found', ...CITIZEN_ERRORS],
        { parameters: [parameters.voter, parameters.ifNoneMatch], security: citizenSecurity },
      ),
    },
    '/v1/budgets/{budgetId}/ballots': {
      parameters: [budgetId],
      post: {
        operationId: 'castBallot',
        summary: 'Cast a ballot (or replace it, where the budget allows changing it)',
        parameters: [parameters.voter, parameters.idempotencyKey],
        security: citizenSecurity,
        requestBody: { required: true, content: { 'application/json': { schema: ref('CastBallot') } } },
        responses: {
          200: {
            description:
              'The ballot is stored; the budget as this voter now sees it. A replayed request answers the first answer again, with `Idempotent-Replayed: true`.',
            content: json('Budget'),
          },
          ...errors(
            ...BODY_ERRORS,
            ...CITIZEN_ERRORS,
            'voter_required',
            'idempotency_key_required',
            'invalid_idempotency_key',
            'idempotency_key_reused',
            'verification_required',
            'budget_not_found',
            'budget_not_open',
            'budget_closed',
            'ballot_exists',
            'unknown_project',
            'duplicate_project',
            'district_required',
            'unknown_district',
            'project_not_in_district',
            'over_budget',
            'under_min_spend',
            'too_few_projects',
            'too_many_projects',
          ),
        },
      },
    },
    '/v1/budgets/{budgetId}/results.json': {
      parameters: [budgetId],
      get: read('getBudgetResultsJson', 'Results as open data (JSON)', json('BudgetResultsExport'), resultErrors, {
        security: [{}, ...adminSecurity],
      }),
    },
    '/v1/budgets/{budgetId}/results.csv': {
      parameters: [budgetId],
      get: read('getBudgetResultsCsv', 'Results as open data (CSV), one row per project', csv, resultErrors, {
        security: [{}, ...adminSecurity],
      }),
    },
    '/v1/admin/budgets': {
      get: read('listBudgets', 'Every budget, with results and ballot counts', json('AdminBudgetList'), ADMIN_ERRORS, {
        security: adminSecurity,
      }),
      post: adminWrite('createBudget', 'Create a budget', 'CreateBudget', 201, ['budget_exists']),
    },
    '/v1/admin/budgets/{budgetId}': {
      parameters: [budgetId],
      get: read('getAdminBudget', 'A budget, with results', json('AdminBudget'), budgetErrors, {
        security: adminSecurity,
      }),
      patch: adminWrite('updateBudget', 'Change settings, districts, categories or projects', 'UpdateBudget', 200, [
        'budget_not_found',
        'budget_has_ballots',
      ]),
      delete: {
        operationId: 'deleteBudget',
        summary: 'Delete a budget and its ballots',
        security: adminSecurity,
        responses: { 204: { description: 'Deleted.' }, ...errors(...budgetErrors) },
      },
    },
    '/v1/admin/budgets/{budgetId}/open': adminPost(
      'openBudget',
      'Open the vote now: clear the closed flag, bring a future opening date to now, drop a past closing date; published results are withdrawn',
    ),
    '/v1/admin/budgets/{budgetId}/close': adminPost('closeBudget', 'Close the vote now'),
    '/v1/admin/budgets/{budgetId}/publish': adminPost(
      'publishBudgetResults',
      'Show the results to citizens and as open data, once the vote is closed',
      'budget_not_closed',
    ),
    '/v1/admin/budgets/{budgetId}/ballots.json': {
      parameters: [budgetId],
      get: read(
        'getBudgetBallotsJson',
        'Every ballot, numbered, never with its voter (JSON)',
        json('BallotsExport'),
        budgetErrors,
        { security: adminSecurity },
      ),
    },
    '/v1/admin/budgets/{budgetId}/ballots.csv': {
      parameters: [budgetId],
      get: read('getBudgetBallotsCsv', 'Every ballot, numbered, never with its voter (CSV)', csv, budgetErrors, {
        security: adminSecurity,
      }),
    },
  };
}

/** `<parvis-idea-box>`: boxes, ideas, supports, reports, the proof-of-work challenge, moderation and the audit log. */
function ideaPaths(): Json {
  const boxId = { name: 'boxId', in: 'path', required: true, schema: schema(Slug) };
  const ideaId = { name: 'ideaId', in: 'path', required: true, schema: schema(Slug) };
  const query = (name: string, type: z.ZodMiniType, description: string) => ({
    name,
    in: 'query',
    description,
    schema: schema(type),
  });
  const cursor = {
    name: 'cursor',
    in: 'query',
    description: 'The `nextCursor` of the previous page; opaque.',
    schema: { type: 'string', maxLength: 200 },
  };
  const limit = (max: number) => ({
    name: 'limit',
    in: 'query',
    schema: { type: 'integer', minimum: 1, maximum: max },
  });
  const writeErrors: ApiErrorCode[] = [
    ...CITIZEN_ERRORS,
    'invalid_request',
    'voter_required',
    'idempotency_key_required',
    'invalid_idempotency_key',
    'idempotency_key_reused',
  ];
  const citizenWrite = (
    operationId: string,
    summary: string,
    body: string | null,
    status: number,
    answer: string,
    errorCodes: ApiErrorCode[],
  ): Json => ({
    operationId,
    summary,
    parameters: [parameters.voter, parameters.idempotencyKey],
    security: citizenSecurity,
    ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(body) } } } } : {}),
    responses: {
      [status]: {
        description: 'Done. A replayed request answers the first answer again, with `Idempotent-Replayed: true`.',
        content: json(answer),
      },
      ...errors(...writeErrors, ...(body ? BODY_ERRORS : []), ...errorCodes),
    },
  });
  const adminRead = (operationId: string, summary: string, body: Json, errorCodes: ApiErrorCode[], extra: Json = {}) =>
    read(operationId, summary, body, [...ADMIN_ERRORS, 'invalid_request', ...errorCodes], {
      security: adminSecurity,
      ...extra,
    });
  const adminWrite = (
    operationId: string,
    summary: string,
    body: string | null,
    status: number,
    answer: string | null,
    errorCodes: ApiErrorCode[],
  ): Json => ({
    operationId,
    summary,
    security: adminSecurity,
    ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(body) } } } } : {}),
    responses: {
      [status]: answer ? { description: 'OK', content: json(answer) } : { description: 'Done.' },
      ...errors(...ADMIN_ERRORS, 'invalid_request', ...(body ? BODY_ERRORS : []), ...errorCodes),
    },
  });
  const decision = (operationId: string, summary: string, body: string | null, merged = true): Json =>
    adminWrite(operationId, summary, body, 200, 'AdminIdea', [
      'idea_not_found',
      ...(merged ? ['idea_merged' as const] : []),
    ]);
  const exportRead = (format: 'json' | 'csv') =>
    adminRead(
      format === 'json' ? 'exportIdeasJson' : 'exportIdeasCsv',
      `Every idea of the box with its supports and status, as open data (${format.toUpperCase()}; Licence Ouverte / Etalab 2.0)`,
      format === 'json' ? json('IdeasExport') : { 'text/csv': { schema: { type: 'string' } } },
      ['idea_box_not_found'],
    );
  return {
    '/v1/idea-boxes/{boxId}': {
      parameters: [boxId],
      get: read('getIdeaBox', 'An idea box: settings, categories, moderation mode', json('IdeaBox'), [
        'invalid_request',
        'idea_box_not_found',
      ]),
    },
    '/v1/idea-boxes/{boxId}/ideas': {
      parameters: [boxId],
      get: read(
        'listIdeas',
        'A page of the ideas citizens see (never pending or hidden ones), with the count of all that match',
        json('IdeaPage'),
        ['invalid_request', 'idea_box_not_found', 'unknown_category', ...CITIZEN_ERRORS],
        {
          parameters: [
            query(
              'sort',
              IdeaSort,
              '`top` (most supported, the default), `new`, or `trending` (recent supports weigh more).',
            ),
            query('category', Slug, 'Only the ideas of this category.'),
            query('status', PublicIdeaStatus, 'Only the ideas in this status.'),
            cursor,
            limit(MAX_IDEAS_PER_PAGE),
            parameters.voter,
            parameters.ifNoneMatch,
          ],
          security: citizenSecurity,
        },
      ),
      post: citizenWrite(
        'submitIdea',
        'Submit an idea: published at once in a post-moderation box, pending otherwise. Needs a solved proof of work.',
        'SubmitIdea',
        201,
        'Idea',
        [
          'verification_required',
          'idea_box_not_found',
          'box_not_open',
          'box_closed',
          'unknown_category',
          'spam_detected',
          'too_many_links',
          'proof_required',
          'invalid_proof',
        ],
      ),
    },
    '/v1/ideas/{ideaId}/support': {
      parameters: [ideaId],
      put: citizenWrite('supportIdea', 'Support an idea (doing it twice changes nothing)', null, 200, 'IdeaSupport', [
        'verification_required',
        'idea_not_found',
        'idea_not_supportable',
        'box_not_open',
        'box_closed',
      ]),
      delete: citizenWrite(
        'withdrawSupport',
        'Take a support back (without one, changes nothing)',
        null,
        200,
        'IdeaSupport',
        ['verification_required', 'idea_not_found', 'box_not_open', 'box_closed'],
      ),
    },
    '/v1/ideas/{ideaId}/reports': {
      parameters: [ideaId],
      post: citizenWrite(
        'reportIdea',
        'Report an idea as abusive, once per voter; in a post-moderation box, enough reports hide it until a moderator decides',
        'ReportIdea',
        201,
        'ReportReceipt',
        ['idea_not_found', 'already_reported'],
      ),
    },
    '/v1/challenge': {
      get: {
        operationId: 'getChallenge',
        summary:
          'A fresh ALTCHA proof-of-work challenge (v1 format), solved in the background before submitting an idea; never cached',
        responses: { 200: { description: 'OK', content: json('Challenge') }, ...errors() },
      },
    },
    '/v1/admin/idea-boxes': {
      get: adminRead('listIdeaBoxes', 'Every idea box, with its counts', json('AdminIdeaBoxList'), []),
      post: adminWrite('createIdeaBox', 'Create an idea box', 'CreateIdeaBox', 201, 'AdminIdeaBox', [
        'idea_box_exists',
      ]),
    },
    '/v1/admin/idea-boxes/{boxId}': {
      parameters: [boxId],
      get: adminRead('getAdminIdeaBox', 'An idea box, with its counts', json('AdminIdeaBox'), ['idea_box_not_found']),
      patch: adminWrite(
        'updateIdeaBox',
        'Change settings and categories of an idea box',
        'UpdateIdeaBox',
        200,
        'AdminIdeaBox',
        ['idea_box_not_found', 'category_in_use'],
      ),
      delete: adminWrite('deleteIdeaBox', 'Delete an idea box and its ideas', null, 204, null, ['idea_box_not_found']),
    },
    '/v1/admin/idea-boxes/{boxId}/close': {
      parameters: [boxId],
      post: adminWrite('closeIdeaBox', 'Close an idea box now', null, 200, 'AdminIdeaBox', ['idea_box_not_found']),
    },
    '/v1/admin/idea-boxes/{boxId}/queue': {
      parameters: [boxId],
      get: adminRead(
        'listModerationQueue',
        'Pending ideas and ideas hidden by reports, oldest first, with their reports',
        json('ModerationQueue'),
        ['idea_box_not_found'],
        { parameters: [cursor, limit(MAX_QUEUE_PAGE)] },
      ),
    },
    '/v1/admin/idea-boxes/{boxId}/ideas': {
      parameters: [boxId],
      get: adminRead(
        'listAdminIdeas',
        'The ideas of a box in every status, or in one, oldest first, page by page, with their reports',
        json('AdminIdeaPage'),
        ['idea_box_not_found'],
        {
          parameters: [
            { name: 'status', in: 'query', description: 'Only the ideas of this status.', schema: schema(IdeaStatus) },
            cursor,
            limit(MAX_QUEUE_PAGE),
          ],
        },
      ),
    },
    '/v1/admin/idea-boxes/{boxId}/ideas.json': { parameters: [boxId], get: exportRead('json') },
    '/v1/admin/idea-boxes/{boxId}/ideas.csv': { parameters: [boxId], get: exportRead('csv') },
    '/v1/admin/ideas/{ideaId}': {
      parameters: [ideaId],
      get: adminRead('getAdminIdea', 'An idea in any status, with its reports', json('AdminIdea'), ['idea_not_found']),
    },
    '/v1/admin/ideas/{ideaId}/approve': {
      parameters: [ideaId],
      post: decision('approveIdea', 'Publish a pending or hidden idea; its reports count as seen', null),
    },
    '/v1/admin/ideas/{ideaId}/hide': {
      parameters: [ideaId],
      post: decision('hideIdea', 'Hide an idea from citizens, with a note for moderators', 'HideIdea'),
    },
    '/v1/admin/ideas/{ideaId}/reject': {
      parameters: [ideaId],
      post: decision('rejectIdea', 'Reject an idea; the reason becomes its official answer', 'RejectIdea'),
    },
    '/v1/admin/ideas/{ideaId}/status': {
      parameters: [ideaId],
      put: decision('setIdeaStatus', 'Set the status: under review, accepted, rejected or done', 'SetIdeaStatus'),
    },
    '/v1/admin/ideas/{ideaId}/answer': {
      parameters: [ideaId],
      put: decision('answerIdea', 'Write or change the official answer (dated now)', 'AnswerIdea', false),
    },
    '/v1/admin/ideas/{ideaId}/merge': {
      parameters: [ideaId],
      post: decision(
        'mergeIdea',
        'Merge this duplicate into another idea of its box; supports carried over once per voter',
        'MergeIdea',
      ),
    },
    '/v1/admin/audit': {
      get: adminRead('listAuditLog', 'What admin tokens did, newest first', json('AuditPage'), [], {
        parameters: [
          {
            name: 'targetKind',
            in: 'query',
            description: 'Only the entries about this kind of target: `poll`, `subject`, `idea_box`, `idea`, `budget`.',
            schema: { type: 'string', minLength: 1, maxLength: 50 },
          },
          {
            name: 'targetId',
            in: 'query',
            description: 'Only the entries about the target of this id.',
            schema: { type: 'string', minLength: 1, maxLength: 300 },
          },
          cursor,
          limit(MAX_AUDIT_PAGE),
        ],
      }),
    },
  };
}

function ideaSchemas(): Json {
  return {
    IdeaBox: schema(IdeaBox),
    Idea: schema(Idea),
    IdeaPage: schema(IdeaPage),
    SubmitIdea: schema(SubmitIdea, 'input'),
    IdeaSupport: schema(IdeaSupport),
    ReportIdea: schema(ReportIdea, 'input'),
    ReportReceipt: schema(ReportReceipt),
    Challenge: schema(Challenge),
    CreateIdeaBox: schema(CreateIdeaBox, 'input'),
    UpdateIdeaBox: schema(UpdateIdeaBox, 'input'),
    AdminIdeaBox: schema(AdminIdeaBox),
    AdminIdeaBoxList: schema(AdminIdeaBoxList),
    AdminIdea: schema(AdminIdea),
    ModerationQueue: schema(ModerationQueue),
    AdminIdeaPage: schema(AdminIdeaPage),
    HideIdea: schema(HideIdea, 'input'),
    RejectIdea: schema(RejectIdea, 'input'),
    SetIdeaStatus: schema(SetIdeaStatus, 'input'),
    AnswerIdea: schema(AnswerIdea, 'input'),
    MergeIdea: schema(MergeIdea, 'input'),
    IdeasExport: schema(IdeasExport),
    AuditPage: schema(AuditPage),
  };
}

/**
 * Contributions from outside the web (paper, meeting, phone, SMS) recorded by
 * officers, the metadata beside each open-data CSV, and the export of everything.
 */
function contributionPaths(): Json {
  const contributionId = { name: 'contributionId', in: 'path', required: true, schema: schema(Slug) };
  const optionalKey = {
    ...parameters.idempotencyKey,
    required: false,
    description:
      'Advised: a retried request with the same key answers the first answer (`Idempotent-Replayed: true`) and counts the ballots once.',
  };
  const consultations = [
    {
      path: '/v1/admin/polls/{pollId}/contributions',
      param: parameters.pollId,
      name: 'Poll',
      what: 'a poll: counts per option, and the number of ballots',
      notFound: 'poll_not_found' as const,
      rules: ['unknown_option', 'duplicate_choice', 'too_few_choices', 'too_many_choices'] as ApiErrorCode[],
    },
    {
      path: '/v1/admin/budgets/{budgetId}/contributions',
      param: { name: 'budgetId', in: 'path', required: true, schema: schema(Slug) },
      name: 'Budget',
      what: 'a budget: ballots, each with how many identical ones were counted, checked by the rules of a web ballot',
      notFound: 'budget_not_found' as const,
      rules: [
        'unknown_project',
        'duplicate_project',
        'district_required',
        'unknown_district',
        'project_not_in_district',
        'over_budget',
        'under_min_spend',
        'too_few_projects',
        'too_many_projects',
      ] as ApiErrorCode[],
    },
    {
      path: '/v1/admin/idea-boxes/{boxId}/contributions',
      param: { name: 'boxId', in: 'path', required: true, schema: schema(Slug) },
      name: 'Idea',
      what: 'an idea box: ideas collected at a meeting, published at once',
      notFound: 'idea_box_not_found' as const,
      rules: ['unknown_category'] as ApiErrorCode[],
    },
  ];
  const paths: Json = {};
  for (const { path, param, name, what, notFound, rules } of consultations) {
    const known: ApiErrorCode[] = [...ADMIN_ERRORS, 'invalid_request', notFound];
    paths[path] = {
      parameters: [param],
      get: read(
        `list${name}Contributions`,
        `The contributions recorded for ${what.split(':')[0]}, in the order recorded`,
        json(`${name}ContributionList`),
        known,
        { security: adminSecurity },
      ),
      post: {
        operationId: `record${name}Contribution`,
        summary: `Record what was collected outside the web for ${what}; counted with the web's at once`,
        parameters: [optionalKey],
        security: adminSecurity,
        requestBody: { required: true, content: { 'application/json': { schema: ref(`Record${name}Contribution`) } } },
        responses: {
          201: { description: 'Recorded.', content: json(`${name}Contribution`) },
          ...errors(...known, ...BODY_ERRORS, 'invalid_idempotency_key', 'idempotency_key_reused', ...rules),
        },
      },
    };
    paths[`${path}/{contributionId}`] = {
      parameters: [param, contributionId],
      delete: {
        operationId: `delete${name}Contribution`,
        summary: 'Take a contribution back, with everything it counted (a count typed wrong is typed again)',
        security: adminSecurity,
        responses: { 204: { description: 'Deleted.' }, ...errors(...known, 'not_found') },
      },
    };
  }
  const metadata = (operationId: string, of: string, codes: ApiErrorCode[], security: Json[], extra: Json = {}) =>
    read(
      operationId,
      `The open-data metadata of ${of}: title, licence, publisher, dates, columns`,
      json('OpenDataMetadata'),
      codes,
      {
        security,
        ...extra,
      },
    );
  const site = {
    name: 'site',
    in: 'query',
    description: 'An origin, or `self` for the pages this server serves itself; every site when absent.',
    schema: { type: 'string', minLength: 1, maxLength: 300 },
  };
  const subjectId = { name: 'subjectId', in: 'path', required: true, schema: schema(SubjectId) };
  return {
    ...paths,
    '/v1/polls/{pollId}/results.metadata.json': {
      parameters: [parameters.pollId],
      get: metadata('getPollResultsMetadata', 'results.csv', resultErrors(), [{}, ...adminSecurity]),
    },
    '/v1/budgets/{budgetId}/results.metadata.json': {
      parameters: [{ name: 'budgetId', in: 'path', required: true, schema: schema(Slug) }],
      get: metadata(
        'getBudgetResultsMetadata',
        'results.csv',
        ['unauthorized', 'invalid_request', 'budget_not_found', 'results_hidden'],
        [{}, ...adminSecurity],
      ),
    },
    '/v1/admin/idea-boxes/{boxId}/ideas.metadata.json': {
      parameters: [{ name: 'boxId', in: 'path', required: true, schema: schema(Slug) }],
      get: metadata(
        'exportIdeasMetadata',
        'ideas.csv',
        [...ADMIN_ERRORS, 'invalid_request', 'idea_box_not_found'],
        adminSecurity,
      ),
    },
    '/v1/admin/subjects/comments.metadata.json': {
      get: metadata(
        'getSiteSubjectCommentsMetadata',
        'comments.csv',
        [...ADMIN_ERRORS, 'invalid_request'],
        adminSecurity,
        {
          parameters: [site],
        },
      ),
    },
    '/v1/admin/subjects/{subjectId}/comments.metadata.json': {
      parameters: [subjectId],
      get: metadata(
        'getSubjectCommentsMetadata',
        'comments.csv',
        [...ADMIN_ERRORS, 'invalid_request', 'subject_not_found'],
        adminSecurity,
      ),
    },
    '/v1/admin/export.json': {
      get: {
        operationId: 'exportEverything',
        summary:
          'Every consultation with its results and metadata, whatever their visibility; streamed as it is read, never cached',
        security: adminSecurity,
        responses: { 200: { description: 'OK', content: json('FullExport') }, ...errors(...ADMIN_ERRORS) },
      },
    },
  };
}

function contributionSchemas(): Json {
  return {
    RecordPollContribution: schema(RecordPollContribution, 'input'),
    PollContribution: schema(PollContribution),
    PollContributionList: schema(PollContributionList),
    RecordBudgetContribution: schema(RecordBudgetContribution, 'input'),
    BudgetContribution: schema(BudgetContribution),
    BudgetContributionList: schema(BudgetContributionList),
    RecordIdeaContribution: schema(RecordIdeaContribution, 'input'),
    IdeaContribution: schema(IdeaContribution),
    IdeaContributionList: schema(IdeaContributionList),
    OpenDataMetadata: schema(OpenDataMetadata),
    FullExport: schema(FullExport),
  };
}
