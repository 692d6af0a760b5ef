import { startApiServer } from './api-server';
import { keepTestSqlOutOfTheLog } from './statement-log';

/** Provisions a fresh database and starts the built API once for the whole run. */
export default async function globalSetup(): Promise<void> {
  keepTestSqlOutOfTheLog(); // E2E_LOG_STATEMENTS=1 only
  // Background work off: deadline specs run the sweep themselves, at the simulated times they choose.
  // Every spec calls from 127.0.0.1, hundreds of times: the per-client limits stay on, counted in
  // PostgreSQL on every call, but high enough that only throttling.spec (on its own API) reaches them.
  const server = await startApiServer({
    RUN_BACKGROUND: 'false',
    RATE_LIMIT_SIGN_IN_FAILURES_PER_CLIENT: '100000/15m',
    RATE_LIMIT_REGISTRATIONS_PER_CLIENT: '100000/1h',
    RATE_LIMIT_REGISTRATION_CONFIRMATIONS_PER_CLIENT: '100000/15m',
    RATE_LIMIT_PASSWORD_RESETS_PER_CLIENT: '100000/1h',
    RATE_LIMIT_MAILING_ACTIONS_PER_CLIENT: '100000/1h',
    RATE_LIMIT_DOCUMENT_UPLOADS_PER_CLIENT: '100000/1h',
    RATE_LIMIT_SATISFACTION_ANSWERS_PER_CLIENT: '100000/1h',
    RATE_LIMIT_SCORE_READS_PER_CLIENT: '100000/1m',
  });
  process.env['API_URL'] = server.url;
  process.env['TEST_DATABASE_URL'] = server.databaseUrl;
  (globalThis as { __apiServer?: typeof server }).__apiServer = server;
}
