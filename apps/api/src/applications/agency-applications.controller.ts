import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { JobApplicationsBoard, UserRole, WaitingPage } from '@heardback/contracts';
import { CurrentUser, Roles } from '../auth/access.decorators';
import { notFoundOnBadId } from '../errors/not-found-on-bad-id';
import { JobsService } from '../jobs/jobs.service';
import { UserEntity } from '../users/user.entity';
import { AgencyApplicationListsService } from './agency-application-lists.service';
import { AgencyListQueryDto } from './dto/agency-list-query.dto';

@ApiTags('agency')
@Roles(UserRole.Recruiter, UserRole.Staff)
@Controller()
export class AgencyApplicationsController {
  constructor(
    private readonly lists: AgencyApplicationListsService,
    private readonly jobs: JobsService,
  ) {}

  /** A page of one job's applications, oldest first, with every column's count, for the board by stage. */
  @Get('jobs/:id/applications')
  async board(
    @Param('id', notFoundOnBadId) jobId: string,
    @CurrentUser() user: UserEntity,
    @Query() query: AgencyListQueryDto,
  ): Promise<JobApplicationsBoard> {
    const job = await this.jobs.get(jobId, user);
    return { job, ...(await this.lists.forJob(jobId, job.pipeline, query)) };
  }

  /** A page of open applications, the candidate who has heard nothing for longest first, and how many in all. */
  @Get('agency/waiting')
  waiting(@Query() query: AgencyListQueryDto): Promise<WaitingPage> {
    return this.lists.waiting(query);
  }
}
