/**
 * Whether a request is for the API. Routing ignores case ('/API/jobs' reaches the API), so this
 * does too: every check that must hold for the API (no-store, XSRF cookie, JSON 404s, no file
 * system) agrees with the router on what "the API" is.
 */
export function isApiPath(path: string): boolean {
  return API_PATH.test(path);
}

const API_PATH = /^\/api(\/|$)/i;

const ABSOLUTE_FORM = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;

/**
 * The path a request is routed by, from its URL as sent: without the scheme and host of an absolute-form
 * request line (`GET http://host/api/me`), without its query, and percent-decoded, because the router
 * decodes it too: '/%61pi/me' reaches the API, so it must be the API here as well (the reply's no-store,
 * the XSRF cookie, the JSON 404). A malformed escape is left as it is; the router refuses such a path.
 */
export function pathOf(url: string): string {
  const origin = url.startsWith('/') ? null : ABSOLUTE_FORM.exec(url);
  const target = origin ? url.slice(origin[0].length) || '/' : url;
  const end = target.search(/[?#]/);
  const path = end === -1 ? target : target.slice(0, end);
  if (!path.includes('%')) return path;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
