import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { ScorePeriod, SqlParams } from './score-sql';

/** The figures cached: the two that read and sort every fact of the period. */
export type CachedFigure = 'feedback' | 'promise';

/** The lock the facts' writers hold shared until they end (migration 1795941600001). */
const WRITERS_LOCK = `hashtext('heardback:score-period-cache')`;
/** Tries at the barrier, and the pause between them: a writer's transaction is a few milliseconds. */
const BARRIER_TRIES = 5;
const BARRIER_PAUSE_MS = 20;
/** Entries older than this are dropped as new ones are stored, so periods nobody asks for again go. */
const KEPT_DAYS = 30;

/**
 * One score statement's rows from `score_period_cache` (ADR 0044), else read and stored. Time to
 * feedback reads no clock (only facts recorded in the period), so any period's rows stay right until
 * a fact in it changes, and the triggers delete them then. Promises read the clock (a promise counts
 * once it has come due), so only a period that has ended is cached, its statement written with `now`
 * at the period's end (every promise due in it has come due: the same rows). The statement's text
 * and parameters, hashed, are the key. Entries are read and filled on the primary, whose facts'
 * triggers delete them: a replica could still lack a write whose deletion the primary already ran.
 */
export async function cachedRows<T>(
  dataSource: DataSource,
  figure: CachedFigure,
  period: ScorePeriod,
  write: (params: SqlParams, period: ScorePeriod) => string,
  run: (sql: string, values: unknown[], where: { replica: boolean }) => Promise<T[]>,
): Promise<T[]> {
  const ended = period.toAt.getTime() <= period.now.getTime();
  if (figure === 'promise' && !ended) {
    const uncached = new SqlParams();
    return run(write(uncached, period), uncached.values, { replica: true });
  }
  const params = new SqlParams();
  const sql = write(params, ended ? { ...period, now: period.toAt } : period);
  const key = createHash('sha256').update(sql).update(JSON.stringify(params.values)).digest('base64url');
  const [hit]: { rows: T[] }[] = await dataSource.query(
    `SELECT rows FROM score_period_cache WHERE key = $1 AND rows IS NOT NULL`,
    [key],
  );
  if (hit) return hit.rows;

  // Announce the entry (taking over one a reader left unfinished), so a writer from now on deletes it.
  const fill = randomUUID();
  await dataSource.query(
    `INSERT INTO score_period_cache (key, figure, from_at, to_at, fill) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (key) DO UPDATE SET fill = EXCLUDED.fill, stored_at = now() WHERE score_period_cache.rows IS NULL`,
    [key, figure, period.fromAt, period.toAt, fill],
  );
  const compute = () => run(sql, params.values, { replica: false });
  if (!(await writersGone(dataSource))) return compute();
  const rows = await compute();
  await dataSource.query(
    `WITH stored AS (
       UPDATE score_period_cache SET rows = $3::jsonb, fill = NULL, stored_at = now() WHERE key = $1 AND fill = $2
     )
     DELETE FROM score_period_cache WHERE stored_at < now() - make_interval(days => $4)`,
    [key, fill, JSON.stringify(rows), KEPT_DAYS],
  );
  return rows;
}

/**
 * The barrier: true once no transaction that wrote facts before this moment is still open (the
 * exclusive lock is free only when no writer holds it shared), so what the reader reads next has
 * every such write. Tried without waiting, so a writer never queues behind a reader; a reader that
 * finds writers every time reads without storing.
 */
async function writersGone(dataSource: DataSource): Promise<boolean> {
  for (let attempt = 0; attempt < BARRIER_TRIES; attempt++) {
    if (attempt > 0) await sleep(BARRIER_PAUSE_MS);
    const passed = await dataSource.transaction(async (manager) => {
      const [row]: { locked: boolean }[] = await manager.query(
        `SELECT pg_try_advisory_xact_lock(${WRITERS_LOCK}) AS locked`,
      );
      return row.locked;
    });
    if (passed) return true;
  }
  return false;
}
