import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CandidateApplicationView, UserRole } from '@heardback/contracts';
import { CurrentUser, Roles } from '../auth/access.decorators';
import { notFoundOnBadId } from '../errors/not-found-on-bad-id';
import { ApplicationViewsService } from '../applications/application-views.service';
import { VersionedDto } from '../applications/dto/application-commands.dto';
import { RateLimited } from '../throttling/rate-limited.guard';
import { UserEntity } from '../users/user.entity';
import { DeclineOfferDto } from './dto/offer-commands.dto';
import { OfferAnswersService } from './offer-answers.service';

/** The candidate's answer to their offer; making the offer is the agency's (ApplicationsController). */
@ApiTags('offers')
@Controller('applications/:id/offer')
export class OffersController {
  constructor(
    private readonly answers: OfferAnswersService,
    private readonly views: ApplicationViewsService,
  ) {}

  @Roles(UserRole.Candidate)
  @RateLimited('mailing')
  @Post('accept')
  @HttpCode(200)
  async accept(
    @Param('id', notFoundOnBadId) id: string,
    @Body() body: VersionedDto,
    @CurrentUser() user: UserEntity,
  ): Promise<CandidateApplicationView> {
    await this.answers.accept(id, body.version, user);
    return this.views.getForCandidate(id, user);
  }

  @Roles(UserRole.Candidate)
  @RateLimited('mailing')
  @Post('decline')
  @HttpCode(200)
  async decline(
    @Param('id', notFoundOnBadId) id: string,
    @Body() body: DeclineOfferDto,
    @CurrentUser() user: UserEntity,
  ): Promise<CandidateApplicationView> {
    await this.answers.decline(id, body.version, user, body.reason ?? null);
    return this.views.getForCandidate(id, user);
  }
}
