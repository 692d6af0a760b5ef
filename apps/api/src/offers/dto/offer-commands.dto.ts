import { DeclineOfferRequest, OFFER_DECLINE_REASON_MAX_LENGTH } from '@heardback/contracts';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { VersionedDto } from '../../applications/dto/application-commands.dto';
import { trim } from '../../auth/dto/credentials.dto';

export class DeclineOfferDto extends VersionedDto implements DeclineOfferRequest {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(OFFER_DECLINE_REASON_MAX_LENGTH)
  reason?: string;
}
