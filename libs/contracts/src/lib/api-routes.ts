/** Every API path lives under this prefix; the portal is served from everything else. */
export const API_PREFIX = 'api';
export const SESSION_COOKIE = 'hb_session';
