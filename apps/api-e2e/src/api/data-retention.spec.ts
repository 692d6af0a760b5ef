import { ApiError, ErrorCode, RetentionSettingsView, RetentionSweepResult, UserRole } from '@heardback/contracts';
import { randomUUID } from 'node:crypto';
import { ApiSession } from '../support/api-client';
import { database } from '../support/database';
import { apply, createOpenJob, registerCandidate, signInAsAgency, staffForTheseTests } from '../support/factories';
import { findPersonalData } from '../support/personal-data-scan';

/**
 * Simulated time, as in deadlines.spec: instead of moving the clock, the moments the rule counts
 * from (when an application closed, when its notice went out, when the candidate last signed in)
 * are set that far in the past.
 */
async function closedAgo(applicationId: string, months: number, days = 0): Promise<void> {
  await database().query(
    `UPDATE applications SET closed_at = now() - make_interval(months => $2, days => $3) WHERE id = $1`,
    [applicationId, months, days],
  );
}

async function noticedDaysAgo(table: 'applications' | 'users', id: string, days: number): Promise<void> {
  await database().query(
    `UPDATE ${table} SET retention_notice_at = retention_notice_at - make_interval(days => $2) WHERE id = $1`,
    [id, days],
  );
}

async function lastSignedInAgo(userId: string, months: number, days = 0): Promise<void> {
  await database().query(
    `UPDATE users SET last_signed_in_at = now() - make_interval(months => $2, days => $3) WHERE id = $1`,
    [userId, months, days],
  );
}

async function noticesTo(userId: string): Promise<{ subject: string; body: string }[]> {
  const { rows } = await database().query(
    `SELECT subject, body FROM notifications WHERE recipient_id = $1 AND kind = 'retention_notice' ORDER BY sequence`,
    [userId],
  );
  return rows;
}

async function applicationRow(id: string) {
  const { rows } = await database().query(
    'SELECT status, rejection_message, withdrawal_reason, personal_data_erased_at, retention_notice_at FROM applications WHERE id = $1',
    [id],
  );
  return rows[0];
}

describe('retention: closed applications are erased after the agency’s period, with notice', () => {
  const staff = staffForTheseTests();
  const sweep = async () => {
    const response = await staff.post<RetentionSweepResult>('/api/agency/data-retention/sweep');
    expect(response.status).toBe(200);
    return response.body;
  };

  async function candidateNamed(fullName: string) {
    const email = `${fullName.toLowerCase().replace(/\W+/g, '.')}-${randomUUID().slice(0, 6)}@example.test`;
    // Verified from the start: the account is made by following the emailed link (ADR 0067).
    return registerCandidate(fullName, new ApiSession(), email);
  }

  /** An application the candidate withdrew with words of their own: closed now. */
  async function closedApplication(candidate: { session: ApiSession }, reason: string) {
    const job = await createOpenJob(staff);
    const applied = await apply(candidate.session, job.id);
    const withdrawn = await candidate.session.post(`/api/applications/${applied.id}/withdraw`, {
      reason,
      version: applied.version,
    });
    expect(withdrawn.status).toBe(200);
    return applied.id;
  }

  beforeAll(async () => {
    const reset = await staff.request<RetentionSettingsView>('PUT', '/api/agency/data-retention', {
      retentionMonths: 12,
    });
    expect(reset.status).toBe(200);
  });

  it('sends the notice once, 30 days before, and erases exactly the expired applications', async () => {
    const candidate = await candidateNamed('Persephone Oldfield');
    const expiring = await closedApplication(candidate, 'Persephone took a job in Oslo');
    const recent = await closedApplication(candidate, 'Persephone changed her mind');
    const open = await apply(candidate.session, (await createOpenJob(staff)).id);

    // 31 days before the date: too early for a notice. Counted back from the date itself, as the
    // rule counts: eleven months and a day ago was a day inside the notice window when the month
    // before last was short (run in February, or on 30 or 31 January).
    await closedAgo(expiring, 12, -31);
    await sweep();
    expect(await noticesTo(candidate.id)).toEqual([]);

    // 29 days before: the notice, naming the job, once however often the sweep runs.
    await closedAgo(expiring, 12, -29);
    await sweep();
    await sweep();
    const notices = await noticesTo(candidate.id);
    expect(notices).toHaveLength(1);
    expect(notices[0].subject).toMatch(/^Your data will be deleted on /);
    expect(notices[0].body).toContain('Integration Test Engineer');
    expect((await applicationRow(expiring)).personal_data_erased_at).toBeNull();

    // The date passes.
    await closedAgo(expiring, 12, 1);
    await noticedDaysAgo('applications', expiring, 30);
    await sweep();
    const erased = await applicationRow(expiring);
    expect(erased.status).toBe('withdrawn');
    expect(erased.withdrawal_reason).toBeNull();
    expect(erased.personal_data_erased_at).not.toBeNull();
    const { rows: timeline } = await database().query('SELECT text FROM timeline_events WHERE application_id = $1', [
      expiring,
    ]);
    expect(timeline.every((event) => event.text === '[erased]')).toBe(true);

    // The rest is untouched: the recent closed application, the open one, the account.
    expect((await applicationRow(recent)).withdrawal_reason).toBe('Persephone changed her mind');
    expect((await applicationRow(recent)).retention_notice_at).toBeNull();
    expect((await applicationRow(open.id)).status).toBe('applied');
    expect((await candidate.session.get('/api/auth/me')).status).toBe(200);
  });

  it('never erases sooner than 30 days after the notice, however old the application', async () => {
    const candidate = await candidateNamed('Quentin Latenotice');
    const ancient = await closedApplication(candidate, 'Quentin moved on');
    await closedAgo(ancient, 30);
    await sweep();
    expect(await noticesTo(candidate.id)).toHaveLength(1);
    expect((await applicationRow(ancient)).personal_data_erased_at).toBeNull();
    await noticedDaysAgo('applications', ancient, 29);
    await sweep();
    expect((await applicationRow(ancient)).personal_data_erased_at).toBeNull();
    await noticedDaysAgo('applications', ancient, 1);
    await sweep();
    expect((await applicationRow(ancient)).personal_data_erased_at).not.toBeNull();
  });

  it('erases a whole account once everything is erased and the candidate has not signed in for the period', async () => {
    const candidate = await candidateNamed('Rosamund Gonequiet');
    const application = await closedApplication(candidate, 'Rosamund found a role elsewhere');
    await closedAgo(application, 13);
    await sweep();
    await noticedDaysAgo('applications', application, 30);
    await sweep();
    expect((await applicationRow(application)).personal_data_erased_at).not.toBeNull();

    // Signed in recently: the account stays.
    await sweep();
    expect(await noticesTo(candidate.id)).toEqual([]);

    await lastSignedInAgo(candidate.id, 12, -29);
    await sweep();
    const notices = await noticesTo(candidate.id);
    expect(notices).toHaveLength(1);
    expect(notices[0].body).toContain('your Heardback account');

    await lastSignedInAgo(candidate.id, 12, 1);
    await noticedDaysAgo('users', candidate.id, 30);
    await sweep();
    const { rows } = await database().query('SELECT erased_at FROM users WHERE id = $1', [candidate.id]);
    expect(rows[0].erased_at).not.toBeNull();
    expect(await findPersonalData(['Rosamund', 'Gonequiet', candidate.email])).toEqual([]);
  });

  it('starts the account’s period again when the candidate signs in after the notice', async () => {
    const candidate = await candidateNamed('Sebastian Cameback');
    await lastSignedInAgo(candidate.id, 12, -29);
    await sweep();
    expect(await noticesTo(candidate.id)).toHaveLength(1);
    // They signed in after that notice, then stayed away for the whole period again.
    await database().query(
      `UPDATE users SET retention_notice_at = now() - interval '13 months 5 days',
                        last_signed_in_at = now() - interval '12 months 1 day' WHERE id = $1`,
      [candidate.id],
    );
    await sweep();
    const { rows } = await database().query('SELECT erased_at FROM users WHERE id = $1', [candidate.id]);
    expect(rows[0].erased_at).toBeNull();
    // The old notice does not count for the new idleness: a new one goes out instead.
    expect(await noticesTo(candidate.id)).toHaveLength(2);
  });

  it('lets staff set the period within its bounds, and only staff', async () => {
    const shown = await staff.get<RetentionSettingsView>('/api/agency/data-retention');
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ retentionMonths: 12, noticeDays: 30 });
    for (const retentionMonths of [0, 121, 1.5, '12']) {
      const refused = await staff.request<ApiError>('PUT', '/api/agency/data-retention', { retentionMonths });
      expect(refused.status).toBe(400);
      expect(refused.body.details?.[0].field).toBe('retentionMonths');
    }
    const changed = await staff.request<RetentionSettingsView>('PUT', '/api/agency/data-retention', {
      retentionMonths: 6,
    });
    expect(changed.body).toMatchObject({ retentionMonths: 6, updatedBy: 'Test Staff' });
    const recruiter = await signInAsAgency(UserRole.Recruiter);
    const forbidden = await recruiter.get<ApiError>('/api/agency/data-retention');
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe(ErrorCode.Forbidden);

    // A shorter period applies at once: six months and a day is now past it.
    const candidate = await candidateNamed('Tabitha Shortperiod');
    const application = await closedApplication(candidate, 'Tabitha said no');
    await closedAgo(application, 6, 1);
    await sweep();
    await noticedDaysAgo('applications', application, 30);
    await sweep();
    expect((await applicationRow(application)).personal_data_erased_at).not.toBeNull();
    await staff.request('PUT', '/api/agency/data-retention', { retentionMonths: 12 });
  });
});
