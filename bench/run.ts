// `npm run bench`: what each widget's page downloads, how fast widgets render,
// then the API's writes and reads under load on SQLite (and castPollVote on
// PostgreSQL) next to a raw node:http baseline. Figures are printed, never asserted.
import pg from 'pg';
import { startServer, temporaryDirectory, type RunningServer } from '../test/e2e/harness.js';
import { createBenchPoll, load, pollVotes, startBaseline, tally, type LoadResult, type Scenario } from './load.js';
import { renderTimings, type RenderCase } from './render.js';
import {
  ballotCount,
  ballots,
  createBenchBudget,
  ideaIds,
  ideaPages,
  ideaSupportTotal,
  ideaSupports,
  subjectBatch,
  subjectSupports,
  subjectVotes,
  writeIdeaSeed,
} from './scenarios.js';
import { allChunks, pageWeight } from './sizes.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const postgresUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${Math.round(value)} ms`;
const IDEA_BOX = 'bench-idees';
const IDEAS = 10_000;

const data = temporaryDirectory();
const results: LoadResult[] = [];
const checks: string[] = [];

/** Loads one scenario; when `count` is given, compares the server's tally with the writes autocannon saw accepted. */
async function measure(
  server: RunningServer,
  label: string,
  scenarios: { warmup: Scenario; measured: Scenario },
  count?: () => Promise<number>,
): Promise<void> {
  const before = count ? await count() : 0;
  const result = await load(label, server.url, scenarios, seconds);
  results.push(result);
  if (!count) return;
  const counted = (await count()) - before;
  checks.push(`${label}: stored ${counted} vs accepted ${result.ok}: ${counted === result.ok ? 'equal' : 'DIFFERENT'}`);
}

const pollVotesOn = (server: RunningServer, engine: string) => async () => {
  const id = `bench-${engine}`;
  await createBenchPoll(server, id);
  await createBenchPoll(server, `${id}-warmup`);
  return { warmup: pollVotes(`${id}-warmup`), measured: pollVotes(id), count: () => tally(server, id) };
};

const PAGES: Array<{ label: string; markup: string; ready: string }> = [
  { label: 'one poll', markup: '<parvis-poll poll="parc-des-tilleuls"></parvis-poll>', ready: 'fieldset' },
  {
    label: 'five vote buttons',
    markup: [
      'actu-budget-participatif-relance',
      'actu-contributions-sms',
      'actu-services-publics-itinerants',
      'actu-assistant-conversationnel',
      'actu-donnees-ouvertes',
    ]
      .map((key) => `<parvis-vote subject="${key}"></parvis-vote>`)
      .join('\n'),
    ready: 'button[aria-pressed]',
  },
  { label: 'one idea box', markup: '<parvis-idea-box box="idees-centre-ville"></parvis-idea-box>', ready: 'article' },
  { label: 'one budget', markup: '<parvis-budget budget="budget-participatif-2027"></parvis-budget>', ready: 'input' },
];

const POLL_RENDER: RenderCase = {
  tag: 'parvis-poll',
  markup: '<parvis-poll poll="parc-des-tilleuls"></parvis-poll>',
  ready: 'fieldset',
};
const IDEA_BOX_RENDER: RenderCase = {
  tag: 'parvis-idea-box',
  markup: `<parvis-idea-box box="${IDEA_BOX}" page-size="20"></parvis-idea-box>`,
  ready: 'article',
  count: 20,
};
const renders: string[] = [];

async function measureRender(server: RunningServer, label: string, widget: RenderCase): Promise<void> {
  const render = await renderTimings(server, widget);
  const longTasks = render.longTasks.length ? render.longTasks.map(ms).join(', ') : 'none';
  renders.push(
    `| ${label} | ${ms(render.firstRender)} | ${ms(render.ready)} | ${longTasks} | ${render.layoutShift.toFixed(3)} |`,
  );
}

try {
  const sqlite = await startServer({ dataDir: data.path, env: { PARVIS_RATE_LIMIT: 'off', PARVIS_SEED: 'demo' } });
  try {
    console.log('\n## JavaScript a page downloads (DESIGN §9: one poll ≤ 16 KB gzip, all widgets ≤ 30 KB)');
    console.log('| page | files | raw | gzip | brotli | as sent to Chromium |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    const pages = [...PAGES, { label: 'all four widgets', markup: PAGES.map((p) => p.markup).join('\n'), ready: '*' }];
    for (const { label, markup, ready } of pages) {
      const weight = await pageWeight(sqlite, markup, ready);
      console.log(
        `| ${label} | ${weight.files.length} | ${kb(weight.raw)} | ${kb(weight.gzip)} | ${kb(weight.brotli)} | ${kb(weight.transferred)} (${weight.encodings.join(', ')}) |`,
      );
    }
    const chunks = allChunks();
    console.log('\n| chunk | raw | gzip | brotli |\n| --- | ---: | ---: | ---: |');
    for (const chunk of chunks) {
      console.log(`| ${chunk.file} | ${kb(chunk.raw)} | ${kb(chunk.gzip)} | ${kb(chunk.brotli)} |`);
    }
    const sum = (key: 'raw' | 'gzip' | 'brotli') => chunks.reduce((total, chunk) => total + chunk[key], 0);
    console.log(`| all ${chunks.length} files | ${kb(sum('raw'))} | ${kb(sum('gzip'))} | ${kb(sum('brotli'))} |`);

    await measureRender(sqlite, 'one poll', POLL_RENDER);

    const baseline = await startBaseline();
    results.push(
      await load('raw node:http baseline', baseline.url, { warmup: pollVotes('x'), measured: pollVotes('x') }, seconds),
    );
    baseline.stop();

    const polls = await pollVotesOn(sqlite, 'sqlite')();
    await measure(sqlite, 'castPollVote, SQLite (WAL, synchronous FULL)', polls, polls.count);
    await measure(
      sqlite,
      'setSubjectVote, SQLite',
      { warmup: subjectVotes('bench-sujet-echauffement'), measured: subjectVotes('bench-sujet') },
      () => subjectSupports(sqlite, 'bench-sujet'),
    );
    const batch = await subjectBatch(sqlite, 50);
    await measure(sqlite, 'getSubjectVotes, batched read of 50 subjects, SQLite', { warmup: batch, measured: batch });
    const projects = await createBenchBudget(sqlite, 'bench-budget');
    await createBenchBudget(sqlite, 'bench-budget-echauffement');
    await measure(
      sqlite,
      'castBallot (3 projects), SQLite',
      { warmup: ballots('bench-budget-echauffement', projects), measured: ballots('bench-budget', projects) },
      () => ballotCount(sqlite, 'bench-budget'),
    );
  } finally {
    await sqlite.stop();
  }

  const ideasData = temporaryDirectory();
  const seededAt = performance.now();
  const ideas = await startServer({
    dataDir: ideasData.path,
    env: { PARVIS_RATE_LIMIT: 'off', PARVIS_SEED: writeIdeaSeed(ideasData.path, IDEA_BOX, IDEAS) },
    timeout: 600_000,
  });
  try {
    console.log(`\n(${IDEAS.toLocaleString('en')} ideas seeded in ${ms(performance.now() - seededAt)})`);
    await measureRender(ideas, `idea box of ${IDEAS.toLocaleString('en')} ideas, first page of 20`, IDEA_BOX_RENDER);
    const pages = ideaPages(IDEA_BOX);
    await measure(ideas, `listIdeas, first page of 20 in ${IDEAS.toLocaleString('en')} ideas, SQLite`, {
      warmup: pages,
      measured: pages,
    });
    const ids = await ideaIds(ideas, IDEA_BOX, 1_000);
    await measure(
      ideas,
      `supportIdea on ${ids.length - 100} of ${IDEAS.toLocaleString('en')} ideas, SQLite`,
      // Warmed up on ideas of their own, so that the stored supports of the others count the measured run only.
      { warmup: ideaSupports(ids.slice(0, 100)), measured: ideaSupports(ids.slice(100)) },
      () => ideaSupportTotal(ideas, IDEA_BOX, ids.slice(100)),
    );
  } finally {
    await ideas.stop();
    ideasData.remove();
  }

  const database = `parvis_bench_${process.pid}`;
  const maintenance = new pg.Client({ connectionString: postgresUrl });
  let postgresReachable = true;
  try {
    await maintenance.connect();
    await maintenance.query(`CREATE DATABASE ${database}`);
  } catch (error) {
    postgresReachable = false;
    console.log(`\nPostgreSQL skipped: ${(error as Error).message}`);
  }
  if (postgresReachable) {
    const url = new URL(postgresUrl);
    url.pathname = `/${database}`;
    const server = await startServer({
      dataDir: data.path,
      env: { PARVIS_RATE_LIMIT: 'off', PARVIS_SEED: 'none', DATABASE_URL: url.toString() },
    });
    try {
      const polls = await pollVotesOn(server, 'postgresql')();
      await measure(server, 'castPollVote, PostgreSQL', polls, polls.count);
      await measure(
        server,
        'setSubjectVote, PostgreSQL',
        { warmup: subjectVotes('bench-sujet-echauffement'), measured: subjectVotes('bench-sujet') },
        () => subjectSupports(server, 'bench-sujet'),
      );
    } finally {
      await server.stop();
      await maintenance.query(`DROP DATABASE IF EXISTS ${database}`);
    }
  }
  await maintenance.end().catch(() => {});

  console.log(
    '\n## Widgets on a page, CPU slowed down 4× (DESIGN §9: first render ≤ 50 ms, no task over 50 ms, no shift)',
  );
  console.log('| page | placeholder | ready | tasks over 50 ms | layout shift |\n| --- | ---: | ---: | --- | ---: |');
  for (const row of renders) console.log(row);

  console.log(
    `\n## The API at 50 connections, about ${seconds} s each, a new voter per request (DESIGN §9: SQLite ≥ 10,000 votes/s, p99 ≤ 20 ms)`,
  );
  console.log('| endpoint | answered/s | p50 ms | p99 ms | accepted | refused | errors |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    console.log(
      `| ${r.label} | ${Math.round(r.perSecond)} | ${r.p50} | ${r.p99} | ${r.ok} | ${r.non2xx} | ${r.errors} |`,
    );
  }
  console.log('\n## What the server stored against the writes it accepted');
  for (const line of checks) console.log(line);
} finally {
  data.remove();
}
