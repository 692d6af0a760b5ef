import {
  CLIENT_CONTACT_NAME_MAX_LENGTH,
  CLIENT_CONTACT_ROLE_MAX_LENGTH,
  ClientContactRequest,
  EMAIL_MAX_LENGTH,
  UpdateClientContactRequest,
} from '@heardback/contracts';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { OneLine } from '../../validation/one-line';
import { normalizeEmail, trim } from '../../auth/dto/credentials.dto';

export class ClientContactDto implements ClientContactRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty: give the contact’s name' })
  @MaxLength(CLIENT_CONTACT_NAME_MAX_LENGTH)
  @OneLine()
  fullName!: string;

  @Transform(normalizeEmail)
  @IsEmail({}, { message: 'must be an email address, such as name@client.com' })
  @MaxLength(EMAIL_MAX_LENGTH)
  email!: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(CLIENT_CONTACT_ROLE_MAX_LENGTH)
  @OneLine()
  role?: string;
}

/** Only the fields sent change; a field sent must be valid as on creation. */
export class UpdateClientContactDto implements UpdateClientContactRequest {
  // Left out, unchanged; sent, even as null, it must be valid (a contact always has a name and an address).
  @ValidateIf((_object, value) => value !== undefined)
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty: give the contact’s name' })
  @MaxLength(CLIENT_CONTACT_NAME_MAX_LENGTH)
  @OneLine()
  fullName?: string;

  @ValidateIf((_object, value) => value !== undefined)
  @Transform(normalizeEmail)
  @IsEmail({}, { message: 'must be an email address, such as name@client.com' })
  @MaxLength(EMAIL_MAX_LENGTH)
  email?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(CLIENT_CONTACT_ROLE_MAX_LENGTH)
  @OneLine()
  role?: string;
}
