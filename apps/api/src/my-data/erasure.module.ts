import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { TimelineModule } from '../timeline/timeline.module';
import { AccountErasureService } from './account-erasure.service';

/** Erasure (ADR 0019), shared by the candidate's own request and the retention sweep. */
@Module({
  imports: [TimelineModule, NotificationsModule],
  providers: [AccountErasureService],
  exports: [AccountErasureService],
})
export class ErasureModule {}
