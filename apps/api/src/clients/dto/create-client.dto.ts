import { CLIENT_NAME_MAX_LENGTH, CreateClientRequest } from '@heardback/contracts';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { OneLine } from '../../validation/one-line';
import { trim } from '../../auth/dto/credentials.dto';

export class CreateClientDto implements CreateClientRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(CLIENT_NAME_MAX_LENGTH)
  @OneLine()
  name!: string;
}
