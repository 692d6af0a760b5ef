import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { ClientsModule } from '../clients/clients.module';
import { JobsModule } from '../jobs/jobs.module';
import { TimelineModule } from '../timeline/timeline.module';
import { UsersModule } from '../users/users.module';
import { DemoDataLoader } from './demo-data.loader';
import { DemoLogins } from './demo-logins';

@Module({
  imports: [UsersModule, ClientsModule, JobsModule, ApplicationsModule, TimelineModule],
  providers: [DemoDataLoader, DemoLogins],
  exports: [DemoLogins],
})
export class DemoModule {}
