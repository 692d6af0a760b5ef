import { startApiServer } from './api-server';

/** Provisions a fresh database and starts the built API once for the whole run. */
export default async function globalSetup(): Promise<void> {
  // Background work off: deadline specs run the sweep themselves, at the simulated times they choose.
  const server = await startApiServer({ RUN_BACKGROUND: 'false' });
  process.env['API_URL'] = server.url;
  process.env['TEST_DATABASE_URL'] = server.databaseUrl;
  (globalThis as { __apiServer?: typeof server }).__apiServer = server;
}
