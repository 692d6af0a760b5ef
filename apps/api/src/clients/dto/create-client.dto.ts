import { CLIENT_NAME_MAX_LENGTH, CreateClientRequest } from '@heardback/contracts';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { trim } from '../../auth/dto/credentials.dto';

export class CreateClientDto implements CreateClientRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(CLIENT_NAME_MAX_LENGTH)
  name!: string;
}
