import { FeedbackQueueQuery } from '@heardback/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

/** `?mine=true` or `?mine=false`; anything else is refused, naming the field. */
export class FeedbackQueueQueryDto implements FeedbackQueueQuery {
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  mine?: boolean;
}
