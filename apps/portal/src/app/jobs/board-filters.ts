import { EmploymentType, JobSearchQuery, WorkMode } from '@heardback/contracts';

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

function oneOf<T extends string>(values: Record<string, T>, value: string | undefined): T | '' {
  return (Object.values(values) as string[]).includes(value ?? '') ? (value as T) : '';
}

/** Reads the URL's parameters; values the API would refuse (an unknown work mode) are ignored. */
export function boardQueryFrom(params: {
  q?: string;
  location?: string;
  workMode?: string;
  employmentType?: string;
  clientId?: string;
}): BoardQuery {
  return {
    q: (params.q ?? '').trim(),
    location: (params.location ?? '').trim(),
    workMode: oneOf(WorkMode, params.workMode),
    employmentType: oneOf(EmploymentType, params.employmentType),
    clientId: /^[0-9a-f-]{36}$/i.test(params.clientId ?? '') ? (params.clientId as string) : '',
  };
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

/** URL query parameters for the router: empty values are removed from the URL. */
export function toQueryParams(query: Partial<BoardQuery>): Record<string, string | null> {
  const params: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(query)) {
    params[key] = value ? value : null;
  }
  return params;
}
