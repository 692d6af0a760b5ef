import type { SessionLifetimes } from '@heardback/domain';
import { isIP } from 'node:net';
import { DEFAULT_PROMISE_RULES, DEFAULT_WORKING_CALENDAR, PromiseRules } from '@heardback/domain';
import {
  Env,
  boolean,
  databaseReplicaUrls,
  databaseUrl,
  integer,
  oneOf,
  path,
  positiveNumber,
  publicHolidays,
  smtpUrl,
  timeZone,
  workingDays,
} from './env-values';

export type NodeEnvironment = 'development' | 'production' | 'test';
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** At most `points` in `windowSeconds`, counted from the first (rate-limiter-flexible's fixed window). */
export interface RateLimit {
  points: number;
  windowSeconds: number;
}

/**
 * Each limit, its variable and its default. A "client" is the caller's network address (see
 * TRUST_PROXY); an "account" is an email address (signed in or typed into a form). Defaults let a
 * busy office or campus behind one address work normally; see docs/adr/0010.
 */
const RATE_LIMITS = {
  /** The Nth failure pauses sign-in to that address for a whole window, the right password included. */
  signInFailuresPerAccount: { variable: 'RATE_LIMIT_SIGN_IN_FAILURES_PER_ACCOUNT', fallback: '5/15m' },
  signInFailuresPerClient: { variable: 'RATE_LIMIT_SIGN_IN_FAILURES_PER_CLIENT', fallback: '100/15m' },
  /** Each registration mails the address (a link, or a note to its owner): counted per mailbox (`+tags` folded). */
  registrationsPerAccount: { variable: 'RATE_LIMIT_REGISTRATIONS_PER_ACCOUNT', fallback: '5/1h' },
  registrationsPerClient: { variable: 'RATE_LIMIT_REGISTRATIONS_PER_CLIENT', fallback: '60/1h' },
  /** Finishing a registration checks a password (one argon2 hash each): tries from one network address. */
  registrationConfirmationsPerClient: {
    variable: 'RATE_LIMIT_REGISTRATION_CONFIRMATIONS_PER_CLIENT',
    fallback: '100/15m',
  },
  /** Passwords tried on one live link to finish registering, from anywhere; starting it again is not counted. */
  registrationConfirmationsPerLink: {
    variable: 'RATE_LIMIT_REGISTRATION_CONFIRMATIONS_PER_LINK',
    fallback: '10/15m',
  },
  /** Starting a registration again from its link mails the address anew: counted per mailbox, apart from registering. */
  registrationRestartsPerAccount: { variable: 'RATE_LIMIT_REGISTRATION_RESTARTS_PER_ACCOUNT', fallback: '5/1h' },
  passwordResetsPerAccount: { variable: 'RATE_LIMIT_PASSWORD_RESETS_PER_ACCOUNT', fallback: '5/1h' },
  passwordResetsPerClient: { variable: 'RATE_LIMIT_PASSWORD_RESETS_PER_CLIENT', fallback: '30/1h' },
  /** Signed-in actions that send mail: applying, withdrawing, telling the agency something, a new verification link. */
  mailingActionsPerAccount: { variable: 'RATE_LIMIT_MAILING_ACTIONS_PER_ACCOUNT', fallback: '30/1h' },
  mailingActionsPerClient: { variable: 'RATE_LIMIT_MAILING_ACTIONS_PER_CLIENT', fallback: '600/1h' },
  /** Candidates' CV and cover letter uploads (each up to 10 MiB read into memory). */
  documentUploadsPerAccount: { variable: 'RATE_LIMIT_DOCUMENT_UPLOADS_PER_ACCOUNT', fallback: '20/1h' },
  documentUploadsPerClient: { variable: 'RATE_LIMIT_DOCUMENT_UPLOADS_PER_CLIENT', fallback: '200/1h' },
  /** Downloading one's data: each export reads every row held about the person (ADR 0019). */
  dataExportsPerAccount: { variable: 'RATE_LIMIT_DATA_EXPORTS_PER_ACCOUNT', fallback: '10/1h' },
  dataExportsPerClient: { variable: 'RATE_LIMIT_DATA_EXPORTS_PER_CLIENT', fallback: '100/1h' },
  /** A client interviewer's review link, opened without an account (ADR 0031): per address and per link. */
  clientReviewsPerClient: { variable: 'RATE_LIMIT_CLIENT_REVIEWS_PER_CLIENT', fallback: '120/15m' },
  clientReviewsPerLink: { variable: 'RATE_LIMIT_CLIENT_REVIEWS_PER_LINK', fallback: '30/15m' },
  /** Answers to "how did we do" by the emailed token (no account): each try hashes a guess, so guessing is slowed too. */
  satisfactionAnswersPerClient: { variable: 'RATE_LIMIT_SATISFACTION_ANSWERS_PER_CLIENT', fallback: '120/1h' },
  /** Reading the score, the API's costliest reads (ADR 0047): a person clicking about never reaches one a second. */
  scoreReadsPerAccount: { variable: 'RATE_LIMIT_SCORE_READS_PER_ACCOUNT', fallback: '60/1m' },
  scoreReadsPerClient: { variable: 'RATE_LIMIT_SCORE_READS_PER_CLIENT', fallback: '300/1m' },
} as const;

export type RateLimitName = keyof typeof RATE_LIMITS;
export type RateLimits = Record<RateLimitName, RateLimit>;

/** Fastify's `trustProxy` (proxy-addr, as Express's `trust proxy` was): off, how many proxies in front, or which addresses are proxies. */
export type TrustProxy = false | number | string[];

/** Everything the API reads from the environment, validated once at boot. */
export interface AppConfig {
  nodeEnv: NodeEnvironment;
  /** pino's level; `warn` in tests keeps their output to what matters. */
  logLevel: LogLevel;
  port: number;
  databaseUrl: string;
  /** Streaming replicas for reads that may lag (the public board, a visitor's job page): ADR 0035. */
  databaseReplicaUrls: string[];
  runMigrations: boolean;
  demoData: boolean;
  /**
   * One debug log line per SQL statement, bound to its request (no SQL text, no values), so the API
   * tests can count the statements a request runs. Off unless LOG_SQL_STATEMENTS=true.
   */
  logSqlStatements: boolean;
  portalDir: string;
  sessions: {
    /** Idle timeout and absolute lifetime, by audience (agency roles get the short idle timeout). */
    lifetimes: SessionLifetimes;
    /** Signing in beyond this many sessions ends the least recently used. */
    maxPerUser: number;
  };
  /** Cookies are Secure everywhere but local development and tests over plain HTTP. */
  secureCookies: boolean;
  /** Which proxies may name the client (X-Forwarded-For); the per-client rate limits count by that address. */
  trustProxy: TrustProxy;
  rateLimits: RateLimits;
  passwordHashing: {
    /** argon2 hashes computed at once in this process; the rest wait in a queue of `queueLimit`, then get 429. */
    concurrency: number;
    queueLimit: number;
  };
  /** Run the job queue (deadline sweeps) and the outbox sender in this process. */
  runBackground: boolean;
  /**
   * Tests over HTTP only (NODE_ENV=test): a file holding how many milliseconds the API's clock runs
   * ahead of the machine's, so a test can move time forward (config/test-clock.ts); null: the real time.
   */
  testClockFile: string | null;
  /** Bounds that keep a fault (a frozen database, a flood, a deploy) from hanging anyone (ADR 0024). */
  resilience: ResilienceSettings;
  /** Where links in emails point. */
  publicUrl: string;
  mail: {
    /** SMTP server URL (smtp://user:pass@host:port); null writes .eml files to `dir` instead. */
    smtpUrl: string | null;
    dir: string;
    from: string;
    /**
     * How long a claim on a message lasts unless renewed: a live sender renews it every third of this while
     * the message waits or is being sent, so after a crash another sender takes the message over within it.
     */
    leaseSeconds: number;
    pollMilliseconds: number;
    /** Messages claimed per pass. */
    batchSize: number;
    /** Messages of a batch sent at once (each recipient's still one after another). */
    sendConcurrency: number;
    /** Pooled SMTP connections per process, and messages sent over one before it is replaced. */
    smtpConnections: number;
    messagesPerConnection: number;
    /** Multiplies every retry delay; 1 in production, small in tests of a failing mail server. */
    retryScale: number;
  };
  /** How the agency keeps its promises to candidates (ADR 0016). */
  promises: PromiseRules;
  /** Client interviewers' review links (ADR 0031). */
  clientReview: {
    /** A link lasts this many days, and never ends before the stage's feedback is due plus 5 working days. */
    linkDays: number;
  };
  /** The agency's working days and hours, in which every promise and deadline is counted. */
  calendar: {
    timeZone: string;
    dayStartsAt: number;
    dayEndsAt: number;
    workingDays: number[];
    /** Public holidays (`YYYY-MM-DD`, local dates), sorted: not working days whatever their weekday. */
    holidays: string[];
  };
}

export interface ResilienceSettings {
  database: {
    poolSize: number;
    /** Opening a connection, or waiting for a free one from the pool. */
    connectTimeoutMs: number;
    /** PostgreSQL cancels a statement running longer (statement_timeout). */
    statementTimeoutMs: number;
    /** The client gives up on a query the server never answers (a frozen host). */
    queryTimeoutMs: number;
    /** PostgreSQL ends a session left idle inside a transaction (idle_in_transaction_session_timeout). */
    idleInTransactionTimeoutMs: number;
    /** The public board's own statement_timeout: a search past it is answered "try a narrower search". */
    publicSearchTimeoutMs: number;
    /** How long a search found to match more jobs than the board counts is not counted again (0: always count). */
    publicSearchBroadMemoMs: number;
    /** Each score statement's own statement_timeout: past it, 503 SCORE_TOO_BROAD (ADR 0047). */
    scoreTimeoutMs: number;
  };
  /** A request not answered by then gets 503; uploads get `uploadTimeoutMs`. */
  requestTimeoutMs: number;
  uploadTimeoutMs: number;
  /** Requests handled at once by this process; beyond it, 503 at once rather than a long wait. */
  maxConcurrentRequests: number;
  /** Event-loop delay beyond which new requests are shed with 503. */
  maxEventLoopDelayMs: number;
  /** How long SIGTERM waits for in-flight requests before closing what is left. */
  shutdownGraceMs: number;
  /** Above a load balancer's idle timeout (60 s on AWS), so it never reuses a socket we just closed. */
  keepAliveTimeoutMs: number;
  /** A deadline sweep older than this makes /api/health report `degraded`. */
  sweepStaleAfterSeconds: number;
  /** Background work refuses to run when this instance's clock and the database's differ by more. */
  maxClockSkewMs: number;
  /** Prometheus metrics on their own port; null serves none. */
  metricsPort: number | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const APP_CONFIG = Symbol('APP_CONFIG');

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export function loadConfig(env: Env, cwd = process.cwd()): AppConfig {
  const problems: string[] = [];
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development', problems);
  const config: AppConfig = {
    nodeEnv,
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'warn' : 'info', problems),
    port: integer(env, 'PORT', 3000, 0, 65535, problems),
    databaseUrl: databaseUrl(env, problems),
    databaseReplicaUrls: databaseReplicaUrls(env, problems),
    runMigrations: boolean(env, 'RUN_MIGRATIONS', true, problems),
    demoData: boolean(env, 'DEMO_DATA', false, problems),
    logSqlStatements: boolean(env, 'LOG_SQL_STATEMENTS', false, problems),
    portalDir: path(env, 'PORTAL_DIR', 'dist/apps/portal/browser', cwd),
    sessions: {
      lifetimes: {
        agency: {
          idleMs: integer(env, 'SESSION_IDLE_MINUTES_AGENCY', 30, 1, 24 * 60, problems) * MINUTE,
          absoluteMs: integer(env, 'SESSION_ABSOLUTE_HOURS_AGENCY', 12, 1, 24 * 30, problems) * HOUR,
        },
        candidate: {
          idleMs: integer(env, 'SESSION_IDLE_MINUTES_CANDIDATE', 7 * 24 * 60, 1, 90 * 24 * 60, problems) * MINUTE,
          absoluteMs: integer(env, 'SESSION_ABSOLUTE_HOURS_CANDIDATE', 30 * 24, 1, 24 * 365, problems) * HOUR,
        },
      },
      maxPerUser: integer(env, 'SESSION_MAX_PER_USER', 10, 1, 1000, problems),
    },
    secureCookies: nodeEnv === 'production' && env['INSECURE_COOKIES'] !== 'true',
    trustProxy: trustProxy(env, problems),
    rateLimits: rateLimits(env, problems),
    passwordHashing: {
      concurrency: integer(env, 'PASSWORD_HASH_CONCURRENCY', 2, 1, 64, problems),
      queueLimit: integer(env, 'PASSWORD_HASH_QUEUE', 64, 0, 10_000, problems),
    },
    runBackground: boolean(env, 'RUN_BACKGROUND', true, problems),
    testClockFile: env['TEST_CLOCK_FILE'] ? path(env, 'TEST_CLOCK_FILE', '', cwd) : null,
    resilience: resilienceSettings(env, problems),
    publicUrl: (env['PUBLIC_URL'] || `http://localhost:${env['PORT'] || 3000}`).replace(/\/$/, ''),
    mail: {
      smtpUrl: smtpUrl(env, problems),
      dir: path(env, 'MAIL_DIR', '.data/mail', cwd),
      from: env['MAIL_FROM'] || 'Heardback <no-reply@heardback.test>',
      leaseSeconds: integer(env, 'OUTBOX_LEASE_SECONDS', 30, 3, 3600, problems),
      pollMilliseconds: integer(env, 'OUTBOX_POLL_MS', 2000, 50, 60_000, problems),
      batchSize: integer(env, 'OUTBOX_BATCH_SIZE', 50, 1, 1000, problems),
      sendConcurrency: integer(env, 'MAIL_SEND_CONCURRENCY', 8, 1, 100, problems),
      smtpConnections: integer(env, 'MAIL_SMTP_CONNECTIONS', 5, 1, 100, problems),
      messagesPerConnection: integer(env, 'MAIL_SMTP_MESSAGES_PER_CONNECTION', 100, 1, 100_000, problems),
      retryScale: positiveNumber(env, 'OUTBOX_RETRY_SCALE', 1, problems),
    },
    promises: {
      maxSilenceWorkingDays: integer(
        env,
        'PROMISE_MAX_SILENCE_WORKING_DAYS',
        DEFAULT_PROMISE_RULES.maxSilenceWorkingDays,
        1,
        20,
        problems,
      ),
      automaticUpdateWorkingDays: integer(
        env,
        'PROMISE_UPDATE_WORKING_DAYS',
        DEFAULT_PROMISE_RULES.automaticUpdateWorkingDays,
        1,
        20,
        problems,
      ),
      redatingsBeforeStaff: integer(
        env,
        'PROMISE_REDATINGS_BEFORE_STAFF',
        DEFAULT_PROMISE_RULES.redatingsBeforeStaff,
        0,
        10,
        problems,
      ),
    },
    clientReview: {
      linkDays: integer(env, 'CLIENT_REVIEW_LINK_DAYS', 14, 1, 90, problems),
    },
    calendar: {
      timeZone: timeZone(env, 'AGENCY_TIME_ZONE', DEFAULT_WORKING_CALENDAR.timeZone, problems),
      dayStartsAt: integer(env, 'WORKDAY_STARTS_AT', DEFAULT_WORKING_CALENDAR.dayStartsAt, 0, 23, problems),
      dayEndsAt: integer(env, 'WORKDAY_ENDS_AT', DEFAULT_WORKING_CALENDAR.dayEndsAt, 1, 24, problems),
      workingDays: workingDays(env, problems),
      holidays: publicHolidays(env, problems),
    },
  };
  if (config.calendar.dayEndsAt <= config.calendar.dayStartsAt) {
    problems.push('WORKDAY_ENDS_AT must be later than WORKDAY_STARTS_AT');
  }
  // A clock anyone can move would let a deployment's deadlines be skipped: tests only.
  if (config.testClockFile !== null && nodeEnv !== 'test') {
    problems.push('TEST_CLOCK_FILE is for tests only: set NODE_ENV=test or remove it');
  }
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  return config;
}

function resilienceSettings(env: Env, problems: string[]): ResilienceSettings {
  const metricsPort = env['METRICS_PORT'] ? integer(env, 'METRICS_PORT', 0, 1, 65535, problems) : null;
  return {
    database: {
      poolSize: integer(env, 'DB_POOL_SIZE', 10, 1, 500, problems),
      connectTimeoutMs: integer(env, 'DB_CONNECT_TIMEOUT_MS', 5_000, 100, 120_000, problems),
      statementTimeoutMs: integer(env, 'DB_STATEMENT_TIMEOUT_MS', 10_000, 100, 3_600_000, problems),
      queryTimeoutMs: integer(env, 'DB_QUERY_TIMEOUT_MS', 12_000, 100, 3_600_000, problems),
      idleInTransactionTimeoutMs: integer(env, 'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', 10_000, 100, 3_600_000, problems),
      publicSearchTimeoutMs: integer(env, 'PUBLIC_SEARCH_TIMEOUT_MS', 400, 10, 60_000, problems),
      publicSearchBroadMemoMs: integer(env, 'PUBLIC_SEARCH_BROAD_MEMO_MS', 300_000, 0, 3_600_000, problems),
      scoreTimeoutMs: integer(env, 'SCORE_TIMEOUT_MS', 8_000, 1, 3_600_000, problems),
    },
    requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', 15_000, 100, 600_000, problems),
    uploadTimeoutMs: integer(env, 'UPLOAD_TIMEOUT_MS', 120_000, 100, 3_600_000, problems),
    maxConcurrentRequests: integer(env, 'MAX_CONCURRENT_REQUESTS', 256, 1, 100_000, problems),
    maxEventLoopDelayMs: integer(env, 'MAX_EVENT_LOOP_DELAY_MS', 1_000, 10, 60_000, problems),
    shutdownGraceMs: integer(env, 'SHUTDOWN_GRACE_MS', 7_000, 0, 600_000, problems),
    keepAliveTimeoutMs: integer(env, 'KEEP_ALIVE_TIMEOUT_MS', 65_000, 1_000, 600_000, problems),
    sweepStaleAfterSeconds: integer(env, 'SWEEP_STALE_AFTER_SECONDS', 300, 30, 86_400, problems),
    maxClockSkewMs: integer(env, 'MAX_CLOCK_SKEW_MS', 5_000, 100, 3_600_000, problems),
    metricsPort,
  };
}

const PERIOD_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600 };

/** "5/15m" → 5 in 900 s; null unless 1 to 1,000,000 per 1 s to 24 h. */
function parseRate(raw: string): RateLimit | null {
  const match = /^(\d+)\/(\d+)([smh])$/.exec(raw.trim());
  if (!match) return null;
  const points = Number(match[1]);
  const windowSeconds = Number(match[2]) * PERIOD_SECONDS[match[3]];
  return points >= 1 && points <= 1_000_000 && windowSeconds >= 1 && windowSeconds <= 86_400
    ? { points, windowSeconds }
    : null;
}

function rateLimits(env: Env, problems: string[]): RateLimits {
  const entries = Object.entries(RATE_LIMITS).map(([name, { variable, fallback }]) => {
    const raw = env[variable] || fallback;
    const limit = parseRate(raw);
    if (!limit) {
      problems.push(
        `${variable} must be a count per period such as ${fallback}: 1 to 1000000 per 1s to 24h (got "${raw}")`,
      );
    }
    return [name, limit ?? parseRate(fallback)];
  });
  return Object.fromEntries(entries) as RateLimits;
}

const PROXY_KEYWORDS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** Off by default: with no proxy in front, X-Forwarded-For says whatever the caller wants it to. */
function trustProxy(env: Env, problems: string[]): TrustProxy {
  const raw = env['TRUST_PROXY']?.trim();
  if (!raw || raw === 'false') return false;
  if (/^\d+$/.test(raw) && Number(raw) >= 1 && Number(raw) <= 10) return Number(raw);
  const entries = raw.split(',').map((entry) => entry.trim());
  if (entries.every(isProxyAddress)) return entries;
  problems.push(
    `TRUST_PROXY must be false, a number of proxies from 1 to 10, or a comma-separated list of proxy addresses, subnets or loopback/linklocal/uniquelocal (got "${raw}")`,
  );
  return false;
}

/** `loopback`, `10.0.0.1`, `10.0.0.0/8`, `fd00::/8`: what `trustProxy` (proxy-addr) accepts in a list. */
function isProxyAddress(entry: string): boolean {
  if (PROXY_KEYWORDS.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}
