import { AgencyJobDetail, JobDetail, JobSummary } from '@heardback/contracts';
import { JobEntity } from './job.entity';

export function toJobSummary(job: JobEntity, clientName: string): JobSummary {
  return {
    id: job.id,
    title: job.title,
    clientId: job.clientId,
    clientName,
    location: job.location,
    workMode: job.workMode,
    employmentType: job.employmentType,
    salary:
      job.salaryMin !== null && job.salaryMax !== null && job.salaryCurrency !== null
        ? { min: job.salaryMin, max: job.salaryMax, currency: job.salaryCurrency, period: job.payPeriod }
        : null,
    status: job.status,
    publishedAt: (job.publishedAt ?? job.createdAt).toISOString(),
  };
}

/** What visitors and candidates receive: no staff ids. */
export function toJobDetail(job: JobEntity, clientName: string): JobDetail {
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
export function toAgencyJobDetail(job: JobEntity, clientName: string): AgencyJobDetail {
  return { ...toJobDetail(job, clientName), ownerId: job.ownerId };
}
