import { isAbsolute, resolve } from 'node:path';
import { DEFAULT_WORKING_CALENDAR, isIsoDate } from '@heardback/domain';

/**
 * Readers of one environment variable each, for loadConfig: a value, or the fallback with the
 * problem in words added to `problems`, so every mistake is reported at once at start-up.
 */
export type Env = Record<string, string | undefined>;

export function databaseUrl(env: Env, problems: string[]): string {
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

/**
 * DATABASE_REPLICA_URLS: streaming replicas of DATABASE_URL's server, comma-separated, for the reads
 * that may lag a moment behind (ADR 0035). Empty: everything reads from the primary.
 */
export function databaseReplicaUrls(env: Env, problems: string[]): string[] {
  const raw = env['DATABASE_REPLICA_URLS'];
  if (!raw || raw.trim() === '') return [];
  const urls = raw
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url !== '');
  urls.forEach((value, index) => {
    try {
      const url = new URL(value);
      if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
        problems.push(`DATABASE_REPLICA_URLS entry ${index + 1} must start with postgres:// (got ${url.protocol}//)`);
      }
    } catch {
      problems.push(`DATABASE_REPLICA_URLS entry ${index + 1} is not a valid URL`);
    }
  });
  return urls;
}

export function positiveNumber(env: Env, name: string, fallback: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    problems.push(`${name} must be a number greater than 0 (got "${raw}")`);
    return fallback;
  }
  return value;
}

export function smtpUrl(env: Env, problems: string[]): string | null {
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

export function timeZone(env: Env, name: string, fallback: string, problems: string[]): string {
  const value = env[name] || fallback;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value;
  } catch {
    problems.push(`${name} must be an IANA time zone such as Europe/London (got "${value}")`);
    return fallback;
  }
}

export function workingDays(env: Env, problems: string[]): number[] {
  const raw = env['WORKING_DAYS'];
  if (!raw) return [...DEFAULT_WORKING_CALENDAR.workingDays];
  const days = raw.split(',').map((part) => Number(part.trim()));
  if (days.length === 0 || days.some((day) => !Number.isInteger(day) || day < 1 || day > 7)) {
    problems.push(`WORKING_DAYS must list ISO weekdays 1 (Monday) to 7 (Sunday), comma-separated (got "${raw}")`);
    return [...DEFAULT_WORKING_CALENDAR.workingDays];
  }
  return [...new Set(days)].sort();
}

/** `PUBLIC_HOLIDAYS=2026-12-25,2026-12-28`: local dates in the agency's time zone, each a real date. */
export function publicHolidays(env: Env, problems: string[]): string[] {
  const raw = env['PUBLIC_HOLIDAYS']?.trim();
  if (!raw) return [];
  const dates = raw.split(',').map((part) => part.trim());
  const bad = dates.filter((date) => !isIsoDate(date));
  if (bad.length > 0) {
    problems.push(
      `PUBLIC_HOLIDAYS must list dates as YYYY-MM-DD, comma-separated, such as 2026-12-25,2026-12-28 (not dates: ${bad.map((date) => `"${date}"`).join(', ')})`,
    );
    return [];
  }
  return [...new Set(dates)].sort();
}

/**
 * What to tell the operator when no public holiday is set for the coming year: deadlines, reminders and
 * escalations would then fall on them (an interview on 23 December gets its feedback due on Christmas
 * Day). Null when at least one is set within a year of `today` (a local date, YYYY-MM-DD).
 */
export function holidaysWarning(holidays: readonly string[], today: string): string | null {
  const yearOn = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  if (holidays.some((holiday) => holiday >= today && holiday <= yearOn)) return null;
  return (
    'No public holiday is set for the coming year (PUBLIC_HOLIDAYS): answer dates, reminders and escalations ' +
    "will fall on them. Set the agency's public holidays, such as PUBLIC_HOLIDAYS=2026-12-25,2026-12-28,2027-01-01."
  );
}

export function integer(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return fallback;
  }
  return value;
}

export function boolean(env: Env, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  problems.push(`${name} must be true or false (got "${raw}")`);
  return fallback;
}

export function oneOf<T extends string>(
  env: Env,
  name: string,
  allowed: readonly T[],
  fallback: T,
  problems: string[],
): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
  return fallback;
}

export function path(env: Env, name: string, fallback: string, cwd: string): string {
  const raw = env[name] || fallback;
  return isAbsolute(raw) ? raw : resolve(cwd, raw);
}
