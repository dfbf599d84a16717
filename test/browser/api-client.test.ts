import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import {
  ApiClient,
  castPollVote,
  getPoll,
  ParvisError,
  configure,
  voterToken,
  type ParvisAdapter,
} from '../../src/client/index.js';
import { VOTER_TOKEN } from '../../src/contract/common.js';
import { API, FakeServer, error, makePoll, never, resetStorage, startApi, worker } from './support/api.js';

before(startApi);
afterEach(() => {
  worker.resetHandlers();
  configure({ token: null, adapter: null });
});

async function failure(promise: Promise<unknown>): Promise<ParvisError> {
  try {
    await promise;
  } catch (caught) {
    expect(caught).to.be.instanceOf(ParvisError);
    return caught as ParvisError;
  }
  throw new Error('expected a ParvisError');
}

describe('ApiClient', () => {
  it('gives up after the timeout with code timeout', async () => {
    worker.use(http.get(`${API}/v1/polls/:pollId`, never));
    const started = performance.now();
    const caught = await failure(getPoll(new ApiClient(API), 'parc-des-tilleuls', { timeout: 200 }));
    expect(caught.code).to.equal('timeout');
    expect(performance.now() - started).to.be.within(150, 2000);
  });

  it('stops when the caller aborts, with code aborted', async () => {
    worker.use(http.get(`${API}/v1/polls/:pollId`, never));
    const controller = new AbortController();
    const pending = getPoll(new ApiClient(API), 'parc-des-tilleuls', { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    expect((await failure(pending)).code).to.equal('aborted');
  });

  it('rejects an answer that breaks the contract with invalid_response', async () => {
    worker.use(http.get(`${API}/v1/polls/:pollId`, () => HttpResponse.json({ ...makePoll(), status: 'paused' })));
    const caught = await failure(getPoll(new ApiClient(API), 'parc-des-tilleuls'));
    expect(caught.code).to.equal('invalid_response');
    expect(caught.message).to.contain('status');
  });

  it('rejects a body that is not JSON with invalid_response', async () => {
    worker.use(http.get(`${API}/v1/polls/:pollId`, () => HttpResponse.text('<html>')));
    expect((await failure(getPoll(new ApiClient(API), 'parc-des-tilleuls'))).code).to.equal('invalid_response');
  });

  it('turns the error envelope into a ParvisError with code, status, message and fields', async () => {
    worker.use(
      http.post(`${API}/v1/polls/:pollId/votes`, () =>
        HttpResponse.json(
          { error: { code: 'invalid_request', message: 'Bad choices.', fields: { choices: 'too_long' } } },
          { status: 400 },
        ),
      ),
    );
    const caught = await failure(castPollVote(new ApiClient(API), 'parc-des-tilleuls', ['kiosque']));
    expect(caught).to.include({ code: 'invalid_request', status: 400, message: 'Bad choices.' });
    expect(caught.fields).to.deep.equal({ choices: 'too_long' });
  });

  it('reports an unreachable server as network_error', async () => {
    worker.use(http.get(`${API}/v1/polls/:pollId`, () => HttpResponse.error()));
    expect((await failure(getPoll(new ApiClient(API), 'parc-des-tilleuls'))).code).to.equal('network_error');
  });

  it('sends no voter token on reads before the citizen acts, then Parvis-Voter, Idempotency-Key and the host token', async () => {
    await resetStorage();
    const server = new FakeServer(makePoll()).listen();
    const client = new ApiClient(API);
    await getPoll(client, 'parc-des-tilleuls');
    expect(server.reads[0].get('Parvis-Voter')).to.equal(null);
    expect(voterToken()).to.equal(undefined);
    expect(localStorage.length).to.equal(0);

    configure({ token: 'header.payload.signature' });
    await castPollVote(client, 'parc-des-tilleuls', ['kiosque']);
    const [vote] = server.received;
    expect(vote.voter).to.match(VOTER_TOKEN).and.to.have.length.of.at.least(22);
    expect(vote.voter).to.equal(localStorage.getItem('parvis:voter'));
    expect(vote.idempotencyKey).to.match(/^[A-Za-z0-9_-]{16,}$/);
    expect(vote.authorization).to.equal('Bearer header.payload.signature');

    await getPoll(client, 'parc-des-tilleuls');
    expect(server.reads[1].get('Parvis-Voter')).to.equal(vote.voter);
  });

  it('answers a 304 from the last copy it received', async () => {
    const poll = makePoll();
    let reads = 0;
    worker.use(
      http.get(`${API}/v1/polls/:pollId`, ({ request }) => {
        reads += 1;
        if (request.headers.get('If-None-Match') === '"v1"') return new HttpResponse(null, { status: 304 });
        return HttpResponse.json(poll, { headers: { ETag: '"v1"' } });
      }),
    );
    const client = new ApiClient(API);
    const first = await getPoll(client, 'parc-des-tilleuls');
    const second = await getPoll(client, 'parc-des-tilleuls');
    expect(reads).to.equal(2);
    expect(second).to.deep.equal(first);
  });

  it('uses an adapter registered with Parvis.configure, and still checks its answers', async () => {
    const calls: string[] = [];
    const adapter: ParvisAdapter = {
      async getPoll(pollId, context) {
        calls.push(`get ${pollId} ${context.api}`);
        return makePoll({ id: pollId });
      },
      async castPollVote(pollId, body, context) {
        calls.push(`vote ${pollId} ${body.choices.join()} ${context.idempotencyKey.length > 0}`);
        return { nonsense: true };
      },
    };
    configure({ adapter });
    const client = new ApiClient('https://other.backend.test');
    expect((await getPoll(client, 'budget-2026')).id).to.equal('budget-2026');
    expect((await failure(castPollVote(client, 'budget-2026', ['kiosque']))).code).to.equal('invalid_response');
    expect(calls).to.deep.equal(['get budget-2026 https://other.backend.test', 'vote budget-2026 kiosque true']);
  });

  it('keeps unknown server codes as errors, without trusting them', async () => {
    worker.use(http.get(`${API}/v1/polls/:pollId`, () => error(418, 'teapot')));
    const caught = await failure(getPoll(new ApiClient(API), 'parc-des-tilleuls'));
    expect(caught.code).to.equal('invalid_request');
    expect(caught.status).to.equal(418);
  });
});
