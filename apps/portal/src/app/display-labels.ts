import { EmploymentType, WorkMode } from '@heardback/contracts';

/** The words a person reads for each enum value the API sends. */
export const WORK_MODE_LABELS: Record<WorkMode, string> = {
  [WorkMode.Onsite]: 'On-site',
  [WorkMode.Hybrid]: 'Hybrid',
  [WorkMode.Remote]: 'Remote',
};

export const EMPLOYMENT_TYPE_LABELS: Record<EmploymentType, string> = {
  [EmploymentType.FullTime]: 'Full-time',
  [EmploymentType.PartTime]: 'Part-time',
  [EmploymentType.Contract]: 'Contract',
  [EmploymentType.Temporary]: 'Temporary',
  [EmploymentType.Internship]: 'Internship',
};
