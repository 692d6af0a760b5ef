import { CreateClientRequest } from '@heardback/contracts';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { trim } from '../../auth/dto/credentials.dto';

export class CreateClientDto implements CreateClientRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(120)
  name!: string;
}
