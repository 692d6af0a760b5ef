import { ScoreGrouping, ScoreQuery, ScoreTable } from '@heardback/contracts';
import { IsEnum, IsOptional, Matches, ValidateBy, isISO8601 } from 'class-validator';

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

export class ScoreQueryDto implements ScoreQuery {
  @IsCalendarDay()
  from!: string;

  @IsCalendarDay()
  to!: string;

  @IsEnum(ScoreGrouping, { message: `must be one of ${Object.values(ScoreGrouping).join(', ')}` })
  by!: ScoreGrouping;
}

export class ScoreCsvQueryDto extends ScoreQueryDto {
  @IsOptional()
  @IsEnum(ScoreTable, { message: `must be one of ${Object.values(ScoreTable).join(', ')}` })
  table?: ScoreTable;
}

export class ClientMonthQueryDto {
  @Matches(/^[1-9]\d{3}-(0[1-9]|1[0-2])$/, { message: 'must be a month written yyyy-mm, such as 2026-11' })
  month!: string;
}
