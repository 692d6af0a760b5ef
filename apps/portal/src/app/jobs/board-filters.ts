import {
  EmploymentType,
  JOB_LOCATION_MAX_LENGTH,
  JOB_SEARCH_TEXT_MAX_LENGTH,
  JobSearchQuery,
  JobSummary,
  WorkMode,
} from '@heardback/contracts';
import { anId, oneOf } from '../core/url-query';

/** What the board is showing: the search term and the filters, exactly as kept in the URL. */
export interface BoardQuery {
  q: string;
  location: string;
  workMode: WorkMode | '';
  employmentType: EmploymentType | '';
  clientId: string;
}

export const EMPTY_BOARD_QUERY: BoardQuery = {
  q: '',
  location: '',
  workMode: '',
  employmentType: '',
  clientId: '',
};

/**
 * Reads the URL's parameters; values the API would refuse (an unknown work mode) are ignored, and text
 * longer than the API searches is cut to what it searches (a pasted or hand-made link still shows jobs).
 */
export function boardQueryFrom(params: {
  q?: string;
  location?: string;
  workMode?: string;
  employmentType?: string;
  clientId?: string;
}): BoardQuery {
  return {
    q: cutTo((params.q ?? '').trim(), JOB_SEARCH_TEXT_MAX_LENGTH),
    location: cutTo((params.location ?? '').trim(), JOB_LOCATION_MAX_LENGTH),
    workMode: oneOf(WorkMode, params.workMode),
    employmentType: oneOf(EmploymentType, params.employmentType),
    clientId: anId(params.clientId),
  };
}

/** At most `max` characters, never half of one (an emoji is two UTF-16 units). */
function cutTo(text: string, max: number): string {
  return text.length <= max ? text : Array.from(text).slice(0, max).join('').trim();
}

export function sameBoardQuery(a: BoardQuery, b: BoardQuery): boolean {
  return (Object.keys(a) as (keyof BoardQuery)[]).every((key) => a[key] === b[key]);
}

export function hasFilters(query: BoardQuery): boolean {
  return Boolean(query.location || query.workMode || query.employmentType || query.clientId);
}

/** The API's search for this query; empty values are left out by jobSearchParams. */
export function toJobSearch(query: BoardQuery, cursor: string | null): JobSearchQuery {
  return {
    q: query.q,
    location: query.location,
    workMode: query.workMode || undefined,
    employmentType: query.employmentType || undefined,
    clientId: query.clientId,
    cursor: cursor ?? undefined,
  };
}

/** "3 jobs match “nurse” and your filters", "29 jobs", "No jobs match your filters": the true total. */
export function resultsInWords(total: number, shown: BoardQuery, capped = false): string {
  const what = [shown.q ? `“${shown.q}”` : '', hasFilters(shown) ? 'your filters' : ''].filter(Boolean).join(' and ');
  if (total === 0) {
    return what ? `No jobs match ${what}` : 'There are no open jobs right now';
  }
  const one = total === 1 && !capped;
  const jobs = `${capped ? 'More than ' : ''}${total} ${one ? 'job' : 'jobs'}`;
  return what ? `${jobs} ${one ? 'matches' : 'match'} ${what}` : jobs;
}

/** Above "Load more jobs": "Showing 20 of 29 jobs" (or "of more than 1000 jobs", when the API stopped counting). */
export function shownOfTotal(shown: number, total: number, capped = false): string {
  return `Showing ${shown} of ${capped ? 'more than ' : ''}${total} jobs`;
}

/** The phone's "Filters" button, with how many are in use: "Filters (2)". */
export function filtersButtonText(query: BoardQuery): string {
  const inUse = [query.location, query.workMode, query.employmentType, query.clientId].filter(Boolean).length;
  return inUse === 0 ? 'Filters' : `Filters (${inUse})`;
}

/** The clients seen so far, with those of `jobs` added; the same map when nothing is new. */
export function withClientsOf(
  jobs: readonly JobSummary[],
  known: ReadonlyMap<string, string>,
): ReadonlyMap<string, string> {
  if (jobs.every((job) => known.has(job.clientId))) {
    return known;
  }
  const next = new Map(known);
  for (const job of jobs) {
    next.set(job.clientId, job.clientName);
  }
  return next;
}

/**
 * The client filter's choices, by name: every client seen in the results, and the one chosen in
 * the link even when no result showed it yet.
 */
export function clientOptions(seen: ReadonlyMap<string, string>, chosen: string): { id: string; name: string }[] {
  const options = [...seen].map(([id, name]) => ({ id, name }));
  if (chosen && !seen.has(chosen)) {
    options.push({ id: chosen, name: 'The client in your link' });
  }
  return options.sort((a, b) => a.name.localeCompare(b.name));
}
