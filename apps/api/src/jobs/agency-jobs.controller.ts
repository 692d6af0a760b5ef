import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AgencyJobPage, AgencyJobSummary, UserRole } from '@heardback/contracts';
import { Roles } from '../auth/access.decorators';
import { notFoundOnBadId } from '../errors/not-found-on-bad-id';
import { AgencyJobsService } from './agency-jobs.service';
import { AgencyJobsQueryDto } from './dto/agency-jobs-query.dto';

@ApiTags('agency')
@Roles(UserRole.Recruiter, UserRole.Staff)
@Controller('agency/jobs')
export class AgencyJobsController {
  constructor(private readonly jobs: AgencyJobsService) {}

  /** Newest job first, a page at a time, with the total; open and draft jobs unless `status` says otherwise. */
  @Get()
  list(@Query() query: AgencyJobsQueryDto): Promise<AgencyJobPage> {
    return this.jobs.list({ statuses: query.status, cursor: query.cursor, limit: query.limit });
  }

  /** One job as the list shows it, with its open applications. */
  @Get(':id')
  one(@Param('id', notFoundOnBadId) id: string): Promise<AgencyJobSummary> {
    return this.jobs.one(id);
  }
}
