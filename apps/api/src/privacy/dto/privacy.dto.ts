import {
  GiveTalentPoolConsentRequest,
  PRIVACY_NOTICE_MAX_LENGTH,
  PublishPrivacyNoticeRequest,
} from '@heardback/contracts';
import { Transform } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, MaxLength, Min } from 'class-validator';
import { trim } from '../../auth/dto/credentials.dto';

const NOTICE_VERSION = 'must be the version of the privacy notice you read';

export class PublishPrivacyNoticeDto implements PublishPrivacyNoticeRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty: write the notice candidates will read' })
  @MaxLength(PRIVACY_NOTICE_MAX_LENGTH)
  text!: string;

  @IsInt({ message: 'must be the version you edited from' })
  @Min(1, { message: 'must be the version you edited from' })
  basedOnVersion!: number;
}

export class GiveTalentPoolConsentDto implements GiveTalentPoolConsentRequest {
  @IsInt({ message: NOTICE_VERSION })
  @Min(1, { message: NOTICE_VERSION })
  privacyNoticeVersion!: number;
}
