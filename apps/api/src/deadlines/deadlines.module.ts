import { Module } from '@nestjs/common';
import { ClientReviewLinksModule } from '../client-review/client-review-links.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { TimelineModule } from '../timeline/timeline.module';
import { CandidateFollowUpAlerts } from './candidate-follow-up-alerts';
import { ClientChasing } from './client-chasing';
import { DeadlineSweepSchedule } from './deadline-sweep-schedule';
import { DeadlineSweepService } from './deadline-sweep.service';
import { DeadlinesController } from './deadlines.controller';
import { EscalationListService } from './escalation-list.service';
import { OfferReplyAlerts } from './offer-reply-alerts';
import { PromiseSweep } from './promise-sweep';
import { PromisesModule } from '../promises/promises.module';
import { SecondEscalations } from './second-escalations';

@Module({
  imports: [TimelineModule, NotificationsModule, PromisesModule, ClientReviewLinksModule],
  controllers: [DeadlinesController],
  providers: [
    PromiseSweep,
    DeadlineSweepService,
    DeadlineSweepSchedule,
    CandidateFollowUpAlerts,
    EscalationListService,
    SecondEscalations,
    OfferReplyAlerts,
    ClientChasing,
  ],
  exports: [DeadlineSweepService],
})
export class DeadlinesModule {}
