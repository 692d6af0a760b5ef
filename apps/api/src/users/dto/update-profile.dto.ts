import {
  CANDIDATE_LOCATION_MAX_LENGTH,
  FULL_NAME_MAX_LENGTH,
  PHONE_INPUT_MAX_LENGTH,
  PROFILE_LINK_MAX_LENGTH,
  UpdateProfileRequest,
} from '@heardback/contracts';
import { PHONE_RULE_MESSAGE, PROFILE_LINK_RULE_MESSAGE, isProfileLink, normalizePhone } from '@heardback/domain';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength, ValidateBy, ValidateIf } from 'class-validator';
import { OneLine } from '../../validation/one-line';
import { trim } from '../../auth/dto/credentials.dto';
import { IsTimeZone } from './is-time-zone';

/** A contact detail left blank is removed: trimmed, and '' becomes null. */
const blankIsNull = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
};

const isPhone = ValidateBy({
  name: 'isPhone',
  validator: {
    validate: (value: unknown) => typeof value === 'string' && normalizePhone(value) !== null,
    defaultMessage: () => PHONE_RULE_MESSAGE,
  },
});

const isLink = ValidateBy({
  name: 'isProfileLink',
  validator: {
    validate: (value: unknown) => typeof value === 'string' && isProfileLink(value),
    defaultMessage: () => PROFILE_LINK_RULE_MESSAGE,
  },
});

export class UpdateProfileDto implements UpdateProfileRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Enter your full name.' })
  @MaxLength(FULL_NAME_MAX_LENGTH)
  @OneLine()
  fullName!: string;

  /** Left out: unchanged; null: forgotten. */
  @IsOptional()
  @ValidateIf((_object, value) => value !== null)
  @IsTimeZone()
  timeZone?: string | null;

  /** Candidates only. Left out: unchanged; null or blank: removed. Stored as + and digits. */
  @Transform(blankIsNull)
  @IsOptional()
  @IsString()
  @MaxLength(PHONE_INPUT_MAX_LENGTH)
  @isPhone
  phone?: string | null;

  @Transform(blankIsNull)
  @IsOptional()
  @IsString()
  @MaxLength(CANDIDATE_LOCATION_MAX_LENGTH)
  location?: string | null;

  @Transform(blankIsNull)
  @IsOptional()
  @IsString()
  @MaxLength(PROFILE_LINK_MAX_LENGTH)
  @isLink
  profileLink?: string | null;
}
