import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { JobClosuresModule } from '../job-closures/job-closures.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { QueueModule } from './queue.module';

/**
 * Everything that runs in the background: the queue, the deadline sweep, job closures and the
 * outbox sender. Each starts its workers only when RUN_BACKGROUND is on (always in the worker).
 */
@Module({ imports: [QueueModule, DeadlinesModule, JobClosuresModule, NotificationsModule] })
export class BackgroundModule {}
