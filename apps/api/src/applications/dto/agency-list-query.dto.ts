import { AGENCY_LIST_MAX_LIMIT, AgencyListQuery, CURSOR_MAX_LENGTH } from '@heardback/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** `?cursor=&limit=` of a paged agency list; each bad one is a 400 naming the field. */
export class AgencyListQueryDto implements AgencyListQuery {
  @IsOptional()
  @IsString({ message: 'must be the nextCursor of the previous page' })
  @MaxLength(CURSOR_MAX_LENGTH, { message: 'is not a cursor this API gave out; start again without it' })
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(AGENCY_LIST_MAX_LIMIT, { message: `must not be greater than ${AGENCY_LIST_MAX_LIMIT}` })
  limit?: number;
}
