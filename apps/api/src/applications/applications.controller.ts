import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  ApplicationView,
  CandidateApplicationView,
  MyApplicationsPage,
  TimelinePage,
  UserRole,
} from '@heardback/contracts';
import { CurrentUser, Roles } from '../auth/access.decorators';
import { notFoundOnBadId } from '../errors/not-found-on-bad-id';
import { UserEntity } from '../users/user.entity';
import { ApplicationDecisionsService } from './application-decisions.service';
import { ApplicationTimelineService } from './application-timeline.service';
import { ApplicationViewsService } from './application-views.service';
import { CandidateApplicationListService } from './candidate-application-list.service';
import { CandidateApplicationsService } from './candidate-applications.service';
import {
  OfferDto,
  RecordFeedbackDto,
  RedatePromiseDto,
  RejectApplicationDto,
  ScheduleStageDto,
  VersionedDto,
  WithdrawApplicationDto,
} from './dto/application-commands.dto';
import { ApplyDto } from './dto/apply.dto';
import { MyApplicationsQueryDto } from './dto/my-applications-query.dto';
import { TimelinePageQueryDto } from './dto/timeline-page-query.dto';
import { PromiseRedatingService } from './promise-redating.service';
import { StageFeedbackService } from './stage-feedback.service';
import { RateLimited } from '../throttling/rate-limited.guard';

const AGENCY = [UserRole.Recruiter, UserRole.Staff];

@ApiTags('applications')
@Controller()
export class ApplicationsController {
  constructor(
    private readonly views: ApplicationViewsService,
    private readonly timeline: ApplicationTimelineService,
    private readonly candidateApplications: CandidateApplicationsService,
    private readonly candidateList: CandidateApplicationListService,
    private readonly stages: StageFeedbackService,
    private readonly decisions: ApplicationDecisionsService,
    private readonly redating: PromiseRedatingService,
  ) {}

  @Roles(UserRole.Candidate)
  @RateLimited('mailing')
  @Post('jobs/:id/applications')
  async apply(
    @Param('id', notFoundOnBadId) jobId: string,
    @Body() body: ApplyDto,
    @CurrentUser() user: UserEntity,
  ): Promise<CandidateApplicationView> {
    const id = await this.candidateApplications.apply(jobId, user, body);
    return this.views.getForCandidate(id, user);
  }

  @Roles(UserRole.Candidate)
  @Get('me/applications')
  mine(@Query() query: MyApplicationsQueryDto, @CurrentUser() user: UserEntity): Promise<MyApplicationsPage> {
    return this.candidateList.page(user.id, query);
  }

  @Get('applications/:id')
  get(
    @Param('id', notFoundOnBadId) id: string,
    @CurrentUser() user: UserEntity,
  ): Promise<ApplicationView | CandidateApplicationView> {
    return this.views.get(id, user);
  }

  /** Older entries of the timeline than its view carries (`earlierTimelineCursor`), newest first. */
  @Get('applications/:id/timeline')
  timelinePage(
    @Param('id', notFoundOnBadId) id: string,
    @Query() query: TimelinePageQueryDto,
    @CurrentUser() user: UserEntity,
  ): Promise<TimelinePage> {
    return this.timeline.page(id, user, query);
  }

  @RateLimited('mailing')
  @Post('applications/:id/withdraw')
  @HttpCode(200)
  async withdraw(
    @Param('id', notFoundOnBadId) id: string,
    @Body() body: WithdrawApplicationDto,
    @CurrentUser() user: UserEntity,
  ): Promise<ApplicationView | CandidateApplicationView> {
    await this.candidateApplications.withdraw(id, user, body.reason, body.version);
    return this.views.get(id, user);
  }

  @Roles(...AGENCY)
  @Post('applications/:id/stages/:stageId/schedule')
  @HttpCode(200)
  async schedule(
    @Param('id', notFoundOnBadId) id: string,
    @Param('stageId', notFoundOnBadId) stageId: string,
    @Body() body: ScheduleStageDto,
    @CurrentUser() user: UserEntity,
  ): Promise<ApplicationView> {
    await this.stages.schedule(id, stageId, body, user);
    return this.views.getForAgency(id, user);
  }

  @Roles(...AGENCY)
  @Post('applications/:id/stages/:stageId/feedback')
  async recordFeedback(
    @Param('id', notFoundOnBadId) id: string,
    @Param('stageId', notFoundOnBadId) stageId: string,
    @Body() body: RecordFeedbackDto,
    @CurrentUser() user: UserEntity,
  ): Promise<ApplicationView> {
    await this.stages.recordFeedback(id, stageId, body, user);
    return this.views.getForAgency(id, user);
  }

  @Roles(...AGENCY)
  @Post('applications/:id/reject')
  @HttpCode(200)
  async reject(
    @Param('id', notFoundOnBadId) id: string,
    @Body() body: RejectApplicationDto,
    @CurrentUser() user: UserEntity,
  ): Promise<ApplicationView> {
    await this.decisions.reject(id, body.candidateMessage, body.version, user);
    return this.views.getForAgency(id, user);
  }

  @Roles(...AGENCY)
  @Post('applications/:id/offer')
  @HttpCode(200)
  async offer(
    @Param('id', notFoundOnBadId) id: string,
    @Body() body: OfferDto,
    @CurrentUser() user: UserEntity,
  ): Promise<ApplicationView> {
    await this.decisions.offer(id, body, user);
    return this.views.getForAgency(id, user);
  }

  @Roles(...AGENCY)
  @Post('applications/:id/hire')
  @HttpCode(200)
  async hire(
    @Param('id', notFoundOnBadId) id: string,
    @Body() body: VersionedDto,
    @CurrentUser() user: UserEntity,
  ): Promise<ApplicationView> {
    await this.decisions.hire(id, body.version, user);
    return this.views.getForAgency(id, user);
  }

  /** Move the agency's promised date: a new date and the sentence the candidate is sent with it. */
  @Roles(...AGENCY)
  @Post('applications/:id/promise')
  @HttpCode(200)
  async redatePromise(
    @Param('id', notFoundOnBadId) id: string,
    @Body() body: RedatePromiseDto,
    @CurrentUser() user: UserEntity,
  ): Promise<ApplicationView> {
    await this.redating.redate(
      id,
      { dueAt: new Date(body.dueAt), candidateMessage: body.candidateMessage, version: body.version },
      user,
    );
    return this.views.getForAgency(id, user);
  }
}
