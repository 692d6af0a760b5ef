import { AUDIT_TEXT_CHANGED, AuditChanges, AuditValue } from '@heardback/contracts';
import { isDeepStrictEqual } from 'node:util';

/** A record's audited fields as the code holds them: Dates, arrays, plain objects, undefined. */
export type AuditSnapshot = Record<string, unknown>;

/**
 * Never written to the trail, whatever a caller passes: credentials of any kind. This is the one
 * place they are stripped, so a snapshot that carries a whole row cannot leak one.
 */
const SECRET = /password|token|secret|hash/i;

/**
 * Words written to a candidate or about them (feedback, notes, rejections, messages, a job's
 * closing words) are personal data: the trail records that they changed, never what they say.
 * The record itself keeps the words, where the candidate's rights (export, erasure) reach them;
 * an append-only copy here could never be erased.
 */
const PERSONAL_TEXT = new Set(['candidateMessage', 'internalNotes', 'rejectionMessage', 'message', 'withdrawalReason']);

/**
 * The fields that differ between two snapshots of a record, as `{ field: { before, after } }`.
 * With no `before` (a creation), every field with a value, as `{ after }`. Secrets are left out,
 * personal text is replaced by a marker. Empty when nothing changed.
 */
export function changedFields(before: AuditSnapshot | null, after: AuditSnapshot): AuditChanges {
  const changes: AuditChanges = {};
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  for (const field of fields) {
    if (SECRET.test(field)) continue;
    const next = toAuditValue(after[field]);
    if (before === null) {
      if (next !== null) changes[field] = PERSONAL_TEXT.has(field) ? { after: AUDIT_TEXT_CHANGED } : { after: next };
      continue;
    }
    const previous = toAuditValue(before[field]);
    if (isDeepStrictEqual(previous, next)) continue;
    changes[field] = PERSONAL_TEXT.has(field) ? maskedChange(next) : { before: previous, after: next };
  }
  return changes;
}

/** Written or rewritten: `{ after: marker }`; removed: `{ before: marker, after: null }`. Never the words. */
function maskedChange(next: AuditValue): AuditChanges[string] {
  return next === null ? { before: AUDIT_TEXT_CHANGED, after: null } : { after: AUDIT_TEXT_CHANGED };
}

/**
 * Fields that did not change but say what the change concerns (which stage), recorded with
 * `before` equal to `after`. Secrets and personal text are never context.
 */
export function contextFields(context: AuditSnapshot): AuditChanges {
  const entries: AuditChanges = {};
  for (const [field, value] of Object.entries(context)) {
    if (SECRET.test(field) || PERSONAL_TEXT.has(field)) continue;
    const recorded = toAuditValue(value);
    entries[field] = { before: recorded, after: recorded };
  }
  return entries;
}

/** JSON's view of a value: Dates as ISO strings, undefined as null, nested arrays and objects alike. */
export function toAuditValue(value: unknown): AuditValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toAuditValue);
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !SECRET.test(key))
      .map(([key, nested]) => [key, toAuditValue(nested)] as const);
    return Object.fromEntries(entries);
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return String(value);
}
