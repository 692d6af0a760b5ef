import {
  EMAIL_MAX_LENGTH,
  FULL_NAME_MAX_LENGTH,
  isReturnPath,
  LoginRequest,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  RegisterRequest,
} from '@heardback/contracts';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength, MinLength, ValidateBy } from 'class-validator';
import { trimTyped } from '@heardback/domain';
import { OneLine } from '../../validation/one-line';
import { IsTimeZone } from '../../users/dto/is-time-zone';

const normalizeEmail = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;
/** Typed text without spaces or invisible characters at its ends (`trimTyped`): text of only those is empty. */
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? trimTyped(value) : value);

export class LoginDto implements LoginRequest {
  @Transform(normalizeEmail)
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(EMAIL_MAX_LENGTH)
  email!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class RegisterDto implements RegisterRequest {
  @Transform(normalizeEmail)
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(EMAIL_MAX_LENGTH)
  email!: string;

  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `must be at least ${PASSWORD_MIN_LENGTH} characters` })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Enter your full name.' })
  @MaxLength(FULL_NAME_MAX_LENGTH)
  @OneLine()
  fullName!: string;

  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  @IsOptional()
  @ValidateBy({
    name: 'isReturnPath',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isReturnPath(value),
      defaultMessage: () => 'must be a page of this site, such as /jobs',
    },
  })
  returnTo?: string;
}

export { normalizeEmail, trim };
