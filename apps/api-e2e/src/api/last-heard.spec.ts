import { ApplicationView, CandidateApplicationView } from '@heardback/contracts';
import { database } from '../support/database';
import {
  apply,
  createOpenJob,
  expectStatus,
  interviewHeld,
  recordFeedback,
  registerCandidate,
  staffForTheseTests,
} from '../support/factories';

/**
 * What "last heard" meant when it was worked out on every read (the SQL function
 * application_last_heard, migration 1795758000000), written out here as the reference the stored
 * columns must always equal.
 */
const FROM_THE_TIMELINE = `
  coalesce((SELECT max(t.at) FROM timeline_events t
             WHERE t.application_id = a.id AND t.candidate_visible AND t.actor_id IS DISTINCT FROM a.candidate_id),
           a.created_at) AS heard,
  (SELECT max(t.at) FROM timeline_events t
    WHERE t.application_id = a.id AND t.candidate_visible AND t.actor_id IS NOT NULL AND t.actor_id <> a.candidate_id) AS answered`;

async function heardOf(applicationId: string) {
  const { rows } = await database().query(
    `SELECT a.last_heard_at AS stored_heard, a.last_answered_at AS stored_answered, ${FROM_THE_TIMELINE}
       FROM applications a WHERE a.id = $1`,
    [applicationId],
  );
  const [row] = rows;
  return {
    stored: { heard: row.stored_heard, answered: row.stored_answered },
    expected: { heard: row.heard, answered: row.answered },
  };
}

async function expectStoredAsTheTimelineSays(applicationId: string) {
  const { stored, expected } = await heardOf(applicationId);
  expect(stored).toEqual(expected);
  return stored;
}

describe('"last heard" stored on the application', () => {
  const staff = staffForTheseTests();

  it('equals what the timeline says after each event that can change it, and only those', async () => {
    const job = await createOpenJob(staff);
    const candidate = await registerCandidate();
    const applied: CandidateApplicationView = await apply(candidate.session, job.id);
    // Applying is the candidate's own word: no person at the agency has answered yet.
    expect((await expectStoredAsTheTimelineSays(applied.id)).answered).toBeNull();

    // The candidate asking for news is not news.
    const before = await expectStoredAsTheTimelineSays(applied.id);
    const asked = await candidate.session.post<ApplicationView>(`/api/applications/${applied.id}/updates`, {
      kind: 'request_update',
      text: 'Any news on my application?',
      version: applied.version,
    });
    expectStatus(asked, 201, 'ask for an update');
    expect(await expectStoredAsTheTimelineSays(applied.id)).toEqual(before);

    // A person at the agency books an interview: heard and answered.
    await interviewHeld(staff, { ...applied, version: asked.body.version }, 0);
    const afterScheduling = await expectStoredAsTheTimelineSays(applied.id);
    expect(afterScheduling.answered).not.toBeNull();

    // The sweep marks the interview over (automatic words): heard, but no person answered.
    expectStatus(await staff.post('/api/agency/deadlines/sweep'), 200, 'sweep');
    await expectStoredAsTheTimelineSays(applied.id);

    // Feedback and a message from a person.
    const current = await staff.get<ApplicationView>(`/api/applications/${applied.id}`);
    const fed = await recordFeedback(staff, { ...applied, version: current.body.version }, 0);
    await expectStoredAsTheTimelineSays(applied.id);
    const message = await staff.post<ApplicationView>(`/api/applications/${applied.id}/messages`, {
      text: 'The client decides on Friday.',
      version: fed.version,
    });
    expectStatus(message, 201, 'send a message');
    const afterMessage = await expectStoredAsTheTimelineSays(applied.id);
    expect(afterMessage.answered.getTime()).toBeGreaterThanOrEqual(afterScheduling.answered.getTime());
  });

  it('follows writes made by hand in SQL: an event added, moved, hidden or removed, and a changed date of applying', async () => {
    const job = await createOpenJob(staff);
    const candidate = await registerCandidate();
    const applied = await apply(candidate.session, job.id);
    const { rows: staffRows } = await database().query(`SELECT id FROM users WHERE role = 'staff' LIMIT 1`);
    const staffId = staffRows[0].id;

    // The database keeps the columns whoever writes the timeline.
    const { rows: added } = await database().query(
      `INSERT INTO timeline_events (application_id, at, type, text, candidate_visible, actor_id)
       VALUES ($1, now() + interval '1 minute', 'recruiter_message', 'Hello', true, $2),
              ($1, now() + interval '2 minutes', 'promise_updated', 'We will answer by Friday.', true, NULL),
              ($1, now() + interval '3 minutes', 'reassigned', 'Internal only.', false, $2)
       RETURNING id`,
      [applied.id, staffId],
    );
    const withEvents = await expectStoredAsTheTimelineSays(applied.id);
    expect(withEvents.heard.getTime()).toBeGreaterThan(withEvents.answered.getTime());

    await database().query(`UPDATE timeline_events SET at = at - interval '9 days' WHERE application_id = $1`, [
      applied.id,
    ]);
    await expectStoredAsTheTimelineSays(applied.id);
    await database().query(`UPDATE timeline_events SET candidate_visible = false WHERE id = $1`, [added[1].id]);
    await expectStoredAsTheTimelineSays(applied.id);
    await database().query(`DELETE FROM timeline_events WHERE id = ANY($1)`, [[added[0].id, added[1].id]]);
    const none = await expectStoredAsTheTimelineSays(applied.id);
    expect(none.answered).toBeNull();
    await database().query(`UPDATE applications SET created_at = created_at - interval '30 days' WHERE id = $1`, [
      applied.id,
    ]);
    await expectStoredAsTheTimelineSays(applied.id);
  });

  it('holds for every application in the run so far', async () => {
    const { rows } = await database().query(
      `SELECT count(*)::int AS wrong FROM (SELECT a.last_heard_at, a.last_answered_at, ${FROM_THE_TIMELINE} FROM applications a) x
        WHERE x.last_heard_at IS DISTINCT FROM x.heard OR x.last_answered_at IS DISTINCT FROM x.answered`,
    );
    expect(rows[0].wrong).toBe(0);
  });
});
