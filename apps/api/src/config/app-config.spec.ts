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

  it('throttles by default at limits a busy office behind one address does not reach, and reads overrides', () => {
    const config = loadConfig(valid);
    expect(config.rateLimits).toEqual({
      signInFailuresPerAccount: { points: 5, windowSeconds: 15 * 60 },
      signInFailuresPerClient: { points: 100, windowSeconds: 15 * 60 },
      registrationsPerClient: { points: 60, windowSeconds: 3600 },
      registrationsPerAccount: { points: 5, windowSeconds: 3600 },
      registrationConfirmationsPerClient: { points: 100, windowSeconds: 900 },
      registrationConfirmationsPerLink: { points: 10, windowSeconds: 900 },
      registrationRestartsPerAccount: { points: 5, windowSeconds: 3600 },
      passwordResetsPerAccount: { points: 5, windowSeconds: 3600 },
      passwordResetsPerClient: { points: 30, windowSeconds: 3600 },
      mailingActionsPerAccount: { points: 30, windowSeconds: 3600 },
      mailingActionsPerClient: { points: 600, windowSeconds: 3600 },
      documentUploadsPerAccount: { points: 20, windowSeconds: 3600 },
      documentUploadsPerClient: { points: 200, windowSeconds: 3600 },
      dataExportsPerAccount: { points: 10, windowSeconds: 3600 },
      dataExportsPerClient: { points: 100, windowSeconds: 3600 },
      clientReviewsPerClient: { points: 120, windowSeconds: 900 },
      clientReviewsPerLink: { points: 30, windowSeconds: 900 },
      satisfactionAnswersPerClient: { points: 120, windowSeconds: 3600 },
      scoreReadsPerAccount: { points: 60, windowSeconds: 60 },
      scoreReadsPerClient: { points: 300, windowSeconds: 60 },
    });
    expect(config.passwordHashing).toEqual({ concurrency: 2, queueLimit: 64 });
    const tuned = loadConfig({
      ...valid,
      RATE_LIMIT_SIGN_IN_FAILURES_PER_ACCOUNT: '3/90s',
      RATE_LIMIT_REGISTRATIONS_PER_CLIENT: '500/24h',
      PASSWORD_HASH_CONCURRENCY: '4',
    });
    expect(tuned.rateLimits.signInFailuresPerAccount).toEqual({ points: 3, windowSeconds: 90 });
    expect(tuned.rateLimits.registrationsPerClient).toEqual({ points: 500, windowSeconds: 86_400 });
    expect(tuned.passwordHashing.concurrency).toBe(4);
  });

  it('gives each score statement 8 s by default, reads an override, and refuses a nonsense one', () => {
    expect(loadConfig(valid).resilience.database.scoreTimeoutMs).toBe(8_000);
    expect(loadConfig({ ...valid, SCORE_TIMEOUT_MS: '2500' }).resilience.database.scoreTimeoutMs).toBe(2_500);
    expect(() => loadConfig({ ...valid, SCORE_TIMEOUT_MS: '0' })).toThrow(/SCORE_TIMEOUT_MS/);
    const tuned = loadConfig({ ...valid, RATE_LIMIT_SCORE_READS_PER_ACCOUNT: '120/1m' });
    expect(tuned.rateLimits.scoreReadsPerAccount).toEqual({ points: 120, windowSeconds: 60 });
  });

  it('keeps client review links 14 days by default, reads an override, and refuses a nonsense one', () => {
    expect(loadConfig(valid).clientReview).toEqual({ linkDays: 14 });
    expect(loadConfig({ ...valid, CLIENT_REVIEW_LINK_DAYS: '30' }).clientReview.linkDays).toBe(30);
    expect(() => loadConfig({ ...valid, CLIENT_REVIEW_LINK_DAYS: '0' })).toThrow(/CLIENT_REVIEW_LINK_DAYS/);
  });

  it('lets only tests move the clock (TEST_CLOCK_FILE), so a deployment never skips its deadlines', () => {
    expect(loadConfig(valid, '/repo').testClockFile).toBeNull();
    expect(loadConfig({ ...valid, NODE_ENV: 'test', TEST_CLOCK_FILE: 'clock' }, '/repo').testClockFile).toBe(
      '/repo/clock',
    );
    expect(() => loadConfig({ ...valid, NODE_ENV: 'production', TEST_CLOCK_FILE: '/tmp/clock' })).toThrow(
      /TEST_CLOCK_FILE is for tests only/,
    );
  });

  it('refuses a rate limit that is not a count per period from 1 s to 24 h', () => {
    for (const bad of ['5', '5/15', '0/1m', '5/25h', '5 per minute', '-1/1m']) {
      expect(() => loadConfig({ ...valid, RATE_LIMIT_PASSWORD_RESETS_PER_CLIENT: bad })).toThrow(
        `RATE_LIMIT_PASSWORD_RESETS_PER_CLIENT must be a count per period such as 30/1h: 1 to 1000000 per 1s to 24h (got "${bad}")`,
      );
    }
    expect(() => loadConfig({ ...valid, PASSWORD_HASH_CONCURRENCY: '0' })).toThrow(/PASSWORD_HASH_CONCURRENCY/);
  });

  it('trusts no proxy unless told which, so a caller cannot pick its own address', () => {
    expect(loadConfig(valid).trustProxy).toBe(false);
    expect(loadConfig({ ...valid, TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ ...valid, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ ...valid, TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::1' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::1',
    ]);
    for (const bad of ['true', '0', 'proxy.example.com', '10.0.0.0/33', 'loopback,']) {
      expect(() => loadConfig({ ...valid, TRUST_PROXY: bad })).toThrow(
        /TRUST_PROXY must be false, a number of proxies/,
      );
    }
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

  it('counts promises in London office hours with no public holidays by default, and reads the agency calendar', () => {
    expect(loadConfig(valid).calendar).toEqual({
      timeZone: 'Europe/London',
      dayStartsAt: 9,
      dayEndsAt: 17,
      workingDays: [1, 2, 3, 4, 5],
      holidays: [],
    });
    const calendar = loadConfig({ ...valid, PUBLIC_HOLIDAYS: ' 2026-12-28, 2026-12-25,2026-12-25 ' }).calendar;
    expect(calendar.holidays).toEqual(['2026-12-25', '2026-12-28']);
  });

  it('sends mail by default over 5 pooled connections, 8 at once, with a 30-second lease, and reads overrides', () => {
    expect(loadConfig(valid).mail).toMatchObject({
      leaseSeconds: 30,
      batchSize: 50,
      sendConcurrency: 8,
      smtpConnections: 5,
      messagesPerConnection: 100,
    });
    const tuned = loadConfig({ ...valid, MAIL_SEND_CONCURRENCY: '16', MAIL_SMTP_CONNECTIONS: '2' }).mail;
    expect(tuned).toMatchObject({ sendConcurrency: 16, smtpConnections: 2 });
    expect(() => loadConfig({ ...valid, MAIL_SMTP_CONNECTIONS: '0' })).toThrow(/MAIL_SMTP_CONNECTIONS/);
    expect(() => loadConfig({ ...valid, OUTBOX_LEASE_SECONDS: '1' })).toThrow(/OUTBOX_LEASE_SECONDS/);
  });

  it('keeps promises by default within 3 working days of silence, 2-day automatic dates and 2 moves, and reads overrides', () => {
    expect(loadConfig(valid).promises).toEqual({
      maxSilenceWorkingDays: 3,
      automaticUpdateWorkingDays: 2,
      redatingsBeforeStaff: 2,
    });
    expect(
      loadConfig({ ...valid, PROMISE_MAX_SILENCE_WORKING_DAYS: '5', PROMISE_REDATINGS_BEFORE_STAFF: '0' }).promises,
    ).toMatchObject({ maxSilenceWorkingDays: 5, redatingsBeforeStaff: 0 });
    expect(() => loadConfig({ ...valid, PROMISE_MAX_SILENCE_WORKING_DAYS: '0' })).toThrow(
      /PROMISE_MAX_SILENCE_WORKING_DAYS/,
    );
    expect(() => loadConfig({ ...valid, PROMISE_UPDATE_WORKING_DAYS: 'two' })).toThrow(/PROMISE_UPDATE_WORKING_DAYS/);
  });

  it('stops the boot on a public holiday that is not a real YYYY-MM-DD date, naming the variable and the dates', () => {
    for (const [raw, bad] of [
      ['2026-12-25,2026-02-30', '"2026-02-30"'],
      ['25/12/2026', '"25/12/2026"'],
      ['2026-12-25,,2026-12-28', '""'],
      ['2026-1-5', '"2026-1-5"'],
    ]) {
      expect(() => loadConfig({ ...valid, PUBLIC_HOLIDAYS: raw })).toThrow(ConfigError);
      expect(() => loadConfig({ ...valid, PUBLIC_HOLIDAYS: raw })).toThrow(
        `PUBLIC_HOLIDAYS must list dates as YYYY-MM-DD, comma-separated, such as 2026-12-25,2026-12-28 (not dates: ${bad})`,
      );
    }
  });

  it('refuses a database URL that is not PostgreSQL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://localhost/db' })).toThrow(/must start with postgres:\/\//);
  });

  it('reads from the primary only unless replicas are named, and names a bad replica URL by its place', () => {
    expect(loadConfig(valid).databaseReplicaUrls).toEqual([]);
    expect(
      loadConfig({
        ...valid,
        DATABASE_REPLICA_URLS:
          ' postgres://postgres@10.0.0.2:5432/heardback , postgres://postgres@10.0.0.3:5432/heardback,',
      }).databaseReplicaUrls,
    ).toEqual(['postgres://postgres@10.0.0.2:5432/heardback', 'postgres://postgres@10.0.0.3:5432/heardback']);
    expect(() =>
      loadConfig({ ...valid, DATABASE_REPLICA_URLS: 'postgres://postgres@10.0.0.2/heardback,mysql://x/y' }),
    ).toThrow(/DATABASE_REPLICA_URLS entry 2 must start with postgres:\/\//);
  });
});
