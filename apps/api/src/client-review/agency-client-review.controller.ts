import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApplicationView, ClientFeedbackDraftView, ClientReviewLinkView, UserRole } from '@heardback/contracts';
import { ApplicationViewsService } from '../applications/application-views.service';
import { CurrentUser, Roles } from '../auth/access.decorators';
import { notFoundOnBadId } from '../errors/not-found-on-bad-id';
import { UserEntity } from '../users/user.entity';
import { ClientFeedbackPublishing } from './client-feedback-publishing.service';
import { ClientReviewLinkAdmin } from './client-review-link-admin.service';
import { PublishClientFeedbackDto } from './dto/client-review.dto';

/** The agency's side of the client review loop: drafts to publish, and the links sent (never their tokens). */
@ApiTags('agency')
@Roles(UserRole.Recruiter, UserRole.Staff)
@Controller('agency')
export class AgencyClientReviewController {
  constructor(
    private readonly publishing: ClientFeedbackPublishing,
    private readonly linkAdmin: ClientReviewLinkAdmin,
    private readonly views: ApplicationViewsService,
  ) {}

  /** Every client draft on the application, published or not (at most one per interviewer and stage). */
  @Get('applications/:id/client-feedback')
  drafts(@Param('id', notFoundOnBadId) applicationId: string): Promise<ClientFeedbackDraftView[]> {
    return this.publishing.draftsOf(applicationId);
  }

  /**
   * Publishes the draft as the stage's feedback (staff or the stage's owner; 409 when the stage has
   * feedback already) → the application as the agency now sees it.
   */
  @Post('applications/:id/client-feedback/:draftId/publish')
  @HttpCode(200)
  async publish(
    @Param('id', notFoundOnBadId) applicationId: string,
    @Param('draftId', notFoundOnBadId) draftId: string,
    @Body() body: PublishClientFeedbackDto,
    @CurrentUser() user: UserEntity,
  ): Promise<ApplicationView> {
    await this.publishing.publish(applicationId, draftId, body, user);
    return this.views.getForAgency(applicationId, user);
  }

  @Get('applications/:id/client-review-links')
  links(@Param('id', notFoundOnBadId) applicationId: string): Promise<ClientReviewLinkView[]> {
    return this.linkAdmin.linksOf(applicationId);
  }

  /** → the revoked link. */
  @Post('client-review-links/:id/revoke')
  @HttpCode(200)
  revoke(@Param('id', notFoundOnBadId) linkId: string, @CurrentUser() user: UserEntity): Promise<ClientReviewLinkView> {
    return this.linkAdmin.revoke(linkId, user);
  }

  /** Revokes the link (if still live) and emails the interviewer a new one, in one transaction; → the new link. */
  @Post('client-review-links/:id/resend')
  @HttpCode(200)
  resend(@Param('id', notFoundOnBadId) linkId: string, @CurrentUser() user: UserEntity): Promise<ClientReviewLinkView> {
    return this.linkAdmin.resend(linkId, user);
  }
}
