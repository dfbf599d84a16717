// The API under load: autocannon at 50 connections against the real server in
// its own process, next to a raw node:http endpoint measured the same way in
// the same run.
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { admin, freePort, type RunningServer } from '../test/e2e/harness.js';

export interface LoadResult {
  label: string;
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  perSecond: number;
  p50: number;
  p99: number;
}

const token = () => randomBytes(16).toString('base64url');

/** One kind of request under load; `path` and `body` are called for each request, so each can differ. */
export interface Scenario {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: () => string;
  body?: () => unknown;
  /** Sent as `Parvis-Voter`: a new voter per request unless a scenario needs a fixed one. */
  voter?: () => string;
}

/** castPollVote on a poll with the options `oui` and `non`, each request a new voter. */
export const pollVotes = (pollId: string): Scenario => ({
  method: 'POST',
  path: () => `/v1/polls/${pollId}/votes`,
  body: () => ({ choices: ['oui'] }),
});

/**
 * A fixed number of requests rather than a duration, so that every request sent
 * has its answer counted and the tally can be compared exactly; the number is
 * calibrated by a short run first so that each measurement lasts about `seconds`.
 */
export async function load(
  label: string,
  url: string,
  scenarios: { warmup: Scenario; measured: Scenario },
  seconds: number,
): Promise<LoadResult> {
  const warmup = await run(url, scenarios.warmup, { duration: 2 });
  const amount = Math.max(1_000, Math.round((warmup.ok / 2) * seconds));
  const measured = await run(url, scenarios.measured, { amount });
  return { label, ...measured };
}

async function run(url: string, scenario: Scenario, length: { duration: number } | { amount: number }) {
  const result = await autocannon({
    url,
    connections: 50,
    ...length,
    requests: [
      {
        method: scenario.method,
        setupRequest: (request) => {
          const headers: Record<string, string> = { 'parvis-voter': (scenario.voter ?? token)() };
          if (scenario.method !== 'GET') headers['idempotency-key'] = token();
          if (scenario.body) headers['content-type'] = 'application/json';
          return {
            ...request,
            path: scenario.path(),
            headers,
            body: scenario.body ? JSON.stringify(scenario.body()) : undefined,
          };
        },
      },
    ],
  });
  return {
    requests: result.requests.total,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    perSecond: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

/** A raw node:http endpoint that reads the body and answers a small JSON: the machine's ceiling. */
export async function startBaseline(): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      '-e',
      `require('node:http').createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          const parsed = JSON.parse(body);
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ok: true, choices: parsed.choices }));
        });
      }).listen(${port}, '127.0.0.1', () => console.log('ready'));`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

export async function createBenchPoll(server: RunningServer, id: string): Promise<void> {
  const response = await admin(server, '/polls', {
    method: 'POST',
    body: JSON.stringify({
      id,
      question: 'Faut-il prolonger les horaires de la piscine ?',
      options: [
        { id: 'oui', label: 'Oui' },
        { id: 'non', label: 'Non' },
      ],
      resultsVisibility: 'always',
    }),
  });
  if (!response.ok) throw new Error(`Could not create the bench poll: ${response.status} ${await response.text()}`);
}

/** The tally the server reports, to compare with the votes autocannon saw accepted. */
export async function tally(server: RunningServer, id: string): Promise<number> {
  const response = await admin(server, `/polls/${id}`);
  const poll = (await response.json()) as { results: { voters: number } };
  return poll.results.voters;
}
