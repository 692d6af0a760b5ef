import { HttpParams } from '@angular/common/http';

/** Filters kept in a page's URL: read back safely, written without empty values. */

/** The value when it is one of the enum's values; '' otherwise (a hand-edited or stale link). */
export function oneOf<T extends string>(values: Record<string, T>, value: string | undefined): T | '' {
  return (Object.values(values) as string[]).includes(value ?? '') ? (value as T) : '';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The id when it looks like one of the API's ids; '' otherwise. */
export function anId(value: string | undefined): string {
  return UUID.test(value ?? '') ? (value as string) : '';
}

/** URL query parameters for the router: empty values are removed from the URL. */
export function toQueryParams<Q extends object>(query: Partial<Q>): Record<string, string | null> {
  const params: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(query)) {
    params[key] = value ? String(value) : null;
  }
  return params;
}

/** A request's query string: values trimmed, empty and missing ones left out. */
export function httpQueryParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [name, value] of Object.entries(query) as [string, string | number | undefined][]) {
    const text = typeof value === 'string' ? value.trim() : value;
    if (text === undefined || text === '') {
      continue;
    }
    params = params.set(name, String(text));
  }
  return params;
}
