import { ConfigError, loadConfig } from './app-config';

const valid = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/heardback' };

describe('configuration', () => {
  it('uses safe defaults when only the database is given', () => {
    const config = loadConfig(valid, '/repo');
    expect(config).toMatchObject({
      port: 3000,
      runMigrations: true,
      demoData: false,
      nodeEnv: 'development',
      secureCookies: false,
    });
    expect(config.portalDir).toBe('/repo/dist/apps/portal/browser');
  });

  it('ends agency sessions after 30 idle minutes and candidates’ after 7 days by default, and reads overrides', () => {
    const MINUTE = 60_000;
    expect(loadConfig(valid).sessions).toEqual({
      lifetimes: {
        agency: { idleMs: 30 * MINUTE, absoluteMs: 12 * 60 * MINUTE },
        candidate: { idleMs: 7 * 24 * 60 * MINUTE, absoluteMs: 30 * 24 * 60 * MINUTE },
      },
      maxPerUser: 10,
    });
    const tuned = loadConfig({ ...valid, SESSION_IDLE_MINUTES_AGENCY: '15', SESSION_MAX_PER_USER: '3' }).sessions;
    expect(tuned.lifetimes.agency.idleMs).toBe(15 * MINUTE);
    expect(tuned.maxPerUser).toBe(3);
    expect(() => loadConfig({ ...valid, SESSION_IDLE_MINUTES_AGENCY: '0' })).toThrow(/SESSION_IDLE_MINUTES_AGENCY/);
  });

  it('makes cookies Secure in production', () => {
    expect(loadConfig({ ...valid, NODE_ENV: 'production' }).secureCookies).toBe(true);
  });

  it('names every bad variable and says what it expects', () => {
    try {
      loadConfig({ PORT: 'eighty', DEMO_DATA: 'yes', NODE_ENV: 'staging' });
      throw new Error('accepted a bad configuration');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      expect(message).toContain('DATABASE_URL is required');
      expect(message).toContain('PORT must be a whole number from 0 to 65535 (got "eighty")');
      expect(message).toContain('DEMO_DATA must be true or false (got "yes")');
      expect(message).toContain('NODE_ENV must be one of development, production, test (got "staging")');
    }
  });

  it('refuses a database URL that is not PostgreSQL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://localhost/db' })).toThrow(/must start with postgres:\/\//);
  });
});
