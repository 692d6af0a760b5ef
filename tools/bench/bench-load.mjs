// One autocannon run against one server, and the wait for quiet between runs (a slow endpoint's
// requests still in flight when a run ends would otherwise load the next run).

// @ts-expect-error autocannon ships no types and @types/autocannon lags its API; the options used here are plain.
import autocannon from 'autocannon';
import { withClient } from './dataset/build-dataset.mjs';
import { sleep } from './bench-processes.mjs';

/**
 * @typedef {{ p50: number, p99: number, rps: number, requests: number, non2xx: number, errors: number, timeouts: number }} RunResult
 */

/**
 * @param {{ base: string, path: string, method: string, headers: Record<string, string>, connections: number,
 *           duration: number, timeoutSeconds: number, requests?: object[] }} options
 * @returns {Promise<RunResult>}
 */
export function load(options) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${options.base}${options.path}`,
        method: /** @type {any} */ (options.method),
        headers: options.headers,
        connections: options.connections,
        duration: options.duration,
        timeout: options.timeoutSeconds,
        ...(options.requests ? { requests: options.requests } : {}),
      },
      /** @param {Error | null} error @param {any} result */
      (error, result) => {
        if (error) return reject(error);
        // No request finished within the run: its latencies are longer than the run, not 0.
        const none = result.requests.total === 0;
        resolve({
          p50: none ? Infinity : result.latency.p50,
          p99: none ? Infinity : result.latency.p99,
          rps: result.requests.average,
          requests: result.requests.total,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
        });
      },
    );
  });
}

/**
 * Waits until the bench database runs no statement for anyone but us and `healthUrl` answers
 * quickly again, for at most `maxSeconds`.
 * @param {string} databaseUrl @param {string} healthUrl @param {number} maxSeconds
 */
export async function quiesce(databaseUrl, healthUrl, maxSeconds = 180) {
  const deadline = Date.now() + maxSeconds * 1000;
  await withClient(databaseUrl, async (client) => {
    while (Date.now() < deadline) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS busy FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND state NOT IN ('idle')`,
      );
      const started = performance.now();
      const healthy = await fetch(healthUrl, { signal: AbortSignal.timeout(5000) }).then(
        () => performance.now() - started < 500,
        () => false,
      );
      if (rows[0].busy === 0 && healthy) return;
      await sleep(500);
    }
  });
}

/** @param {number[]} values */
export function median(values) {
  const sorted = [...values].sort((a, b) => (a === b ? 0 : a < b ? -1 : 1));
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A median latency for the results file: null when no request finished (JSON has no Infinity). @param {number} ms */
export function finite(ms) {
  return Number.isFinite(ms) ? ms : null;
}

/** A latency, or ">10000" when no request finished within the (10 s) run. @param {number | null} value @param {any} one */
export function ms(value, one) {
  return value === null ? `>${(one.duration ?? 10) * 1000}` : String(value);
}
