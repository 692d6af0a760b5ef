import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { ClientsModule } from '../clients/clients.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { ClientReviewLinksModule } from '../client-review/client-review-links.module';
import { ClientReviewModule } from '../client-review/client-review.module';
import { JobsModule } from '../jobs/jobs.module';
import { TimelineModule } from '../timeline/timeline.module';
import { UsersModule } from '../users/users.module';
import { DemoClientLoop } from './demo-client-loop';
import { DemoAgency } from './demo-agency';
import { DemoDataLoader } from './demo-data.loader';
import { DemoHistory } from './demo-history';
import { DemoLogins } from './demo-logins';

@Module({
  imports: [
    UsersModule,
    ClientsModule,
    JobsModule,
    ApplicationsModule,
    TimelineModule,
    ClientReviewModule,
    ClientReviewLinksModule,
    DeadlinesModule,
  ],
  providers: [DemoDataLoader, DemoLogins, DemoClientLoop, DemoAgency, DemoHistory],
  exports: [DemoLogins],
})
export class DemoModule {}
