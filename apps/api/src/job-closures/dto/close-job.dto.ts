import { CANDIDATE_MESSAGE_MAX_LENGTH, CloseJobRequest, JobStatus } from '@heardback/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { trim } from '../../auth/dto/credentials.dto';

export class CloseJobDto implements CloseJobRequest {
  @IsIn([JobStatus.Closed, JobStatus.Filled], { message: 'must be closed or filled' })
  outcome!: JobStatus.Closed | JobStatus.Filled;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'must not be empty: every candidate on this job will read it' })
  @MaxLength(CANDIDATE_MESSAGE_MAX_LENGTH)
  candidateMessage!: string;
}
