import { CURSOR_MAX_LENGTH, NewApplicationsQuery } from '@heardback/contracts';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { QueryBoolean } from '../../database/page-query-fields';

/** `?mine=true` or `?mine=false` (anything else is refused, naming the field); `?cursor=` from the previous page. */
export class NewApplicationsQueryDto implements NewApplicationsQuery {
  @QueryBoolean()
  mine?: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(CURSOR_MAX_LENGTH)
  cursor?: string;
}
