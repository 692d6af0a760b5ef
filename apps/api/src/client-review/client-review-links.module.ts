import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { TimelineModule } from '../timeline/timeline.module';
import { ClientReviewLinks } from './client-review-links.service';

/**
 * Issuing client interviewers' review links: what the deadline sweep (in the worker too) and the
 * client reminders need, without the HTTP side (ClientReviewModule).
 */
@Module({
  imports: [TimelineModule, NotificationsModule],
  providers: [ClientReviewLinks],
  exports: [ClientReviewLinks],
})
export class ClientReviewLinksModule {}
