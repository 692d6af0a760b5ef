import { ScoreReport, UserRole } from '@heardback/contracts';
import { ApiSession } from '../support/api-client';
import { insertAgencyUser, signIn } from '../support/factories';
import { ownApi } from '../support/own-api';
import { SCORE_API_SETTINGS, scoreFixture, ScoreFixture } from './heardback-score.fixture';

jest.setTimeout(180_000);

/**
 * The score's cached periods (migration 1795941600001, ADR 0044): a period's time to feedback and
 * promises are kept after the first request and must never be served once a fact in the period
 * has changed. The hand-computed fixture of heardback-score.spec.ts, in January 2026 (a closed
 * period), on an API and database of this spec's own.
 */
describe("the score's cached periods", () => {
  const api = ownApi(SCORE_API_SETTINGS);
  let staff: ApiSession;
  let facts: ScoreFixture;
  const query = 'from=2026-01-05&to=2026-01-18&by=recruiter';

  beforeAll(async () => {
    const staffUser = await insertAgencyUser(api.pool, UserRole.Staff, 'Cache Staff');
    const adaUser = await insertAgencyUser(api.pool, UserRole.Recruiter, 'Ada Recruiter');
    const boUser = await insertAgencyUser(api.pool, UserRole.Recruiter, 'Bo Recruiter');
    facts = await scoreFixture(api.pool, { ada: adaUser.id, bo: boUser.id, staff: staffUser.id });
    staff = await signIn(api.browser(), staffUser.email);
  });

  /** The report without the moment it was asked. */
  async function score(): Promise<Omit<ScoreReport, 'at'>> {
    const response = await staff.get<ScoreReport>(`/api/agency/score?${query}`);
    expect(response.status).toBe(200);
    const { at: _at, ...report } = response.body;
    return report;
  }

  async function cached(): Promise<{ figure: string; rows: unknown }[]> {
    const { rows } = await api.pool.query(
      `SELECT figure, rows FROM score_period_cache WHERE rows IS NOT NULL ORDER BY figure, key`,
    );
    return rows;
  }

  /** What the API answers with nothing cached: the figures read from the facts. */
  async function uncached(): Promise<Omit<ScoreReport, 'at'>> {
    await api.pool.query(`DELETE FROM score_period_cache`);
    return score();
  }

  it('answers again from the cache, and after a reassignment in the period with the new figures', async () => {
    const first = await score();
    expect((await cached()).map((entry) => entry.figure)).toEqual(['feedback', 'promise']);
    const entries = await cached();
    expect(await score()).toEqual(first);
    expect(await cached()).toEqual(entries);
    expect(first.rows.find((row) => row.id === facts.bo)?.timeToFeedback.count).toBe(2);

    // Ada's work goes to Bo: history rewritten inside the cached period.
    await api.pool.query(`UPDATE applications SET recruiter_id = $2 WHERE recruiter_id = $1`, [facts.ada, facts.bo]);
    expect(await cached()).toEqual([]);
    const after = await score();
    const bo = after.rows.find((row) => row.id === facts.bo);
    expect(bo?.timeToFeedback.count).toBe(5);
    expect(bo?.promises.due).toBe(5);
    expect(after.rows.find((row) => row.id === facts.ada)).toBeUndefined();
    expect(after).toEqual(await uncached());
  });

  it('forgets what an interview end corrected in the period, or a promise re-dated into it, changes', async () => {
    const before = await score();
    // An interview's end moved a day earlier (Friday to Thursday): a working day more of waiting.
    await api.pool.query(
      `ALTER TABLE application_stages DISABLE TRIGGER application_stages_feedback_guard;
       UPDATE application_stages SET starts_at = starts_at - interval '1 day', ends_at = ends_at - interval '1 day'
        WHERE id = (SELECT stage_id FROM feedback WHERE recorded_at = '2026-01-12T11:00:00Z');
       ALTER TABLE application_stages ENABLE TRIGGER application_stages_feedback_guard;`,
    );
    expect((await cached()).map((entry) => entry.figure)).not.toContain('feedback');
    const corrected = await score();
    expect(corrected.overall.timeToFeedback.count).toBe(before.overall.timeToFeedback.count);
    expect(corrected.overall.timeToFeedback).not.toEqual(before.overall.timeToFeedback);
    expect(corrected).toEqual(await uncached());

    // A kept promise due after the period, re-dated into it: one more promise due, and kept.
    expect((await cached()).map((entry) => entry.figure)).toEqual(['feedback', 'promise']);
    const { rowCount } = await api.pool.query(
      `UPDATE application_promises SET due_at = '2026-01-16T17:00:00Z' WHERE due_at = '2026-01-20T17:00:00Z'`,
    );
    expect(rowCount).toBe(1);
    expect((await cached()).map((entry) => entry.figure)).not.toContain('promise');
    const redated = await score();
    expect(redated.overall.promises.due).toBe(corrected.overall.promises.due + 1);
    expect(redated.overall.promises.kept).toBe(corrected.overall.promises.kept + 1);
    expect(redated).toEqual(await uncached());
  });
});
