import { openApplicationSql } from '../applications/open-application-sql';
import { RankedKeysetCursor } from '../database/keyset-cursor';

/**
 * The attention list's SQL. Each reason a candidate needs words is a signal with a due time; a
 * signal's rank is its urgency: overdue ones (0–3) before the rest (4–7), and within each, another
 * offer, a decision date, a request for an update, a long silence. An application's card is its
 * lowest-ranked signal; cards sort by rank, due time (no date last), id.
 *
 * Silence is the one signal that grows with the data (at a million applications, hundreds of
 * thousands of open applications have heard nothing for a week): it is read in order from
 * applications_open_last_heard_idx and stops at the page's end. A silence is always overdue (it
 * is due a week after the last news, and counts once that week has passed), so silent cards are
 * exactly rank 3, and an application with another signal too is placed among the others, which
 * are few (open requests, other offers and decision dates, each read by its partial index).
 */
export const SILENT_RANK = 3;

const RANK = `CASE WHEN s.due_at < $1::timestamptz THEN 0 ELSE 4 END
            + CASE s.reason WHEN 'other_offer' THEN 0 WHEN 'decision_date' THEN 1 WHEN 'update_requested' THEN 2 ELSE ${SILENT_RANK} END`;
/** A week in hours: adding hours is exact both ways, so a silent card's position maps back to the index. */
const SILENCE = `make_interval(hours => 24 * $2::int)`;

/** The signals other than silence, of open applications; `extra` narrows them (`a` is the application). */
function otherSignals(extra = ''): string {
  const open = openApplicationSql('a');
  return `
    SELECT a.id AS application_id, 'update_requested' AS reason, cu.text, cu.answer_due_at AS due_at
      FROM candidate_updates cu JOIN applications a ON a.id = cu.application_id
     WHERE cu.kind = 'request_update' AND cu.answered_at IS NULL AND ${open}${extra}
    UNION ALL
    SELECT a.id, 'other_offer', cu.text, cu.deadline
      FROM candidate_updates cu JOIN applications a ON a.id = cu.application_id
     WHERE cu.kind = 'other_offer' AND (cu.deadline IS NULL OR cu.deadline > $1::timestamptz - interval '1 day')
       -- Answered once a person at the agency has written to the candidate since they told us.
       AND (a.last_answered_at IS NULL OR a.last_answered_at < cu.created_at) AND ${open}${extra}
    UNION ALL
    SELECT a.id, 'decision_date', NULL, a.candidate_decision_at
      FROM applications a
     WHERE a.candidate_decision_at IS NOT NULL AND ${open}${extra}`;
}

function silentSignals(extra = ''): string {
  return `
    SELECT a.id AS application_id, 'silent' AS reason, NULL AS text, a.last_heard_at + ${SILENCE} AS due_at
      FROM applications a
     WHERE ${openApplicationSql('a')} AND a.last_heard_at < $1::timestamptz - ${SILENCE}${extra}`;
}

/** `now`, the silence in days, then the page's own parameters from $3. */
export function attentionQueries(now: Date, silenceDays: number, cursor: RankedKeysetCursor | null, limit: number) {
  const params: unknown[] = [now, silenceDays];
  const param = (value: unknown) => `$${params.push(value)}`;
  const at = cursor && { rank: param(cursor.rank), at: param(cursor.at), id: param(cursor.id) };
  const after = at
    ? `WHERE (c.rank, c.sort_at, c.application_id) > (${at.rank}::int, ${at.at}::timestamptz, ${at.id}::uuid)`
    : '';
  // Silent cards are all rank 3: before a cursor of rank 3 all of them, at rank 3 those after it, past it none.
  const silentAfter =
    !cursor || !at || cursor.rank < SILENT_RANK
      ? ''
      : cursor.rank === SILENT_RANK
        ? ` AND (a.last_heard_at, a.id) > (${at.at}::timestamptz - ${SILENCE}, ${at.id}::uuid)`
        : ' AND false';
  const limitParam = param(limit + 1);
  const others = `others AS MATERIALIZED (${otherSignals()})`;
  const page = `
    WITH ${others},
    other_cards AS (
      SELECT DISTINCT ON (s.application_id) s.application_id, ${RANK} AS rank, coalesce(s.due_at, 'infinity') AS sort_at
        FROM (SELECT * FROM others
              UNION ALL ${silentSignals(' AND a.id IN (SELECT application_id FROM others)')}) s
       ORDER BY s.application_id, 2, 3)
    SELECT c.application_id, c.rank, c.sort_at::text AS sort_at
      FROM (SELECT * FROM other_cards c ${after}
            UNION ALL
            (SELECT a.id, ${SILENT_RANK}, a.last_heard_at + ${SILENCE}
               FROM applications a
              WHERE ${openApplicationSql('a')} AND a.last_heard_at < $1::timestamptz - ${SILENCE}
                AND NOT EXISTS (SELECT 1 FROM others o WHERE o.application_id = a.id)${silentAfter}
              ORDER BY a.last_heard_at, a.id
              LIMIT ${limitParam})) c
     ORDER BY c.rank, c.sort_at, c.application_id
     LIMIT ${limitParam}`;
  const count = `
    WITH ${others}
    SELECT ((SELECT count(DISTINCT application_id) FROM others)
            + (SELECT count(*) FROM applications a
                WHERE ${openApplicationSql('a')} AND a.last_heard_at < $1::timestamptz - ${SILENCE}
                  AND NOT EXISTS (SELECT 1 FROM others o WHERE o.application_id = a.id)))::int AS total`;
  const signalsOf = `
    SELECT s.application_id, s.reason, s.text, s.due_at, ${RANK} AS rank,
           a.version, a.last_heard_at, u.full_name AS candidate_name, j.title AS job_title, c.name AS client_name
      FROM (${otherSignals(' AND a.id = ANY($3)')} UNION ALL ${silentSignals(' AND a.id = ANY($3)')}) s
      JOIN applications a ON a.id = s.application_id
      JOIN users u ON u.id = a.candidate_id
      JOIN jobs j ON j.id = a.job_id
      JOIN clients c ON c.id = j.client_id`;
  return {
    page: { sql: page, params },
    count: { sql: count, params: [now, silenceDays] },
    signalsOf: { sql: signalsOf, params: (applicationIds: string[]) => [now, silenceDays, applicationIds] },
  };
}
