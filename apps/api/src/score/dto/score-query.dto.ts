import {
  ClientMonthQuery,
  SCORE_GROUPS_CURSOR_MAX_LENGTH,
  SCORE_GROUPS_MAX_LIMIT,
  ScoreCsvQuery,
  ScoreGroupSort,
  ScoreGrouping,
  ScoreGroupsQuery,
  ScoreQuery,
  ScoreTable,
  SortDirection,
} from '@heardback/contracts';
import { IsEnum, IsOptional, IsUUID, Matches, ValidateBy, isISO8601 } from 'class-validator';
import { PageCursor, PageLimit } from '../../database/page-query-fields';

const oneOf = (values: Record<string, string>) => `must be one of ${Object.values(values).join(', ')}`;

/** A real calendar day written yyyy-mm-dd (not 2026-02-30, not a time). */
function IsCalendarDay(): PropertyDecorator {
  return ValidateBy({
    name: 'isCalendarDay',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && /^[1-9]\d{3}-\d{2}-\d{2}$/.test(value) && isISO8601(value, { strict: true }),
      defaultMessage: () => 'must be a real day written yyyy-mm-dd, such as 2026-12-01',
    },
  });
}

class ScorePeriodDto {
  @IsCalendarDay()
  from!: string;

  @IsCalendarDay()
  to!: string;
}

/** The figures and the trend; `by` adds that grouping's first groups (the portal pages them instead). */
export class ScoreQueryDto extends ScorePeriodDto implements ScoreQuery {
  @IsOptional()
  @IsEnum(ScoreGrouping, { message: oneOf(ScoreGrouping) })
  by?: ScoreGrouping;
}

/** One grouping's table, a page at a time; each bad field is a 400 naming it. */
export class ScoreGroupsQueryDto extends ScorePeriodDto implements ScoreGroupsQuery {
  @IsEnum(ScoreGrouping, { message: oneOf(ScoreGrouping) })
  grouping!: ScoreGrouping;

  @IsOptional()
  @IsUUID('all', { message: 'must be the id of a client' })
  client?: string;

  @IsOptional()
  @IsEnum(ScoreGroupSort, { message: oneOf(ScoreGroupSort) })
  sort?: ScoreGroupSort;

  @IsOptional()
  @IsEnum(SortDirection, { message: oneOf(SortDirection) })
  direction?: SortDirection;

  @PageCursor(SCORE_GROUPS_CURSOR_MAX_LENGTH)
  cursor?: string;

  @PageLimit(SCORE_GROUPS_MAX_LIMIT)
  limit?: number;
}

/** The CSV: `by` says which grouping the group table (the default) holds, every group of it, in which order. */
export class ScoreCsvQueryDto extends ScorePeriodDto implements ScoreCsvQuery {
  @IsEnum(ScoreGrouping, { message: oneOf(ScoreGrouping) })
  by!: ScoreGrouping;

  @IsOptional()
  @IsEnum(ScoreTable, { message: oneOf(ScoreTable) })
  table?: ScoreTable;

  @IsOptional()
  @IsEnum(ScoreGroupSort, { message: oneOf(ScoreGroupSort) })
  sort?: ScoreGroupSort;

  @IsOptional()
  @IsEnum(SortDirection, { message: oneOf(SortDirection) })
  direction?: SortDirection;
}

/** One client's month; each of its two tables in the order asked for, by name unless asked. */
export class ClientMonthQueryDto implements ClientMonthQuery {
  @Matches(/^[1-9]\d{3}-(0[1-9]|1[0-2])$/, { message: 'must be a month written yyyy-mm, such as 2026-11' })
  month!: string;

  @IsOptional()
  @IsEnum(ScoreGroupSort, { message: oneOf(ScoreGroupSort) })
  interviewerSort?: ScoreGroupSort;

  @IsOptional()
  @IsEnum(SortDirection, { message: oneOf(SortDirection) })
  interviewerDirection?: SortDirection;

  @IsOptional()
  @IsEnum(ScoreGroupSort, { message: oneOf(ScoreGroupSort) })
  jobSort?: ScoreGroupSort;

  @IsOptional()
  @IsEnum(SortDirection, { message: oneOf(SortDirection) })
  jobDirection?: SortDirection;
}
