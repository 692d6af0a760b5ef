import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ClientFeedbackDraftView, ClientReviewLinkView, UserRole } from '@heardback/contracts';
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
  ) {}

  /** Every client draft on the application, published or not (at most one per interviewer and stage). */
  @Get('applications/:id/client-feedback')
  drafts(@Param('id', notFoundOnBadId) applicationId: string): Promise<ClientFeedbackDraftView[]> {
    return this.publishing.draftsOf(applicationId);
  }

  /** Publishes the draft as the stage's feedback: staff or the stage's owner; 409 when the stage has feedback already. */
  @Post('applications/:id/client-feedback/:draftId/publish')
  @HttpCode(204)
  async publish(
    @Param('id', notFoundOnBadId) applicationId: string,
    @Param('draftId', notFoundOnBadId) draftId: string,
    @Body() body: PublishClientFeedbackDto,
    @CurrentUser() user: UserEntity,
  ): Promise<void> {
    await this.publishing.publish(applicationId, draftId, body, user);
  }

  @Get('applications/:id/client-review-links')
  links(@Param('id', notFoundOnBadId) applicationId: string): Promise<ClientReviewLinkView[]> {
    return this.linkAdmin.linksOf(applicationId);
  }

  @Post('client-review-links/:id/revoke')
  @HttpCode(204)
  async revoke(@Param('id', notFoundOnBadId) linkId: string, @CurrentUser() user: UserEntity): Promise<void> {
    await this.linkAdmin.revoke(linkId, user);
  }

  /** Revokes the link and emails the interviewer a new one, in one transaction. */
  @Post('client-review-links/:id/resend')
  @HttpCode(204)
  async resend(@Param('id', notFoundOnBadId) linkId: string, @CurrentUser() user: UserEntity): Promise<void> {
    await this.linkAdmin.resend(linkId, user);
  }
}
