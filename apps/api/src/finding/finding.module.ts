import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { ApplicationArrivalMailer } from './application-arrival-mailer';
import { ApplicationSearchService } from './application-search.service';
import { FindingController } from './finding.controller';
import { NewApplicationsService } from './new-applications.service';

/** Recruiters find people (issue 10, item 4): search, the new applications, and the email when one arrives. */
@Module({
  imports: [NotificationsModule],
  controllers: [FindingController],
  providers: [ApplicationSearchService, NewApplicationsService, ApplicationArrivalMailer],
  exports: [ApplicationArrivalMailer],
})
export class FindingModule {}
