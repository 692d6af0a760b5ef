import { startApiServer } from './api-server';

/** Provisions a fresh database and starts the built API once for the whole run. */
export default async function globalSetup(): Promise<void> {
  const server = await startApiServer();
  process.env['API_URL'] = server.url;
  process.env['TEST_DATABASE_URL'] = server.databaseUrl;
  (globalThis as { __apiServer?: typeof server }).__apiServer = server;
}
