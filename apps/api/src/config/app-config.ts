import type { SessionLifetimes } from '@heardback/domain';
import { isAbsolute, resolve } from 'node:path';
import { DEFAULT_WORKING_CALENDAR } from '@heardback/domain';

export type NodeEnvironment = 'development' | 'production' | 'test';
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Everything the API reads from the environment, validated once at boot. */
export interface AppConfig {
  nodeEnv: NodeEnvironment;
  /** pino's level; `warn` in tests keeps their output to what matters. */
  logLevel: LogLevel;
  port: number;
  databaseUrl: string;
  runMigrations: boolean;
  demoData: boolean;
  portalDir: string;
  sessions: {
    /** Idle timeout and absolute lifetime, by audience (agency roles get the short idle timeout). */
    lifetimes: SessionLifetimes;
    /** Signing in beyond this many sessions ends the least recently used. */
    maxPerUser: number;
  };
  /** Cookies are Secure everywhere but local development and tests over plain HTTP. */
  secureCookies: boolean;
  /** Run the job queue (deadline sweeps) and the outbox sender in this process. */
  runBackground: boolean;
  /** Where links in emails point. */
  publicUrl: string;
  mail: {
    /** SMTP server URL (smtp://user:pass@host:port); null writes .eml files to `dir` instead. */
    smtpUrl: string | null;
    dir: string;
    from: string;
    /** How long a sender may hold a message before another may retry it (a crashed sender's lease runs out). */
    leaseSeconds: number;
    pollMilliseconds: number;
    /** Multiplies every retry delay; 1 in production, small in tests of a failing mail server. */
    retryScale: number;
  };
  /** The agency's working hours, in which feedback deadlines are counted. */
  calendar: {
    timeZone: string;
    dayStartsAt: number;
    dayEndsAt: number;
    workingDays: number[];
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const APP_CONFIG = Symbol('APP_CONFIG');

type Env = Record<string, string | undefined>;

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
    runMigrations: boolean(env, 'RUN_MIGRATIONS', true, problems),
    demoData: boolean(env, 'DEMO_DATA', false, problems),
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
    runBackground: boolean(env, 'RUN_BACKGROUND', true, problems),
    publicUrl: (env['PUBLIC_URL'] || `http://localhost:${env['PORT'] || 3000}`).replace(/\/$/, ''),
    mail: {
      smtpUrl: smtpUrl(env, problems),
      dir: path(env, 'MAIL_DIR', '.data/mail', cwd),
      from: env['MAIL_FROM'] || 'Heardback <no-reply@heardback.test>',
      leaseSeconds: integer(env, 'OUTBOX_LEASE_SECONDS', 120, 1, 3600, problems),
      pollMilliseconds: integer(env, 'OUTBOX_POLL_MS', 2000, 50, 60_000, problems),
      retryScale: positiveNumber(env, 'OUTBOX_RETRY_SCALE', 1, problems),
    },
    calendar: {
      timeZone: timeZone(env, 'AGENCY_TIME_ZONE', DEFAULT_WORKING_CALENDAR.timeZone, problems),
      dayStartsAt: integer(env, 'WORKDAY_STARTS_AT', DEFAULT_WORKING_CALENDAR.dayStartsAt, 0, 23, problems),
      dayEndsAt: integer(env, 'WORKDAY_ENDS_AT', DEFAULT_WORKING_CALENDAR.dayEndsAt, 1, 24, problems),
      workingDays: workingDays(env, problems),
    },
  };
  if (config.calendar.dayEndsAt <= config.calendar.dayStartsAt) {
    problems.push('WORKDAY_ENDS_AT must be later than WORKDAY_STARTS_AT');
  }
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  return config;
}

function databaseUrl(env: Env, problems: string[]): string {
  const value = env['DATABASE_URL'];
  if (!value) {
    problems.push(
      'DATABASE_URL is required (for example postgres://postgres@127.0.0.1:5432/heardback); `npm start` sets it for you',
    );
    return '';
  }
  try {
    const url = new URL(value);
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
      problems.push(`DATABASE_URL must start with postgres:// (got ${url.protocol}//)`);
    }
  } catch {
    problems.push('DATABASE_URL is not a valid URL');
  }
  return value;
}

function positiveNumber(env: Env, name: string, fallback: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    problems.push(`${name} must be a number greater than 0 (got "${raw}")`);
    return fallback;
  }
  return value;
}

function smtpUrl(env: Env, problems: string[]): string | null {
  const value = env['SMTP_URL'];
  if (!value) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
      problems.push(`SMTP_URL must start with smtp:// or smtps:// (got ${url.protocol}//)`);
    }
  } catch {
    problems.push('SMTP_URL is not a valid URL');
  }
  return value;
}

function timeZone(env: Env, name: string, fallback: string, problems: string[]): string {
  const value = env[name] || fallback;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value;
  } catch {
    problems.push(`${name} must be an IANA time zone such as Europe/London (got "${value}")`);
    return fallback;
  }
}

function workingDays(env: Env, problems: string[]): number[] {
  const raw = env['WORKING_DAYS'];
  if (!raw) return [...DEFAULT_WORKING_CALENDAR.workingDays];
  const days = raw.split(',').map((part) => Number(part.trim()));
  if (days.length === 0 || days.some((day) => !Number.isInteger(day) || day < 1 || day > 7)) {
    problems.push(`WORKING_DAYS must list ISO weekdays 1 (Monday) to 7 (Sunday), comma-separated (got "${raw}")`);
    return [...DEFAULT_WORKING_CALENDAR.workingDays];
  }
  return [...new Set(days)].sort();
}

function integer(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return fallback;
  }
  return value;
}

function boolean(env: Env, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  problems.push(`${name} must be true or false (got "${raw}")`);
  return fallback;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T, problems: string[]): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
  return fallback;
}

function path(env: Env, name: string, fallback: string, cwd: string): string {
  const raw = env[name] || fallback;
  return isAbsolute(raw) ? raw : resolve(cwd, raw);
}
