import { ErrorCode, PrivacyNoticeView } from '@heardback/contracts';
import { DomainError } from '@heardback/domain';
import { EntityManager } from 'typeorm';

interface NoticeRow {
  version: number;
  text: string;
  published_at: Date;
}

/** The notice in force: the newest version (the migration publishes version 1, so there always is one). */
export async function currentPrivacyNotice(manager: EntityManager): Promise<PrivacyNoticeView> {
  const rows: NoticeRow[] = await manager.query(
    `SELECT version, text, published_at FROM privacy_notices ORDER BY version DESC LIMIT 1`,
  );
  const row = rows[0];
  if (!row) throw new DomainError(ErrorCode.Internal, 'No privacy notice has been published.');
  return { version: row.version, text: row.text, publishedAt: row.published_at.toISOString() };
}

/**
 * Consent counts only for the notice the person read: a version that is no longer current is refused,
 * so they read the new one first. Takes a share lock on that version's row, so a notice published at
 * this moment waits for this transaction (a new version is inserted only after its predecessor is read
 * for update, see `PrivacyNoticeService.publish`).
 */
export async function assertCurrentPrivacyNotice(manager: EntityManager, readVersion: number): Promise<void> {
  const rows: { version: number }[] = await manager.query(
    `SELECT version FROM privacy_notices ORDER BY version DESC LIMIT 1 FOR SHARE`,
  );
  if (rows[0]?.version !== readVersion) {
    throw new DomainError(
      ErrorCode.PrivacyNoticeChanged,
      'The privacy notice has changed since you read it. Read the new version, then give your consent again.',
    );
  }
}
