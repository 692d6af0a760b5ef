import { ScoreGroupSort, ScoreGrouping, ScoreRow, SortDirection } from '@heardback/contracts';
import { fieldError } from '@heardback/domain';
import {
  promiseFigures,
  rejectionFigures,
  satisfactionFigures,
  silenceFigures,
  timeToFeedbackFigures,
} from './score-figures';
import { GroupsAfter, GroupsRow, sortIsText } from './score-groups-sql';
import { UUID } from '../database/uuid';
import { CURSOR_NAME_MAX, isCursorText } from '../database/keyset-cursor';

/**
 * The group table's cursor (ADR 0045): opaque to the portal, it holds which table and order it
 * belongs to (the grouping, the order and the one client it is filtered to, if any: ADR 0047's
 * client report), and where the last page ended: the figure, the name and detail that break its ties,
 * and the id. A cursor of another table or order is refused, as the place it marks means nothing
 * there; so is one of the form before names broke ties, which marks no name.
 */
export interface GroupsTable {
  grouping: ScoreGrouping;
  sort: ScoreGroupSort;
  direction: SortDirection;
  /** The client the table is filtered to; null for every client the viewer sees. */
  client: string | null;
}

export type GroupsCursor = GroupsTable & GroupsAfter;

/** PostgreSQL's text of a numeric. */
const NUMERIC = /^-?\d{1,20}(\.\d{1,20})?$/;

export function encodeGroupsCursor(cursor: GroupsCursor): string {
  const { grouping, sort, direction, client, isNull, value, name, detail, id } = cursor;
  return Buffer.from(JSON.stringify([grouping, sort, direction, client, isNull, value, name, detail, id])).toString(
    'base64url',
  );
}

const NOT_OURS = 'is not a cursor this API gave out; start again without it';

export function decodeGroupsCursor(raw: string, expected: GroupsTable): GroupsAfter {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw fieldError('cursor', NOT_OURS);
  }
  if (!Array.isArray(decoded) || decoded.length !== 9) throw fieldError('cursor', NOT_OURS);
  const [grouping, sort, direction, client, isNull, value, name, detail, id] = decoded as unknown[];
  const sortKnown = Object.values(ScoreGroupSort).includes(sort as ScoreGroupSort);
  const valueFits =
    sortKnown && sortIsText(sort as ScoreGroupSort)
      ? isCursorText(value, CURSOR_NAME_MAX)
      : typeof value === 'string' && NUMERIC.test(value);
  if (
    !Object.values(ScoreGrouping).includes(grouping as ScoreGrouping) ||
    !sortKnown ||
    !Object.values(SortDirection).includes(direction as SortDirection) ||
    !(client === null || (typeof client === 'string' && UUID.test(client))) ||
    typeof isNull !== 'boolean' ||
    !valueFits ||
    !isCursorText(name, CURSOR_NAME_MAX) ||
    !isCursorText(detail, CURSOR_NAME_MAX) ||
    typeof id !== 'string' ||
    !UUID.test(id)
  ) {
    throw fieldError('cursor', NOT_OURS);
  }
  if (
    grouping !== expected.grouping ||
    sort !== expected.sort ||
    direction !== expected.direction ||
    client !== expected.client
  ) {
    throw fieldError(
      'cursor',
      'belongs to another table or order (grouping, sort, direction or client changed); start again without it',
    );
  }
  return { isNull, value: value as string, name, detail, id };
}

/** A row of the statement as the table shows it: the same figures as the report's rows. */
export function groupsRowToScoreRow(row: GroupsRow, now: Date, withholdBelow: number | null): ScoreRow {
  return {
    id: row.id,
    name: row.name,
    detail: row.detail,
    timeToFeedback: timeToFeedbackFigures({ key: row.id, count: row.count ?? 0, median: row.median, p90: row.p90 }),
    promises: promiseFigures({
      key: row.id,
      kept: row.kept ?? 0,
      redated: row.redated ?? 0,
      broken: row.broken ?? 0,
    }),
    silence: silenceFigures(
      { key: row.id, open: row.open ?? 0, since: row.since, application_id: row.application_id },
      now,
    ),
    rejections: rejectionFigures({
      key: row.id,
      after_interview: row.after_interview ?? 0,
      with_words: row.with_words ?? 0,
    }),
    satisfaction: satisfactionFigures(
      row.responses === null
        ? undefined
        : {
            key: row.id,
            responses: row.responses,
            scored: row.scored ?? 0,
            promoters: row.promoters ?? 0,
            detractors: row.detractors ?? 0,
            informed_answers: row.informed_answers ?? 0,
            ghosted: row.ghosted ?? 0,
          },
      { withholdBelow },
    ),
  };
}
