import {
  ChangePasswordRequest,
  ConfirmRegistrationRequest,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PasswordResetConfirmRequest,
  PasswordResetRequest,
  RestartRegistrationRequest,
  VerifyEmailRequest,
} from '@heardback/contracts';
import { Transform } from 'class-transformer';
import { IntersectionType, PickType } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';
import { normalizeEmail, RegisterDto } from './credentials.dto';

const tooShort = { message: `must be at least ${PASSWORD_MIN_LENGTH} characters` };

export class VerifyEmailDto implements VerifyEmailRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token!: string;
}

export class ConfirmRegistrationDto extends VerifyEmailDto implements ConfirmRegistrationRequest {
  @IsString()
  @IsNotEmpty({ message: 'Enter the password you chose when you registered.' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

/** The link's token, with the name, password and time zone checked exactly as registering checks them. */
export class RestartRegistrationDto
  extends IntersectionType(VerifyEmailDto, PickType(RegisterDto, ['fullName', 'password', 'timeZone'] as const))
  implements RestartRegistrationRequest {}

export class PasswordResetDto implements PasswordResetRequest {
  @Transform(normalizeEmail)
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email!: string;
}

export class PasswordResetConfirmDto implements PasswordResetConfirmRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token!: string;

  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, tooShort)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword!: string;

  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, tooShort)
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword!: string;
}
