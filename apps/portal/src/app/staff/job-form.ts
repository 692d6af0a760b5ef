import { AbstractControl, ValidationErrors } from '@angular/forms';
import {
  CreateJobRequest,
  JobClosureView,
  AgencyJobDetail,
  JobStatus,
  WorkMode,
  EmploymentType,
  PayPeriod,
} from '@heardback/contracts';
import { JOB_STATUS_LABELS } from '../core/agency-labels';

/** What the job editor's form holds, as `getRawValue()` returns it. */
export interface JobFormValue {
  clientId: string;
  title: string;
  description: string;
  location: string;
  workMode: WorkMode;
  employmentType: EmploymentType;
  salary: { min: number | null; max: number | null; currency: string; period: PayPeriod };
  answerWithinWorkingDays: number;
  screeningWithinWorkingDays: number;
}

/** What the buttons save: a status to set, or the job's own status kept. */
export type SaveAs = JobStatus.Draft | JobStatus.Open | 'keep';

/** Salary is optional, but when any part is given, all three are needed and min ≤ max. */
export function salaryComplete(group: AbstractControl): ValidationErrors | null {
  const { min, max, currency } = group.value as JobFormValue['salary'];
  const given = [min !== null, max !== null, currency.trim() !== ''];
  if (given.every((part) => !part)) {
    return null;
  }
  if (!given.every(Boolean)) {
    return { incomplete: true };
  }
  return (min as number) > (max as number) ? { minAboveMax: true } : null;
}

/** The form's values for a loaded job. */
export function jobFormValue(job: AgencyJobDetail): JobFormValue {
  return {
    clientId: job.clientId,
    title: job.title,
    description: job.description,
    location: job.location,
    workMode: job.workMode,
    employmentType: job.employmentType,
    salary: {
      min: job.salary?.min ?? null,
      max: job.salary?.max ?? null,
      currency: job.salary?.currency ?? '',
      period: job.salary?.period ?? PayPeriod.Year,
    },
    answerWithinWorkingDays: job.answerWithinWorkingDays,
    screeningWithinWorkingDays: job.screeningWithinWorkingDays,
  };
}

/** The request the form's values make: trimmed, the salary only when complete. */
export function jobRequest(value: JobFormValue, pipeline: readonly string[], status: SaveAs): CreateJobRequest {
  const { min, max, currency, period } = value.salary;
  return {
    clientId: value.clientId,
    title: value.title.trim(),
    description: value.description.trim(),
    location: value.location.trim(),
    workMode: value.workMode,
    employmentType: value.employmentType,
    ...(min !== null && max !== null && currency.trim()
      ? {
          salary: {
            min: Number(min),
            max: Number(max),
            currency: currency.trim().toUpperCase(),
            period,
          },
        }
      : {}),
    pipeline: pipeline.map((name) => name.trim()),
    answerWithinWorkingDays: Number(value.answerWithinWorkingDays),
    screeningWithinWorkingDays: Number(value.screeningWithinWorkingDays),
    ...(status === 'keep' ? {} : { status }),
  };
}

/** What the jobs list says once the editor saved a job and went back to it. */
export function savedMessage(job: AgencyJobDetail): string {
  return job.status === JobStatus.Open
    ? `“${job.title}” is open: candidates can find it on the jobs board.`
    : `“${job.title}” is saved as ${JOB_STATUS_LABELS[job.status].toLowerCase()}.`;
}

/** What the editor says once a closure finished. */
export function closedMessage(closure: JobClosureView): string {
  return (
    `The job is ${JOB_STATUS_LABELS[closure.outcome].toLowerCase()}. ` +
    (closure.total === 0
      ? 'It had no open applications.'
      : `${closure.total} ${closure.total === 1 ? 'candidate has' : 'candidates have'} your message.`)
  );
}
