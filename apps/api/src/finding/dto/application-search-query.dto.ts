import {
  APPLICATION_SEARCH_MAX_LENGTH,
  APPLICATION_SEARCH_MIN_LENGTH,
  ApplicationSearchQuery,
  CURSOR_MAX_LENGTH,
} from '@heardback/contracts';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { trim } from '../../auth/dto/credentials.dto';

/** `?q=` trimmed, 2–100 characters (fewer would match nearly everyone); `?cursor=` from the previous page. */
export class ApplicationSearchQueryDto implements ApplicationSearchQuery {
  @Transform(trim)
  @IsString({ message: 'type part of a name, an email, a job title or a client' })
  @Length(APPLICATION_SEARCH_MIN_LENGTH, APPLICATION_SEARCH_MAX_LENGTH, {
    message: `Search for ${APPLICATION_SEARCH_MIN_LENGTH} to ${APPLICATION_SEARCH_MAX_LENGTH} characters: part of a name, an email, a job title or a client.`,
  })
  q!: string;

  @IsOptional()
  @IsString()
  @MaxLength(CURSOR_MAX_LENGTH)
  cursor?: string;
}
