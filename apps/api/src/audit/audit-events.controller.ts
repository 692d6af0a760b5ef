import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditEventPage, UserRole } from '@heardback/contracts';
import { Roles } from '../auth/access.decorators';
import { AuditEventListService } from './audit-event-list.service';
import { AuditEventsQueryDto } from './dto/audit-events-query.dto';

/** Staff only: recruiters are audited, they do not read the audit. */
@ApiTags('audit')
@Roles(UserRole.Staff)
@Controller('audit-events')
export class AuditEventsController {
  constructor(private readonly events: AuditEventListService) {}

  @Get()
  list(@Query() query: AuditEventsQueryDto): Promise<AuditEventPage> {
    return this.events.list(query);
  }
}
