import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rule 3's one definition of when a candidate last heard from the agency, for every query that
 * measures silence (`CROSS JOIN LATERAL application_last_heard(a) heard`):
 * - `last_heard_at`: the newest candidate-visible event the candidate did not write themselves (the
 *   agency's words, from a person or automatic), or when they applied if there is none;
 * - `last_answered_at`: the newest of those written by a person at the agency (null if none), for
 *   what only a person can answer: another offer, a decision date. An automatic "your interview is
 *   done" must not cancel the escalation of a decision date nobody answered.
 *
 * A set-returning SQL function on the application row, so that PostgreSQL inlines it into the
 * caller's query (it must stay STABLE and not STRICT for that): the plan is the caller's own, one
 * backward scan of `timeline_events_application_idx` per application and column used, and a
 * column the caller does not use costs nothing. A scalar function holding a subquery cannot be
 * inlined and made the waiting list twice as slow.
 */
export class CreateApplicationLastHeard1795758000000 implements MigrationInterface {
  name = 'CreateApplicationLastHeard1795758000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION application_last_heard(application applications)
        RETURNS TABLE (last_heard_at timestamptz, last_answered_at timestamptz)
        LANGUAGE sql STABLE PARALLEL SAFE ROWS 1 AS $$
          SELECT coalesce(
                   (SELECT max(t.at) FROM timeline_events t
                     WHERE t.application_id = application.id AND t.candidate_visible
                       AND t.actor_id IS DISTINCT FROM application.candidate_id),
                   application.created_at),
                 (SELECT max(t.at) FROM timeline_events t
                   WHERE t.application_id = application.id AND t.candidate_visible
                     AND t.actor_id IS NOT NULL AND t.actor_id <> application.candidate_id)
        $$;
      COMMENT ON FUNCTION application_last_heard(applications) IS
        'When the candidate last heard from the agency (any candidate-visible event they did not write, else when they applied) and last had an answer from a person there. Use as CROSS JOIN LATERAL application_last_heard(a) so that it is inlined.';
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION application_last_heard(applications)`);
  }
}
