// `npm run bench`: bundle sizes and render timings, then castPollVote throughput
// on SQLite and PostgreSQL next to a raw node:http baseline. Figures are
// printed, never asserted.
import pg from 'pg';
import { startServer, temporaryDirectory, type RunningServer } from '../test/e2e/harness.js';
import { createBenchPoll, load, pollVotes, startBaseline, tally, type LoadResult } from './load.js';
import { renderTimings } from './render.js';
import { bundleSizes } from './sizes.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const postgresUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${Math.round(value)} ms`;

const data = temporaryDirectory();
const results: LoadResult[] = [];
const checks: string[] = [];

/** Votes on a poll of its own, then compares the server's tally with the votes autocannon saw accepted. */
async function measureVotes(server: RunningServer, engine: string, label: string): Promise<void> {
  const id = `bench-${engine.toLowerCase()}`;
  await createBenchPoll(server, id);
  await createBenchPoll(server, `${id}-warmup`);
  const result = await load(label, server.url, { warmup: pollVotes(`${id}-warmup`), measured: pollVotes(id) }, seconds);
  results.push(result);
  const counted = await tally(server, id);
  checks.push(`${engine}: tally ${counted} vs accepted ${result.ok}: ${counted === result.ok ? 'equal' : 'DIFFERENT'}`);
}

try {
  const sqlite = await startServer({ dataDir: data.path, env: { PARVIS_RATE_LIMIT: 'off', PARVIS_SEED: 'demo' } });
  try {
    const sizes = await bundleSizes(sqlite, 'parc-des-tilleuls');
    console.log('\n## JavaScript a page downloads (DESIGN §9: one poll ≤ 16 KB gzip, all widgets ≤ 30 KB)');
    console.log(`page with one poll: ${sizes.onePoll.files.join(', ')}`);
    console.log(`  raw ${kb(sizes.onePoll.raw)} · gzip ${kb(sizes.onePoll.gzip)} · brotli ${kb(sizes.onePoll.brotli)}`);
    console.log(
      `  as the server sent them to Chromium: ${kb(sizes.transferred.bytes)} (${sizes.transferred.encodings.join(', ')})`,
    );
    console.log(
      `all chunks (${sizes.all.files.length} files): raw ${kb(sizes.all.raw)} · gzip ${kb(sizes.all.gzip)} · brotli ${kb(sizes.all.brotli)}`,
    );

    const render = await renderTimings(sqlite, 'parc-des-tilleuls');
    console.log(
      '\n## A page with one poll, CPU slowed down 4× (DESIGN §9: first render ≤ 50 ms, no task over 50 ms, no shift)',
    );
    console.log(`after parvis.js arrived: placeholder ${ms(render.firstRender)}, poll ready ${ms(render.ready)}`);
    console.log(`tasks over 50 ms: ${render.longTasks.length ? render.longTasks.map(ms).join(', ') : 'none'}`);
    console.log(`cumulative layout shift: ${render.layoutShift.toFixed(3)}`);

    const baseline = await startBaseline();
    results.push(
      await load('raw node:http baseline', baseline.url, { warmup: pollVotes('x'), measured: pollVotes('x') }, seconds),
    );
    baseline.stop();

    await measureVotes(sqlite, 'SQLite', 'castPollVote, SQLite (WAL, synchronous FULL)');
  } finally {
    await sqlite.stop();
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
      await measureVotes(server, 'PostgreSQL', 'castPollVote, PostgreSQL');
    } finally {
      await server.stop();
      await maintenance.query(`DROP DATABASE IF EXISTS ${database}`);
    }
  }
  await maintenance.end().catch(() => {});

  console.log(
    `\n## castPollVote at 50 connections, about ${seconds} s each, a distinct voter per request (DESIGN §9: SQLite ≥ 10,000/s, p99 ≤ 20 ms)`,
  );
  console.log('| endpoint | accepted/s | p50 ms | p99 ms | accepted | refused | errors |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    console.log(
      `| ${r.label} | ${Math.round(r.perSecond)} | ${r.p50} | ${r.p99} | ${r.ok} | ${r.non2xx} | ${r.errors} |`,
    );
  }
  console.log('\n## Tally against accepted votes');
  for (const line of checks) console.log(line);
} finally {
  data.remove();
}
