import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { PromisesModule } from '../promises/promises.module';
import { TimelineService } from './timeline.service';

@Module({ imports: [NotificationsModule, PromisesModule], providers: [TimelineService], exports: [TimelineService] })
export class TimelineModule {}
