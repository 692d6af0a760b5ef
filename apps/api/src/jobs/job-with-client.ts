import type { ScreeningQuestion } from '@heardback/contracts';
import { prepared } from '../database/prepared-statement';
import type { JobSummaryRow, JobViewFields } from './job-view';

/**
 * One job by id with its client's name (the database keeps it on the job, by trigger): a
 * primary-key lookup, so one generic plan serves every id.
 */
export const JOB_WITH_CLIENT = prepared(
  `SELECT j.id, j.client_id, j.title, j.description, j.location, j.work_mode, j.employment_type,
          j.salary_min, j.salary_max, j.salary_currency, j.pay_period, j.status, j.owner_id, j.pipeline,
          j.answer_within_working_days, j.screening_within_working_days, j.screening_questions,
          j.published_at, j.created_at, j.client_name
     FROM jobs j
    WHERE j.id = $1`,
);

export interface JobWithClientRow extends JobSummaryRow {
  description: string;
  owner_id: string | null;
  pipeline: string[];
  answer_within_working_days: number;
  screening_within_working_days: number;
  screening_questions: ScreeningQuestion[];
  published_at: Date | null;
  created_at: Date;
}

/** The row as the job views read it; the same fields and types as JobEntity's columns. */
export function jobFromRow(row: JobWithClientRow): JobViewFields {
  return {
    id: row.id,
    clientId: row.client_id,
    title: row.title,
    description: row.description,
    location: row.location,
    workMode: row.work_mode,
    employmentType: row.employment_type,
    salaryMin: row.salary_min,
    salaryMax: row.salary_max,
    salaryCurrency: row.salary_currency,
    payPeriod: row.pay_period,
    status: row.status,
    ownerId: row.owner_id,
    pipeline: row.pipeline,
    answerWithinWorkingDays: row.answer_within_working_days,
    screeningWithinWorkingDays: row.screening_within_working_days,
    screeningQuestions: row.screening_questions,
    publishedAt: row.published_at,
    createdAt: row.created_at,
  };
}
