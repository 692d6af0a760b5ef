import { AGENCY_MAIL_PREFERENCES, AgencyMailPreference, UpdateAgencyMailRequest } from '@heardback/contracts';
import { IsIn } from 'class-validator';

export class UpdateAgencyMailDto implements UpdateAgencyMailRequest {
  @IsIn(AGENCY_MAIL_PREFERENCES, { message: `must be one of ${AGENCY_MAIL_PREFERENCES.join(', ')}` })
  agencyMail!: AgencyMailPreference;
}
