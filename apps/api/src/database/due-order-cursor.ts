import { fieldError } from '@heardback/domain';
import { isPgTimestamp } from './keyset-cursor';
import { UUID } from './uuid';

/**
 * The order of the agency's feedback work (the feedback queue, escalations): oldest due first
 * (a stage with no due date before any), then the one that ended first (no end time last),
 * then the stage id. The nulls are folded into ±infinity so the order is one row comparison,
 * and the expressions are exactly those of application_stages_feedback_waiting_idx and
 * application_stages_escalated_idx (migration 1795898400000, ADR 0037), which serve it.
 * `s` is application_stages.
 */
export const DUE_ORDER_KEY = `coalesce(s.feedback_due_at, '-infinity'::timestamptz), coalesce(s.ends_at, 'infinity'::timestamptz), s.id`;
/**
 * The stages that may still owe feedback: scheduled or awaiting it, and a pending or skipped stage
 * that was marked held (a data fix: the database's feedback rule then holds the application until
 * it has feedback, so the queue must show it). Written exactly as in the predicate of
 * application_stages_feedback_waiting_idx (and the function application_stage_feedback_marks,
 * which marks the escalations), so the planner can walk that index.
 */
export const MAY_OWE_FEEDBACK = `(s.state IN ('scheduled', 'awaiting_feedback') OR (s.held_at IS NOT NULL AND s.state IN ('pending', 'skipped')))`;

export const DUE_ORDER_BY = `ORDER BY coalesce(s.feedback_due_at, '-infinity'::timestamptz), coalesce(s.ends_at, 'infinity'::timestamptz), s.id`;
/** The key as text, to hand out in the next cursor at full precision. */
export const DUE_ORDER_CURSOR_COLUMNS = `coalesce(s.feedback_due_at, '-infinity'::timestamptz)::text AS cursor_due,
  coalesce(s.ends_at, 'infinity'::timestamptz)::text AS cursor_ends`;

export interface DueOrderCursor {
  due: string;
  ends: string;
  id: string;
}

export interface DueOrderCursorRow {
  cursor_due: string;
  cursor_ends: string;
  stage_id: string;
}

/** The keyset condition for the rows after `cursor`; `param` adds a bound value and names it. */
export function afterDueOrderCursor(cursor: DueOrderCursor, param: (value: unknown) => string): string {
  return `(${DUE_ORDER_KEY}) > (${param(cursor.due)}::timestamptz, ${param(cursor.ends)}::timestamptz, ${param(cursor.id)}::uuid)`;
}

export function encodeDueOrderCursor(row: DueOrderCursorRow): string {
  return Buffer.from(JSON.stringify([row.cursor_due, row.cursor_ends, row.stage_id])).toString('base64url');
}

/** PostgreSQL's text form of a real timestamptz, or of the infinities the nulls become. */
const isDueOrderInstant = (value: unknown): value is string =>
  typeof value === 'string' && (value === 'infinity' || value === '-infinity' || isPgTimestamp(value));

export function decodeDueOrderCursor(raw: string): DueOrderCursor {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      decoded.length === 3 &&
      isDueOrderInstant(decoded[0]) &&
      isDueOrderInstant(decoded[1]) &&
      typeof decoded[2] === 'string' &&
      UUID.test(decoded[2])
    ) {
      return { due: decoded[0], ends: decoded[1], id: decoded[2] };
    }
  } catch {
    // fall through to the error below
  }
  throw fieldError('cursor', 'is not a cursor this API gave out; start again without it');
}
