import { CURSOR_MAX_LENGTH, NewApplicationsQuery } from '@heardback/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

/** `?mine=true` or `?mine=false` (anything else is refused, naming the field); `?cursor=` from the previous page. */
export class NewApplicationsQueryDto implements NewApplicationsQuery {
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  mine?: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(CURSOR_MAX_LENGTH)
  cursor?: string;
}
