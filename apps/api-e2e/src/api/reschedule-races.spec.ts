import { ApplicationView, CandidateApplicationView, ErrorCode } from '@heardback/contracts';
import { asError } from '../support/api-client';
import { database } from '../support/database';
import { apply, createOpenJob, expectStatus, registerCandidate, staffForTheseTests } from '../support/factories';

const DAY = 86_400_000;

describe('rescheduling an interview: one change per version, none for the same arrangement', () => {
  const staff = staffForTheseTests();

  /** An application whose first stage has an interview in a few days, and what the candidate was sent so far. */
  async function scheduledInterview() {
    const job = await createOpenJob(staff);
    const candidate = await registerCandidate();
    const applied: CandidateApplicationView = await apply(candidate.session, job.id);
    const stage = applied.stages[0];
    const slot = {
      startsAt: new Date(Date.now() + 3 * DAY).toISOString(),
      endsAt: new Date(Date.now() + 3 * DAY + 3_600_000).toISOString(),
      location: 'Video call',
      interviewers: ['Hiring manager', 'Team lead'],
    };
    const scheduled = await staff.post<ApplicationView>(`/api/applications/${applied.id}/stages/${stage.id}/schedule`, {
      ...slot,
      version: applied.version,
    });
    expectStatus(scheduled, 200, 'schedule the interview');
    return { candidate, application: scheduled.body, stageId: stage.id, slot };
  }

  async function facts(applicationId: string, stageId: string, candidateId: string) {
    const { rows } = await database().query<{ emails: number; events: number; sequence: number; version: number }>(
      `SELECT (SELECT count(*)::int FROM notifications WHERE application_id = $1 AND recipient_id = $3) AS emails,
              (SELECT count(*)::int FROM timeline_events WHERE application_id = $1 AND type = 'stage_scheduled') AS events,
              (SELECT calendar_sequence FROM application_stages WHERE id = $2) AS sequence,
              (SELECT version FROM applications WHERE id = $1) AS version`,
      [applicationId, stageId, candidateId],
    );
    return rows[0];
  }

  it('lets one of 100 concurrent reschedules with the same version through, refuses the rest as stale, and emails once', async () => {
    const { candidate, application, stageId, slot } = await scheduledInterview();
    const before = await facts(application.id, stageId, candidate.id);
    const moved = {
      ...slot,
      startsAt: new Date(Date.now() + 4 * DAY).toISOString(),
      endsAt: new Date(Date.now() + 4 * DAY + 3_600_000).toISOString(),
      version: application.version,
    };

    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        staff.post(`/api/applications/${application.id}/stages/${stageId}/schedule`, moved),
      ),
    );

    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(99);
    for (const refused of answers.filter((answer) => answer.status === 409)) {
      expect(asError(refused).code).toBe(ErrorCode.StaleVersion);
    }
    const after = await facts(application.id, stageId, candidate.id);
    expect(after.emails - before.emails).toBe(1);
    expect(after.sequence).toBe(before.sequence + 1);
    expect(after.version).toBe(before.version + 1);
    // One event for the candidate and one for the agency's history.
    expect(after.events - before.events).toBe(2);
  });

  it('changes nothing and emails nobody for a reschedule to the same time, place and interviewers', async () => {
    const { candidate, application, stageId, slot } = await scheduledInterview();
    const before = await facts(application.id, stageId, candidate.id);

    const again = await staff.post<ApplicationView>(`/api/applications/${application.id}/stages/${stageId}/schedule`, {
      ...slot,
      version: application.version,
    });

    expect(again.status).toBe(200);
    expect(again.body.version).toBe(application.version);
    expect(again.body.stages[0].startsAt).toBe(slot.startsAt);
    expect(await facts(application.id, stageId, candidate.id)).toEqual(before);
  });

  it('still treats a new interviewer as a change the candidate is told about', async () => {
    const { candidate, application, stageId, slot } = await scheduledInterview();
    const before = await facts(application.id, stageId, candidate.id);

    const changed = await staff.post<ApplicationView>(
      `/api/applications/${application.id}/stages/${stageId}/schedule`,
      { ...slot, interviewers: ['Hiring manager'], version: application.version },
    );

    expect(changed.status).toBe(200);
    const after = await facts(application.id, stageId, candidate.id);
    expect(after.version).toBe(before.version + 1);
    expect(after.emails - before.emails).toBe(1);
  });
});
