import {
  AgencyJobDetail,
  EmploymentType,
  JobDetail,
  JobStatus,
  JobSummary,
  PayPeriod,
  SalaryRange,
  WorkMode,
} from '@heardback/contracts';
import { JobEntity } from './job.entity';

/** A job's columns as every raw statement of ours reads them (the board, the agency list, the job page). */
export interface JobSummaryRow {
  id: string;
  title: string;
  client_id: string;
  client_name: string;
  location: string;
  work_mode: WorkMode;
  employment_type: EmploymentType;
  salary_min: number | null;
  salary_max: number | null;
  salary_currency: string | null;
  pay_period: PayPeriod;
  status: JobStatus;
}

/** What a job's views are drawn from: the entity, or the job page's one prepared statement (jobs.service.ts). */
export type JobViewFields = Omit<JobEntity, 'client' | 'updatedAt'>;

/** A job's pay range as shown, or none when the agency left any part of it out. */
export function salaryRange(
  min: number | null,
  max: number | null,
  currency: string | null,
  period: PayPeriod,
): SalaryRange | null {
  return min !== null && max !== null && currency !== null ? { min, max, currency, period } : null;
}

export function toJobSummary(job: JobViewFields, clientName: string): JobSummary {
  return {
    id: job.id,
    title: job.title,
    clientId: job.clientId,
    clientName,
    location: job.location,
    workMode: job.workMode,
    employmentType: job.employmentType,
    salary: salaryRange(job.salaryMin, job.salaryMax, job.salaryCurrency, job.payPeriod),
    status: job.status,
    publishedAt: (job.publishedAt ?? job.createdAt).toISOString(),
  };
}

/** What visitors and candidates receive: no staff ids. */
export function toJobDetail(job: JobViewFields, clientName: string): JobDetail {
  return {
    ...toJobSummary(job, clientName),
    description: job.description,
    pipeline: job.pipeline,
    answerWithinWorkingDays: job.answerWithinWorkingDays,
    screeningWithinWorkingDays: job.screeningWithinWorkingDays,
    screeningQuestions: job.screeningQuestions,
  };
}

/** What agency people receive: the job with its owner. */
export function toAgencyJobDetail(job: JobViewFields, clientName: string): AgencyJobDetail {
  return { ...toJobDetail(job, clientName), ownerId: job.ownerId };
}
