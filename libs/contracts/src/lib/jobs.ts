import { MyApplicationOnJob } from './consent';
import { EmploymentType, JobStatus, WorkMode } from './enums';
import { PayPeriod } from './offers';
import { ScreeningQuestion, ScreeningQuestionInput } from './screening';

export interface ClientView {
  id: string;
  name: string;
}

/**
 * GET /api/clients (staff and recruiters): clients by name (case-insensitive), a page at a time.
 * `q` keeps those whose name contains it (any case); `ids` (comma-separated, at most
 * CLIENT_LIST_MAX_LIMIT) keeps those clients only, to name clients known by id.
 */
export interface ClientListQuery {
  q?: string;
  ids?: string[];
  cursor?: string;
  limit?: number;
}

export const CLIENT_LIST_DEFAULT_LIMIT = 50;
export const CLIENT_LIST_MAX_LIMIT = 100;

/** A page of clients, with how many match in all. */
export interface ClientPage extends Page<ClientView> {
  total: number;
}

export interface CreateClientRequest {
  name: string;
}

/** A job's pay range in whole units of a currency, per year, day or hour. */
export interface SalaryRange {
  min: number;
  max: number;
  currency: string;
  period: PayPeriod;
}

/** A pay range as the agency writes it; the period is a year when left out. */
export type SalaryRangeRequest = Omit<SalaryRange, 'period'> & { period?: PayPeriod };

export interface JobSummary {
  id: string;
  title: string;
  clientId: string;
  clientName: string;
  location: string;
  workMode: WorkMode;
  employmentType: EmploymentType;
  salary: SalaryRange | null;
  status: JobStatus;
  publishedAt: string;
}

export interface JobDetail extends JobSummary {
  description: string;
  pipeline: string[];
  /** Candidates hear about each interview by the end of this many working days after it. */
  answerWithinWorkingDays: number;
  /** Applicants hear whether they move forward by the end of this many working days after applying. */
  screeningWithinWorkingDays: number;
  /** What every applicant is asked, in order (at most SCREENING_QUESTIONS_MAX). */
  screeningQuestions: ScreeningQuestion[];
  /** Only for a signed-in candidate: their latest application to this job, or null if they never applied. */
  myApplication?: MyApplicationOnJob | null;
}

/** A job as agency people see it: with the id of the recruiter who owns it. Never sent to visitors or candidates. */
export interface AgencyJobDetail extends JobDetail {
  ownerId: string | null;
}

export interface JobSearchQuery {
  q?: string;
  location?: string;
  workMode?: WorkMode;
  employmentType?: EmploymentType;
  clientId?: string;
  cursor?: string;
  limit?: number;
}

export interface CreateJobRequest {
  clientId: string;
  title: string;
  description: string;
  location: string;
  workMode: WorkMode;
  employmentType: EmploymentType;
  salary?: SalaryRangeRequest;
  status?: JobStatus.Draft | JobStatus.Open;
  pipeline: string[];
  answerWithinWorkingDays?: number;
  screeningWithinWorkingDays?: number;
  ownerId?: string;
  /** Replaces the job's questions as a whole; answers already given keep the question as it was asked. */
  screeningQuestions?: ScreeningQuestionInput[];
}

export type UpdateJobRequest = Partial<CreateJobRequest>;

/** A page of results with an opaque cursor for the next page, or null at the end. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A page of the public board, with how many open jobs match the search and filters in all. */
export interface JobBoardPage extends Page<JobSummary> {
  /** How many open jobs match, counted up to JOB_SEARCH_COUNT_CAP. */
  total: number;
  /** More jobs match than were counted: `total` is JOB_SEARCH_COUNT_CAP and means "more than". */
  totalCapped: boolean;
  /**
   * For a keyword search that found nothing: the same search with near misses corrected ("Londn" →
   * "London"), offered only when it finds jobs with the same filters. Null otherwise.
   */
  didYouMean: string | null;
}

export const JOB_SEARCH_DEFAULT_LIMIT = 20;
export const JOB_SEARCH_MAX_LIMIT = 100;
/**
 * The board counts matching jobs up to this many: an exact count of a broad search at a million jobs
 * reads every match, and nobody reads past "more than 1000 jobs" (ADR 0027).
 */
export const JOB_SEARCH_COUNT_CAP = 1000;
/** The agency's default promise: an answer by the end of the second working day after each interview. */
export const DEFAULT_ANSWER_WITHIN_WORKING_DAYS = 2;
export const DEFAULT_SCREENING_WITHIN_WORKING_DAYS = 5;
