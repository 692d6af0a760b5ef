import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApplicationView, AttentionPage, CandidateApplicationView, UserRole } from '@heardback/contracts';
import { ApplicationViewsService } from '../applications/application-views.service';
import { AgencyListQueryDto } from '../applications/dto/agency-list-query.dto';
import { CurrentUser, Roles } from '../auth/access.decorators';
import { notFoundOnBadId } from '../errors/not-found-on-bad-id';
import { AcceptsIdempotencyKey, IdempotencyKey, IdempotencyKeyHeader } from '../idempotency/idempotency-key';
import { UserEntity } from '../users/user.entity';
import { RateLimited } from '../throttling/rate-limited.guard';
import { AttentionListService } from './attention-list.service';
import { CandidateUpdatesService } from './candidate-updates.service';
import { CandidateUpdateDto, DecisionDateDto, RecruiterMessageDto } from './dto/candidate-update.dto';

@ApiTags('candidate updates')
@Controller()
export class CandidateUpdatesController {
  constructor(
    private readonly updates: CandidateUpdatesService,
    private readonly attention: AttentionListService,
    private readonly views: ApplicationViewsService,
  ) {}

  @Roles(UserRole.Candidate)
  @RateLimited('mailing')
  @Post('applications/:id/updates')
  @AcceptsIdempotencyKey()
  async post(
    @Param('id', notFoundOnBadId) id: string,
    @Body() body: CandidateUpdateDto,
    @CurrentUser() user: UserEntity,
    @IdempotencyKeyHeader() idempotencyKey: IdempotencyKey | null,
  ): Promise<CandidateApplicationView> {
    await this.updates.post(id, user, body, idempotencyKey);
    return this.views.getForCandidate(id, user);
  }

  @Roles(UserRole.Candidate)
  @RateLimited('mailing')
  @Put('applications/:id/decision-date')
  @AcceptsIdempotencyKey()
  async decisionDate(
    @Param('id', notFoundOnBadId) id: string,
    @Body() body: DecisionDateDto,
    @CurrentUser() user: UserEntity,
    @IdempotencyKeyHeader() idempotencyKey: IdempotencyKey | null,
  ): Promise<CandidateApplicationView> {
    await this.updates.setDecisionDate(id, user, body.decisionDate, body.version, idempotencyKey);
    return this.views.getForCandidate(id, user);
  }

  @Roles(UserRole.Recruiter, UserRole.Staff)
  @Post('applications/:id/messages')
  @AcceptsIdempotencyKey()
  @HttpCode(201)
  async message(
    @Param('id', notFoundOnBadId) id: string,
    @Body() body: RecruiterMessageDto,
    @CurrentUser() user: UserEntity,
    @IdempotencyKeyHeader() idempotencyKey: IdempotencyKey | null,
  ): Promise<ApplicationView> {
    await this.updates.sendMessage(id, user, body.text, body.version, idempotencyKey);
    return this.views.getForAgency(id, user);
  }

  @Roles(UserRole.Recruiter, UserRole.Staff)
  @Get('agency/attention')
  list(@CurrentUser() user: UserEntity, @Query() query: AgencyListQueryDto): Promise<AttentionPage> {
    return this.attention.list(query, user.timeZone);
  }
}
