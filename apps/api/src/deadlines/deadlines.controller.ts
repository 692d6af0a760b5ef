import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DeadlineSweepResult, EscalationView, UserRole } from '@heardback/contracts';
import { OPEN_STATUSES } from '@heardback/domain';
import { DataSource } from 'typeorm';
import { Roles } from '../auth/access.decorators';
import { DeadlineSweepService } from './deadline-sweep.service';

interface EscalationRow {
  application_id: string;
  stage_id: string;
  stage_name: string;
  candidate_name: string;
  job_title: string;
  client_name: string;
  feedback_due_at: Date;
  fired_at: Date;
}

@ApiTags('agency')
@Roles(UserRole.Staff)
@Controller('agency')
export class DeadlinesController {
  constructor(
    private readonly sweeper: DeadlineSweepService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Runs the deadline sweep now instead of waiting for the next minute (safe to repeat: each alert fires once). */
  @Post('deadlines/sweep')
  @HttpCode(200)
  sweep(): Promise<DeadlineSweepResult> {
    return this.sweeper.sweep();
  }

  /** Overdue feedback escalated to staff and still not recorded, longest overdue first. */
  @Get('escalations')
  async escalations(): Promise<EscalationView[]> {
    const rows: EscalationRow[] = await this.dataSource.query(
      `SELECT a.id AS application_id, s.id AS stage_id, s.name AS stage_name, u.full_name AS candidate_name,
              j.title AS job_title, c.name AS client_name, s.feedback_due_at, d.fired_at
         FROM deadline_alerts d
         JOIN application_stages s ON s.id = d.stage_id AND s.feedback_due_at = d.due_at
         JOIN applications a ON a.id = s.application_id
         JOIN users u ON u.id = a.candidate_id
         JOIN jobs j ON j.id = a.job_id
         JOIN clients c ON c.id = j.client_id
        WHERE d.kind = 'escalation' AND a.status = ANY($1)
          AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.stage_id = s.id)
        ORDER BY s.feedback_due_at`,
      [OPEN_STATUSES],
    );
    return rows.map((row) => ({
      applicationId: row.application_id,
      stageId: row.stage_id,
      stageName: row.stage_name,
      candidateName: row.candidate_name,
      jobTitle: row.job_title,
      clientName: row.client_name,
      feedbackDueAt: row.feedback_due_at.toISOString(),
      escalatedAt: row.fired_at.toISOString(),
    }));
  }
}
