import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { JobApplicationsBoard, UserRole, WaitingApplication } from '@heardback/contracts';
import { CurrentUser, Roles } from '../auth/access.decorators';
import { notFoundOnBadId } from '../errors/not-found-on-bad-id';
import { JobsService } from '../jobs/jobs.service';
import { UserEntity } from '../users/user.entity';
import { AgencyApplicationListsService } from './agency-application-lists.service';

@ApiTags('agency')
@Roles(UserRole.Recruiter, UserRole.Staff)
@Controller()
export class AgencyApplicationsController {
  constructor(
    private readonly lists: AgencyApplicationListsService,
    private readonly jobs: JobsService,
  ) {}

  /** Every application on one job, for the recruiter's board by stage. */
  @Get('jobs/:id/applications')
  async board(
    @Param('id', notFoundOnBadId) jobId: string,
    @CurrentUser() user: UserEntity,
  ): Promise<JobApplicationsBoard> {
    const job = await this.jobs.get(jobId, user);
    return { job, applications: await this.lists.forJob(jobId) };
  }

  /** Open applications, the candidate who has heard nothing for longest first. */
  @Get('agency/waiting')
  waiting(): Promise<WaitingApplication[]> {
    return this.lists.waiting();
  }
}
