import { ApplicationView, FeedbackDecision } from '@heardback/contracts';
import { database } from '../support/database';
import { applicationAwaitingFeedback, recordFeedback, staffForTheseTests } from '../support/factories';

/** The same rules attacked with hand-written SQL: the database itself refuses. */
describe('database guards', () => {
  const staff = staffForTheseTests();

  async function refused(sql: string, params: unknown[], constraint: string): Promise<void> {
    await expect(database().query(sql, params)).rejects.toMatchObject({ constraint });
  }

  async function stateOf(application: ApplicationView) {
    const { rows } = await database().query(
      'SELECT status, current_stage_id, version FROM applications WHERE id = $1',
      [application.id],
    );
    return rows[0];
  }

  it('refuses to move to the next stage while a stage that took place has no feedback', async () => {
    const { application } = await applicationAwaitingFeedback(staff);
    const before = await stateOf(application);
    await refused(
      'UPDATE applications SET current_stage_id = $2 WHERE id = $1',
      [application.id, application.stages[1].id],
      'stage_feedback_required',
    );
    expect(await stateOf(application)).toEqual(before);
  });

  it.each(['offer', 'hired'])(
    'refuses to set status %s while a stage that took place has no feedback',
    async (status) => {
      const { application } = await applicationAwaitingFeedback(staff);
      await refused(
        'UPDATE applications SET status = $2 WHERE id = $1',
        [application.id, status],
        'stage_feedback_required',
      );
    },
  );

  it('refuses to reject, even with a message, while a stage that took place has no feedback', async () => {
    const { application } = await applicationAwaitingFeedback(staff);
    await refused(
      `UPDATE applications SET status = 'rejected', rejection_message = 'Sorry' WHERE id = $1`,
      [application.id],
      'stage_feedback_required',
    );
  });

  it('treats a stage marked held as taken place, whatever its schedule', async () => {
    const { application } = await applicationAwaitingFeedback(staff);
    const withFeedback = await recordFeedback(staff, application, 0);
    await database().query('UPDATE application_stages SET held_at = now() WHERE id = $1', [withFeedback.stages[1].id]);
    await refused(
      'UPDATE applications SET current_stage_id = $2 WHERE id = $1',
      [application.id, withFeedback.stages[2].id],
      'stage_feedback_required',
    );
  });

  it('refuses to hide an interview that took place by moving it, skipping it, deleting it or marking it recorded', async () => {
    const { application } = await applicationAwaitingFeedback(staff);
    const stageId = application.stages[0].id;
    await refused(
      `UPDATE application_stages SET starts_at = now() + interval '1 day', ends_at = now() + interval '2 days' WHERE id = $1`,
      [stageId],
      'stage_feedback_required',
    );
    await refused(
      `UPDATE application_stages SET state = 'skipped', skip_reason = 'oops' WHERE id = $1`,
      [stageId],
      'stage_feedback_required',
    );
    await refused(
      `UPDATE application_stages SET state = 'feedback_recorded' WHERE id = $1`,
      [stageId],
      'stage_feedback_required',
    );
    await refused('DELETE FROM application_stages WHERE id = $1', [stageId], 'stage_feedback_required');
  });

  it('refuses a rejection without a message', async () => {
    const { application } = await applicationAwaitingFeedback(staff);
    await recordFeedback(staff, application, 0, FeedbackDecision.Hold);
    for (const message of [null, '', '   ']) {
      await refused(
        `UPDATE applications SET status = 'rejected', rejection_message = $2 WHERE id = $1`,
        [application.id, message],
        'applications_rejection_has_message',
      );
    }
  });

  it('never lets feedback be updated or deleted', async () => {
    const { application } = await applicationAwaitingFeedback(staff);
    await recordFeedback(staff, application, 0, FeedbackDecision.Hold);
    const stageId = application.stages[0].id;
    await refused(
      `UPDATE feedback SET candidate_message = 'rewritten' WHERE stage_id = $1`,
      [stageId],
      'feedback_immutable',
    );
    await refused('DELETE FROM feedback WHERE stage_id = $1', [stageId], 'feedback_immutable');
    await expect(database().query('TRUNCATE feedback CASCADE')).rejects.toThrow(/immutable/);
    const { rows } = await database().query('SELECT candidate_message FROM feedback WHERE stage_id = $1', [stageId]);
    expect(rows).toEqual([{ candidate_message: 'Thank you: you explained your approach clearly.' }]);
  });

  it('allows only one original feedback per stage', async () => {
    const { application } = await applicationAwaitingFeedback(staff);
    await recordFeedback(staff, application, 0, FeedbackDecision.Hold);
    const { rows } = await database().query('SELECT recorded_by FROM feedback WHERE stage_id = $1', [
      application.stages[0].id,
    ]);
    await refused(
      `INSERT INTO feedback (stage_id, application_id, decision, rating, candidate_message, recorded_by) VALUES ($1, $2, 'advance', 4, 'again', $3)`,
      [application.stages[0].id, application.id, rows[0].recorded_by],
      'feedback_one_original_per_stage',
    );
  });

  it('never lets the audit trail be changed or removed', async () => {
    const { application } = await applicationAwaitingFeedback(staff);
    const read = () =>
      database().query('SELECT action, actor_id, changes FROM audit_events WHERE entity_id = $1', [application.id]);
    const before = (await read()).rows;
    expect(before).toHaveLength(1);
    await refused(
      `UPDATE audit_events SET actor_id = (SELECT id FROM users WHERE role = 'candidate' LIMIT 1) WHERE entity_id = $1`,
      [application.id],
      'audit_events_append_only',
    );
    await refused(
      `UPDATE audit_events SET changes = '{"x": {}}' WHERE entity_id = $1`,
      [application.id],
      'audit_events_append_only',
    );
    await refused('DELETE FROM audit_events WHERE entity_id = $1', [application.id], 'audit_events_append_only');
    await expect(database().query('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
    expect((await read()).rows).toEqual(before);
  });
});
