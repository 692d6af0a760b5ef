// The processes the bench measures: the built API (dist/apps/api/main.js) and the raw server, each
// started, waited for, sampled (RSS) and stopped by the bench; plus signing in as the API's users do.

import { spawn } from 'node:child_process';
import { mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const REPO_ROOT = join(import.meta.dirname, '../..');
export const API_MAIN = join(REPO_ROOT, 'dist/apps/api/main.js');
const RAW_SERVER = join(import.meta.dirname, 'raw-server/server.mjs');

/**
 * A child process that answers HTTP on `base`.
 * @typedef {{ base: string, pid: number, alive: () => boolean, stop: () => Promise<void> }} Server
 */

/** @param {string} base @param {string} path @param {number} timeoutMs @param {() => boolean} alive */
async function waitForHttp(base, path, timeoutMs, alive) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`${base} exited before it answered`);
    try {
      await fetch(`${base}${path}`, { signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      await sleep(250);
    }
  }
  throw new Error(`${base}${path} did not answer within ${timeoutMs / 1000} s`);
}

/**
 * @param {import('node:child_process').ChildProcess} child @param {string} base
 * @returns {Server}
 */
function server(child, base) {
  let exited = child.exitCode !== null;
  const exit = new Promise((resolve) => child.once('exit', () => resolve(undefined)));
  void exit.then(() => (exited = true));
  return {
    base,
    pid: /** @type {number} */ (child.pid),
    alive: () => !exited,
    stop: async () => {
      if (exited) return;
      child.kill('SIGTERM');
      const killed = await Promise.race([exit.then(() => true), sleep(15_000).then(() => false)]);
      if (!killed) {
        child.kill('SIGKILL');
        await exit;
      }
    },
  };
}

/**
 * The built API as `npm start` runs it, minus what would disturb a measurement: migrations are
 * done, background work (sweeps, mail) runs elsewhere. Its log goes to `logFile`; with `cpuProf`, a
 * CPU profile of the whole run goes to that folder when it stops (open it in Chrome's DevTools).
 * `nodeFlags` go to Node before the script (`--heap-growing-percent=0` gives V8's own heap growth back, ADR 0077).
 * @param {{ databaseUrl: string, port: number, logFile: string, cpuProf?: string, nodeFlags?: string[] }} options
 * @returns {Promise<Server>}
 */
export async function startApi({ databaseUrl, port, logFile, cpuProf, nodeFlags = [] }) {
  // A fresh checkout has no .data/bench yet.
  mkdirSync(dirname(logFile), { recursive: true });
  const out = openSync(logFile, 'a');
  /** @type {NodeJS.ProcessEnv} */
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    NODE_ENV: 'production',
    RUN_MIGRATIONS: 'false',
    RUN_BACKGROUND: 'false',
    DEMO_DATA: 'false',
  };
  delete env.METRICS_PORT;
  const profiling = cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${cpuProf}`] : [];
  const child = spawn(process.execPath, [...nodeFlags, ...profiling, API_MAIN], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', out, out],
  });
  const api = server(child, `http://127.0.0.1:${port}`);
  await waitForHttp(api.base, '/api/health', 180_000, api.alive);
  return api;
}

/**
 * Any other Node script that serves HTTP on `port` (the framework floor's servers), waited for on `path`.
 * @param {{ args: string[], port: number, path: string }} options
 * @returns {Promise<Server>}
 */
export async function startNodeServer({ args, port, path }) {
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  const started = server(child, `http://127.0.0.1:${port}`);
  try {
    await waitForHttp(started.base, path, 30_000, started.alive);
  } catch (error) {
    await started.stop();
    throw error;
  }
  return started;
}

/**
 * @param {{ configFile: string, port: number }} options
 * @returns {Promise<Server>}
 */
export function startRawServer({ configFile, port }) {
  return startNodeServer({ args: [RAW_SERVER, configFile], port, path: '/health' });
}

/** Resident set size in bytes (Linux /proc), or null. @param {number} pid */
export function rssBytes(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Samples a process's RSS every 200 ms; `stop()` returns the highest seen. @param {number} pid */
export function sampleRss(pid) {
  let max = rssBytes(pid) ?? 0;
  const timer = setInterval(() => {
    max = Math.max(max, rssBytes(pid) ?? 0);
  }, 200);
  return {
    stop: () => {
      clearInterval(timer);
      return max;
    },
  };
}

/** "a=1; Path=/, b=2" lines from Set-Cookie into a jar. @param {Map<string, string>} jar @param {Response} response */
function keepCookies(jar, response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair.indexOf('=');
    jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
}

/**
 * Signs in as the portal does (apps/api/src/auth): the XSRF cookie from a first GET, then POST
 * /api/auth/login with its value in the X-XSRF-Token header; the session is an http-only cookie.
 * @param {string} base @param {string} email @param {string} password
 * @returns {Promise<{ cookie: string, xsrf: string }>}
 */
export async function signIn(base, email, password) {
  /** @type {Map<string, string>} */
  const jar = new Map();
  keepCookies(jar, await fetch(`${base}/api/auth/session`));
  const xsrfName = [...jar.keys()].find((name) => /xsrf/i.test(name));
  if (!xsrfName) throw new Error('the API set no XSRF cookie');
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: cookie(), 'x-xsrf-token': jar.get(xsrfName) ?? '' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${email}: HTTP ${response.status} ${await response.text()}`);
  keepCookies(jar, response);
  return { cookie: cookie(), xsrf: jar.get(xsrfName) ?? '' };
}

/** @param {number} ms */
export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
