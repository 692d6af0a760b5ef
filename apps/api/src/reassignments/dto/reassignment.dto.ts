import { ReassignmentScope } from '@heardback/contracts';
import { IsIn, IsInt, IsUUID, Min, ValidateIf } from 'class-validator';

const SCOPES: ReassignmentScope[] = ['stage', 'application', 'recruiter'];

/**
 * POST /api/agency/reassignments: one class for the three shapes of `ReassignmentRequest`, each
 * field required by the scopes that use it (and, as everywhere, refused when unknown).
 */
export class ReassignmentDto {
  @IsIn(SCOPES, { message: `must be one of ${SCOPES.join(', ')}` })
  scope!: ReassignmentScope;

  @ValidateIf((request: ReassignmentDto) => request.scope !== 'recruiter')
  @IsUUID('all', { message: 'must be the id of an application' })
  applicationId?: string;

  @ValidateIf((request: ReassignmentDto) => request.scope === 'stage')
  @IsUUID('all', { message: 'must be the id of a stage of the application' })
  stageId?: string;

  @ValidateIf((request: ReassignmentDto) => request.scope !== 'recruiter')
  @IsInt({ message: 'must be the application version you last loaded' })
  @Min(1, { message: 'must be the application version you last loaded' })
  version?: number;

  @ValidateIf((request: ReassignmentDto) => request.scope === 'recruiter')
  @IsUUID('all', { message: 'must be the id of the recruiter whose work moves' })
  fromUserId?: string;

  @IsUUID('all', { message: 'must be the id of the recruiter or staff member to give the work to' })
  toUserId!: string;
}
