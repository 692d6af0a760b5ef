import {
  RECOMMEND_SCORE_MAX,
  RECOMMEND_SCORE_MIN,
  SATISFACTION_LINK_KEYS,
  SATISFACTION_PAGE_PATH,
} from '@heardback/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { HowWeDidLinks } from '../notifications/satisfaction-messages';

/** Only this is stored: a copy of the database answers for no one. */
export function satisfactionTokenHash(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/**
 * Invites each application's candidate to say how we did, in the caller's transaction (with the
 * closing email that carries the token). One statement however many applications (closing a job
 * closes thousands). An application invited before gets no new token: only the hash of the first
 * was kept, and a second invitation would silently break the links already sent.
 */
export async function inviteHowWeDid(
  manager: EntityManager,
  applicationIds: readonly string[],
): Promise<Map<string, string>> {
  if (applicationIds.length === 0) return new Map();
  const tokens = applicationIds.map(() => randomBytes(32).toString('base64url'));
  const rows: { application_id: string }[] = await manager.query(
    `INSERT INTO satisfaction_invitations (application_id, token_hash)
     SELECT * FROM unnest($1::uuid[], $2::bytea[])
     ON CONFLICT (application_id) DO NOTHING
     RETURNING application_id`,
    [applicationIds, tokens.map(satisfactionTokenHash)],
  );
  const tokenOf = new Map(applicationIds.map((id, index) => [id, tokens[index]]));
  return new Map(rows.map((row) => [row.application_id, tokenOf.get(row.application_id) as string]));
}

/**
 * The one-click links: the token and the answer ride in the fragment, which browsers never send,
 * so neither reaches a server's or proxy's log; the page reads them and posts the answer.
 */
export function howWeDidLinks(publicUrl: string, token: string): HowWeDidLinks {
  const base = `${publicUrl}/${SATISFACTION_PAGE_PATH}#${SATISFACTION_LINK_KEYS.token}=${encodeURIComponent(token)}`;
  const scores = Array.from(
    { length: RECOMMEND_SCORE_MAX - RECOMMEND_SCORE_MIN + 1 },
    (_, index) => index + RECOMMEND_SCORE_MIN,
  );
  return {
    recommend: scores.map((score) => ({ score, link: `${base}&${SATISFACTION_LINK_KEYS.recommend}=${score}` })),
    keptInformed: {
      yes: `${base}&${SATISFACTION_LINK_KEYS.informed}=yes`,
      no: `${base}&${SATISFACTION_LINK_KEYS.informed}=no`,
    },
  };
}
