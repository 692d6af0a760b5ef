import { FULL_NAME_MAX_LENGTH, UpdateProfileRequest } from '@heardback/contracts';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { trim } from '../../auth/dto/credentials.dto';
import { IsTimeZone } from './is-time-zone';

export class UpdateProfileDto implements UpdateProfileRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(FULL_NAME_MAX_LENGTH)
  fullName!: string;

  /** Left out: unchanged; null: forgotten. */
  @IsOptional()
  @ValidateIf((_object, value) => value !== null)
  @IsTimeZone()
  timeZone?: string | null;
}
