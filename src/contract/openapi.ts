import * as z from 'zod/mini';
import { IDEMPOTENCY_KEY, Slug, VOTER_TOKEN } from './common.js';
import { API_ERROR_DESCRIPTIONS, API_ERRORS, type ApiErrorCode } from './errors.js';
import { AdminPoll, AdminPollList, CastPollVote, CreatePoll, Poll, PollResultsExport, UpdatePoll } from './poll.js';

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
        ErrorEnvelope: schema(ErrorResponse),
      },
      securitySchemes: {
        adminToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'The admin token (`PARVIS_ADMIN_TOKEN`, or generated and printed at start).',
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
