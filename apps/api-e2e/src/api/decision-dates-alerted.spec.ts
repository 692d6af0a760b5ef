import { ApplicationView, CandidateApplicationView, UserRole } from '@heardback/contracts';
import {
  apply,
  createOpenJob,
  expectStatus,
  insertAgencyUser,
  registerCandidateOn,
  signIn,
} from '../support/factories';
import { ownApi } from '../support/own-api';

jest.setTimeout(240_000);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The decision-date escalation reads only applications not yet alerted for their date
 * (applications.decision_alerted_for, migration 1795948800000, ADR 0046), on an API of its own whose
 * clock the test moves forward: the mark follows the alerts and the date whoever writes them.
 */
describe('a passed decision date is marked alerted, and the sweep reads it no more', () => {
  const api = ownApi({ RUN_BACKGROUND: 'false', SESSION_IDLE_MINUTES_AGENCY: String(24 * 60) }, { clock: true });

  let staffEmail: string;
  beforeAll(async () => {
    staffEmail = (await insertAgencyUser(api.pool, UserRole.Staff, 'Sam Staff')).email;
  });

  /** How far the API's clock runs ahead of the machine's: only ever grows. */
  let clockAhead = 0;
  const apiNow = () => new Date(Date.now() + clockAhead);

  async function sweepAt(at: Date): Promise<void> {
    clockAhead = Math.max(clockAhead, at.getTime() - Date.now());
    api.setClock(apiNow());
    const staff = await signIn(api.browser(), staffEmail);
    expectStatus(await staff.post('/api/agency/deadlines/sweep'), 200, 'sweep');
  }

  /** The stored mark, the definition, how many alerts, and whether the sweep's read (its index's predicate) holds it. */
  async function state(applicationId: string) {
    const { rows } = await api.pool.query(
      `SELECT a.candidate_decision_at AS date, a.decision_alerted_for AS mark,
              application_decision_alerted_for(a.id, a.candidate_decision_at) AS defined,
              (SELECT count(*)::int FROM application_alerts al
                WHERE al.application_id = a.id AND al.kind = 'decision_date_passed') AS alerts,
              (a.candidate_decision_at IS NOT NULL AND a.decision_alerted_for IS NULL
               AND a.status IN ('applied', 'screening', 'interviewing', 'offer')) AS read_by_sweep
         FROM applications a WHERE a.id = $1`,
      [applicationId],
    );
    expect(rows[0].mark).toEqual(rows[0].defined);
    return rows[0] as { date: Date | null; mark: Date | null; alerts: number; read_by_sweep: boolean };
  }

  it('is set by the alert, cleared by a new date, and worked out again from a hand-written date or mark', async () => {
    const staff = await signIn(api.browser(), staffEmail);
    const job = await createOpenJob(staff);
    const candidate = await registerCandidateOn(api, 'Dana Decides');
    const applied: CandidateApplicationView = await apply(candidate.session, job.id);
    const setDate = async (at: Date) => {
      const session = await signIn(api.browser(), candidate.email);
      const current = (
        await (await signIn(api.browser(), staffEmail)).get<ApplicationView>(`/api/applications/${applied.id}`)
      ).body;
      const set = await session.request<ApplicationView>('PUT', `/api/applications/${applied.id}/decision-date`, {
        decisionDate: at.toISOString(),
        version: current.version,
      });
      expectStatus(set, 200, 'set the decision date');
    };

    const first = new Date(apiNow().getTime() + DAY);
    await setDate(first);
    expect(await state(applied.id)).toMatchObject({ mark: null, alerts: 0, read_by_sweep: true });

    // Not passed yet: nothing. Passed: one alert, the mark is the date, the sweep reads it no more.
    await sweepAt(new Date(first.getTime() - HOUR));
    expect(await state(applied.id)).toMatchObject({ mark: null, alerts: 0 });
    await sweepAt(new Date(first.getTime() + MINUTE));
    expect(await state(applied.id)).toMatchObject({ mark: first, alerts: 1, read_by_sweep: false });
    await sweepAt(new Date(first.getTime() + 2 * HOUR));
    expect(await state(applied.id)).toMatchObject({ mark: first, alerts: 1 });

    // A new date: not alerted yet, read again, and alerted once when it passes.
    const second = new Date(apiNow().getTime() + DAY);
    await setDate(second);
    expect(await state(applied.id)).toMatchObject({ mark: null, alerts: 1, read_by_sweep: true });
    await sweepAt(new Date(second.getTime() + MINUTE));
    expect(await state(applied.id)).toMatchObject({ mark: second, alerts: 2, read_by_sweep: false });

    // Written by hand: a cleared mark is worked out again; the first date back finds its alert; a
    // date never alerted has no mark.
    await api.pool.query(`UPDATE applications SET decision_alerted_for = NULL WHERE id = $1`, [applied.id]);
    expect(await state(applied.id)).toMatchObject({ mark: second });
    await api.pool.query(`UPDATE applications SET candidate_decision_at = $2 WHERE id = $1`, [applied.id, first]);
    expect(await state(applied.id)).toMatchObject({ mark: first, read_by_sweep: false });
    await api.pool.query(
      `UPDATE applications SET candidate_decision_at = $2, decision_alerted_for = $2 WHERE id = $1`,
      [applied.id, new Date(first.getTime() + HOUR)],
    );
    expect(await state(applied.id)).toMatchObject({ mark: null, read_by_sweep: true });
  });
});
