import { ConsentKind } from './consent-kind';
import { EntityManager } from 'typeorm';

/** Records the consent an application is made under, in the application's own transaction. */
export async function recordApplicationConsent(
  manager: EntityManager,
  consent: { candidateId: string; applicationId: string; noticeVersion: number; at: Date },
): Promise<void> {
  await manager.query(
    `INSERT INTO consents (candidate_id, kind, notice_version, application_id, given_at) VALUES ($1, $2, $3, $4, $5)`,
    [consent.candidateId, ConsentKind.Application, consent.noticeVersion, consent.applicationId, consent.at],
  );
}

/** Withdrawing an application withdraws the consent it was made under. */
export async function withdrawApplicationConsent(
  manager: EntityManager,
  applicationId: string,
  at: Date,
): Promise<void> {
  await manager.query(
    `UPDATE consents SET withdrawn_at = $2 WHERE application_id = $1 AND kind = $3 AND withdrawn_at IS NULL`,
    [applicationId, at, ConsentKind.Application],
  );
}

/**
 * Gives the talent-pool consent unless one already stands (then nothing changes: the first stays the
 * record). The partial unique index keeps one standing consent however many requests race.
 */
export async function giveTalentPoolConsent(
  manager: EntityManager,
  consent: { candidateId: string; noticeVersion: number; at: Date },
): Promise<void> {
  await manager.query(
    `INSERT INTO consents (candidate_id, kind, notice_version, given_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (candidate_id) WHERE kind = 'talent_pool' AND withdrawn_at IS NULL DO NOTHING`,
    [consent.candidateId, ConsentKind.TalentPool, consent.noticeVersion, consent.at],
  );
}

export async function withdrawTalentPoolConsent(manager: EntityManager, candidateId: string, at: Date): Promise<void> {
  await manager.query(
    `UPDATE consents SET withdrawn_at = $2 WHERE candidate_id = $1 AND kind = $3 AND withdrawn_at IS NULL`,
    [candidateId, at, ConsentKind.TalentPool],
  );
}
