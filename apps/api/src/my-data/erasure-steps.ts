import { EntityManager } from 'typeorm';
import { ERASED_CANDIDATE_NAME, ERASED_TEXT } from '../notifications/data-rights-messages';

/**
 * THE list of what erasure does (ADR 0019), in order, in one place: a new table or column holding
 * a candidate's personal data gets its step here, and apps/api-e2e/src/api/erasure.spec.ts (which
 * scans every text column of every table) fails until it does.
 *
 * Erasure keeps what the agency's statistics are made of: rows, foreign keys, statuses, decisions,
 * ratings, stage timings and dates. It removes or blanks every word written by, to or about the
 * candidate, and every way to reach them. Every step runs in the caller's transaction, after
 * `allowErasure` (the feedback and audit triggers let that transaction blank words, nothing else).
 */
export interface ErasureTarget {
  candidateId: string;
  /** The applications whose personal text goes: all of the candidate's for a whole account. */
  applicationIds: string[];
  /** What identifies the person in words others wrote (agency mail, audit snapshots): full name, email. */
  identifiers: string[];
  now: Date;
}

export interface ErasureStep {
  /** Says what the step erases, for the reader of this file and for the log. */
  what: string;
  run(manager: EntityManager, target: ErasureTarget): Promise<void>;
}

/** Lets this transaction blank words in feedback and the audit trail (see migration 1795812000000). */
export async function allowErasure(manager: EntityManager): Promise<void> {
  await manager.query(`SELECT set_config('heardback.erasing', 'on', true)`);
}

/** Steps for the candidate's applications: the application rows stay, their words go. */
export const APPLICATION_ERASURE_STEPS: readonly ErasureStep[] = [
  {
    what: 'timeline texts (the events, their times and who acted stay)',
    run: (manager, target) =>
      manager.query(
        `UPDATE timeline_events
            SET text = $2, interview_location = CASE WHEN interview_location IS NULL THEN NULL ELSE $2 END
          WHERE application_id = ANY($1)`,
        [target.applicationIds, ERASED_TEXT],
      ),
  },
  {
    what: 'feedback words to the candidate and internal notes about them (decision, rating, who and when stay)',
    run: (manager, target) =>
      manager.query(
        `UPDATE feedback SET candidate_message = $2,
                internal_notes = CASE WHEN internal_notes IS NULL THEN NULL ELSE $2 END
          WHERE application_id = ANY($1)`,
        [target.applicationIds, ERASED_TEXT],
      ),
  },
  {
    what: 'interview places and reasons for skipping a stage (stage timings stay)',
    run: (manager, target) =>
      manager.query(
        `UPDATE application_stages SET location = NULL,
                skip_reason = CASE WHEN skip_reason IS NULL THEN NULL ELSE $2 END
          WHERE application_id = ANY($1)`,
        [target.applicationIds, ERASED_TEXT],
      ),
  },
  {
    what: 'sentences sent with a moved promise (the dates stay)',
    run: (manager, target) =>
      manager.query(
        `UPDATE application_promises SET sentence = $2 WHERE application_id = ANY($1) AND sentence IS NOT NULL`,
        [target.applicationIds, ERASED_TEXT],
      ),
  },
  {
    what: "the candidate's own messages and requests (their kinds and dates stay)",
    run: (manager, target) =>
      manager.query(`UPDATE candidate_updates SET text = $2 WHERE application_id = ANY($1)`, [
        target.applicationIds,
        ERASED_TEXT,
      ]),
  },
  {
    what: 'closing words, the withdrawal reason and the candidate decision date (status and dates of the application stay)',
    run: (manager, target) =>
      manager.query(
        `UPDATE applications
            SET rejection_message = CASE WHEN rejection_message IS NULL THEN NULL ELSE $2 END,
                withdrawal_reason = NULL, candidate_decision_at = NULL,
                personal_data_erased_at = $3, version = version + 1
          WHERE id = ANY($1)`,
        [target.applicationIds, ERASED_TEXT, target.now],
      ),
  },
  {
    what: 'mail to the candidate about these applications, sent or queued (queued mail is never sent)',
    run: (manager, target) =>
      manager.query(`DELETE FROM notifications WHERE application_id = ANY($1) AND recipient_id = $2`, [
        target.applicationIds,
        target.candidateId,
      ]),
  },
  {
    what: 'the candidate named in agency mail about these applications, and in the digests that carried it',
    run: async (manager, target) => {
      const pattern = identifierPattern(target.identifiers);
      await manager.query(
        `UPDATE notifications SET subject = regexp_replace(subject, $2, $3, 'gi'), body = regexp_replace(body, $2, $3, 'gi')
          WHERE id IN (SELECT id FROM notifications WHERE application_id = ANY($1)
                       UNION SELECT digest_id FROM notifications WHERE application_id = ANY($1) AND digest_id IS NOT NULL)
            AND (subject ~* $2 OR body ~* $2)`,
        [target.applicationIds, pattern, ERASED_CANDIDATE_NAME],
      );
    },
  },
  {
    what: 'the candidate in the audit trail of these applications (who changed what, and when, stays)',
    run: (manager, target) => redactAuditTrail(manager, target.applicationIds, target.identifiers),
  },
  {
    what: 'screening answers, the cover letter and the links to the documents sent (the files go with the account)',
    run: (manager, target) =>
      manager.query(
        `UPDATE applications
            SET screening_answers = '[]'::jsonb, cover_letter_text = NULL,
                cv_document_id = NULL, cover_letter_document_id = NULL
          WHERE id = ANY($1)`,
        [target.applicationIds],
      ),
  },
  {
    what: "offer words: the title, the message and the candidate's reason for declining (pay, dates and the answer stay)",
    run: (manager, target) =>
      manager.query(
        `UPDATE offers
            SET title = $2, message = CASE WHEN message IS NULL THEN NULL ELSE $2 END,
                decline_reason = CASE WHEN decline_reason IS NULL THEN NULL ELSE $2 END
          WHERE application_id = ANY($1)`,
        [target.applicationIds, ERASED_TEXT],
      ),
  },
  {
    what: "client interviewers' draft words about the candidate (decision, rating and dates stay)",
    run: (manager, target) =>
      manager.query(
        `UPDATE client_feedback_drafts SET candidate_message = $2,
                internal_notes = CASE WHEN internal_notes IS NULL THEN NULL ELSE $2 END
          WHERE application_id = ANY($1)`,
        [target.applicationIds, ERASED_TEXT],
      ),
  },
  {
    what: "client interviewers' review links: revoked, so none opens a page about the candidate any more",
    run: (manager, target) =>
      manager.query(
        `UPDATE client_review_links SET revoked_at = $2 WHERE application_id = ANY($1) AND revoked_at IS NULL`,
        [target.applicationIds, target.now],
      ),
  },
  {
    what: 'the words the candidate wrote on how we did, and the link that answers it (the score and yes/no stay, anonymous)',
    run: async (manager, target) => {
      await manager.query(
        `UPDATE satisfaction_responses SET words = NULL WHERE application_id = ANY($1) AND words IS NOT NULL`,
        [target.applicationIds],
      );
      await manager.query(`DELETE FROM satisfaction_invitations WHERE application_id = ANY($1)`, [
        target.applicationIds,
      ]);
    },
  },
  {
    what: 'the consent given with these applications (nothing is held under it any more)',
    run: (manager, target) =>
      manager.query(`DELETE FROM consents WHERE application_id = ANY($1)`, [target.applicationIds]),
  },
];

/** Steps for the whole account, after APPLICATION_ERASURE_STEPS for every application of theirs. */
export const ACCOUNT_ERASURE_STEPS: readonly ErasureStep[] = [
  {
    what: 'every session, so every browser is signed out at once',
    run: (manager, target) => manager.query(`DELETE FROM sessions WHERE user_id = $1`, [target.candidateId]),
  },
  {
    what: 'emailed links (verification, password reset)',
    run: (manager, target) => manager.query(`DELETE FROM account_tokens WHERE user_id = $1`, [target.candidateId]),
  },
  {
    what: 'idempotency keys, with the hashes of what the candidate sent under them',
    run: (manager, target) => manager.query(`DELETE FROM idempotency_keys WHERE user_id = $1`, [target.candidateId]),
  },
  {
    what: 'registrations of their address still waiting for their link (name, password hash), and those links’ emails',
    run: async (manager, target) => {
      // Before the tombstone step below rewrites the address.
      const address = `(SELECT email FROM users WHERE id = $1)`;
      await manager.query(`DELETE FROM registrations WHERE email = ${address}`, [target.candidateId]);
      await manager.query(
        `DELETE FROM notifications
          WHERE recipient_id IS NULL AND kind = 'email_verification' AND recipient_email = ${address}`,
        [target.candidateId],
      );
    },
  },
  {
    what: 'every other mail to the candidate, sent or queued',
    run: (manager, target) => manager.query(`DELETE FROM notifications WHERE recipient_id = $1`, [target.candidateId]),
  },
  {
    what: 'the candidate named in agency mail about several applications at once (a reassignment), since they first applied',
    run: async (manager, target) => {
      const [first] = await manager.query<{ since: Date | null }[]>(
        `SELECT min(created_at) AS since FROM applications WHERE candidate_id = $1`,
        [target.candidateId],
      );
      if (!first?.since) return;
      const pattern = identifierPattern(target.identifiers);
      await manager.query(
        `UPDATE notifications SET subject = regexp_replace(subject, $2, $3, 'gi'), body = regexp_replace(body, $2, $3, 'gi')
          WHERE created_at >= $1 AND application_id IS NULL AND (subject ~* $2 OR body ~* $2)`,
        [first.since, pattern, ERASED_CANDIDATE_NAME],
      );
    },
  },
  {
    what: 'the candidate in the audit trail of their account (staff disabling it, say)',
    run: (manager, target) => redactAuditTrail(manager, [target.candidateId], target.identifiers),
  },
  {
    what: 'every CV and document version the candidate uploaded',
    run: (manager, target) =>
      manager.query(`DELETE FROM candidate_documents WHERE candidate_id = $1`, [target.candidateId]),
  },
  {
    what: 'every consent, the talent pool included',
    run: (manager, target) => manager.query(`DELETE FROM consents WHERE candidate_id = $1`, [target.candidateId]),
  },
  {
    what: 'the account itself, kept as an anonymous tombstone: the real address may register again',
    run: (manager, target) =>
      manager.query(
        `UPDATE users
            SET email = 'erased-' || id || '@erased.invalid', full_name = $2, password_hash = '!erased',
                time_zone = NULL, phone = NULL, location = NULL, profile_link = NULL, email_verified_at = NULL, disabled_at = coalesce(disabled_at, $3),
                erased_at = $3, retention_notice_at = NULL, has_demo_password = false
          WHERE id = $1`,
        [target.candidateId, ERASED_CANDIDATE_NAME, target.now],
      ),
  },
];

/**
 * A case-insensitive PostgreSQL regular expression matching any of the identifiers as whole words,
 * so a short name does not eat into other words.
 */
export function identifierPattern(identifiers: readonly string[]): string {
  const escaped = identifiers
    .map((identifier) => identifier.trim())
    .filter((identifier) => identifier.length > 0)
    .map((identifier) => identifier.replace(/[\\.^$|?*+()[\]{}]/g, '\\$&'));
  return `\\m(${escaped.join('|')})\\M`;
}

/** Every string in an audit row's recorded changes that mentions the person becomes ERASED_TEXT. */
async function redactAuditTrail(manager: EntityManager, entityIds: string[], identifiers: string[]): Promise<void> {
  if (entityIds.length === 0) return;
  const rows = await manager.query<{ id: string; changes: unknown }[]>(
    `SELECT id, changes FROM audit_events WHERE entity_id = ANY($1)`,
    [entityIds],
  );
  const lowered = identifiers.map((identifier) => identifier.toLowerCase()).filter(Boolean);
  const redact = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const text = value.toLowerCase();
      return lowered.some((identifier) => text.includes(identifier)) ? ERASED_TEXT : value;
    }
    if (Array.isArray(value)) return value.map(redact);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, nested]) => [key, redact(nested)]));
    }
    return value;
  };
  const changed = rows
    .map((row) => ({ id: row.id, before: JSON.stringify(row.changes), after: JSON.stringify(redact(row.changes)) }))
    .filter((row) => row.before !== row.after);
  if (changed.length === 0) return;
  await manager.query(
    `UPDATE audit_events a SET changes = redacted.changes::jsonb
       FROM unnest($1::uuid[], $2::text[]) AS redacted(id, changes) WHERE a.id = redacted.id`,
    [changed.map((row) => row.id), changed.map((row) => row.after)],
  );
}
