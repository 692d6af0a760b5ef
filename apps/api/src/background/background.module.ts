import { Module } from '@nestjs/common';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { JobQueue } from './job-queue';

/** The queue and the outbox sender; the API runs them unless RUN_BACKGROUND=false, the worker always. */
@Module({ imports: [DeadlinesModule, NotificationsModule], providers: [JobQueue] })
export class BackgroundModule {}
