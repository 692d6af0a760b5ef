import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DeadlineSweepResult, EscalationPage, UserRole } from '@heardback/contracts';
import { Roles } from '../auth/access.decorators';
import { WorkListPageDto } from '../database/work-list-page.dto';
import { DeadlineSweepService } from './deadline-sweep.service';
import { EscalationListService } from './escalation-list.service';

@ApiTags('agency')
@Roles(UserRole.Staff)
@Controller('agency')
export class DeadlinesController {
  constructor(
    private readonly sweeper: DeadlineSweepService,
    private readonly escalationList: EscalationListService,
  ) {}

  /** Runs the deadline sweep now instead of waiting for the next minute (safe to repeat: each alert fires once). */
  @Post('deadlines/sweep')
  @HttpCode(200)
  sweep(): Promise<DeadlineSweepResult> {
    return this.sweeper.sweep();
  }

  /** Overdue feedback escalated to staff and still not recorded, longest overdue first, a page at a time. */
  @Get('escalations')
  escalations(@Query() query: WorkListPageDto): Promise<EscalationPage> {
    return this.escalationList.open(query.cursor, query.limit);
  }
}
