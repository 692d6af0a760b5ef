import { Module } from '@nestjs/common';
import { AccountPurgeModule } from '../auth/account-purge.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { JobClosuresModule } from '../job-closures/job-closures.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RetentionModule } from '../my-data/retention/retention.module';
import { KeptCountsFoldModule } from './kept-counts-fold.module';
import { QueueModule } from './queue.module';

/**
 * Everything that runs in the background: the queue, the deadline sweep, job closures, the
 * outbox sender, the purge of ended sessions, the retention of candidates' data and the folding of
 * the kept counts behind two totals. Each starts its workers only when RUN_BACKGROUND is on (always in the worker).
 */
@Module({
  imports: [
    QueueModule,
    DeadlinesModule,
    JobClosuresModule,
    NotificationsModule,
    AccountPurgeModule,
    RetentionModule,
    KeptCountsFoldModule,
  ],
})
export class BackgroundModule {}
