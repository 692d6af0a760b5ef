import { PromiseKind, PromiseView } from '@heardback/contracts';
import { EntityManager } from 'typeorm';
import { prepared, queryPrepared } from '../database/prepared-statement';
import { PROMISE_COLUMNS, PromiseRow } from './promise-facts';

/** `chain`: the open promise of application $1 and the dates it replaced, by `depth` (0 for the open one). */
export const PROMISE_CHAIN_CTE = `WITH RECURSIVE chain AS (
       SELECT ${PROMISE_COLUMNS}, 0 AS depth FROM application_promises WHERE application_id = $1 AND ended_at IS NULL
       UNION ALL
       SELECT p.id, p.application_id, p.kind, p.stage_id, p.due_at, p.made_by, p.automatic, p.redatings, p.sentence, p.check_in_at,
              p.replaces_id, c.depth + 1
         FROM application_promises p JOIN chain c ON p.id = c.replaces_id
        -- Earlier dates of the same promise only: a question set aside a promise about something else.
        WHERE c.depth < 50 AND p.kind = c.kind AND p.stage_id IS NOT DISTINCT FROM c.stage_id)`;

/** What the candidate and the agency are shown of the promise: its date, and why it moved if it did. */
export function toPromiseView(chain: PromiseRow[]): PromiseView | null {
  const [current, ...earlier] = chain;
  if (!current) return null;
  return {
    kind: current.kind as PromiseKind,
    stageId: current.stage_id,
    dueAt: current.due_at.toISOString(),
    sentence: current.made_by ? current.sentence : null,
    automatic: current.automatic,
    previousDueAts: earlier.map((row) => row.due_at.toISOString()).reverse(),
  };
}

/** Each application's open promise, for lists: one prepared statement however many (ADR 0073). */
const OPEN_PROMISES_OF = prepared(
  `SELECT application_id, kind, due_at FROM application_promises WHERE application_id = ANY($1) AND ended_at IS NULL`,
);

/** Each application's open promise date, for lists: one query however many. */
export async function loadOpenPromises(
  manager: EntityManager,
  applicationIds: string[],
): Promise<Map<string, { kind: PromiseKind; dueAt: string }>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await queryPrepared<{ application_id: string; kind: PromiseKind; due_at: Date }>(
    manager,
    OPEN_PROMISES_OF,
    [applicationIds],
  );
  return new Map(rows.map((row) => [row.application_id, { kind: row.kind, dueAt: row.due_at.toISOString() }]));
}
