import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CLOCK, Clock } from '../config/clock';
import { AgencyApplicationSummary, WaitingApplication } from '@heardback/contracts';
import { OPEN_STATUSES, daysSilent, effectiveStageState, isLongSilence, waitingFor } from '@heardback/domain';
import { DataSource } from 'typeorm';
import { factsOf, loadStageRecords } from './application-records';
import { ApplicationEntity } from './application.entity';

interface ApplicationRow {
  id: string;
  version: number;
  status: ApplicationEntity['status'];
  current_stage_id: string | null;
  created_at: Date;
  candidate_id: string;
  full_name: string;
  email: string;
  job_id: string;
  title: string;
  client_name: string;
  last_heard_at: Date;
}

/**
 * Lists of applications for the agency, built in three queries whatever the list's length
 * (applications, their stages, their current feedback decisions), never one query per row.
 */
@Injectable()
export class AgencyApplicationListsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  forJob(jobId: string): Promise<AgencyApplicationSummary[]> {
    return this.summaries('a.job_id = $1', [jobId], 'a.created_at ASC');
  }

  /** Open applications, the longest-silent first: whoever has waited longest to hear anything. */
  async waiting(now = this.clock.now()): Promise<WaitingApplication[]> {
    const summaries = await this.summaries('a.status = ANY($1)', [OPEN_STATUSES], 'heard.last_heard_at ASC, a.id');
    return summaries.map((summary) => {
      const silentDays = daysSilent(new Date(summary.lastHeardAt), now);
      return { ...summary, daysSilent: silentDays, longSilence: isLongSilence(silentDays) };
    });
  }

  private async summaries(where: string, params: unknown[], orderBy: string): Promise<AgencyApplicationSummary[]> {
    const rows: ApplicationRow[] = await this.dataSource.query(
      `SELECT a.id, a.version, a.status, a.current_stage_id, a.created_at,
              u.id AS candidate_id, u.full_name, u.email, j.id AS job_id, j.title, c.name AS client_name,
              heard.last_heard_at
         FROM applications a
         CROSS JOIN LATERAL application_last_heard(a) heard
         JOIN users u ON u.id = a.candidate_id
         JOIN jobs j ON j.id = a.job_id
         JOIN clients c ON c.id = j.client_id
        WHERE ${where}
        ORDER BY ${orderBy}
        LIMIT 1000`,
      params,
    );
    if (rows.length === 0) return [];
    const stageRecords = await loadStageRecords(
      this.dataSource.manager,
      rows.map((row) => row.id),
    );
    const now = this.clock.now();
    return rows.map((row) => {
      const ownStages = stageRecords.stagesOf(row.id);
      const facts = factsOf(
        { status: row.status, currentStageId: row.current_stage_id },
        ownStages,
        stageRecords.decisionOf,
      );
      const index = ownStages.findIndex((stage) => stage.id === row.current_stage_id);
      const current = index >= 0 ? ownStages[index] : null;
      return {
        id: row.id,
        version: row.version,
        status: row.status,
        candidate: { id: row.candidate_id, fullName: row.full_name, email: row.email },
        job: { id: row.job_id, title: row.title, clientName: row.client_name },
        currentStage: current
          ? {
              id: current.id,
              name: current.name,
              position: current.position,
              state: effectiveStageState(facts.stages[index], now),
              feedbackDueAt: current.feedbackDueAt?.toISOString() ?? null,
            }
          : null,
        waitingFor: waitingFor(facts, now),
        appliedAt: row.created_at.toISOString(),
        lastHeardAt: new Date(row.last_heard_at).toISOString(),
      };
    });
  }
}
