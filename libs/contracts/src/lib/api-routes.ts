/** Every API path lives under this prefix; the portal is served from everything else. */
export const API_PREFIX = 'api';
export const SESSION_COOKIE = 'hb_session';
export const XSRF_COOKIE = 'XSRF-TOKEN';
/**
 * Over HTTPS the cookies carry the `__Host-` prefix, which the browser only accepts from this
 * exact host, Secure, on path `/`: no subdomain or plain-HTTP page can plant or overwrite them.
 */
export const SECURE_COOKIE_PREFIX = '__Host-';

export function sessionCookieName(secure: boolean): string {
  return secure ? `${SECURE_COOKIE_PREFIX}${SESSION_COOKIE}` : SESSION_COOKIE;
}

export function xsrfCookieName(secure: boolean): string {
  return secure ? `${SECURE_COOKIE_PREFIX}${XSRF_COOKIE}` : XSRF_COOKIE;
}
