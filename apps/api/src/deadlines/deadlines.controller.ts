import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DeadlineSweepResult, EscalationView, UserRole } from '@heardback/contracts';
import { Roles } from '../auth/access.decorators';
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

  /** Overdue feedback escalated to staff and still not recorded, longest overdue first. */
  @Get('escalations')
  escalations(): Promise<EscalationView[]> {
    return this.escalationList.open();
  }
}
