/**
 * Whether an error means "PostgreSQL cannot be reached or cannot serve just now" (a restart, a
 * frozen host, a full pool) rather than a fault in the request or in our code. Such errors become
 * 503 with Retry-After, never 500, and are logged once per outage (DatabaseOutage).
 */
export function databaseUnavailableReason(error: unknown): string | null {
  for (const candidate of causes(error)) {
    const code = typeof candidate.code === 'string' ? candidate.code : '';
    if (NETWORK_CODES.has(code)) return `connection ${code}`;
    // SQLSTATE class 08: connection exception; 57P0x: the server is shutting down or starting.
    if (/^08[0-9A-Z]{3}$/.test(code) || /^57P0[1-4]$/.test(code)) return `PostgreSQL ${code}`;
    if (code === '53300') return 'PostgreSQL has too many connections';
    if (code === '57014') return 'a statement ran past statement_timeout';
    const message = typeof candidate.message === 'string' ? candidate.message : '';
    const known = UNAVAILABLE_MESSAGES.find((pattern) => pattern.test(message));
    if (known) return message;
  }
  return null;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/** node-postgres and pg-pool say these in words, without a code. */
const UNAVAILABLE_MESSAGES = [
  /^timeout exceeded when trying to connect$/i,
  /^Connection terminated/i,
  /^Query read timeout$/i,
  /Client has encountered a connection error and is not queryable/i,
  /^Connection timeout$/i,
];

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
}

/** The error and what it wraps: TypeORM's QueryFailedError keeps pg's error as `driverError`. */
function* causes(error: unknown): Generator<ErrorLike> {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const candidate = current as ErrorLike;
    yield candidate;
    current = candidate.driverError ?? candidate.cause;
  }
}
