import { FULL_NAME_MAX_LENGTH, UpdateProfileRequest } from '@heardback/contracts';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { trim } from '../../auth/dto/credentials.dto';

export class UpdateProfileDto implements UpdateProfileRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(FULL_NAME_MAX_LENGTH)
  fullName!: string;
}
