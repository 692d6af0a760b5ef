import { ApplicationView, UserRole } from '@heardback/contracts';
import { ApiSession } from '../support/api-client';
import { apply, createOpenJob, insertAgencyUser, registerCandidateOn, signIn } from '../support/factories';
import { ownApi } from '../support/own-api';
import { future } from '../support/future-dates';

jest.setTimeout(180_000);

/** Public holidays are the agency's configuration, so this spec starts an API of its own with some. */
describe('promises skip the public holidays the agency lists', () => {
  // Friday 11 and Monday 14 January (2030, or a later year like it: future()) are holidays in this agency's calendar.
  const api = ownApi({ RUN_BACKGROUND: 'false', PUBLIC_HOLIDAYS: future('2030-01-11,2030-01-14') });
  let staff: ApiSession;

  beforeAll(async () => {
    const { email } = await insertAgencyUser(api.pool, UserRole.Staff, 'Holiday Staff');
    staff = await signIn(api.browser(), email);
  });

  it('answers a Thursday interview "within 2 working days" by the end of Wednesday when Friday and Monday are holidays', async () => {
    const job = await createOpenJob(staff, { answerWithinWorkingDays: 2 });
    const candidate = await registerCandidateOn(api, 'Holiday Candidate');
    const applied = await apply(candidate.session, job.id);
    const stage = applied.stages[0];
    const scheduled = await staff.post<ApplicationView>(`/api/applications/${applied.id}/stages/${stage.id}/schedule`, {
      startsAt: future('2030-01-10T10:00:00.000Z'),
      endsAt: future('2030-01-10T11:00:00.000Z'),
      location: 'Video call',
      interviewers: ['Hiring manager'],
      version: applied.version,
    });
    expect(scheduled.status).toBe(200);
    // Tuesday 15 is the first working day after the interview, Wednesday 16 the second.
    expect(scheduled.body.stages[0].feedbackDueAt).toBe(future('2030-01-16T17:00:00.000Z'));
  });
});
