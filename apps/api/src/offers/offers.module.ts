import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { TimelineModule } from '../timeline/timeline.module';
import { OfferAnswersService } from './offer-answers.service';
import { OffersController } from './offers.controller';

/** Issue 10, item 7: the candidate answers their offer (ADR 0020). */
@Module({
  imports: [ApplicationsModule, TimelineModule, NotificationsModule],
  controllers: [OffersController],
  providers: [OfferAnswersService],
})
export class OffersModule {}
