import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Passing an application's last stage no longer sets a date to reply to its offer: the offer's terms are
 * still to write, and the agency owes them first (a next-step promise), so `offer_reply_by` stays null
 * until they are. Applications that reached Offer before, with no offer written yet, still carried the
 * old default date: the candidate was asked to reply to an offer that did not exist, and the offer-reply
 * sweep would have chased them. Their date goes, and their open promise becomes what it is now: the
 * agency's next step, by the same date.
 */
export class OffersStillToWriteAskNoReply1795956800000 implements MigrationInterface {
  name = 'OffersStillToWriteAskNoReply1795956800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      WITH awaiting_terms AS (
        UPDATE applications a SET offer_reply_by = NULL
         WHERE a.status = 'offer' AND a.offer_reply_by IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM offers o WHERE o.application_id = a.id)
        RETURNING a.id
      )
      UPDATE application_promises p SET kind = 'next_step', stage_id = NULL
        FROM awaiting_terms t
       WHERE p.application_id = t.id AND p.ended_at IS NULL AND p.kind = 'offer_reply'
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      WITH awaiting_terms AS (
        SELECT a.id FROM applications a
         WHERE a.status = 'offer' AND a.offer_reply_by IS NULL
           AND NOT EXISTS (SELECT 1 FROM offers o WHERE o.application_id = a.id)
      ), reverted AS (
        UPDATE application_promises p SET kind = 'offer_reply'
          FROM awaiting_terms t
         WHERE p.application_id = t.id AND p.ended_at IS NULL AND p.kind = 'next_step'
        RETURNING p.application_id, p.due_at
      )
      UPDATE applications a SET offer_reply_by = r.due_at FROM reverted r WHERE a.id = r.application_id
    `);
  }
}
