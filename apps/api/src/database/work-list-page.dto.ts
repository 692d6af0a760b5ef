import { CURSOR_MAX_LENGTH, WORK_LIST_MAX_LIMIT } from '@heardback/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** `?cursor=` from the previous page and `?limit=` (1–100) of an agency work list; each bad one is a 400 naming it. */
export class WorkListPageDto {
  @IsOptional()
  @IsString()
  @MaxLength(CURSOR_MAX_LENGTH)
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(WORK_LIST_MAX_LIMIT, { message: `must not be greater than ${WORK_LIST_MAX_LIMIT}` })
  limit?: number;
}
