import { ApplicationStatus } from './enums';

/**
 * Issue 10, item 4: recruiters find people. A search across applications, and the list of
 * applications nobody has screened yet. Both are paged by an opaque cursor.
 */

/** GET /api/agency/applications/search?q=&cursor= (recruiters and staff). */
export interface ApplicationSearchQuery {
  /** Part of a candidate's name or email, a job title or a client's name; trimmed, 2–100 characters. */
  q: string;
  cursor?: string;
}

/** One application as the agency finds it. */
export interface FoundApplication {
  id: string;
  status: ApplicationStatus;
  candidate: { id: string; fullName: string; email: string };
  job: { id: string; title: string; clientName: string };
  appliedAt: string;
}

/** Search results, newest application first. */
export interface ApplicationSearchPage {
  items: FoundApplication[];
  nextCursor: string | null;
}

/** GET /api/agency/applications/new?mine=&cursor= (recruiters and staff). */
export interface NewApplicationsQuery {
  /** Only applications whose work is the caller's; recruiters see theirs unless they send `false`. */
  mine?: boolean;
  cursor?: string;
}

/**
 * How long a candidate has waited, in the agency's working time (its calendar: hours, weekends,
 * holidays): whole working days, then the whole working hours left over. `timeWaited()` in
 * libs/domain computes it and `waitingWords()` says it.
 */
export interface TimeWaited {
  workingDays: number;
  hours: number;
}

/** An application not yet screened, with how long it has waited. */
export interface NewApplication extends FoundApplication {
  waited: TimeWaited;
}

/** Applications not yet screened, the one waiting longest first. */
export interface NewApplicationsPage {
  items: NewApplication[];
  nextCursor: string | null;
  /** How many match in all (every page), so the page can say "12 waiting". */
  total: number;
  /** Whether the list is the caller's own work only (the default for recruiters). */
  mine: boolean;
}
