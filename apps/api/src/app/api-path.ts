/**
 * Whether a request is for the API. Routing ignores case ('/API/jobs' reaches the API), so this
 * does too: every check that must hold for the API (no-store, XSRF cookie, JSON 404s, no file
 * system) agrees with the router on what "the API" is.
 */
export function isApiPath(path: string): boolean {
  return API_PATH.test(path);
}

const API_PATH = /^\/api(\/|$)/i;

/** A request URL's path, without its query, as sent (not decoded): what Express called `request.path`. */
export function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
