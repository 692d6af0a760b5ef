import { Module } from '@nestjs/common';
import { AuditEventListService } from './audit-event-list.service';
import { AuditEventsController } from './audit-events.controller';
import { AuditTrail } from './audit-trail';

/** The audit trail: every domain module that changes records imports it to write its rows. */
@Module({
  controllers: [AuditEventsController],
  providers: [AuditTrail, AuditEventListService],
  exports: [AuditTrail],
})
export class AuditModule {}
