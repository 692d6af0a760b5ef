import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { AuditModule } from '../audit/audit.module';
import { DocumentsModule } from '../documents/documents.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { TimelineModule } from '../timeline/timeline.module';
import { AgencyClientReviewController } from './agency-client-review.controller';
import { ClientFeedbackPublishing } from './client-feedback-publishing.service';
import { ClientReviewLinkAdmin } from './client-review-link-admin.service';
import { ClientReviewLinksModule } from './client-review-links.module';
import { ClientReviewController } from './client-review.controller';
import { ClientReviewPageService } from './client-review-page.service';

/**
 * The client review loop over HTTP (issue 13, ADR 0031): the public page behind a review link, and
 * the agency's drafts and links. Issuing links is ClientReviewLinksModule's (the deadline sweep's).
 */
@Module({
  imports: [
    ClientReviewLinksModule,
    ApplicationsModule,
    AuditModule,
    DocumentsModule,
    NotificationsModule,
    TimelineModule,
  ],
  controllers: [ClientReviewController, AgencyClientReviewController],
  providers: [ClientReviewPageService, ClientFeedbackPublishing, ClientReviewLinkAdmin],
  // The demo data writes its client feedback through the same paths.
  exports: [ClientReviewPageService, ClientFeedbackPublishing],
})
export class ClientReviewModule {}
