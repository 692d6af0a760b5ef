import {
  CANDIDATE_MESSAGE_MAX_LENGTH,
  CANDIDATE_UPDATE_TEXT_MAX_LENGTH,
  CandidateUpdateKind,
  CandidateUpdateRequest,
  DecisionDateRequest,
  RecruiterMessageRequest,
} from '@heardback/contracts';
import { Transform } from 'class-transformer';
import { IsEnum, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { IsInstant } from '../../validation/is-instant';
import { VersionedDto } from '../../applications/dto/application-commands.dto';
import { trim } from '../../auth/dto/credentials.dto';

export class CandidateUpdateDto extends VersionedDto implements CandidateUpdateRequest {
  @IsEnum(CandidateUpdateKind, { message: `must be one of ${Object.values(CandidateUpdateKind).join(', ')}` })
  kind!: CandidateUpdateKind;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty: tell your recruiter in a few words' })
  @MaxLength(CANDIDATE_UPDATE_TEXT_MAX_LENGTH)
  text!: string;

  @IsOptional()
  @IsInstant('must be a date and time such as 2026-12-04T17:00:00Z')
  deadline?: string;
}

export class DecisionDateDto extends VersionedDto implements DecisionDateRequest {
  @ValidateIf((_object, value) => value !== null)
  @IsInstant('must be a date and time such as 2026-12-10T17:00:00Z, or null to clear it')
  decisionDate!: string | null;
}

export class RecruiterMessageDto extends VersionedDto implements RecruiterMessageRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty: these are the words the candidate will read' })
  @MaxLength(CANDIDATE_MESSAGE_MAX_LENGTH)
  text!: string;
}
