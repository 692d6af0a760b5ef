import {
  EraseAccountRequest,
  PASSWORD_MAX_LENGTH,
  RETENTION_MONTHS_MAX,
  RETENTION_MONTHS_MIN,
  UpdateRetentionSettings,
} from '@heardback/contracts';
import { IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';

export class EraseAccountDto implements EraseAccountRequest {
  @IsString()
  @IsNotEmpty({ message: 'type your password to confirm' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class UpdateRetentionSettingsDto implements UpdateRetentionSettings {
  @IsInt({ message: 'must be a whole number of months' })
  @Min(RETENTION_MONTHS_MIN, { message: `must be at least ${RETENTION_MONTHS_MIN} month` })
  @Max(RETENTION_MONTHS_MAX, { message: `must be at most ${RETENTION_MONTHS_MAX} months` })
  retentionMonths!: number;
}
