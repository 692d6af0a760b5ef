import { isAbsolute, resolve } from 'node:path';

export type NodeEnvironment = 'development' | 'production' | 'test';

/** Everything the API reads from the environment, validated once at boot. */
export interface AppConfig {
  nodeEnv: NodeEnvironment;
  port: number;
  databaseUrl: string;
  runMigrations: boolean;
  demoData: boolean;
  portalDir: string;
  sessionTtlHours: number;
  /** Cookies are Secure everywhere but local development and tests over plain HTTP. */
  secureCookies: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const APP_CONFIG = Symbol('APP_CONFIG');

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env, cwd = process.cwd()): AppConfig {
  const problems: string[] = [];
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development', problems);
  const config: AppConfig = {
    nodeEnv,
    port: integer(env, 'PORT', 3000, 0, 65535, problems),
    databaseUrl: databaseUrl(env, problems),
    runMigrations: boolean(env, 'RUN_MIGRATIONS', true, problems),
    demoData: boolean(env, 'DEMO_DATA', false, problems),
    portalDir: path(env, 'PORTAL_DIR', 'dist/apps/portal/browser', cwd),
    sessionTtlHours: integer(env, 'SESSION_TTL_HOURS', 336, 1, 24 * 365, problems),
    secureCookies: nodeEnv === 'production' && env['INSECURE_COOKIES'] !== 'true',
  };
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  return config;
}

function databaseUrl(env: Env, problems: string[]): string {
  const value = env['DATABASE_URL'];
  if (!value) {
    problems.push('DATABASE_URL is required (for example postgres://postgres@127.0.0.1:5432/heardback); `npm start` sets it for you');
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
