import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { TimelineModule } from '../timeline/timeline.module';
import { ReassignmentService } from './reassignment.service';
import { ReassignmentsController } from './reassignments.controller';
import { WorkAssignedNotice } from './work-assigned-notice';

@Module({
  imports: [AuditModule, TimelineModule, NotificationsModule],
  controllers: [ReassignmentsController],
  providers: [ReassignmentService, WorkAssignedNotice],
})
export class ReassignmentsModule {}
