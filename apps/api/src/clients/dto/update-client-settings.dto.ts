import { UpdateClientSettingsRequest } from '@heardback/contracts';
import { IsBoolean, IsOptional, IsUUID, ValidateIf } from 'class-validator';

export class UpdateClientSettingsDto implements UpdateClientSettingsRequest {
  /** Null: no account owner (the client's escalations end with the agency leads). */
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsUUID('all', { message: 'must be the id of an agency person' })
  accountOwnerId?: string | null;

  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  autoPublishClientFeedback?: boolean;
}
