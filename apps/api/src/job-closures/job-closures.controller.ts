import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { JobClosureView, UserRole } from '@heardback/contracts';
import { CurrentUser, Roles } from '../auth/access.decorators';
import { notFoundOnBadId } from '../errors/not-found-on-bad-id';
import { UserEntity } from '../users/user.entity';
import { CloseJobDto } from './dto/close-job.dto';
import { JobClosureQueue } from './job-closure-queue';
import { JobClosuresService } from './job-closures.service';

@ApiTags('jobs')
@Roles(UserRole.Staff)
@Controller()
export class JobClosuresController {
  constructor(
    private readonly closures: JobClosuresService,
    private readonly queue: JobClosureQueue,
  ) {}

  /** Answers 202 at once; the applications are closed in the background. Poll the closure for progress. */
  @Post('jobs/:id/close')
  @HttpCode(202)
  async close(
    @Param('id', notFoundOnBadId) jobId: string,
    @Body() body: CloseJobDto,
    @CurrentUser() user: UserEntity,
  ): Promise<JobClosureView> {
    const closure = await this.closures.start(jobId, body, user);
    await this.queue.enqueue(closure.id);
    return closure;
  }

  /** When and how a job was closed (one closure per job); 404 if it never was. */
  @Get('jobs/:id/closure')
  forJob(@Param('id', notFoundOnBadId) jobId: string): Promise<JobClosureView> {
    return this.closures.forJob(jobId);
  }

  @Get('job-closures/:id')
  get(@Param('id', notFoundOnBadId) id: string): Promise<JobClosureView> {
    return this.closures.get(id);
  }
}
