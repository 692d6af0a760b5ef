#!/usr/bin/env node
// The bench's write (rescheduling an interview, bench-endpoints.mjs) against a running API, with the CPU
// each reschedule costs the API process and PostgreSQL (ADR 0064): CPU ticks from /proc over the run,
// divided by the requests. Linux only; PostgreSQL on the same machine.
//
//   node tools/bench/write-cpu.mjs --api=http://127.0.0.1:4605 --pid=<API pid> [--seconds=12] [--warm-up=8]
//        [--database=postgres://postgres@127.0.0.1:5432/heardback_bench_100k] [--connections=10]
//
// Start the API on a bench database first (as bench-processes.mjs does: NODE_ENV=production,
// RUN_MIGRATIONS=false, RUN_BACKGROUND=false). Prints one line: latency, throughput and CPU per request.

import { readFileSync, readdirSync } from 'node:fs';
import { load } from './bench-load.mjs';
import { signIn } from './bench-processes.mjs';
import { schedulableStages, scheduleRequests } from './bench-endpoints.mjs';
import { BENCH_LOGINS, BENCH_PASSWORD } from './dataset/dataset-sql.mjs';
import { commandLineOptions } from './command-line.mjs';

const options = commandLineOptions();
const base = options['api'] ?? 'http://127.0.0.1:4605';
const pid = Number(options['pid']);
if (!Number.isInteger(pid) || pid < 1) throw new Error('--pid=<the API process id> is required');
const database = options['database'] ?? 'postgres://postgres@127.0.0.1:5432/heardback_bench_100k';
const seconds = Number(options['seconds'] ?? 12);
const warmUp = Number(options['warm-up'] ?? 8);
const connections = Number(options['connections'] ?? 10);

/** User and system CPU ticks of a process (/proc/<pid>/stat fields 14 and 15). @param {number | string} id */
function ticks(id) {
  try {
    const fields = readFileSync(`/proc/${id}/stat`, 'utf8').split(') ')[1].split(' ');
    return { user: Number(fields[11]), system: Number(fields[12]) };
  } catch {
    return { user: 0, system: 0 }; // a backend that ended during the run
  }
}

/** Every PostgreSQL process's ticks, summed. */
function postgresTicks() {
  let sum = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/comm`, 'utf8').startsWith('postgres')) continue;
    } catch {
      continue;
    }
    const { user, system } = ticks(entry);
    sum += user + system;
  }
  return sum;
}

const session = await signIn(base, BENCH_LOGINS.staff, BENCH_PASSWORD);
const requests = scheduleRequests(await schedulableStages(database), session.xsrf);
/** @param {number} duration */
const run = (duration) =>
  load({
    base,
    path: '/',
    method: 'POST',
    headers: { cookie: session.cookie },
    connections,
    duration,
    timeoutSeconds: 30,
    requests,
  });

if (warmUp > 0) await run(warmUp);
const api = ticks(pid);
const postgres = postgresTicks();
const result = await run(seconds);
const apiAfter = ticks(pid);
// Clock ticks are 1/100 s on Linux: ticks × 10 is milliseconds.
const perRequest = (/** @type {number} */ value) => ((value * 10) / Math.max(1, result.requests)).toFixed(1);
console.log(
  `write p50=${result.p50} p99=${result.p99} rps=${result.rps.toFixed(1)} n=${result.requests} non2xx=${result.non2xx} ` +
    `api_cpu_ms=${perRequest(apiAfter.user - api.user + apiAfter.system - api.system)} ` +
    `postgres_cpu_ms=${perRequest(postgresTicks() - postgres)}`,
);
