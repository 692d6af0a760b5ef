import { Body, Controller, Get, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AgencyJobDetail, JobBoardPage, JobDetail, UserRole } from '@heardback/contracts';
import { AuthenticatedRequest, CurrentUser, Public, Roles } from '../auth/access.decorators';
import { notFoundOnBadId } from '../errors/not-found-on-bad-id';
import { UserEntity } from '../users/user.entity';
import { CreateJobDto, UpdateJobDto } from './dto/job-write.dto';
import { SearchJobsDto } from './dto/search-jobs.dto';
import { JobSearchService } from './job-search.service';
import { JobsService } from './jobs.service';

@ApiTags('jobs')
@Controller('jobs')
export class JobsController {
  constructor(
    private readonly search: JobSearchService,
    private readonly jobs: JobsService,
  ) {}

  @Public()
  @Get()
  list(@Query() query: SearchJobsDto): Promise<JobBoardPage> {
    return this.search.search(query);
  }

  @Public()
  @Get(':id')
  get(
    @Param('id', notFoundOnBadId) id: string,
    @Req() request: AuthenticatedRequest,
  ): Promise<JobDetail | AgencyJobDetail> {
    return this.jobs.get(id, request.user ?? null);
  }

  @Roles(UserRole.Staff)
  @Post()
  create(@Body() body: CreateJobDto, @CurrentUser() user: UserEntity): Promise<AgencyJobDetail> {
    return this.jobs.create(body, user);
  }

  @Roles(UserRole.Staff)
  @Patch(':id')
  update(
    @Param('id', notFoundOnBadId) id: string,
    @Body() body: UpdateJobDto,
    @CurrentUser() user: UserEntity,
  ): Promise<AgencyJobDetail> {
    return this.jobs.update(id, body, user);
  }
}
