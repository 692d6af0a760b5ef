import { SetAgencyLeadRequest } from '@heardback/contracts';
import { IsBoolean } from 'class-validator';

export class SetAgencyLeadDto implements SetAgencyLeadRequest {
  @IsBoolean({ message: 'must be true or false' })
  isAgencyLead!: boolean;
}
