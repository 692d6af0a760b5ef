// docs/benchmarks.md, rewritten after every run from the kept results (.data/bench/results.json).

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { ms } from './bench-load.mjs';

function postgresVersion() {
  try {
    return execFileSync(
      'psql',
      ['-XAtc', 'SHOW server_version', process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'],
      {
        encoding: 'utf8',
      },
    ).trim();
  } catch {
    return 'unknown';
  }
}

/**
 * @param {string} file @param {Record<string, any>} results @param {string[]} lines
 * @param {{ duration: number, rounds: number, connections: number }} options
 */
export async function writeReport(file, results, lines, options) {
  const cpus = os.cpus();
  const sizes = Object.keys(results);
  const rows = [];
  for (const size of sizes) {
    for (const [name, one] of Object.entries(results[size].endpoints)) {
      rows.push(
        `| ${name} | ${size} | ${ms(one.p50, one)} | ${ms(one.p99, one)} | ${one.rps.toFixed(1)} | ${one.ratio === null ? '-' : one.ratio.toFixed(2)} | ` +
          `${one.rawRps === null ? '-' : ms(one.rawP50, one)} | ${one.rawRps === null ? '-' : one.rawRps.toFixed(1)} | ${one.rssMb} | ${one.problems || ''} |`,
      );
    }
  }
  const datasets = sizes.map((size) => {
    const d = results[size].dataset;
    return (
      `| ${size} | ${d.jobs} | ${d.clients} | ${d.users} | ${d.applications} | ${d.stages} | ${d.feedback} | ${d.events} | ` +
      `${d.size} | ${d.buildSeconds} s | ${results[size].date.slice(0, 16).replace('T', ' ')} UTC | ${results[size].commit} |`
    );
  });
  const text = `# Benchmarks

\`npm run bench\` measures the built API against its *raw floor* on a 100k-job and a 1M-job dataset
([ADR 0029](adr/0029-benchmark-against-the-raw-floor.md)). This file is rewritten by every run; the
numbers below are the last run of each size.

## How to run it

\`\`\`sh
DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench                # both sizes
npm run bench -- --sizes=100k --duration=10 --rounds=3 --only=board,search            # a part of it
npm run bench -- --sizes=100k --rebuild                                               # regenerate the data
\`\`\`

- Needs a PostgreSQL whose user may create databases and \`ALTER DATABASE … SET log_statement\`
  (a superuser: the SQL is captured from the server's statement log), and that log readable by the
  bench (\`pg_current_logfile()\`, else Debian's \`/var/log/postgresql/postgresql-<major>-main.log\`;
  \`--pg-log=<file>\` to say where). \`log_line_prefix\` must contain \`%d\`.
- Datasets live in \`heardback_bench_100k\` and \`heardback_bench_1m\`, are built once (migrated with
  the real migrations, then filled set-based with triggers on; \`tools/bench/dataset/\`) and reused
  while the generator's version is the same (migrations added since run on it first). A run
  reschedules interviews (the write), so the data drifts a little with every run; \`--rebuild\`
  starts over. The feedback goes in as a first slice, \`ANALYZE\`, then the rest: the triggers' plans,
  made on the empty tables, would otherwise scan every row so far for each new one.
- Every user's password is \`bench-password-1\`; the bench signs in as \`staff@bench.test\` (agency
  lists, the write) and \`candidate@bench.test\` (50 applications).
- Per endpoint and size: ${options.rounds} rounds of API then raw, ${options.duration} s each,
  ${options.connections} connections (autocannon), medians over the rounds. \`api/raw\` is the API's
  requests per second over the raw server's; \`-\` for the write, which the raw server does not do.
  \`growth\` is the p50 at 1M over the p50 at 100k. RSS is the API's highest resident set size,
  sampled every 200 ms while it is under load.

## Last results

Machine: ${cpus.length} cores (${cpus[0]?.model ?? 'unknown CPU'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM,
${os.type()} ${os.release()}, Node ${process.version}, PostgreSQL ${postgresVersion()} (shared with other work while measured).

| dataset | jobs | clients | users | applications | stages | feedback | timeline events | size | build | measured | commit |
| ------- | ---: | ------: | ----: | -----------: | -----: | -------: | --------------: | ---- | ----: | -------- | ------ |
${datasets.join('\n')}

| endpoint | size | p50 ms | p99 ms | rps | api/raw | raw p50 ms | raw rps | API RSS MB | problems |
| -------- | ---- | -----: | -----: | --: | ------: | ---------: | ------: | ---------: | -------- |
${rows.join('\n')}

${
  results['1m']
    ? ''
    : 'No 1M run yet: building it takes about ten times the 100k build above; run `npm run bench -- --sizes=1m` ' +
      'when the machine has the time, and growth is filled in from both.\n\n'
}The raw server replays a request's statements one after another on one connection; the API runs the
board's and the search's two statements (count and page) on two connections at once, so for those
two the floor is slower than it could be and api/raw flatters the API.

As printed:

\`\`\`
${lines.join('\n')}
\`\`\`

"problems" counts, over all rounds, answers that were not 2xx (a 503 when the API gave up on a
request), connection errors, requests autocannon gave up on (after 30 s) and API crashes (the bench
restarts it). A p50 measured over failures is not a speed: read the two together. \`>10000\` means no
request finished within the 10 s run (a latency longer than the run, not a measured one).

## Targets (issue 12)

api/raw ≥ 0.8 on the board, search, job page and the candidate's list; growth ≤ 1.5 on every
endpoint, the agency lists and the write included; p99 < 100 ms at 1M with 10 connections on every
endpoint; API RSS under load ≤ 300 MB.
${kept(file)}`;
  writeFileSync(file, await formatted(file, text));
}

/**
 * The sections other benches write by hand after this one's (from `## Score`, tools/bench/score-bench.mjs
 * on), kept as they are. @param {string} file
 */
function kept(file) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const at = text.indexOf('\n## Score');
  return at < 0 ? '' : text.slice(at);
}

/** The repository's Prettier style (format:check covers docs/); unformatted if Prettier is missing. @param {string} file @param {string} text */
async function formatted(file, text) {
  try {
    const prettier = await import('prettier');
    return await prettier.format(text, { ...(await prettier.resolveConfig(file)), filepath: file });
  } catch {
    return text;
  }
}
