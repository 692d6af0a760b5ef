import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AgencyJobSummary, UserRole } from '@heardback/contracts';
import { Roles } from '../auth/access.decorators';
import { AgencyJobsService } from './agency-jobs.service';
import { AgencyJobsQueryDto } from './dto/agency-jobs-query.dto';

@ApiTags('agency')
@Roles(UserRole.Recruiter, UserRole.Staff)
@Controller('agency/jobs')
export class AgencyJobsController {
  constructor(private readonly jobs: AgencyJobsService) {}

  @Get()
  list(@Query() query: AgencyJobsQueryDto): Promise<AgencyJobSummary[]> {
    return this.jobs.list(query.status);
  }
}
